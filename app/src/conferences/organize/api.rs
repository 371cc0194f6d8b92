//! Server functions of the conference team's room and of the free-conference form.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::conferences::edition::rules::Phase;
use crate::conferences::event::rules::{EventForm, EventStatus};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::text::labels::Labels;

/// A free conference waiting for the team, or one the signed-in group registered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registered {
    pub slug: String,
    pub name: String,
    pub organizer: String,
    pub held_on: crate::calendar::Date,
    pub place: Option<String>,
    pub online_link: Option<String>,
    pub expected_audience: i64,
    pub languages: Vec<String>,
    pub status: EventStatus,
    pub reason: Option<String>,
}

/// One edition in the team's room.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionRoom {
    pub slug: String,
    pub names: Labels,
    pub phase: Phase,
    pub next: Option<Phase>,
    pub pending: Vec<Registered>,
    pub approved: usize,
}

/// What the free-conference form page needs: the edition, whether it takes
/// registrations now, the reader's own registrations, a refused form's draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeConferencePage {
    pub organization: String,
    pub slug: String,
    pub names: Labels,
    pub starts_on: String,
    pub ends_on: String,
    pub open: bool,
    pub signed_in: bool,
    pub mine: Vec<Registered>,
    pub draft: Option<EventForm>,
}

#[server(prefix = "/api", endpoint = "staff/conferences", input = JsonOrForm)]
pub async fn load_room(organization: String) -> Result<Vec<EditionRoom>, AppError> {
    respond(ssr::room(&organization).await)
}

#[server(prefix = "/api", endpoint = "staff/conference/phase", input = JsonOrForm)]
pub async fn move_phase(
    organization: String,
    conference: String,
    to: Phase,
) -> Result<(), AppError> {
    respond(ssr::move_phase(&organization, &conference, to).await)
}

/// The team's decision on a pending free conference: `verdict` is `accept`, `fix` (sent
/// back) or `refuse`; `reason` is required unless accepted.
#[server(prefix = "/api", endpoint = "staff/conference/review", input = JsonOrForm)]
pub async fn review(
    organization: String,
    conference: String,
    event: String,
    verdict: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    respond(ssr::review(&organization, &conference, &event, &verdict, &reason).await)
}

#[server(prefix = "/api", endpoint = "conference/free", input = JsonOrForm)]
pub async fn load_free_conference(
    organization: String,
    conference: String,
) -> Result<FreeConferencePage, AppError> {
    respond(ssr::free_page(&organization, &conference).await)
}

/// A civil-society group registers a free conference (signed in: the group's account
/// follows the review and corrects what is sent back).
#[server(prefix = "/api", endpoint = "conference/free/register", input = JsonOrForm)]
pub async fn register_free_conference(
    organization: String,
    conference: String,
    form: EventForm,
) -> Result<(), AppError> {
    respond(ssr::register(&organization, &conference, form).await)
}

