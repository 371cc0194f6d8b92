//! Server functions of the poll-worker screen and the station's kiosk. Every staff call
//! checks the role; the kiosk token lives only in an HttpOnly cookie on the station's
//! device.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

use crate::elections::phase::Phase;
use crate::elections::public::SegmentView;
use crate::elections::settings::Station;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;

pub use crate::elections::station_types::{HandOver, StationState, VoterLookup};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationPage {
    pub title: String,
    pub phase: Phase,
    pub station: Station,
    pub state: StationState,
    /// For entering paper ballots.
    pub segments: Vec<SegmentView>,
    /// This device holds a kiosk ballot handed over and not cast yet (its cookie).
    pub kiosk_here: bool,
}

/// Elections taking votes, with their stations: where a poll worker starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VotingElection {
    pub slug: String,
    pub title: String,
    pub stations: Vec<Station>,
}

#[server(prefix = "/api", endpoint = "station/list", input = Json)]
pub async fn list_stations(organization: String) -> Result<Vec<VotingElection>, AppError> {
    respond(ssr::list_stations(&organization).await)
}

#[server(prefix = "/api", endpoint = "station/load", input = Json)]
pub async fn load_station(
    organization: String,
    election: String,
    station: i64,
    locale: String,
) -> Result<StationPage, AppError> {
    respond(ssr::load_station(&organization, &election, station, &locale).await)
}

#[server(prefix = "/api", endpoint = "station/open", input = Json)]
pub async fn open_station(
    organization: String,
    election: String,
    station: i64,
) -> Result<(), AppError> {
    respond(ssr::open_station(&organization, &election, station).await)
}

/// Finds a registered person by document (type and number).
#[server(prefix = "/api", endpoint = "station/find", input = Json)]
pub async fn find_voter(
    organization: String,
    election: String,
    document_type: String,
    document_number: String,
) -> Result<Option<VoterLookup>, AppError> {
    respond(ssr::find_voter(&organization, &election, &document_type, &document_number).await)
}

/// Marks the person as voting here; for a kiosk ballot, readies this device for one ballot.
#[server(prefix = "/api", endpoint = "station/mark", input = Json)]
pub async fn mark_voter(
    organization: String,
    election: String,
    station: i64,
    account: i64,
    hand_over: HandOver,
) -> Result<(), AppError> {
    respond(ssr::mark_voter(&organization, &election, station, account, hand_over).await)
}

/// The paper-ballot entry form (a plain form post): `pick[<segment>][<key>]`, or `null`.
#[server(prefix = "/api", endpoint = "station/paper")]
pub async fn enter_paper_ballot(
    organization: String,
    election: String,
    station: i64,
    locale: String,
    #[server(default)] null: Option<String>,
    #[server(default)] pick: BTreeMap<String, BTreeMap<String, String>>,
) -> Result<(), AppError> {
    ssr::enter_paper_ballot(
        &organization,
        &election,
        station,
        &locale,
        null.is_some(),
        pick,
    )
    .await
}

#[server(prefix = "/api", endpoint = "station/close", input = Json)]
pub async fn close_station(
    organization: String,
    election: String,
    station: i64,
    justification: String,
) -> Result<StationState, AppError> {
    respond(ssr::close_station(&organization, &election, station, &justification).await)
}

/// Whether this device holds a kiosk ballot ready to be cast.
#[server(prefix = "/api", endpoint = "kiosk/ready")]
pub async fn kiosk_ready() -> Result<bool, AppError> {
    Ok(ssr::kiosk_token().is_some())
}

