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
//! - `room`: the call team's room — the calendar, the document check, jurors, the
//!   selection's publication and the awards' payments.
//! - `vote`: the public vote, one ballot box per category.
//! - `selection`: the selection gathered, published and read back (the jury record).

#[cfg(feature = "ssr")]
pub mod access;
pub mod apply;
pub mod call;
#[cfg(feature = "ssr")]
pub mod error;
pub mod jury;
pub mod labels;
pub mod list;
pub mod public;
pub mod room;
pub mod selection;
pub mod vote;

/// The selection rule (the `voz-select` crate): shared by the server and `voz select`.
pub use voz_select as select;
