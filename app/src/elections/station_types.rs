//! What the poll-worker screen and the station store share.

use serde::{Deserialize, Serialize};

use crate::accounts::types::RegistrationStatus;

/// Where a station stands.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationState {
    pub opened: bool,
    pub closed: bool,
    /// People marked as voting here.
    pub marked: u64,
    /// Ballots in this station's box (kiosk and paper).
    pub ballots: u64,
    pub valid: u64,
    pub blank: u64,
    pub null: u64,
    /// Kiosk ballots handed over but not cast yet.
    pub waiting_kiosk: u64,
    pub justification: Option<String>,
}

/// A person as the poll worker sees them after a document search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoterLookup {
    pub account: i64,
    pub name: String,
    pub status: RegistrationStatus,
    pub old_enough: bool,
    pub voted: bool,
}

/// How the marked person votes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandOver {
    /// A ballot on the station's device: returns a single-use kiosk token.
    Kiosk,
    /// A paper ballot into the box, entered at closing.
    Paper,
}
