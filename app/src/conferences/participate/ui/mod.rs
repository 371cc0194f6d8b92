//! The pages and sections of taking part: an event's "take part" box and proposal form,
//! a proposal's supports, amendments and comments, the door's check-in list, the
//! moderators' queue. Every one a plain form that goes back to its page.

mod door;
mod event;
mod moderation;
mod proposal;
mod votes;

pub use door::CheckInPageView;
pub use event::TakePart;
pub use moderation::ReportsPageView;
pub use proposal::Deliberation;
pub use votes::EventVotesSection;
