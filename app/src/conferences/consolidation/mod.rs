//! Consolidation (systematization): the team merges and codes the events' proposals into
//! consolidated proposals (`E3-12`) and motions (`M4`), each keeping a link to every
//! source proposal, with every version of its text. Read both ways, this is the public
//! lineage: from an original proposal to what became of it, and from a consolidated
//! proposal to every source and event.

pub mod api;
#[cfg(feature = "ssr")]
pub mod counts;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;

pub use rules::{Consolidated, ConsolidatedForm};
