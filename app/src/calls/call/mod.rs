//! An open call itself: its rules (calendar, categories, rubric, documents) and storage.

#[cfg(feature = "ssr")]
pub(crate) mod phase_now;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
