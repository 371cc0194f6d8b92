//! The server side of taking part: who may do what, then one audited write each.

use super::*;
use crate::accounts::types::Organization;
use crate::conferences::deliberation::rules::{
    Decision, Reported, validate_amendment, validate_comment, validate_reason,
};
use crate::conferences::deliberation::store as deliberation_store;
use crate::conferences::edition::Conference;
use crate::conferences::edition::rules::Phase;
use crate::conferences::edition::store as edition_store;
use crate::conferences::event::rules::EventStatus;
use crate::conferences::event::store as event_store;
use crate::conferences::participate::access::{
    edition, edition_event, event_path, not_found, proposal_path, require_runner, runs_event,
};
use crate::conferences::proposal::rules::{ProposalStatus, validate_proposal};
use crate::conferences::proposal::store as proposal_store;
use crate::db::now_millis;
use crate::error::{ErrorCode, FieldProblem, Problem};
use crate::platform::access::MODERATORS;
use crate::platform::ids::{AccountId, AmendmentId, CommentId, ProposalId};
use crate::platform::web::context::{app_state, current_session, require_account, require_staff};
use crate::platform::web::flash::Flash;
use crate::platform::web::http::{form_redirect, form_redirect_at};

/// A refused proposal form, kept for the event page it goes back to.
const PROPOSAL_DRAFT: Flash = Flash("voz_proposal_draft");
/// A refused amendment, kept for the proposal page.
const AMENDMENT_DRAFT: Flash = Flash("voz_amendment_draft");

/// Problems with a box, named as the page names it (several forms share a page: the new
/// comment's box, the replies', a report's reason, a rejection's).
fn named(problems: Vec<FieldProblem>, field: &str) -> AppError {
    AppError::fields(problems.into_iter().map(|p| FieldProblem {
        field: field.into(),
        ..p
    }))
}

fn invalid(field: &str, problem: Problem) -> AppError {
    AppError::fields([FieldProblem {
        field: field.to_owned(),
        problem,
    }])
}

fn registration_open(phase: Phase) -> bool {
    matches!(phase, Phase::Preparation | Phase::Events)
}

pub async fn my_part(
    organization: &str,
    conference: &str,
    event: &str,
) -> Result<MyPart, AppError> {
    let (org, found, event) = edition_event(organization, conference, event).await?;
    let app = app_state()?;
    let mut part = MyPart {
        registration_open: registration_open(found.phase),
        writing_open: found.phase.events_open(),
        draft: PROPOSAL_DRAFT.take_json(),
        ..MyPart::default()
    };
    if let Some((account, method)) = current_session().await? {
        part.signed_in = true;
        part.registered = event_store::is_participant(&app.db, event.id, account, false).await?;
        part.checked_in = event_store::is_participant(&app.db, event.id, account, true).await?;
        part.runs_event = runs_event(&org, &event, account, method).await?;
    }
    Ok(part)
}

pub async fn join(
    organization: &str,
    conference: &str,
    event: &str,
    migrant: &str,
) -> Result<(), AppError> {
    let account = require_account().await?;
    let (org, found, event) = edition_event(organization, conference, event).await?;
    if !registration_open(found.phase) {
        return Err(AppError::new(ErrorCode::WrongPhase));
    }
    let migrant = match migrant {
        "yes" => true,
        "no" => false,
        "" => return Err(invalid("migrant", Problem::Required)),
        _ => return Err(invalid("migrant", Problem::UnknownOption)),
    };
    let app = app_state()?;
    let mut tx = app.db.begin_write().await?;
    event_store::register_participant(&mut tx, &event, account, migrant, now_millis()).await?;
    tx.commit().await?;
    form_redirect(&format!("{}?joined=1", event_path(&org, &found, &event)));
    Ok(())
}

pub async fn check_in_page(
    organization: &str,
    conference: &str,
    event: &str,
    q: &str,
) -> Result<CheckInPage, AppError> {
    let (org, found, event) = edition_event(organization, conference, event).await?;
    require_runner(&org, &event).await?;
    let app = app_state()?;
    let everyone = event_store::participants(&app.db, event.id).await?;
    let words: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
    let matches = |name: &str| {
        let name = name.to_lowercase();
        words.iter().all(|w| name.contains(w.as_str()))
    };
    Ok(CheckInPage {
        organization: org.slug.clone(),
        conference: found.slug.clone(),
        event: event.slug.clone(),
        event_name: event.name.clone(),
        open: found.phase.events_open(),
        registered: everyone.len() as i64,
        checked_in: everyone.iter().filter(|p| p.2).count() as i64,
        found: everyone
            .iter()
            .filter(|(_, name, _)| matches(name))
            .take(CHECK_IN_LIST)
            .map(|(account, name, checked_in)| Registrant {
                account: account.0,
                name: name.clone(),
                checked_in: *checked_in,
            })
            .collect(),
        q: q.chars().take(100).collect(),
    })
}

