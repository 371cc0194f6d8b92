//! Server functions of the poll-worker screen and of the station's kiosks. Every staff
//! call checks that the caller may work this station; a kiosk is a separate device that
//! holds only a kiosk credential (an HttpOnly cookie), paired with a one-time code.

pub mod kiosks;
#[cfg(feature = "ssr")]
pub(crate) mod lookup;
pub mod notes;
pub mod verify;
pub mod voters;

use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::elections::calendar::rules::Phase;
use crate::elections::election::api::SegmentView;
use crate::elections::election::settings::Station;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;

pub use crate::elections::station::rules::{HandOver, KioskView, StationState, VoterLookup};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationPage {
    pub title: String,
    pub phase: Phase,
    pub station: Station,
    pub state: StationState,
    /// For entering paper ballots.
    pub segments: Vec<SegmentView>,
    /// The station's paired kiosks.
    pub kiosks: Vec<KioskView>,
    /// The caller may reopen a closed station (the commission).
    pub may_reopen: bool,
    /// The caller may sign the closure: the commission, or a poll worker assigned here
    /// (a station nobody was assigned to is closed by the commission).
    pub may_close: bool,
}

/// Elections taking votes, with their stations: where a poll worker starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VotingElection {
    pub slug: String,
    pub title: String,
    pub stations: Vec<Station>,
}

#[server(prefix = "/api", endpoint = "station/list", input = JsonOrForm)]
pub async fn list_stations(organization: String) -> Result<Vec<VotingElection>, AppError> {
    respond(ssr::list_stations(&organization).await)
}

#[server(prefix = "/api", endpoint = "station/load", input = JsonOrForm)]
pub async fn load_station(
    organization: String,
    election: String,
    station: i64,
    locale: String,
) -> Result<StationPage, AppError> {
    respond(ssr::load_station(&organization, &election, station, &locale).await)
}

#[server(prefix = "/api", endpoint = "station/open", input = JsonOrForm)]
pub async fn open_station(
    organization: String,
    election: String,
    station: i64,
) -> Result<(), AppError> {
    respond(ssr::open_station(&organization, &election, station).await)
}

/// Signs the closure with the number of paper sheets counted in the box.
#[server(prefix = "/api", endpoint = "station/close", input = JsonOrForm)]
pub async fn close_station(
    organization: String,
    election: String,
    station: i64,
    sheets_found: String,
    justification: String,
) -> Result<StationState, AppError> {
    let outcome = ssr::close_station(
        &organization,
        &election,
        station,
        &sheets_found,
        &justification,
    )
    .await;
    // A refused closure from the page's form comes back with the count typed once.
    if outcome.is_err() && crate::platform::web::http::is_form_post() {
        notes::ssr::note_failed(
            &election,
            station,
            notes::StationSection::Closure,
            Some(&sheets_found),
        );
    }
    respond(outcome)
}

