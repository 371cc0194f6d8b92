//! Registering with an organization: the rules a form must meet (`rules`, pure), storing
//! and reviewing registrations (`store`), the form's server functions (`api`), page (`ui`) and the
//! form's HTML names (`form`), and finding a registered person (`search`).

pub mod api;
pub mod form;
pub mod rules;
pub mod search;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
