//! Voting online: the ballot's server functions (`api`) and the ballot page with its receipt
//! (`ui`). The ballot box itself is the platform's (`platform::voting`).

pub mod api;
pub mod check; // "is my ballot in the box?" by tracking code
pub mod ui;
