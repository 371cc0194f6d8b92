//! Proposals written at events: submitted by checked-in participants, in the language
//! they were written in, supported once per person, hidden by moderation with a reason,
//! and, once consolidated, followed to what became of them.

pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;

pub use rules::{Outcome, Proposal, ProposalForm, ProposalStatus};
