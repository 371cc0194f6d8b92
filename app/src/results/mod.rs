//! Public results: the counting rule (the `voz-count` crate, re-exported as `count`),
//! shared by the server and `voz tally` so that anyone can recount a published ballot export;
//! the results page (`public` + `ui`).

pub use voz_count as count;
pub use voz_count::board;
#[cfg(feature = "ssr")]
pub mod export;
pub mod groups;
pub mod public;
#[cfg(feature = "ssr")]
pub mod publication;
pub mod recount;
pub mod ui;
