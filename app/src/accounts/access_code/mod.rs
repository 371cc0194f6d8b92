//! Printed access codes for people without a passkey: their format and storage (`rules`)
//! and signing in with one (`api`, `ui`).

pub mod api;
pub mod rules;
pub mod ui;