/// The group corrects a free conference the team sent back (`event`: its address) and
/// sends it again for review.
#[server(prefix = "/api", endpoint = "conference/free/resubmit", input = JsonOrForm)]
pub async fn resubmit_free_conference(
    organization: String,
    conference: String,
    event: String,
    form: EventForm,
) -> Result<(), AppError> {
    respond(ssr::resubmit(&organization, &conference, &event, form).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::accounts::store as accounts_store;
    use crate::accounts::types::Organization;
    use crate::conferences::edition::Conference;
    use crate::conferences::edition::store as edition_store;
    use crate::conferences::event::rules::{Event, EventKind, validate_event};
    use crate::conferences::event::store as event_store;
    use crate::db::now_millis;
    use crate::error::ErrorCode;
    use crate::platform::access::CONFERENCE_TEAM;
    use crate::platform::review::Verdict;
    use crate::platform::web::context::{
        app_state, current_account, require_account, require_staff,
    };
    use crate::platform::web::flash::Flash;
    use crate::platform::web::http::form_redirect;

    /// A refused free-conference form, kept for the page it goes back to.
    const DRAFT: Flash = Flash("voz_free_conference_draft");

    fn registered(e: &Event) -> Registered {
        Registered {
            slug: e.slug.clone(),
            name: e.name.clone(),
            organizer: e.organizer.clone(),
            held_on: e.held_on,
            place: e.place.clone(),
            online_link: e.online_link.clone(),
            expected_audience: e.expected_audience,
            languages: e.languages.clone(),
            status: e.status,
            reason: e.status_reason.clone(),
        }
    }

    async fn edition_of(
        organization: &Organization,
        conference: &str,
    ) -> Result<Conference, AppError> {
        let app = app_state()?;
        edition_store::conference_by_slug(&app.db, organization.id, conference)
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))
    }

    /// The organization named in a public form's request, and its edition.
    async fn public_edition_of(
        organization: &str,
        conference: &str,
    ) -> Result<(Organization, Conference), AppError> {
        let app = app_state()?;
        let org = accounts_store::organization_by_slug(&app.db, organization)
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let edition = edition_of(&org, conference).await?;
        Ok((org, edition))
    }

    pub async fn room(organization: &str) -> Result<Vec<EditionRoom>, AppError> {
        let (_, org) = require_staff(organization, &CONFERENCE_TEAM).await?;
        let app = app_state()?;
        let mut out = Vec::new();
        for edition in edition_store::conferences_of(&app.db, org.id).await? {
            let events = event_store::events_of(&app.db, edition.id, false).await?;
            out.push(EditionRoom {
                slug: edition.slug.clone(),
                names: edition.names.clone(),
                phase: edition.phase,
                next: crate::platform::timeline::next(edition.phase),
                pending: events
                    .iter()
                    .filter(|e| e.status == EventStatus::Pending)
                    .map(registered)
                    .collect(),
                approved: events
                    .iter()
                    .filter(|e| e.status == EventStatus::Approved)
                    .count(),
            });
        }
        Ok(out)
    }

    pub async fn move_phase(
        organization: &str,
        conference: &str,
        to: Phase,
    ) -> Result<(), AppError> {
        let (actor, org) = require_staff(organization, &CONFERENCE_TEAM).await?;
        let edition = edition_of(&org, conference).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        edition_store::move_phase(&mut tx, edition.id, to, Some(actor), now_millis()).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn review(
        organization: &str,
        conference: &str,
        event: &str,
        verdict: &str,
        reason: &str,
    ) -> Result<(), AppError> {
        let (actor, org) = require_staff(organization, &CONFERENCE_TEAM).await?;
        let edition = edition_of(&org, conference).await?;
        let verdict = match verdict {
            "accept" => Verdict::Accept,
            "fix" => Verdict::FixBy {
                reason: reason.to_owned(),
                by: None,
            },
            "refuse" => Verdict::Refuse {
                reason: reason.to_owned(),
            },
            _ => return Err(AppError::new(ErrorCode::InvalidInput)),
        };
        let today = crate::calendar::Date::from_unix_millis(now_millis());
        let verdict = verdict.checked(1000, today, false)?;
        let app = app_state()?;
        let found = event_store::event_by_slug(&app.db, edition.id, event).await?;
        let mut tx = app.db.begin_write().await?;
        event_store::review_event(&mut tx, &edition, found.id, &verdict, actor, now_millis())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn free_page(
        organization: &str,
        conference: &str,
    ) -> Result<FreeConferencePage, AppError> {
        let app = app_state()?;
        let (org, edition) = public_edition_of(organization, conference).await?;
        if !edition.phase.public() {
            return Err(AppError::new(ErrorCode::NotFound));
        }
        let account = current_account().await?;
        let mine = match account {
            Some(account) => event_store::events_registered_by(&app.db, edition.id, account)
                .await?
                .iter()
                .map(registered)
                .collect(),
            None => Vec::new(),
        };
        Ok(FreeConferencePage {
            organization: org.slug.clone(),
            slug: edition.slug.clone(),
            names: edition.names.clone(),
            starts_on: edition.starts_on.to_string(),
            ends_on: edition.ends_on.to_string(),
            open: edition.phase.takes_free_conferences(),
            signed_in: account.is_some(),
            mine,
            draft: DRAFT.take_json(),
        })
    }

    pub async fn register(
        organization: &str,
        conference: &str,
        form: EventForm,
    ) -> Result<(), AppError> {
        let account = require_account().await?;
        let app = app_state()?;
        let (org, edition) = public_edition_of(organization, conference).await?;
        let new = match validate_event(&form, edition.starts_on, edition.ends_on) {
            Ok(new) => new,
            Err(problems) => {
                DRAFT.put_json(&form);
                return Err(AppError::fields(problems));
            }
        };
        let mut tx = app.db.begin_write().await?;
        event_store::create_event(
            &mut tx,
            &edition,
            EventKind::FreeConference,
            &new,
            account,
            now_millis(),
        )
        .await?;
        tx.commit().await?;
        form_redirect(&format!(
            "/o/{}/c/{}/free-conference?sent=1",
            org.slug, edition.slug
        ));
        Ok(())
    }

    pub async fn resubmit(
        organization: &str,
        conference: &str,
        event: &str,
        form: EventForm,
    ) -> Result<(), AppError> {
        let account = require_account().await?;
        let app = app_state()?;
        let (org, edition) = public_edition_of(organization, conference).await?;
        if !edition.phase.takes_free_conferences() {
            return Err(AppError::new(ErrorCode::WrongPhase));
        }
        let found = event_store::event_by_slug(&app.db, edition.id, event).await?;
        let new = match validate_event(&form, edition.starts_on, edition.ends_on) {
            Ok(new) => new,
            Err(problems) => {
                DRAFT.put_json(&form);
                return Err(AppError::fields(problems));
            }
        };
        let mut tx = app.db.begin_write().await?;
        // Only the group that registered it, and only while it is sent back: else a
        // conflict, nothing written.
        event_store::resubmit_event(&mut tx, found.id, &new, account).await?;
        tx.commit().await?;
        form_redirect(&format!(
            "/o/{}/c/{}/free-conference?sent=1",
            org.slug, edition.slug
        ));
        Ok(())
    }
}