pub async fn check_in(
    organization: &str,
    conference: &str,
    event: &str,
    participant: i64,
) -> Result<(), AppError> {
    let (org, found, event) = edition_event(organization, conference, event).await?;
    let actor = require_runner(&org, &event).await?;
    if !found.phase.events_open() {
        return Err(AppError::new(ErrorCode::WrongPhase));
    }
    let app = app_state()?;
    let mut tx = app.db.begin_write().await?;
    event_store::check_in(
        &mut tx,
        &found,
        event.id,
        AccountId(participant),
        actor,
        now_millis(),
    )
    .await?;
    tx.commit().await?;
    form_redirect(&format!(
        "{}/check-in?done={participant}",
        event_path(&org, &found, &event)
    ));
    Ok(())
}

pub async fn submit(
    organization: &str,
    conference: &str,
    event: &str,
    form: ProposalForm,
) -> Result<(), AppError> {
    let account = require_account().await?;
    let (org, found, event) = edition_event(organization, conference, event).await?;
    let app = app_state()?;
    let themes = edition_store::themes(&app.db, found.id).await?;
    let new = match validate_proposal(&form, &found, &themes) {
        Ok(new) => new,
        Err(problems) => {
            PROPOSAL_DRAFT.put_json(&form);
            return Err(AppError::fields(problems));
        }
    };
    let mut tx = app.db.begin_write().await?;
    let id = proposal_store::submit_proposal(&mut tx, &found, &event, account, &new, now_millis())
        .await?;
    tx.commit().await?;
    form_redirect(&proposal_path(&org, &found, id));
    Ok(())
}

/// A proposal of a public edition on an approved event.
async fn public_proposal(
    organization: &str,
    conference: &str,
    proposal: i64,
) -> Result<
    (
        Organization,
        Conference,
        crate::conferences::proposal::Proposal,
    ),
    AppError,
> {
    let (org, found) = edition(organization, conference).await?;
    let app = app_state()?;
    let proposal = proposal_store::proposal_in(&app.db, found.id, ProposalId(proposal)).await?;
    let event = event_store::event_by_id(&app.db, proposal.event).await?;
    if event.status != EventStatus::Approved {
        return Err(not_found());
    }
    Ok((org, found, proposal))
}

pub async fn proposal_part(
    organization: &str,
    conference: &str,
    proposal: i64,
) -> Result<ProposalPart, AppError> {
    let (org, found, proposal) = public_proposal(organization, conference, proposal).await?;
    let app = app_state()?;
    let open = found.phase.events_open()
        && !matches!(
            proposal.status,
            ProposalStatus::Hidden | ProposalStatus::Withdrawn
        );
    let mut part = ProposalPart {
        open,
        draft: AMENDMENT_DRAFT.take_json(),
        ..ProposalPart::default()
    };
    if let Some((account, method)) = current_session().await? {
        let event = event_store::event_by_id(&app.db, proposal.event).await?;
        part.signed_in = true;
        part.supported = proposal_store::supports(&app.db, proposal.id, account).await?;
        part.may_amend = event_store::is_participant(&app.db, event.id, account, true).await?;
        part.decides = runs_event(&org, &event, account, method).await?;
    }
    Ok(part)
}

pub async fn support(organization: &str, conference: &str, proposal: i64) -> Result<(), AppError> {
    let account = require_account().await?;
    let (org, found, proposal) = public_proposal(organization, conference, proposal).await?;
    if !found.phase.events_open() {
        return Err(AppError::new(ErrorCode::WrongPhase));
    }
    if matches!(
        proposal.status,
        ProposalStatus::Hidden | ProposalStatus::Withdrawn
    ) {
        return Err(AppError::new(ErrorCode::Conflict));
    }
    let app = app_state()?;
    let mut tx = app.db.begin_write().await?;
    proposal_store::support(&mut tx, proposal.id, account).await?;
    tx.commit().await?;
    form_redirect_at(&proposal_path(&org, &found, proposal.id), "supports");
    Ok(())
}

pub async fn comment(
    organization: &str,
    conference: &str,
    proposal: i64,
    parent: &str,
    body: &str,
) -> Result<(), AppError> {
    let account = require_account().await?;
    let (org, found, proposal) = public_proposal(organization, conference, proposal).await?;
    let parent = match parent.trim() {
        "" => None,
        id => Some(CommentId(id.parse::<i64>().map_err(|_| not_found())?)),
    };
    let body = validate_comment(body)
        .map_err(|p| named(p, if parent.is_some() { "reply" } else { "comment" }))?;
    let app = app_state()?;
    let mut tx = app.db.begin_write().await?;
    let id = deliberation_store::add_comment(
        &mut tx,
        &found,
        proposal.id,
        parent,
        account,
        &body,
        now_millis(),
    )
    .await?;
    tx.commit().await?;
    form_redirect_at(
        &proposal_path(&org, &found, proposal.id),
        &format!("comment-{id}"),
    );
    Ok(())
}

