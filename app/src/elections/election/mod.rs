//! An election itself: the commission's configuration form (`rules`, pure), what it says
//! beyond the count (`settings`), its storage (`store`), the public page's server functions
//! (`api`) and the page (`ui`); `lookup` finds it by its slugs.

pub mod api;
#[cfg(feature = "ssr")]
pub mod lookup;
pub mod rules;
pub mod segments; // the segments' layout, row by row (CMI template or the commission's own)
pub mod settings;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
