//! Server functions of the plenary's room, for the conference team: open the votes
//! (one per theme, and one for the motions), credential delegates at the door, call the
//! reserve in an absent delegate's place, and count each theme. Plain forms; every write
//! audited by the store.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::conferences::plenary::seat::SeatRow;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::text::labels::Labels;

/// A theme of the plenary (0: the motions) and where its vote stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeRow {
    pub theme: i64,
    pub names: Labels,
    /// Consolidated proposals (or motions) voted on.
    pub items: usize,
    /// Ballots cast so far; `None` before the votes are opened.
    pub ballots: Option<i64>,
    pub counted: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlenaryRoom {
    pub organization: String,
    pub conference: String,
    pub names: Labels,
    /// The edition is in its plenary phase: the forms work.
    pub open: bool,
    /// The votes have been opened (with `priorities` per theme).
    pub priorities: Option<u8>,
    pub themes: Vec<ThemeRow>,
    pub seats: Vec<SeatRow>,
    pub credentialled: i64,
    pub replacements: i64,
}

#[server(prefix = "/api", endpoint = "staff/conference/plenary", input = JsonOrForm)]
pub async fn load_plenary_room(
    organization: String,
    conference: String,
) -> Result<PlenaryRoom, AppError> {
    respond(ssr::room(&organization, &conference).await)
}

/// Opens the plenary's votes: each delegate chooses up to `priorities` per theme.
#[server(prefix = "/api", endpoint = "staff/conference/plenary/open", input = JsonOrForm)]
pub async fn open_plenary_votes(
    organization: String,
    conference: String,
    #[server(default)] priorities: String,
) -> Result<(), AppError> {
    respond(ssr::open(&organization, &conference, &priorities).await)
}

/// Credentials a delegate at the plenary's door.
#[server(prefix = "/api", endpoint = "staff/conference/plenary/credential", input = JsonOrForm)]
pub async fn credential_delegate(
    organization: String,
    conference: String,
    account: i64,
) -> Result<(), AppError> {
    respond(ssr::credential(&organization, &conference, account).await)
}

/// Calls the reserve who takes absent delegate `account`'s place.
#[server(prefix = "/api", endpoint = "staff/conference/plenary/replace", input = JsonOrForm)]
pub async fn replace_delegate(
    organization: String,
    conference: String,
    account: i64,
) -> Result<(), AppError> {
    respond(ssr::replace(&organization, &conference, account).await)
}

/// Counts one theme's vote, once; the ballot box is sealed afterwards.
#[server(prefix = "/api", endpoint = "staff/conference/plenary/count", input = JsonOrForm)]
pub async fn count_plenary_theme(
    organization: String,
    conference: String,
    theme: i64,
) -> Result<(), AppError> {
    respond(ssr::count(&organization, &conference, theme).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::accounts::types::Organization;
    use crate::conferences::consolidation::store as consolidation_store;
    use crate::conferences::edition::Conference;
    use crate::conferences::edition::rules::Phase;
    use crate::conferences::edition::store as edition_store;
    use crate::conferences::participate::access::team_edition;
    use crate::conferences::plenary::read;
    use crate::conferences::plenary::rules::PlenaryRule;
    use crate::conferences::plenary::store as plenary_store;
    use crate::db::now_millis;
    use crate::error::{ErrorCode, FieldProblem, Problem};
    use crate::platform::ids::AccountId;
    use crate::platform::voting::store as voting_store;
    use crate::platform::web::context::app_state;
    use crate::platform::web::http::{form_redirect, form_redirect_at};

    fn room_path(org: &Organization, edition: &Conference) -> String {
        format!("/staff/{}/conferences/{}/plenary", org.slug, edition.slug)
    }

    pub async fn room(organization: &str, conference: &str) -> Result<PlenaryRoom, AppError> {
        let (_, org, found) = team_edition(organization, conference).await?;
        let app = app_state()?;
        let db = &app.db;
        let themes = edition_store::themes(db, found.id).await?;
        let consolidated = consolidation_store::consolidated_of(db, found.id).await?;
        let votes = read::theme_votes(db, &found).await?;
        let mut numbers: Vec<i64> = consolidated
            .iter()
            .map(|c| if c.motion { 0 } else { c.theme })
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        let rows = numbers
            .into_iter()
            .map(|theme| {
                let vote = votes.iter().find(|v| v.theme == theme);
                ThemeRow {
                    theme,
                    names: themes
                        .iter()
                        .find(|t| t.number == theme)
                        .map(|t| t.names.clone())
                        .unwrap_or_default(),
                    items: consolidated
                        .iter()
                        .filter(|c| {
                            if theme == 0 {
                                c.motion
                            } else {
                                !c.motion && c.theme == theme
                            }
                        })
                        .count(),
                    ballots: vote.map(|v| v.ballots),
                    counted: vote.is_some_and(|v| v.counted),
                }
            })
            .collect();
        let (credentialled, replacements) = plenary_store::credential_counts(db, &found).await?;
        Ok(PlenaryRoom {
            organization: org.slug.clone(),
            conference: found.slug.clone(),
            names: found.names.clone(),
            open: found.phase == Phase::Plenary,
            priorities: votes.first().map(|v| v.rule.priorities),
            themes: rows,
            seats: read::seats(db, &found).await?,
            credentialled,
            replacements,
        })
    }

    pub async fn open(
        organization: &str,
        conference: &str,
        priorities: &str,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_edition(organization, conference).await?;
        let priorities = priorities
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=20).contains(n))
            .ok_or_else(|| {
                AppError::fields([FieldProblem {
                    field: "priorities".into(),
                    problem: Problem::OutOfRange { min: 1, max: 20 },
                }])
            })?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        plenary_store::open_plenary(
            &app.db,
            &mut tx,
            &found,
            PlenaryRule { priorities },
            actor,
            now_millis(),
        )
        .await?;
        tx.commit().await?;
        form_redirect(&room_path(&org, &found));
        Ok(())
    }

    pub async fn credential(
        organization: &str,
        conference: &str,
        account: i64,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_edition(organization, conference).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        plenary_store::credential(&mut tx, &found, AccountId(account), actor, now_millis()).await?;
        tx.commit().await?;
        form_redirect_at(&room_path(&org, &found), &format!("seat-{account}"));
        Ok(())
    }

    pub async fn replace(
        organization: &str,
        conference: &str,
        account: i64,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_edition(organization, conference).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        let reserve =
            plenary_store::replace_absent(&mut tx, &found, AccountId(account), actor, now_millis())
                .await?
                .ok_or_else(|| AppError::new(ErrorCode::NoReserveLeft))?;
        tx.commit().await?;
        form_redirect_at(&room_path(&org, &found), &format!("seat-{reserve}"));
        Ok(())
    }

    pub async fn count(organization: &str, conference: &str, theme: i64) -> Result<(), AppError> {
        let (actor, org, found) = team_edition(organization, conference).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        plenary_store::count(&app.db, &mut tx, &found, theme, actor, now_millis()).await?;
        tx.commit().await?;
        // Voting on this theme is over: nothing stored may keep the order of its ballots.
        voting_store::seal_ballot_box(&app.db).await?;
        form_redirect_at(&room_path(&org, &found), &format!("theme-{theme}"));
        Ok(())
    }
}
