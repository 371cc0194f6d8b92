//! What the public pages read, on the server: helpers shared by the pages, then one
//! module per group of pages.

use std::collections::HashMap;

use super::*;
use crate::accounts::store as accounts_store;
use crate::conferences::consolidation::counts;
use crate::conferences::consolidation::store as consolidation_store;
use crate::conferences::deliberation::rules::thread;
use crate::conferences::deliberation::store as deliberation_store;
use crate::conferences::edition::rules::{Conference, Theme};
use crate::conferences::edition::store as edition_store;
use crate::conferences::event::rules::{Event, EventStatus};
use crate::conferences::event::store as event_store;
use crate::conferences::plan::store as plan_store;
use crate::conferences::plenary::store as plenary_store;
use crate::conferences::proposal::rules::Proposal;
use crate::conferences::proposal::store as proposal_store;
use crate::db::Db;
use crate::error::ErrorCode;
use crate::platform::ids::EventId;
use crate::platform::text::{diff, markdown};
use crate::platform::timeline::store as timeline_store;
use crate::platform::web::context::app_state;

fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

/// The public edition `conference` of `organization` and its head.
async fn edition(
    db: &Db,
    organization: &str,
    conference: &str,
) -> Result<(Conference, EditionHead), AppError> {
    let org = accounts_store::organization_by_slug(db, organization)
        .await?
        .ok_or_else(not_found)?;
    let found = edition_store::conference_by_slug(db, org.id, conference)
        .await?
        .filter(|c| c.phase.public())
        .ok_or_else(not_found)?;
    let head = EditionHead {
        organization: org.slug.clone(),
        organization_name: org.name.clone(),
        organization_names: org.names.clone(),
        slug: found.slug.clone(),
        names: found.names.clone(),
        phase: found.phase,
        starts_on: found.starts_on,
        ends_on: found.ends_on,
    };
    Ok((found, head))
}

/// Proposals per theme and consolidated proposals per theme (motions apart).
/// Each theme with its proposals (`proposals`: how many per theme) and the consolidated
/// proposals (motions aside) among `consolidated`'s (theme, motion) pairs.
fn theme_counts(
    themes: Vec<Theme>,
    proposals: &HashMap<i64, i64>,
    consolidated: &[(i64, bool)],
) -> Vec<ThemeCount> {
    themes
        .into_iter()
        .map(|t| ThemeCount {
            number: t.number,
            proposals: proposals.get(&t.number).copied().unwrap_or(0),
            consolidated: consolidated
                .iter()
                .filter(|(theme, motion)| *theme == t.number && !motion)
                .count() as i64,
            names: t.names,
        })
        .collect()
}

fn card(event: &Event, participants: i64, proposals: i64, consolidated: i64) -> EventCard {
    EventCard {
        slug: event.slug.clone(),
        kind: event.kind,
        name: event.name.clone(),
        organizer: event.organizer.clone(),
        held_on: event.held_on,
        place: event.place.clone(),
        online_link: event.online_link.clone(),
        languages: event.languages.clone(),
        expected_audience: event.expected_audience,
        participants,
        proposals,
        consolidated,
    }
}

async fn title_labels(
    db: &Db,
    proposal: &Proposal,
) -> Result<(Labels, Vec<(String, String)>), AppError> {
    if proposal.status == ProposalStatus::Hidden {
        return Ok((Labels::default(), Vec::new()));
    }
    let translations = proposal_store::translations(db, proposal.id).await?;
    let mut titles = vec![(proposal.language.clone(), proposal.title.clone())];
    let mut bodies = vec![(proposal.language.clone(), proposal.body.clone())];
    for (lang, title, body) in translations
        .into_iter()
        .filter(|(l, ..)| *l != proposal.language)
    {
        titles.push((lang.clone(), title));
        bodies.push((lang, body));
    }
    Ok((Labels::from_pairs(titles), bodies))
}

fn proposal_card(p: &Proposal, event: &Event, title: Labels) -> ProposalCard {
    ProposalCard {
        id: p.id,
        theme: p.theme,
        level: p.level.clone(),
        title,
        status: p.status,
        supports: p.supports,
        event: event.slug.clone(),
        event_name: event.name.clone(),
    }
}

/// Events by id, approved ones only.
async fn public_events(
    db: &Db,
    conference: &Conference,
) -> Result<HashMap<EventId, Event>, AppError> {
    Ok(event_store::events_of(db, conference.id, true)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect())
}

mod lists;
mod pages;

pub use lists::*;
pub use pages::*;
