//! A station's kiosk: pairing and one ballot at a time (`store`), the kiosk device's server
//! functions (`api`) and its pages (`ui`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
