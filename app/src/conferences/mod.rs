//! Conference proposal rounds (DOMAIN.md § Process 2): events, proposals, deliberation,
//! consolidation, delegates and the final plenary. Same layout as `elections`.

pub mod consolidation;
pub mod delegates;
pub mod edition;
#[cfg(feature = "ssr")]
pub mod error;
pub mod event;
pub mod proposal;
#[cfg(feature = "ssr")]
pub mod record;
