//! The electoral commission's work on an election: moving the calendar, deciding candidacies
//! and appeals (`api`), and its pages (`ui`).

pub mod api;
#[cfg(feature = "ssr")]
pub(crate) mod redirect;
pub mod ui;
