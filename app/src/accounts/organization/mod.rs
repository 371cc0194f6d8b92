//! An organization's own settings, edited by its administrators: names in several
//! languages, accepted documents, minimum age, residence rule, districts, time zone.

pub mod api; // the settings page's server functions
pub mod rules; // the form checked field by field (pure; `voz org create` uses it too)
#[cfg(feature = "ssr")]
pub mod store; // saving, audited in the same transaction
pub mod ui; // the settings page
