//! Council elections (issue 5, DOMAIN.md § Process 1): configuration and calendar,
//! candidacies, online and in-person voting, polling-station closure.
//!
//! `candidacy/` is a room of its own (rules, store, api, ui). Elsewhere, rules as pure
//! functions with tests: `phase` (its phases), `configure` (the commission's form),
//! `station_types` (who may work a station), `eligibility`. Storage behind `ssr`, one file
//! per subject (`store`: elections and casting; `calendar_store`, `photo_store`,
//! `station_store`, `closure_store`, `kiosk_store`, `assignment_store`). Server functions:
//! `public`, `commission`, `station` (+ `station_voters`, `station_kiosks`), `kiosk`,
//! `server` (voting), `photo_http`. Pages in `ui/`.

#[cfg(feature = "ssr")]
pub mod assignment_store;
pub mod assignments;
#[cfg(feature = "ssr")]
pub mod calendar_store;
pub mod candidacy;
#[cfg(feature = "ssr")]
pub mod closure_store;
pub mod commission;
pub mod configure;
pub mod eligibility;
#[cfg(feature = "ssr")]
pub mod error;
pub mod kiosk;
#[cfg(feature = "ssr")]
pub mod kiosk_store;
#[cfg(feature = "ssr")]
pub mod lookup;
pub mod phase;
pub mod photo_http;
#[cfg(feature = "ssr")]
pub mod photo_store;
pub mod public;
pub mod server;
pub mod settings;
pub mod station;
pub mod station_kiosks;
#[cfg(feature = "ssr")]
pub mod station_store;
pub mod station_types;
pub mod station_voters;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
