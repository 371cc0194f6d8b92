//! A conference's events: regional pre-conferences, created by organizers, and free
//! conferences, registered by civil-society groups through a public form and approved or
//! sent back (with a reason) by organizers; their participants, checked in at the door.

pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;

pub use rules::{Event, EventForm, EventKind, EventStatus, NewEvent};
