//! Who may act at an event, and the edition and event a request names (server only):
//! shared by the participants' and the event's votes' server functions.

use crate::accounts::staff::store as staff_store;
use crate::accounts::store as accounts_store;
use crate::accounts::types::Organization;
use crate::conferences::deliberation::store as deliberation_store;
use crate::conferences::edition::Conference;
use crate::conferences::edition::store as edition_store;
use crate::conferences::event::rules::{Event, EventStatus};
use crate::conferences::event::store as event_store;
use crate::error::{AppError, ErrorCode};
use crate::platform::access::{CONFERENCE_TEAM, holds_any};
use crate::platform::ids::{AccountId, ProposalId};
use crate::platform::web::context::{app_state, current_session, require_staff};
use crate::platform::web::sessions::AuthMethod;

pub fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

/// A public edition of an organization.
pub async fn edition(
    organization: &str,
    conference: &str,
) -> Result<(Organization, Conference), AppError> {
    let app = app_state()?;
    let org = accounts_store::organization_by_slug(&app.db, organization)
        .await?
        .ok_or_else(not_found)?;
    let found = edition_store::conference_by_slug(&app.db, org.id, conference)
        .await?
        .filter(|c| c.phase.public())
        .ok_or_else(not_found)?;
    Ok((org, found))
}

/// A public edition and one of its approved events.
pub async fn edition_event(
    organization: &str,
    conference: &str,
    event: &str,
) -> Result<(Organization, Conference, Event), AppError> {
    let (org, found) = edition(organization, conference).await?;
    let app = app_state()?;
    let event = event_store::event_by_slug(&app.db, found.id, event).await?;
    if event.status != EventStatus::Approved {
        return Err(not_found());
    }
    Ok((org, found, event))
}

/// Whether `account` runs `event`: its rapporteur (the account that registered it), or
/// the conference team signed in with a passkey, as every staff member must be.
pub async fn runs_event(
    org: &Organization,
    event: &Event,
    account: AccountId,
    method: AuthMethod,
) -> Result<bool, AppError> {
    let app = app_state()?;
    if deliberation_store::is_rapporteur(&app.db, event.id, account).await? {
        return Ok(true);
    }
    let roles = staff_store::roles_of(&app.db, org.id, account).await?;
    Ok(method == AuthMethod::Passkey && holds_any(&roles, &CONFERENCE_TEAM))
}

/// The signed-in person running `event`, or 401/403.
pub async fn require_runner(org: &Organization, event: &Event) -> Result<AccountId, AppError> {
    let (account, method) = current_session()
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::Unauthenticated))?;
    if !runs_event(org, event, account, method).await? {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    Ok(account)
}

/// An edition (in any phase) and the conference team member acting on it, or 401/403.
pub async fn team_edition(
    organization: &str,
    conference: &str,
) -> Result<(AccountId, Organization, Conference), AppError> {
    let (actor, org) = require_staff(organization, &CONFERENCE_TEAM).await?;
    let app = app_state()?;
    let found = edition_store::conference_by_slug(&app.db, org.id, conference)
        .await?
        .ok_or_else(not_found)?;
    Ok((actor, org, found))
}

pub fn event_path(org: &Organization, edition: &Conference, event: &Event) -> String {
    format!("/o/{}/c/{}/events/{}", org.slug, edition.slug, event.slug)
}

pub fn proposal_path(org: &Organization, edition: &Conference, proposal: ProposalId) -> String {
    format!("/o/{}/c/{}/proposals/{proposal}", org.slug, edition.slug)
}
