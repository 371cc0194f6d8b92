//! An event's two votes, each in a poll of the platform's ballot box: the prioritisation
//! (checked-in participants choose up to K proposals per theme; the ranked list is what
//! the event sends onward) and the delegate election (`conferences::delegates`'s rule).

pub mod priorities;
#[cfg(feature = "ssr")]
pub mod store;

use serde::{Deserialize, Serialize};

/// Which of an event's votes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteKind {
    Priorities,
    Delegates,
}

crate::platform::codes::text_codes!(VoteKind {
    Priorities => "priorities",
    Delegates => "delegates",
});

/// Where a vote stands: delegates stand first; then voting; then counted (final).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteStatus {
    Standing,
    Voting,
    Counted,
}

crate::platform::codes::text_codes!(VoteStatus {
    Standing => "standing",
    Voting => "voting",
    Counted => "counted",
});
