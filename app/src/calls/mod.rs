//! Open calls with a jury (README, "Open calls"; Bogotá's festival pattern): categories,
//! applications with documents, the document check, rubric scoring with conflicts of
//! interest, the public vote, selection and the awards' follow-up. Built on the platform
//! (timeline, review, scoped roles, file store, ballot box, audit) and never on another
//! process's code.
//!
//! - `call`: a call's calendar, categories, rubric and required documents.
//! - `apply`: an application — who applies, its members and files; drafts, submission,
//!   the document check and fixes.
//! - `jury`: jurors per category, conflicts of interest, scores with justifications.
//! - `public`: a call's public page.
//! - `room`: the call team's room — the calendar and the document check.

#[cfg(feature = "ssr")]
pub mod access;
pub mod apply;
pub mod call;
#[cfg(feature = "ssr")]
pub mod error;
pub mod jury;
pub mod labels;
pub mod public;
pub mod room;

/// The selection rule (the `voz-select` crate): shared by the server and `voz select`.
pub use voz_select as select;
