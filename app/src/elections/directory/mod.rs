//! The front door's view of elections: which elections each organization holds, in which
//! phase and until when (the home page, an organization's page), and which ballots a
//! signed-in person may cast now (their account page). Drafts are not listed: an election
//! is announced when candidacies open.

pub mod api;
pub mod ui;
