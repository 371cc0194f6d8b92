//! Taking part at an event: registration and check-in at the door, writing, supporting,
//! commenting on and amending proposals, reporting abuse; and the moderators' queue.
//! Plain forms on server pages; no script needed.

#[cfg(feature = "ssr")]
pub(crate) mod access;
pub mod api;
pub mod ui;
pub mod votes;
