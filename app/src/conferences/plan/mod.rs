//! The plan: approved proposals become actions with the bodies responsible, each with
//! indicators (a baseline, a target per year, a status updated over the years); the
//! public follows each action's progress back to the proposals it came from. `form`
//! reads the team's forms (pure), `room` is the team's server functions, `ui` its screen.

pub mod form;
pub mod room;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