/// The kiosk's ballot form (a plain form post); redirects to the receipt.
#[server(prefix = "/api", endpoint = "kiosk/cast")]
pub async fn cast_kiosk_ballot(
    organization: String,
    election: String,
    locale: String,
    pick: BTreeMap<String, BTreeMap<String, String>>,
) -> Result<(), AppError> {
    ssr::cast_kiosk(&organization, &election, &locale, pick).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::collections::BTreeMap;

    use super::{HandOver, StationPage, StationState, VoterLookup, VotingElection};
    use crate::accounts::rules::normalize_document_number;
    use crate::accounts::server::ssr::store_error;
    use crate::accounts::session::{app_state, require_staff};
    use crate::accounts::types::{AccountId, DocumentType, Role};
    use crate::db::now_millis;
    use crate::elections::phase::Phase;
    use crate::elections::public::ssr::{election_of, load_election, reason_text};
    use crate::elections::server::ssr::{
        ballot_from_picks, election_error, redirect_with, set_cookie,
    };
    use crate::elections::station_store::StationError;
    use crate::elections::station_types::may_work_station;
    use crate::elections::store::ElectionRecord;
    use crate::error::{AppError, ErrorCode, FieldProblem, Problem};
    use crate::results::count::Ballot;
    use crate::state::AppState;

    const POLL: [Role; 3] = [
        Role::Administrator,
        Role::ElectoralCommission,
        Role::PollWorker,
    ];
    const KIOSK_COOKIE: &str = "voz_kiosk";

    fn station_error(error: StationError) -> AppError {
        match error {
            StationError::Election(e) => election_error(e),
            StationError::NotOpen | StationError::Closed => {
                AppError::new(ErrorCode::StationNotOpen)
            }
            StationError::UnknownToken => AppError::new(ErrorCode::InvalidCode),
        }
    }

    /// The elections taking votes, each with the stations this person may work.
    pub async fn list_stations(organization: &str) -> Result<Vec<VotingElection>, AppError> {
        let (account, org) = require_staff(organization, &POLL).await?;
        let app = app_state()?;
        let roles = app
            .db
            .roles_of(org.id, account)
            .await
            .map_err(store_error)?;
        let mut out = Vec::new();
        for election in app.db.elections_of(org.id).await.map_err(election_error)? {
            if election.phase != Phase::Voting {
                continue;
            }
            let assignments = app
                .db
                .station_assignments(election.id)
                .await
                .map_err(election_error)?;
            let stations = election
                .settings
                .stations
                .into_iter()
                .filter(|station| {
                    let here: Vec<i64> = assignments
                        .iter()
                        .filter(|(s, _)| *s == station.id)
                        .map(|(_, w)| w.account)
                        .collect();
                    may_work_station(&roles, &here, account.0)
                })
                .collect();
            out.push(VotingElection {
                slug: election.slug,
                title: election.title,
                stations,
            });
        }
        Ok(out)
    }

    /// The signed-in staff member, if they may work `station` (see `may_work_station`):
    /// 403 otherwise.
    async fn station_worker(
        app: &AppState,
        organization: &str,
        election: &str,
        station: i64,
    ) -> Result<(AccountId, ElectionRecord), AppError> {
        let (account, org) = require_staff(organization, &POLL).await?;
        let (_, record) = election_of(app, organization, election).await?;
        let roles = app
            .db
            .roles_of(org.id, account)
            .await
            .map_err(store_error)?;
        let assigned = app
            .db
            .assigned_to(record.id, station)
            .await
            .map_err(election_error)?;
        if !may_work_station(&roles, &assigned, account.0) {
            return Err(AppError::new(ErrorCode::Forbidden));
        }
        Ok((account, record))
    }

    pub async fn load_station(
        organization: &str,
        election: &str,
        station: i64,
        locale: &str,
    ) -> Result<StationPage, AppError> {
        let app = app_state()?;
        let (_, record) = station_worker(&app, organization, election, station).await?;
        let info = record
            .settings
            .station(station)
            .cloned()
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let state = app
            .db
            .station_state(record.id, station)
            .await
            .map_err(station_error)?;
        // The ballot's segments and candidates, in the reader's language.
        let mut page = load_election(organization, election, locale).await?;
        if !record.phase.candidates_public() {
            page.segments.clear();
        }
        Ok(StationPage {
            title: record.title,
            phase: record.phase,
            station: info,
            kiosk_here: state.waiting_kiosk > 0 && kiosk_token().is_some(),
            state,
            segments: page.segments,
        })
    }

    pub async fn open_station(
        organization: &str,
        election: &str,
        station: i64,
    ) -> Result<(), AppError> {
        let app = app_state()?;
        let (account, record) = station_worker(&app, organization, election, station).await?;
        let mut tx = app.db.begin_write().await?;
        tx.open_station(record.id, station, account, now_millis())
            .await
            .map_err(station_error)?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn find_voter(
        organization: &str,
        election: &str,
        document_type: &str,
        document_number: &str,
    ) -> Result<Option<VoterLookup>, AppError> {
        require_staff(organization, &POLL).await?;
        let app = app_state()?;
        let (org, record) = election_of(&app, organization, election).await?;
        let field = |field: &str, problem| AppError {
            code: ErrorCode::InvalidInput,
            fields: vec![FieldProblem {
                field: field.to_owned(),
                problem,
            }],
        };
        let document_type = DocumentType::from_code(document_type)
            .ok_or_else(|| field("document_type", Problem::Required))?;
        let number =
            normalize_document_number(document_number).map_err(|p| field("document_number", p))?;
        let hash = app.secret.document_hash(org.id, document_type, &number);
        app.db
            .voter_by_document(
                org.id,
                record.id,
                &hash,
                record.settings.min_voter_age,
                crate::calendar::Date::from_unix_millis(now_millis()),
            )
            .await
            .map_err(election_error)
    }

    pub async fn mark_voter(
        organization: &str,
        election: &str,
        station: i64,
        account: i64,
        hand_over: HandOver,
    ) -> Result<(), AppError> {
        let app = app_state()?;
        let (worker, record) = station_worker(&app, organization, election, station).await?;
        let mut tx = app.db.begin_write().await?;
        let token = tx
            .mark_in_person(
                record.id,
                station,
                AccountId(account),
                hand_over,
                worker,
                now_millis(),
            )
            .await
            .map_err(station_error)?;
        tx.commit().await?;
        if let Some(token) = token {
            set_cookie(&format!(
                "{KIOSK_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600"
            ));
        }
        Ok(())
    }

    pub async fn enter_paper_ballot(
        organization: &str,
        election: &str,
        station: i64,
        locale: &str,
        null: bool,
        pick: BTreeMap<String, BTreeMap<String, String>>,
    ) -> Result<(), AppError> {
        let back = format!("/staff/{organization}/elections/{election}/stations/{station}");
        let outcome = async {
            let app = app_state()?;
            let (worker, record) = station_worker(&app, organization, election, station).await?;
            let ballot = if null {
                Ballot {
                    null: true,
                    choices: vec![],
                }
            } else {
                ballot_from_picks(pick)
            };
            let mut tx = app.db.begin_write().await?;
            tx.enter_paper_ballot(record.id, station, &ballot, worker, now_millis())
                .await
                .map_err(station_error)?;
            tx.commit().await?;
            Ok::<_, AppError>(())
        }
        .await;
        redirect_with(locale, &back, outcome.err().map(|e| e.code), "entered=1");
        Ok(())
    }

    pub async fn close_station(
        organization: &str,
        election: &str,
        station: i64,
        justification: &str,
    ) -> Result<StationState, AppError> {
        let app = app_state()?;
        let (worker, record) = station_worker(&app, organization, election, station).await?;
        let justification = if justification.trim().is_empty() {
            None
        } else {
            Some(reason_text("justification", justification, 2000)?)
        };
        let mut tx = app.db.begin_write().await?;
        let state = tx
            .close_station(
                record.id,
                station,
                justification.as_deref(),
                worker,
                now_millis(),
            )
            .await
            .map_err(station_error)?;
        tx.commit().await?;
        Ok(state)
    }

    pub fn kiosk_token() -> Option<String> {
        let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
        crate::http::cookie(&parts.headers, KIOSK_COOKIE).filter(|t| !t.is_empty())
    }

    pub async fn cast_kiosk(
        organization: &str,
        election: &str,
        locale: &str,
        pick: BTreeMap<String, BTreeMap<String, String>>,
    ) -> Result<(), AppError> {
        let base = format!("/o/{organization}/e/{election}");
        let outcome = async {
            let token = kiosk_token().ok_or_else(|| AppError::new(ErrorCode::InvalidCode))?;
            let app = app_state()?;
            let (_, record) = election_of(&app, organization, election).await?;
            let code = app
                .db
                .cast_kiosk(record.id, &token, &ballot_from_picks(pick))
                .await
                .map_err(station_error)?;
            Ok::<_, AppError>(code)
        }
        .await;
        match outcome {
            Ok(code) => {
                set_cookie(&format!(
                    "{KIOSK_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
                ));
                crate::elections::server::ssr::set_receipt(&code);
                redirect_with(locale, &format!("{base}/voted"), None, "");
            }
            Err(error) => redirect_with(locale, &format!("{base}/kiosk"), Some(error.code), ""),
        }
        Ok(())
    }
}
