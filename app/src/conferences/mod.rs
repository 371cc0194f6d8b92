//! Conference proposal rounds (DOMAIN.md § Process 2): events, proposals, deliberation,
//! consolidation, delegates and the final plenary. Same layout as `elections`.

pub mod consolidation;
pub mod delegates;
pub mod deliberation;
pub mod edition;
#[cfg(feature = "ssr")]
pub mod error;
pub mod event;
pub mod event_vote;
pub mod organize;
pub mod participate;
pub mod plan;
pub mod plenary;
pub mod proposal;
pub mod public;
#[cfg(feature = "ssr")]
pub mod record;
