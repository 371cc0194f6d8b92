//! Server functions of a delegate's plenary ballot: every theme open for voting, with
//! its consolidated proposals (approve, reject or abstain on each; up to N priorities
//! among those approved) or its motions. Only credentialled delegates vote, once per
//! theme, through the platform's ballot box.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::text::labels::Labels;

/// A consolidated proposal or motion on the ballot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotItem {
    pub code: String,
    pub title: String,
    pub motion: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotTheme {
    /// 0: the motions.
    pub theme: i64,
    pub names: Labels,
    pub items: Vec<BallotItem>,
    pub voted: bool,
    pub counted: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlenaryBallotPage {
    pub organization: String,
    pub conference: String,
    pub names: Labels,
    pub credentialled: bool,
    /// The edition is in its plenary phase.
    pub open: bool,
    pub priorities: u8,
    pub themes: Vec<BallotTheme>,
}

#[server(prefix = "/api", endpoint = "conference/plenary/ballot", input = JsonOrForm)]
pub async fn load_plenary_ballot(
    organization: String,
    conference: String,
) -> Result<PlenaryBallotPage, AppError> {
    respond(ssr::page(&organization, &conference).await)
}

/// A delegate's ballot on one theme: `marks` are `approve:CODE`, `reject:CODE` or
/// `abstain:CODE`; `priorities` are codes.
#[server(prefix = "/api", endpoint = "conference/plenary/cast", input = JsonOrForm)]
pub async fn cast_plenary_ballot(
    organization: String,
    conference: String,
    theme: i64,
    #[server(default)] marks: Vec<String>,
    #[server(default)] priorities: Vec<String>,
) -> Result<(), AppError> {
    respond(ssr::cast(&organization, &conference, theme, &marks, &priorities).await)
}

/// The ballot the form's marks and priorities describe (abstentions are left out).
pub fn ballot_of(
    marks: &[String],
    priorities: &[String],
) -> Option<crate::conferences::plenary::rules::PlenaryBallot> {
    use crate::conferences::plenary::rules::{Choice, PlenaryBallot};
    let mut ballot = PlenaryBallot::default();
    for mark in marks {
        let (choice, code) = mark.trim().split_once(':')?;
        let choice = match choice {
            "approve" => Some(Choice::Approve),
            "reject" => Some(Choice::Reject),
            "abstain" => None,
            _ => return None,
        };
        if ballot.votes.contains_key(code) {
            return None;
        }
        if let Some(choice) = choice {
            ballot.votes.insert(code.to_owned(), choice);
        }
    }
    ballot.priorities = priorities.iter().map(|c| c.trim().to_owned()).collect();
    Some(ballot)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::conferences::consolidation::store as consolidation_store;
    use crate::conferences::edition::rules::Phase;
    use crate::conferences::edition::store as edition_store;
    use crate::conferences::participate::access::edition;
    use crate::conferences::plenary::read;
    use crate::conferences::plenary::store as plenary_store;
    use crate::error::ErrorCode;
    use crate::platform::voting::store as voting_store;
    use crate::platform::web::context::{app_state, require_account};
    use crate::platform::web::http::form_redirect_at;

    pub async fn page(organization: &str, conference: &str) -> Result<PlenaryBallotPage, AppError> {
        let account = require_account().await?;
        let (org, found) = edition(organization, conference).await?;
        let app = app_state()?;
        let db = &app.db;
        let names = edition_store::themes(db, found.id).await?;
        let consolidated = consolidation_store::consolidated_of(db, found.id).await?;
        let votes = read::theme_votes(db, &found).await?;
        let mut themes = Vec::new();
        for vote in &votes {
            themes.push(BallotTheme {
                theme: vote.theme,
                names: names
                    .iter()
                    .find(|t| t.number == vote.theme)
                    .map(|t| t.names.clone())
                    .unwrap_or_default(),
                items: consolidated
                    .iter()
                    .filter(|c| {
                        if vote.theme == 0 {
                            c.motion
                        } else {
                            !c.motion && c.theme == vote.theme
                        }
                    })
                    .map(|c| BallotItem {
                        code: c.code.clone(),
                        title: c.title.clone(),
                        motion: c.motion,
                    })
                    .collect(),
                voted: voting_store::has_marked(db, vote.poll, account).await?,
                counted: vote.counted,
            });
        }
        Ok(PlenaryBallotPage {
            organization: org.slug.clone(),
            conference: found.slug.clone(),
            names: found.names.clone(),
            credentialled: plenary_store::is_credentialled(db, &found, account).await?,
            open: found.phase == Phase::Plenary,
            priorities: votes.first().map(|v| v.rule.priorities).unwrap_or(0),
            themes,
        })
    }

    pub async fn cast(
        organization: &str,
        conference: &str,
        theme: i64,
        marks: &[String],
        priorities: &[String],
    ) -> Result<(), AppError> {
        let voter = require_account().await?;
        let (org, found) = edition(organization, conference).await?;
        let ballot =
            ballot_of(marks, priorities).ok_or_else(|| AppError::new(ErrorCode::InvalidInput))?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        plenary_store::cast(&app.db, &mut tx, &found, theme, voter, &ballot).await?;
        tx.commit().await?;
        form_redirect_at(
            &format!("/o/{}/c/{}/plenary/vote", org.slug, found.slug),
            &format!("theme-{theme}"),
        );
        Ok(())
    }
}
