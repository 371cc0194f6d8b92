//! The electoral commission's work on an election: moving the calendar, deciding candidacies
//! and appeals (`api`), and its pages (`ui`).

pub mod api;
pub mod ui;
