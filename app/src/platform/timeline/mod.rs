//! A process's calendar — an election, a conference edition, an open call: its phases in
//! their only order, moved forward one at a time by staff (audited), each phase's last day
//! (set ahead, only ever extended, audited), and the public history read back from the
//! audit log. A process declares its phases as a `text_codes!` enum and says what each
//! phase allows; everything here works for any such enum.

pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;

pub use rules::{DeadlineChange, PhaseChange, TimelineError, check_deadline, check_move, next};
