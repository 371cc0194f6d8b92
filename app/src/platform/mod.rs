//! The civic pieces every process stands on — elections today, conference rounds and open
//! calls next. A process uses these and never another process's code.
//!
//! - `audit`: the hash-chained log of every staff action, with typed actions and subjects.
//! - `files`: uploads outside the database, named by their SHA-256; sniffing, images,
//!   bounded multipart forms.
//! - `ids`: typed ids (an account id is never passed where an election id is wanted).
//! - `codes`: enums stored as text and carried in URLs and `?error=` codes.
//! - `access`: who may do what — the role sets every staff check names, and the one
//!   reader of registrations and roles for other processes.
//! - `review`: accept, refuse with a reason, or send back to fix (by a day).
//! - `text`: a line and paragraphs people write, checked one way; Markdown rendered safe.
//! - `voting`: the ballot box of any poll — one mark per person, ballots that name no one,
//!   the seal.
//! - `form_codec`: server functions that read JSON and plain HTML forms alike.
//! - `inbox`: what happened to what a person submitted, in their language (and by email).
//! - `timeline`: a process's phases, last days and audited public history.

pub mod access;
pub mod audit;
pub mod codes;
pub mod files;
pub mod form_codec;
pub mod ids;
pub mod inbox;
pub mod review;
pub mod text;
pub mod timeline;
pub mod voting;
#[cfg(feature = "ssr")]
pub mod web;
