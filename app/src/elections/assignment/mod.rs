//! Poll workers assigned to stations: storage (`store`), the commission's server functions
//! (`api`) and its section of the commission page (`ui`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
