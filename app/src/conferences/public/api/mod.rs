//! Server functions behind the public conference pages (all public: a draft edition is
//! not found, and neither is an event still waiting for review).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::conferences::edition::rules::{Level, Phase};
use crate::conferences::event::rules::EventKind;
use crate::conferences::proposal::rules::ProposalStatus;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::ids::ProposalId;
use crate::platform::text::labels::Labels;
use crate::platform::timeline::PhaseChange;

/// The edition a page belongs to, as every conference page heads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionHead {
    pub organization: String,
    /// The organization's name in its own language, and in others where given.
    pub organization_name: String,
    pub organization_names: Labels,
    pub slug: String,
    pub names: Labels,
    pub phase: Phase,
    pub starts_on: Date,
    pub ends_on: Date,
}

/// A theme with its proposals before consolidation and consolidated proposals after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeCount {
    pub number: i64,
    pub names: Labels,
    pub proposals: i64,
    pub consolidated: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventCard {
    pub slug: String,
    pub kind: EventKind,
    pub name: String,
    pub organizer: String,
    pub held_on: Date,
    pub place: Option<String>,
    pub online_link: Option<String>,
    pub languages: Vec<String>,
    pub expected_audience: i64,
    /// People checked in.
    pub participants: i64,
    pub proposals: i64,
    /// Consolidated proposals that take at least one of its proposals.
    pub consolidated: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionPage {
    pub head: EditionHead,
    pub history: Vec<PhaseChange<Phase>>,
    pub themes: Vec<ThemeCount>,
    pub events: Vec<EventCard>,
    pub motions: i64,
}

/// A proposal in a list: its title in every language it has (the original first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalCard {
    pub id: ProposalId,
    pub theme: i64,
    pub level: String,
    /// Empty when hidden by moderation.
    pub title: Labels,
    pub status: ProposalStatus,
    pub supports: i64,
    pub event: String,
    pub event_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventPage {
    pub head: EditionHead,
    pub event: EventCard,
    pub themes: Vec<ThemeCount>,
    pub levels: Vec<Level>,
    pub proposals: Vec<ProposalCard>,
}

/// What a proposal fed: a consolidated proposal or a motion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fed {
    pub code: String,
    pub title: String,
    pub motion: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalPage {
    pub head: EditionHead,
    pub card: ProposalCard,
    pub theme: Labels,
    pub level: Labels,
    /// The text rendered safe, per language (the original first); empty when hidden.
    pub body_html: Vec<(String, String)>,
    pub hidden_reason: Option<String>,
    pub fed: Vec<Fed>,
    /// Its comments in reading order (threads after their parent).
    pub comments: Vec<crate::conferences::deliberation::rules::Threaded>,
    /// Amendments proposed, oldest first; none shown when the proposal is hidden.
    pub amendments: Vec<AmendmentView>,
    /// Every version of its text, oldest first (one until an amendment is accepted).
    pub versions: Vec<VersionView>,
}

/// An amendment as its proposal's page shows it: what it changes in the text it was
/// written against, why, and the rapporteur's decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendmentView {
    pub id: i64,
    pub author: String,
    pub note: String,
    pub status: crate::conferences::deliberation::rules::AmendmentStatus,
    pub reason: Option<String>,
    pub based_on: i64,
    pub created_at: i64,
    /// Title, blank line, text: word-level changes from version `based_on`, safe HTML.
    pub changes_html: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionView {
    pub version: i64,
    pub title: String,
    pub body: String,
    pub edited_at: i64,
    /// What changed from the version before (title, blank line, text), as safe HTML;
    /// none for the first.
    pub changes_html: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsolidatedPage {
    pub head: EditionHead,
    pub code: String,
    pub theme: i64,
    pub theme_names: Labels,
    pub motion: bool,
    pub title: String,
    pub body_html: String,
    pub sources: Vec<ProposalCard>,
    /// Every version, oldest first (the last is the current text).
    pub versions: Vec<VersionView>,
    /// The plenary's votes on it, once counted.
    pub plenary: Option<PlenaryLine>,
    /// The plan's actions that come from it (`A12`).
    pub actions: Vec<String>,
}

/// An item's plenary votes and result (`priority`, `approved`, `rejected`, `motion`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlenaryLine {
    pub code: String,
    pub title: String,
    pub approve: u64,
    pub reject: u64,
    pub abstain: u64,
    pub priority: u64,
    pub result: String,
}

/// The plenary's results per theme (theme 0: the motions), each item with its votes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlenaryPage {
    pub head: EditionHead,
    pub themes: Vec<(i64, Labels, Vec<PlenaryLine>)>,
    /// Delegates credentialled, and how many of them in an absent delegate's place.
    pub credentialled: i64,
    pub replacements: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanPage {
    pub head: EditionHead,
    pub actions: Vec<crate::conferences::plan::rules::Action>,
    /// Each source's title, by code.
    pub titles: Vec<(String, String)>,
    /// The original proposals each source was consolidated from, by code.
    pub originals: Vec<(String, Vec<i64>)>,
}

/// A public list of proposals, filtered and searched, one page at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalsPage {
    pub head: EditionHead,
    pub themes: Vec<(i64, Labels)>,
    /// (address, name) of each public event.
    pub events: Vec<(String, String)>,
    pub levels: Vec<Level>,
    /// The filter as understood (echoed into the form).
    pub query: ProposalQuery,
    pub proposals: Vec<ProposalCard>,
    pub total: i64,
    pub page: u32,
    pub pages: u32,
}

