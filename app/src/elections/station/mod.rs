//! A polling station on voting day: who may work it and the closure's reconciliation
//! (`rules`), opening, marking and closing (`store`), the poll-worker screen's server functions
//! (`api`) and the screen (`ui`).

pub mod api;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
