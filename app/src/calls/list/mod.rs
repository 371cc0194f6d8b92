//! Lists of calls: an organization's public calls (on its page), and the staff's list —
//! the call team's rooms and each juror's jury pages.

pub mod api;
pub mod ui;
