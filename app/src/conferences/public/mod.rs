//! What anyone reads of a conference edition, without signing in: the edition (its
//! calendar, themes with counts before and after consolidation, events), each event with
//! its proposals, each proposal with what became of it, each consolidated proposal with
//! every source and every version of its text.

pub mod api;
pub mod ui;
