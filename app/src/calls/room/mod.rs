//! The call team's room: the call's calendar moved on one phase at a time, and the
//! document check of every submitted application (accept, refuse with a reason, or ask
//! for a fix by a day).

pub mod api;
pub mod ui;
