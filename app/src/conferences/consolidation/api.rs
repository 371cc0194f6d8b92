//! Server functions of the systematization team's room: one theme at a time, its
//! proposals from every event (what each already fed) and its consolidated proposals;
//! merge chosen proposals into a new one, write a new version of one, or mark a proposal
//! out of scope. Plain forms; every write audited by the store.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::conferences::consolidation::rules::ConsolidatedForm;
use crate::conferences::proposal::rules::ProposalStatus;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::text::labels::Labels;

/// A proposal the team may take as a source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRow {
    pub id: i64,
    pub title: String,
    pub event: String,
    pub status: ProposalStatus,
    /// The codes it already fed.
    pub into: Vec<String>,
}

/// A consolidated proposal (or motion) of the theme, as its edit form needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsolidatedRow {
    pub code: String,
    pub motion: bool,
    pub title: String,
    pub body: String,
    pub sources: Vec<i64>,
    pub versions: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsolidationRoom {
    pub organization: String,
    pub conference: String,
    pub names: Labels,
    /// The edition is in its consolidation phase: the forms work.
    pub open: bool,
    pub themes: Vec<(i64, Labels)>,
    pub theme: i64,
    pub proposals: Vec<SourceRow>,
    pub consolidated: Vec<ConsolidatedRow>,
    /// Every proposal of the edition, and how many consolidated proposals and motions.
    pub totals: (i64, i64, i64),
    /// A refused form, as typed.
    pub draft: Option<ConsolidatedForm>,
}

#[server(prefix = "/api", endpoint = "staff/conference/consolidation", input = JsonOrForm)]
pub async fn load_consolidation(
    organization: String,
    conference: String,
    #[server(default)] theme: String,
) -> Result<ConsolidationRoom, AppError> {
    respond(ssr::room(&organization, &conference, &theme).await)
}

/// Merges the chosen proposals into a new consolidated proposal (or a motion).
#[server(prefix = "/api", endpoint = "staff/conference/consolidate", input = JsonOrForm)]
pub async fn consolidate(
    organization: String,
    conference: String,
    form: ConsolidatedForm,
) -> Result<(), AppError> {
    respond(ssr::create(&organization, &conference, form).await)
}

/// A new version of consolidated proposal `code`: its text and its sources.
#[server(prefix = "/api", endpoint = "staff/conference/consolidated/edit", input = JsonOrForm)]
pub async fn edit_consolidated(
    organization: String,
    conference: String,
    code: String,
    form: ConsolidatedForm,
) -> Result<(), AppError> {
    respond(ssr::edit(&organization, &conference, &code, form).await)
}

