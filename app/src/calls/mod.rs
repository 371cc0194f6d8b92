//! Open calls with a jury (README, "Open calls"; Bogotá's festival pattern): categories,
//! applications with documents, the document check, rubric scoring with conflicts of
//! interest, the public vote, selection and the awards' follow-up. Built on the platform
//! (timeline, review, scoped roles, file store, ballot box, audit) and never on another
//! process's code.
//!
//! - `call`: a call's calendar, categories, rubric and required documents.
//! - `setup`: the staff's form that sets a new call up.
//! - `apply`: an application — who applies, its members and files; drafts, submission,
//!   the document check and fixes.
//! - `jury`: jurors per category, conflicts of interest, scores with justifications.
//! - `public`: a call's public page.
//! - `room`: the call team's room — the calendar, the document check, jurors, the
//!   selection's publication and the awards' follow-up.
//! - `vote`: the public vote, one ballot box per category.
//! - `selection`: the selection gathered, published and read back (the jury record).
//! - `awards`: each winner's award — payment, final report, follow-up visits — and the
//!   public page of winners and their initiatives.

#[cfg(feature = "ssr")]
pub mod access;
pub mod apply;
pub mod awards;
pub mod call;
#[cfg(feature = "ssr")]
pub mod error;
pub mod jury;
pub mod labels;
pub mod list;
#[cfg(feature = "ssr")]
pub(crate) mod notify;
pub mod public;
pub mod room;
pub mod selection;
pub mod setup;
pub mod vote;

/// The selection rule (the `voz-select` crate): shared by the server and `voz select`.
pub use voz_select as select;
