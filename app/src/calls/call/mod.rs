//! An open call itself: its rules (calendar, categories, rubric, documents) and storage.

pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
