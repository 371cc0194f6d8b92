//! Council elections (issue 5, DOMAIN.md § Process 1): configuration and calendar,
//! candidacies, online and in-person voting, polling-station closure.
//!
//! Will hold `types.rs` (shared with the browser), `server.rs` (server functions),
//! `ui/` (pages), `storage.rs` (behind `ssr`) and `rules.rs`: phases, eligibility and
//! ballot validation as pure functions with property tests, readable next to DOMAIN.md.

#[cfg(feature = "ssr")]
pub mod calendar_store;
pub mod candidacy;
#[cfg(feature = "ssr")]
pub mod candidacy_store;
pub mod commission;
pub mod configure;
#[cfg(feature = "ssr")]
pub mod markdown;
pub mod phase;
#[cfg(feature = "ssr")]
pub mod photo;
pub mod photo_http;
#[cfg(feature = "ssr")]
pub mod photo_store;
pub mod public;
pub mod server;
pub mod settings;
pub mod station;
#[cfg(feature = "ssr")]
pub mod station_store;
pub mod station_types;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
