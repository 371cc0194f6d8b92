//! Deliberation on an event's proposals: threaded comments (moderated), amendments the
//! event's rapporteur accepts or rejects (every accepted one a new version of the
//! proposal's text), and reports of abuse for the moderators' queue.

pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
