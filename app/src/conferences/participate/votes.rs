//! Server functions of an event's two votes, as its page shows them: the prioritisation
//! (up to K proposals per theme) and the delegate election (stand, vote, count). Whoever
//! runs the event opens, starts and counts them; checked-in participants vote once each,
//! through the platform's ballot box.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::conferences::event_vote::VoteStatus;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::text::labels::Labels;

/// A proposal on the prioritisation ballot or in its ranked list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i64,
    pub title: Labels,
    /// Votes once counted; supports before.
    pub n: u64,
}

/// One theme of the prioritisation: its proposals (the ballot), or its ranked list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeChoices {
    pub theme: i64,
    pub names: Labels,
    pub choices: Vec<Choice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrioritiesView {
    pub per_theme: u8,
    pub status: VoteStatus,
    /// While voting: the ballot. Counted: each theme's ranked list (what the event sends on).
    pub themes: Vec<ThemeChoices>,
}

/// A delegate candidate: their public code and name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub code: String,
    pub name: String,
    /// Votes, once counted.
    pub votes: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegatesView {
    pub status: VoteStatus,
    pub delegates: usize,
    pub reserve: usize,
    /// The quota of immigrants, as a fraction (0/1: none).
    pub quota: (u32, u32),
    pub max_choices: usize,
    pub lot_seed: String,
    pub candidates: Vec<Candidate>,
    /// Counted: the delegates and the ranked reserve, by rank (names).
    pub elected: Vec<String>,
    pub reserve_list: Vec<String>,
    /// Counted: immigrants required and elected among the delegates.
    pub quota_line: Option<(u64, u64)>,
}

/// What the reader may do in the event's votes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyVotes {
    pub checked_in: bool,
    pub runs_event: bool,
    /// Events being held: votes may be opened and cast.
    pub open: bool,
    pub voted_priorities: bool,
    pub voted_delegates: bool,
    /// The reader's candidate code, when standing.
    pub standing: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventVotes {
    pub organization: String,
    pub conference: String,
    pub event: String,
    pub priorities: Option<PrioritiesView>,
    pub delegates: Option<DelegatesView>,
    pub me: MyVotes,
}

#[server(prefix = "/api", endpoint = "conference/event/votes", input = JsonOrForm)]
pub async fn load_event_votes(
    organization: String,
    conference: String,
    event: String,
) -> Result<EventVotes, AppError> {
    respond(ssr::votes(&organization, &conference, &event).await)
}

/// A vote's rule as the opening form types it: `per_theme` for the prioritisation;
/// `delegates`, `reserve`, `quota` (`1/3`) and `max_choices` for the delegate election.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RuleForm {
    pub per_theme: String,
    pub delegates: String,
    pub reserve: String,
    pub quota: String,
    pub max_choices: String,
}

/// Opens the prioritisation (`kind` = `priorities`) or the delegate election
/// (`delegates`) with its rule.
#[server(prefix = "/api", endpoint = "conference/event/vote/open", input = JsonOrForm)]
pub async fn open_event_vote(
    organization: String,
    conference: String,
    event: String,
    kind: String,
    #[server(default)] rule: RuleForm,
) -> Result<(), AppError> {
    respond(ssr::open(&organization, &conference, &event, &kind, rule).await)
}

/// A checked-in participant stands for delegate.
#[server(prefix = "/api", endpoint = "conference/event/vote/stand", input = JsonOrForm)]
pub async fn stand_for_delegate(
    organization: String,
    conference: String,
    event: String,
) -> Result<(), AppError> {
    respond(ssr::stand(&organization, &conference, &event).await)
}

/// Closes the candidate list and opens the delegate vote.
#[server(prefix = "/api", endpoint = "conference/event/vote/start", input = JsonOrForm)]
pub async fn start_delegate_vote(
    organization: String,
    conference: String,
    event: String,
) -> Result<(), AppError> {
    respond(ssr::start(&organization, &conference, &event).await)
}

/// A checked-in participant's ballot: proposal ids (`priorities`) or candidate codes
/// (`delegates`).
#[server(prefix = "/api", endpoint = "conference/event/vote/cast", input = JsonOrForm)]
pub async fn cast_event_ballot(
    organization: String,
    conference: String,
    event: String,
    kind: String,
    #[server(default)] choices: Vec<String>,
) -> Result<(), AppError> {
    respond(ssr::cast(&organization, &conference, &event, &kind, &choices).await)
}

/// Counts a vote, once (audited); the ballot box is sealed afterwards.
#[server(prefix = "/api", endpoint = "conference/event/vote/count", input = JsonOrForm)]
pub async fn count_event_vote(
    organization: String,
    conference: String,
    event: String,
    kind: String,
) -> Result<(), AppError> {
    respond(ssr::count(&organization, &conference, &event, &kind).await)
}

#[cfg(feature = "ssr")]
#[path = "votes_ssr.rs"]
mod ssr;