/// A list's filter as the page's form sends it (every field optional).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalQuery {
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub event: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub page: String,
}

#[server(prefix = "/api", endpoint = "conference/proposals", input = JsonOrForm)]
pub async fn load_proposals(
    organization: String,
    conference: String,
    query: ProposalQuery,
) -> Result<ProposalsPage, AppError> {
    respond(ssr::proposals_page(&organization, &conference, query).await)
}

/// An edition in an organization's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionCard {
    pub slug: String,
    pub names: Labels,
    pub phase: Phase,
    pub starts_on: Date,
    pub ends_on: Date,
}

/// An organization's public conference editions, newest first (none: an empty list).
#[server(prefix = "/api", endpoint = "conference/list", input = JsonOrForm)]
pub async fn list_editions(organization: String) -> Result<Vec<EditionCard>, AppError> {
    respond(ssr::editions(&organization).await)
}

#[server(prefix = "/api", endpoint = "conference/plenary", input = JsonOrForm)]
pub async fn load_plenary(
    organization: String,
    conference: String,
) -> Result<PlenaryPage, AppError> {
    respond(ssr::plenary_page(&organization, &conference).await)
}

#[server(prefix = "/api", endpoint = "conference/plan", input = JsonOrForm)]
pub async fn load_plan(organization: String, conference: String) -> Result<PlanPage, AppError> {
    respond(ssr::plan_page(&organization, &conference).await)
}

#[server(prefix = "/api", endpoint = "conference", input = JsonOrForm)]
pub async fn load_edition(
    organization: String,
    conference: String,
) -> Result<EditionPage, AppError> {
    respond(ssr::edition_page(&organization, &conference).await)
}

#[server(prefix = "/api", endpoint = "conference/event", input = JsonOrForm)]
pub async fn load_event(
    organization: String,
    conference: String,
    event: String,
) -> Result<EventPage, AppError> {
    respond(ssr::event_page(&organization, &conference, &event).await)
}

#[server(prefix = "/api", endpoint = "conference/proposal", input = JsonOrForm)]
pub async fn load_proposal(
    organization: String,
    conference: String,
    proposal: i64,
) -> Result<ProposalPage, AppError> {
    respond(ssr::proposal_page(&organization, &conference, ProposalId(proposal)).await)
}

#[server(prefix = "/api", endpoint = "conference/consolidated", input = JsonOrForm)]
pub async fn load_consolidated(
    organization: String,
    conference: String,
    code: String,
) -> Result<ConsolidatedPage, AppError> {
    respond(ssr::consolidated_page(&organization, &conference, &code).await)
}

#[cfg(feature = "ssr")]
mod ssr;
