//! Public results: the counting rule of DOMAIN.md as a pure function (`count`), shared by
//! the server and `voz tally`, so that anyone can recount a published ballot export.
//! The bulletin board, result pages and downloads come with the elections work.

pub mod count;
