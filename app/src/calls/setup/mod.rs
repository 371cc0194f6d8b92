//! Setting an open call up from the staff's pages (`/staff/<org>/calls/new`), as
//! `voz call create` does from a file: the form, checked into a `NewCall`
//! (`rules`), created in its draft and audited (`api`), on a plain form (`ui`).

pub mod api;
pub mod rules;
pub mod ui;
