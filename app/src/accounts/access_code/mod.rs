//! Printed access codes for people without a passkey: their format (`rules`), issuing and
//! spending them (`store`), signing in with one (`api`, `ui`).

pub mod api;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
