//! Server functions of taking part at an event: registering, being checked in at the
//! door, writing and supporting proposals, comments, amendments and their decisions,
//! reports of abuse and the moderators' answer. Each is a plain form post that goes back
//! to the page it came from.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::conferences::deliberation::rules::AmendmentForm;
use crate::conferences::proposal::rules::ProposalForm;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;

/// What the reader may do at an event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPart {
    pub signed_in: bool,
    pub registered: bool,
    pub checked_in: bool,
    /// Runs the event (its rapporteur) or is on the conference team: checks people in.
    pub runs_event: bool,
    /// The event takes registrations (its edition is being prepared or held).
    pub registration_open: bool,
    /// Proposals are written now (the edition's events phase).
    pub writing_open: bool,
    /// A refused proposal form, kept for the page it goes back to.
    pub draft: Option<ProposalForm>,
}

/// What the reader may do on a proposal's page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalPart {
    pub signed_in: bool,
    /// Open to deliberation: the events phase, neither hidden nor withdrawn.
    pub open: bool,
    pub supported: bool,
    /// Checked in at the proposal's event: may propose amendments.
    pub may_amend: bool,
    /// Its event's rapporteur or the conference team: decides amendments.
    pub decides: bool,
    pub draft: Option<AmendmentForm>,
}

/// A person registered for an event, as the door's list shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registrant {
    pub account: i64,
    pub name: String,
    pub checked_in: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInPage {
    pub organization: String,
    pub conference: String,
    pub event: String,
    pub event_name: String,
    pub open: bool,
    pub registered: i64,
    pub checked_in: i64,
    /// The names that match the search (all when it is empty), at most [`CHECK_IN_LIST`].
    pub found: Vec<Registrant>,
    pub q: String,
}

/// How many names the door's list shows at once (a search narrows it).
pub const CHECK_IN_LIST: usize = 200;

/// An item in the moderators' queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    /// `proposal` or `comment`.
    pub kind: String,
    pub id: i64,
    pub proposal: i64,
    pub text: String,
    pub reasons: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportsPage {
    pub organization: String,
    pub conference: String,
    pub items: Vec<QueueItem>,
}

#[server(prefix = "/api", endpoint = "conference/event/part", input = JsonOrForm)]
pub async fn load_my_part(
    organization: String,
    conference: String,
    event: String,
) -> Result<MyPart, AppError> {
    respond(ssr::my_part(&organization, &conference, &event).await)
}

/// Registers the signed-in person for an event; `migrant` is their own answer to "are
/// you an immigrant?" (`yes` / `no`), used for the delegate quota only.
#[server(prefix = "/api", endpoint = "conference/event/join", input = JsonOrForm)]
pub async fn join_event(
    organization: String,
    conference: String,
    event: String,
    #[server(default)] migrant: String,
) -> Result<(), AppError> {
    respond(ssr::join(&organization, &conference, &event, &migrant).await)
}

#[server(prefix = "/api", endpoint = "conference/event/check-in", input = JsonOrForm)]
pub async fn load_check_in(
    organization: String,
    conference: String,
    event: String,
    #[server(default)] q: String,
) -> Result<CheckInPage, AppError> {
    respond(ssr::check_in_page(&organization, &conference, &event, &q).await)
}

#[server(prefix = "/api", endpoint = "conference/event/check-in/mark", input = JsonOrForm)]
pub async fn check_in(
    organization: String,
    conference: String,
    event: String,
    account: i64,
) -> Result<(), AppError> {
    respond(ssr::check_in(&organization, &conference, &event, account).await)
}

#[server(prefix = "/api", endpoint = "conference/proposal/submit", input = JsonOrForm)]
pub async fn submit_proposal(
    organization: String,
    conference: String,
    event: String,
    form: ProposalForm,
) -> Result<(), AppError> {
    respond(ssr::submit(&organization, &conference, &event, form).await)
}

#[server(prefix = "/api", endpoint = "conference/proposal/part", input = JsonOrForm)]
pub async fn load_proposal_part(
    organization: String,
    conference: String,
    proposal: i64,
) -> Result<ProposalPart, AppError> {
    respond(ssr::proposal_part(&organization, &conference, proposal).await)
}

#[server(prefix = "/api", endpoint = "conference/proposal/support", input = JsonOrForm)]
pub async fn support_proposal(
    organization: String,
    conference: String,
    proposal: i64,
) -> Result<(), AppError> {
    respond(ssr::support(&organization, &conference, proposal).await)
}

/// A comment, or a reply when `parent` names a comment of the same proposal.
#[server(prefix = "/api", endpoint = "conference/proposal/comment", input = JsonOrForm)]
pub async fn comment_proposal(
    organization: String,
    conference: String,
    proposal: i64,
    #[server(default)] parent: String,
    #[server(default)] body: String,
) -> Result<(), AppError> {
    respond(ssr::comment(&organization, &conference, proposal, &parent, &body).await)
}

#[server(prefix = "/api", endpoint = "conference/proposal/amend", input = JsonOrForm)]
pub async fn amend_proposal(
    organization: String,
    conference: String,
    proposal: i64,
    form: AmendmentForm,
) -> Result<(), AppError> {
    respond(ssr::amend(&organization, &conference, proposal, form).await)
}

/// The rapporteur's decision: `verdict` is `accept` or `reject` (with a reason).
#[server(prefix = "/api", endpoint = "conference/amendment/decide", input = JsonOrForm)]
pub async fn decide_amendment(
    organization: String,
    conference: String,
    amendment: i64,
    verdict: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    respond(ssr::decide(&organization, &conference, amendment, &verdict, &reason).await)
}

/// Reports a proposal or a comment (`kind`) as abusive, with a reason.
#[server(prefix = "/api", endpoint = "conference/report", input = JsonOrForm)]
pub async fn report_content(
    organization: String,
    conference: String,
    kind: String,
    id: i64,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    respond(ssr::report(&organization, &conference, &kind, id, &reason).await)
}

#[server(prefix = "/api", endpoint = "staff/conference/reports", input = JsonOrForm)]
pub async fn load_reports(
    organization: String,
    conference: String,
) -> Result<ReportsPage, AppError> {
    respond(ssr::reports_page(&organization, &conference).await)
}

/// A moderator hides a reported item with a public reason (`verdict` = `hide`) or keeps
/// it (`keep`); either closes its reports.
#[server(prefix = "/api", endpoint = "staff/conference/reports/resolve", input = JsonOrForm)]
pub async fn resolve_reports(
    organization: String,
    conference: String,
    kind: String,
    id: i64,
    verdict: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    respond(ssr::resolve(&organization, &conference, &kind, id, &verdict, &reason).await)
}

#[cfg(feature = "ssr")]
#[path = "ssr.rs"]
mod ssr;
