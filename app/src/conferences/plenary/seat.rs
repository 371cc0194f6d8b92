//! A seat at the plenary as the team's room lists it (shared by the room's server
//! functions and the store's reads).

use serde::{Deserialize, Serialize};

/// A delegate or reserve of the edition, and how they stand at the plenary's door.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatRow {
    pub account: i64,
    pub name: String,
    pub event: String,
    /// Elected as a delegate (else: a reserve, `rank` in the event's list).
    pub delegate: bool,
    pub rank: i64,
    pub migrant: bool,
    pub credentialled: bool,
    /// The absent delegate a credentialled reserve stands in for.
    pub replaces: Option<String>,
    /// The reserve who took an absent delegate's place.
    pub replaced_by: Option<String>,
}
