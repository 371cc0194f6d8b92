//! The public vote among a call's eligible applications: one ballot box per category (the
//! platform's: one mark per person, ballots that name no one), one vote per verified
//! person per category, counted into the selection with the weight the call gives it.

pub mod api;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
