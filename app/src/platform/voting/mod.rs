//! The ballot box, for any vote: an election's today; a conference event's prioritisation,
//! a plenary vote and an open call's public vote next. A box belongs to a *poll* (a kind
//! and the process that owns it). What it promises, whatever the poll:
//!
//! - **One mark per person.** Who has voted is a mark keyed by (poll, account): a second
//!   mark cannot exist, whichever channel, device or tab tries, at whatever moment.
//! - **Ballots name no one.** A ballot is a random tracking code and its canonical content:
//!   no account, no time, no channel, no station, no key in common with the marks but the
//!   poll. The mark and the ballot are written in one transaction (no vote without its
//!   mark, no mark without its vote).
//! - **The seal.** When voting closes, both tables are rewritten in key order so that
//!   nothing in the database (row order, free pages, the write-ahead log, PostgreSQL's
//!   system columns) keeps the order in which people voted (`store::seal_ballot_box`).
//!
//! What a ballot may contain, who may vote and when is the owning process's rule; it
//! checks them inside the same transaction before marking.

#[cfg(feature = "ssr")]
pub mod store;

use serde::{Deserialize, Serialize};

/// How a ballot reaches the box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Online,
    InPerson,
}

crate::platform::codes::text_codes!(Channel {
    Online => "online",
    InPerson => "in_person",
});

/// What a poll is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PollKind {
    /// An election's ballot (its segments and candidates).
    Election,
    /// A conference event's prioritisation: up to K of its proposals per theme.
    Priorities,
    /// A conference event's delegate election.
    Delegates,
    /// A conference plenary's vote on one theme (or on the motions).
    Plenary,
    /// An open call's public vote in one category: one application per person.
    CallVote,
}

crate::platform::codes::text_codes!(PollKind {
    Election => "election",
    Priorities => "priorities",
    Delegates => "delegates",
    Plenary => "plenary",
    CallVote => "call_vote",
});
