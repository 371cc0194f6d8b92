//! Server functions listing elections for the public and for a signed-in voter.

use crate::calendar::Date;
use crate::elections::calendar::rules::Phase;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One election as the front door shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionCard {
    pub organization: String,
    pub slug: String,
    pub title: String,
    pub phase: Phase,
    /// The current phase's last day (voting: the last day a channel is open), when known.
    pub until: Option<Date>,
    /// Online voting is open right now.
    pub voting_open: bool,
}

/// An organization and its elections, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationListing {
    pub slug: String,
    pub name: String,
    /// The name in several languages (the reader's is shown; empty: `name` everywhere).
    pub names: crate::platform::text::labels::Labels,
    pub elections: Vec<ElectionCard>,
}

/// Every organization on this installation with its announced elections.
#[server(prefix = "/api", endpoint = "directory")]
pub async fn directory() -> Result<Vec<OrganizationListing>, AppError> {
    respond(ssr::directory(None).await)
}

/// One organization's page: its elections (404 for an unknown organization).
#[server(prefix = "/api", endpoint = "directory/organization")]
pub async fn one_organization(organization: String) -> Result<OrganizationListing, AppError> {
    respond(
        ssr::directory(Some(&organization))
            .await
            .and_then(|mut found| {
                found
                    .pop()
                    .ok_or_else(|| AppError::new(crate::error::ErrorCode::NotFound))
            }),
    )
}

/// The elections the signed-in person may vote in online right now and has not voted in
/// (empty when signed out).
#[server(prefix = "/api", endpoint = "directory/mine")]
pub async fn my_open_ballots() -> Result<Vec<ElectionCard>, AppError> {
    respond(ssr::my_open_ballots().await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::{ElectionCard, OrganizationListing};
    use crate::accounts::store as accounts_store;
    use crate::accounts::types::Organization;
    use crate::calendar::Date;
    use crate::db::now_millis;
    use crate::elections::calendar::rules::Phase;
    use crate::elections::election::store as election_store;
    use crate::elections::election::store::ElectionRecord;
    use crate::elections::eligibility::{Channel, channel_open, may_vote};
    use crate::error::{AppError, ErrorCode};
    use crate::platform::timeline::store as timeline_store;
    use crate::platform::web::context::{app_state, current_account};
    use crate::state::AppState;

    /// The last day of `record`'s current phase: for voting, the last day a channel is
    /// open; otherwise the deadline the commission set, if any.
    async fn until(app: &AppState, record: &ElectionRecord) -> Result<Option<Date>, AppError> {
        if record.phase == Phase::Voting {
            let online = record.settings.online.map(|(_, to)| to);
            let in_person = record.settings.in_person.as_ref().map(|day| day.date);
            return Ok(online.into_iter().chain(in_person).max());
        }
        let deadlines: Vec<(Phase, Date)> = timeline_store::deadlines(&app.db, record.process())
            .await
            .map_err(AppError::from)?;
        Ok(deadlines
            .into_iter()
            .find(|(phase, _)| *phase == record.phase)
            .map(|(_, day)| day))
    }

    async fn card(
        app: &AppState,
        org: &Organization,
        record: ElectionRecord,
    ) -> Result<ElectionCard, AppError> {
        let local = crate::calendar::local_time(&org.rules.time_zone, now_millis());
        let voting_open = record.phase == Phase::Voting
            && channel_open(&record.settings, Channel::Online, local).is_ok();
        Ok(ElectionCard {
            organization: org.slug.clone(),
            until: until(app, &record).await?,
            slug: record.slug,
            title: record.title,
            phase: record.phase,
            voting_open,
        })
    }

    async fn announced(app: &AppState, org: &Organization) -> Result<Vec<ElectionCard>, AppError> {
        let mut cards = Vec::new();
        for record in election_store::elections_of(&app.db, org.id)
            .await
            .map_err(AppError::from)?
        {
            if record.phase != Phase::Draft {
                cards.push(card(app, org, record).await?);
            }
        }
        Ok(cards)
    }

    /// Every organization (or only `only`), each with its announced elections.
    pub async fn directory(only: Option<&str>) -> Result<Vec<OrganizationListing>, AppError> {
        let app = app_state()?;
        let organizations = match only {
            Some(slug) => vec![
                accounts_store::organization_by_slug(&app.db, slug)
                    .await
                    .map_err(AppError::from)?
                    .ok_or_else(|| AppError::new(ErrorCode::NotFound))?,
            ],
            None => accounts_store::organizations(&app.db)
                .await
                .map_err(AppError::from)?,
        };
        let mut out = Vec::with_capacity(organizations.len());
        for org in organizations {
            out.push(OrganizationListing {
                elections: announced(&app, &org).await?,
                slug: org.slug,
                name: org.name,
                names: org.names,
            });
        }
        Ok(out)
    }

    pub async fn my_open_ballots() -> Result<Vec<ElectionCard>, AppError> {
        match current_account().await? {
            Some(account) => open_ballots_of(account).await,
            None => Ok(vec![]),
        }
    }

    /// The elections `account` may vote in online now and has not voted in.
    pub async fn open_ballots_of(
        account: crate::accounts::types::AccountId,
    ) -> Result<Vec<ElectionCard>, AppError> {
        let app = app_state()?;
        let mut out = Vec::new();
        for org in accounts_store::organizations(&app.db)
            .await
            .map_err(AppError::from)?
        {
            let registrant = election_store::registrant(&app.db, org.id, account)
                .await
                .map_err(AppError::from)?;
            if registrant.is_none() {
                continue;
            }
            let local = crate::calendar::local_time(&org.rules.time_zone, now_millis());
            for record in election_store::elections_of(&app.db, org.id)
                .await
                .map_err(AppError::from)?
            {
                let may = may_vote(
                    record.phase,
                    &record.settings,
                    registrant,
                    Channel::Online,
                    local,
                )
                .is_ok();
                if may
                    && !election_store::has_voted(&app.db, record.id, account)
                        .await
                        .map_err(AppError::from)?
                {
                    out.push(card(&app, &org, record).await?);
                }
            }
        }
        Ok(out)
    }
}
