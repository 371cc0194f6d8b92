//! An application to a call: who applies (an individual with an alternate, a group of at
//! least three, an organization), its files, its draft and its final submission with a
//! receipt; then the document check's verdict and the fixes it may ask for.

pub mod api;
pub mod http;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
pub mod types;
pub mod ui;