/// Marks a proposal out of scope (`out_of_scope`) or open again (`open`).
#[server(prefix = "/api", endpoint = "staff/conference/proposal/outcome", input = JsonOrForm)]
pub async fn set_proposal_outcome(
    organization: String,
    conference: String,
    proposal: i64,
    outcome: String,
) -> Result<(), AppError> {
    respond(ssr::outcome(&organization, &conference, proposal, &outcome).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::accounts::types::Organization;
    use crate::conferences::consolidation::rules::validate_consolidated;
    use crate::conferences::consolidation::store as consolidation_store;
    use crate::conferences::edition::Conference;
    use crate::conferences::edition::store as edition_store;
    use crate::conferences::event::store as event_store;
    use crate::conferences::participate::access::team_edition;
    use crate::conferences::proposal::rules::Outcome;
    use crate::conferences::proposal::store as proposal_store;
    use crate::db::now_millis;
    use crate::error::ErrorCode;
    use crate::platform::ids::ProposalId;
    use crate::platform::web::context::app_state;
    use crate::platform::web::flash::Flash;
    use crate::platform::web::http::{form_redirect, form_redirect_at};

    /// A refused form, kept for the room it goes back to.
    const DRAFT: Flash = Flash("voz_consolidation_draft");

    fn room_path(org: &Organization, edition: &Conference, theme: i64) -> String {
        format!(
            "/staff/{}/conferences/{}/consolidation?theme={theme}",
            org.slug, edition.slug
        )
    }

    pub async fn room(
        organization: &str,
        conference: &str,
        theme: &str,
    ) -> Result<ConsolidationRoom, AppError> {
        let (_, org, found) = team_edition(organization, conference).await?;
        let app = app_state()?;
        let db = &app.db;
        let themes = edition_store::themes(db, found.id).await?;
        let theme = theme
            .parse::<i64>()
            .ok()
            .filter(|n| themes.iter().any(|t| t.number == *n))
            .or_else(|| themes.first().map(|t| t.number))
            .unwrap_or(1);
        let events = event_store::events_of(db, found.id, true).await?;
        let all = proposal_store::proposals_of_conference(db, found.id).await?;
        let consolidated = consolidation_store::consolidated_of(db, found.id).await?;
        let into = |id: ProposalId| {
            consolidated
                .iter()
                .filter(|c| c.sources.contains(&id))
                .map(|c| c.code.clone())
                .collect::<Vec<_>>()
        };
        let proposals = all
            .iter()
            .filter(|p| p.theme == theme)
            .map(|p| SourceRow {
                id: p.id.0,
                title: p.title.clone(),
                event: events
                    .iter()
                    .find(|e| e.id == p.event)
                    .map(|e| e.name.clone())
                    .unwrap_or_default(),
                status: p.status,
                into: into(p.id),
            })
            .collect();
        let motions = consolidated.iter().filter(|c| c.motion).count() as i64;
        let totals = (
            all.len() as i64,
            consolidated.len() as i64 - motions,
            motions,
        );
        Ok(ConsolidationRoom {
            organization: org.slug.clone(),
            conference: found.slug.clone(),
            names: found.names.clone(),
            open: found.phase.allows_consolidation(),
            themes: themes.iter().map(|t| (t.number, t.names.clone())).collect(),
            theme,
            proposals,
            consolidated: consolidated
                .into_iter()
                .filter(|c| c.theme == theme)
                .map(|c| ConsolidatedRow {
                    code: c.code,
                    motion: c.motion,
                    title: c.title,
                    body: c.body,
                    sources: c.sources.iter().map(|s| s.0).collect(),
                    versions: c.versions,
                })
                .collect(),
            totals,
            draft: DRAFT.take_json(),
        })
    }

    pub async fn create(
        organization: &str,
        conference: &str,
        form: ConsolidatedForm,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_edition(organization, conference).await?;
        let app = app_state()?;
        let themes = edition_store::themes(&app.db, found.id).await?;
        let new = match validate_consolidated(&form, &themes) {
            Ok(new) => new,
            Err(problems) => {
                DRAFT.put_json(&form);
                return Err(AppError::fields(problems));
            }
        };
        let mut tx = app.db.begin_write().await?;
        let made =
            consolidation_store::create_consolidated(&mut tx, &found, &new, actor, now_millis())
                .await;
        let made = match made {
            Ok(made) => made,
            Err(error) => {
                DRAFT.put_json(&form);
                return Err(error.into());
            }
        };
        tx.commit().await?;
        form_redirect_at(&room_path(&org, &found, made.theme), &made.code);
        Ok(())
    }

    pub async fn edit(
        organization: &str,
        conference: &str,
        code: &str,
        form: ConsolidatedForm,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_edition(organization, conference).await?;
        let app = app_state()?;
        let themes = edition_store::themes(&app.db, found.id).await?;
        let new = validate_consolidated(&form, &themes).map_err(AppError::fields)?;
        let mut tx = app.db.begin_write().await?;
        let edited = consolidation_store::edit_consolidated(
            &mut tx,
            &found,
            code,
            &new,
            actor,
            now_millis(),
        )
        .await?;
        tx.commit().await?;
        form_redirect(&room_path(&org, &found, edited.theme));
        Ok(())
    }

    pub async fn outcome(
        organization: &str,
        conference: &str,
        proposal: i64,
        outcome: &str,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_edition(organization, conference).await?;
        let outcome = match outcome {
            "out_of_scope" => Outcome::OutOfScope,
            "open" => Outcome::Open,
            _ => return Err(AppError::new(ErrorCode::InvalidInput)),
        };
        if !found.phase.allows_consolidation() {
            return Err(AppError::new(ErrorCode::WrongPhase));
        }
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        let id = ProposalId(proposal);
        let theme = proposal_store::proposal_in(&mut tx, found.id, id)
            .await?
            .theme;
        proposal_store::set_outcome(&mut tx, &found, id, outcome, actor, now_millis()).await?;
        tx.commit().await?;
        form_redirect(&room_path(&org, &found, theme));
        Ok(())
    }
}
