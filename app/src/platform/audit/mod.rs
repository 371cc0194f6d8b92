//! The audit log: every staff action, appended in the same transaction as the change,
//! hash-chained so that observers can prove nothing was edited or removed afterwards.

pub mod chain;
pub mod event;
pub mod readable;
#[cfg(feature = "ssr")]
pub mod store;

pub use chain::{AuditRecord, ChainBreak, ChainSummary, GENESIS_HASH};
