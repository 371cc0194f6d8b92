//! A person's own account: server functions (`api`) and the page (`ui`).

pub mod api;
pub mod ui;
