//! Public results (issue 5): the counting rule of DOMAIN.md as a pure function
//! (`rules.rs`, shared by the server and `voz tally`), the bulletin board, result pages
//! and downloads. Same layout as `elections`.
