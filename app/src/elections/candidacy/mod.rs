//! Standing for election, one room: `rules` (who may stand in which segment, the form's
//! checks, review and appeals as a state machine; pure), `store` (filing, deciding and
//! the final list on either backend, audited), `api` (a candidate's own server
//! functions), `ui` (the candidacy page). The commission's review is part of its page
//! (`elections::commission`).

pub mod api;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;

pub use rules::*;