pub async fn amend(
    organization: &str,
    conference: &str,
    proposal: i64,
    form: AmendmentForm,
) -> Result<(), AppError> {
    let account = require_account().await?;
    let (org, found, proposal) = public_proposal(organization, conference, proposal).await?;
    let new = match validate_amendment(&form, &proposal.title, &proposal.body) {
        Ok(new) => new,
        Err(problems) => {
            AMENDMENT_DRAFT.put_json(&form);
            return Err(AppError::fields(problems));
        }
    };
    let app = app_state()?;
    let mut tx = app.db.begin_write().await?;
    let id = deliberation_store::propose_amendment(
        &mut tx,
        &found,
        proposal.id,
        account,
        &new,
        now_millis(),
    )
    .await?;
    tx.commit().await?;
    form_redirect_at(
        &proposal_path(&org, &found, proposal.id),
        &format!("amendment-{id}"),
    );
    Ok(())
}

pub async fn decide(
    organization: &str,
    conference: &str,
    amendment: i64,
    verdict: &str,
    reason: &str,
) -> Result<(), AppError> {
    let (org, found) = edition(organization, conference).await?;
    let app = app_state()?;
    let proposal = deliberation_store::amendment_proposal(&app.db, AmendmentId(amendment))
        .await?
        .ok_or_else(not_found)?;
    let (_, _, proposal) = public_proposal(organization, conference, proposal.0).await?;
    let event = event_store::event_by_id(&app.db, proposal.event).await?;
    let actor = require_runner(&org, &event).await?;
    let decision = match verdict {
        "accept" => Decision::Accept,
        "reject" => Decision::Reject {
            reason: validate_reason(reason).map_err(|p| named(p, "decision_reason"))?,
        },
        _ => return Err(AppError::new(ErrorCode::InvalidInput)),
    };
    let mut tx = app.db.begin_write().await?;
    deliberation_store::decide_amendment(
        &mut tx,
        &found,
        AmendmentId(amendment),
        &decision,
        actor,
        now_millis(),
    )
    .await?;
    tx.commit().await?;
    form_redirect_at(
        &proposal_path(&org, &found, proposal.id),
        &format!("amendment-{amendment}"),
    );
    Ok(())
}

fn reported(kind: &str, id: i64) -> Result<Reported, AppError> {
    match kind {
        "proposal" => Ok(Reported::Proposal(ProposalId(id))),
        "comment" => Ok(Reported::Comment(CommentId(id))),
        _ => Err(AppError::new(ErrorCode::InvalidInput)),
    }
}

pub async fn report(
    organization: &str,
    conference: &str,
    kind: &str,
    id: i64,
    reason: &str,
) -> Result<(), AppError> {
    let account = require_account().await?;
    let what = reported(kind, id)?;
    let (org, found) = edition(organization, conference).await?;
    let reason = validate_reason(reason).map_err(|p| named(p, "report_reason"))?;
    let app = app_state()?;
    let mut tx = app.db.begin_write().await?;
    deliberation_store::report(&mut tx, &found, what, account, &reason, now_millis()).await?;
    let proposal = match what {
        Reported::Proposal(id) => id,
        Reported::Comment(id) => deliberation_store::comment_proposal(&mut tx, id).await?,
    };
    tx.commit().await?;
    form_redirect(&format!(
        "{}?reported=1",
        proposal_path(&org, &found, proposal)
    ));
    Ok(())
}

pub async fn reports_page(organization: &str, conference: &str) -> Result<ReportsPage, AppError> {
    let (_, org) = require_staff(organization, &MODERATORS).await?;
    let app = app_state()?;
    let found = edition_store::conference_by_slug(&app.db, org.id, conference)
        .await?
        .ok_or_else(not_found)?;
    let items = deliberation_store::open_reports(&app.db, &found)
        .await?
        .into_iter()
        .map(|item| {
            let (kind, id) = match item.what {
                Reported::Proposal(id) => ("proposal", id.0),
                Reported::Comment(id) => ("comment", id.0),
            };
            QueueItem {
                kind: kind.into(),
                id,
                proposal: item.proposal.0,
                text: item.text,
                reasons: item.reasons,
            }
        })
        .collect();
    Ok(ReportsPage {
        organization: org.slug.clone(),
        conference: found.slug.clone(),
        items,
    })
}

pub async fn resolve(
    organization: &str,
    conference: &str,
    kind: &str,
    id: i64,
    verdict: &str,
    reason: &str,
) -> Result<(), AppError> {
    let (actor, org) = require_staff(organization, &MODERATORS).await?;
    let what = reported(kind, id)?;
    let app = app_state()?;
    let found = edition_store::conference_by_slug(&app.db, org.id, conference)
        .await?
        .ok_or_else(not_found)?;
    let hide = match verdict {
        "hide" => Some(validate_reason(reason).map_err(AppError::fields)?),
        "keep" => None,
        _ => return Err(AppError::new(ErrorCode::InvalidInput)),
    };
    let mut tx = app.db.begin_write().await?;
    deliberation_store::resolve_reports(
        &mut tx,
        &found,
        what,
        hide.as_deref(),
        actor,
        now_millis(),
    )
    .await?;
    tx.commit().await?;
    form_redirect(&format!(
        "/staff/{}/conferences/{}/reports",
        org.slug, found.slug
    ));
    Ok(())
}