/// The commission reopens a closed station while voting is open, saying why.
#[server(prefix = "/api", endpoint = "station/reopen", input = JsonOrForm)]
pub async fn reopen_station(
    organization: String,
    election: String,
    station: i64,
    reason: String,
) -> Result<(), AppError> {
    let outcome = ssr::reopen_station(&organization, &election, station, &reason).await;
    if outcome.is_err() && crate::platform::web::http::is_form_post() {
        notes::ssr::note_failed(&election, station, notes::StationSection::Closure, None);
    }
    respond(outcome)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::accounts::staff::store as staff_store;
    use crate::elections::assignment::store as assignment_store;
    use crate::elections::election::store as election_store;
    use crate::elections::kiosk::store as kiosk_store;
    use crate::elections::station::store as station_store;
    use crate::elections::station::store::closure as closure_store;

    use super::{StationPage, StationState, VotingElection};
    use crate::accounts::types::{AccountId, Organization};
    use crate::db::now_millis;
    use crate::elections::calendar::rules::Phase;
    use crate::elections::election::api::ssr::{load_election, reason_text};
    use crate::elections::election::lookup::election_of;
    use crate::elections::election::store::ElectionRecord;
    use crate::elections::station::rules::may_work_station;
    use crate::error::{AppError, ErrorCode, FieldProblem, Problem};
    use crate::platform::access::{POLL, SUPERVISORS};
    use crate::platform::web::context::{app_state, require_staff};
    use crate::state::AppState;

    /// The elections taking votes, each with the stations this person may work.
    pub async fn list_stations(organization: &str) -> Result<Vec<VotingElection>, AppError> {
        let (account, org) = require_staff(organization, &POLL).await?;
        let app = app_state()?;
        let roles = staff_store::roles_of(&app.db, org.id, account)
            .await
            .map_err(AppError::from)?;
        let mut out = Vec::new();
        for election in election_store::elections_of(&app.db, org.id)
            .await
            .map_err(AppError::from)?
        {
            if election.phase != Phase::Voting {
                continue;
            }
            let assignments = assignment_store::station_assignments(&app.db, election.id)
                .await
                .map_err(AppError::from)?;
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

    /// Who is working a station, and what they may do there.
    pub(crate) struct Worker {
        pub(crate) account: AccountId,
        pub(crate) organization: Organization,
        pub(crate) record: ElectionRecord,
        pub(crate) supervisor: bool,
        /// Assigned poll workers (empty: none assigned).
        pub(crate) assigned: Vec<i64>,
    }

    /// The signed-in staff member, if they may work `station` (see `may_work_station`):
    /// 403 otherwise.
    pub(crate) async fn station_worker(
        app: &AppState,
        organization: &str,
        election: &str,
        station: i64,
    ) -> Result<Worker, AppError> {
        let (account, org) = require_staff(organization, &POLL).await?;
        let (_, record) = election_of(app, organization, election).await?;
        if record.settings.station(station).is_none() {
            return Err(AppError::new(ErrorCode::NotFound));
        }
        let roles = staff_store::roles_of(&app.db, org.id, account)
            .await
            .map_err(AppError::from)?;
        let assigned = assignment_store::assigned_to(&app.db, record.id, station)
            .await
            .map_err(AppError::from)?;
        if !may_work_station(&roles, &assigned, account.0) {
            return Err(AppError::new(ErrorCode::Forbidden));
        }
        Ok(Worker {
            account,
            organization: org,
            record,
            supervisor: roles.iter().any(|r| SUPERVISORS.contains(r)),
            assigned,
        })
    }

    impl Worker {
        /// A station's closure is signed by a poll worker assigned to it, or by the
        /// commission; a station nobody was assigned to is closed by the commission only.
        fn may_close(&self) -> bool {
            self.supervisor || self.assigned.contains(&self.account.0)
        }
    }

    pub async fn load_station(
        organization: &str,
        election: &str,
        station: i64,
        locale: &str,
    ) -> Result<StationPage, AppError> {
        let app = app_state()?;
        let worker = station_worker(&app, organization, election, station).await?;
        let record = &worker.record;
        let info = record
            .settings
            .station(station)
            .cloned()
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let state = closure_store::station_state(&app.db, record.id, station)
            .await
            .map_err(AppError::from)?;
        let kiosks = kiosk_store::station_kiosks(&app.db, record.id, station)
            .await
            .map_err(AppError::from)?;
        // The ballot's segments and candidates, in the reader's language.
        let mut page = load_election(organization, election, locale).await?;
        if !record.phase.candidates_public() {
            page.segments.clear();
        }
        Ok(StationPage {
            title: record.title.clone(),
            phase: record.phase,
            station: info,
            state,
            segments: page.segments,
            kiosks,
            may_reopen: worker.supervisor && record.phase == Phase::Voting,
            may_close: worker.may_close(),
        })
    }

    pub async fn open_station(
        organization: &str,
        election: &str,
        station: i64,
    ) -> Result<(), AppError> {
        let app = app_state()?;
        let worker = station_worker(&app, organization, election, station).await?;
        let mut tx = app.db.begin_write().await?;
        station_store::open_station(
            &mut tx,
            worker.record.id,
            station,
            worker.account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }

    /// A count typed by a person: digits only, at most a million.
    fn sheet_count(text: &str) -> Result<u64, AppError> {
        let problem = |problem| AppError {
            code: ErrorCode::InvalidInput,
            fields: vec![FieldProblem {
                field: "sheets_found".into(),
                problem,
            }],
        };
        let text = text.trim();
        if text.is_empty() {
            return Err(problem(Problem::Required));
        }
        match text.parse::<u64>() {
            Ok(n) if n <= 1_000_000 && text.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
            _ => Err(problem(Problem::OutOfRange {
                min: 0,
                max: u16::MAX,
            })),
        }
    }

    pub async fn close_station(
        organization: &str,
        election: &str,
        station: i64,
        sheets_found: &str,
        justification: &str,
    ) -> Result<StationState, AppError> {
        let app = app_state()?;
        let worker = station_worker(&app, organization, election, station).await?;
        if !worker.may_close() {
            return Err(AppError::new(ErrorCode::Forbidden));
        }
        let sheets = sheet_count(sheets_found)?;
        let justification = if justification.trim().is_empty() {
            None
        } else {
            Some(reason_text("justification", justification, 2000)?)
        };
        let mut tx = app.db.begin_write().await?;
        let state = closure_store::close_station(
            &mut tx,
            worker.record.id,
            station,
            sheets,
            justification.as_deref(),
            worker.account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(state)
    }

    pub async fn reopen_station(
        organization: &str,
        election: &str,
        station: i64,
        reason: &str,
    ) -> Result<(), AppError> {
        let app = app_state()?;
        let worker = station_worker(&app, organization, election, station).await?;
        if !worker.supervisor {
            return Err(AppError::new(ErrorCode::Forbidden));
        }
        let reason = reason_text("reason", reason, 2000)?;
        let mut tx = app.db.begin_write().await?;
        closure_store::reopen_station(
            &mut tx,
            worker.record.id,
            station,
            &reason,
            worker.account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }
}
