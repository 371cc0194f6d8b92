//! The commission assigns poll workers to polling stations (server functions and the
//! types they return). Who may then work a station: `station::rules::may_work_station`.

use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::elections::election::settings::Station;
use crate::elections::station::rules::PollWorker;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;

/// Each station with its assigned poll workers, and whom the commission may assign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationStaffPage {
    pub stations: Vec<(Station, Vec<PollWorker>)>,
    /// The organization's poll workers.
    pub poll_workers: Vec<PollWorker>,
    /// Assignments change until voting closes.
    pub editable: bool,
    /// People marked as voting, per station and per poll worker who marked them (from the
    /// audit log): (station, poll worker's name, marks).
    #[serde(default)]
    pub marks: Vec<(i64, String, u64)>,
}

/// Assigns (`assign = true`) or unassigns a poll worker; audited.
#[server(prefix = "/api", endpoint = "commission/assign", input = JsonOrForm)]
pub async fn assign_poll_worker(
    organization: String,
    election: String,
    station: i64,
    worker: i64,
    assign: bool,
) -> Result<(), AppError> {
    respond(ssr::assign(&organization, &election, station, worker, assign).await)
}

/// [`assign_poll_worker`] as a plain form (`worker` from the station's list, which may
/// be left on "choose"): back to the commission page, with a refusal shown under the
/// station it concerns.
#[server(prefix = "/api", endpoint = "commission/assign_form")]
pub async fn assign_poll_worker_form(
    organization: String,
    election: String,
    station: i64,
    #[server(default)] worker: String,
    assign: bool,
    locale: String,
) -> Result<(), AppError> {
    let outcome = match worker.trim().parse::<i64>() {
        Ok(worker) => ssr::assign(&organization, &election, station, worker, assign).await,
        Err(_) => ssr::nobody_chosen(&organization).await,
    };
    crate::elections::commission::redirect::back_to_commission(
        &locale,
        &organization,
        &election,
        &format!("station-{station}"),
        outcome.err(),
    );
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::StationStaffPage;
    use crate::accounts::staff::store as staff_store;
    use crate::accounts::types::{AccountId, Organization, Role};
    use crate::db::now_millis;
    use crate::elections::assignment::store as assignment_store;
    use crate::elections::calendar::rules::Phase;
    use crate::elections::election::lookup::election_of;
    use crate::elections::election::store::ElectionRecord;
    use crate::elections::station::rules::PollWorker;
    use crate::error::{AppError, FieldProblem, Problem};
    use crate::platform::access::COMMISSION;
    use crate::platform::web::context::{app_state, require_staff};
    use crate::state::AppState;

    /// Part of the commission's election page (loaded with it: one resource, one
    /// hydration).
    pub async fn load(
        app: &AppState,
        org: &Organization,
        record: &ElectionRecord,
    ) -> Result<StationStaffPage, AppError> {
        let assignments = assignment_store::station_assignments(&app.db, record.id)
            .await
            .map_err(AppError::from)?;
        let poll_workers = staff_store::team(&app.db, org.id)
            .await
            .map_err(AppError::from)?
            .into_iter()
            .filter(|(_, _, roles)| roles.contains(&Role::PollWorker))
            .map(|(account, name, _)| PollWorker {
                account: account.0,
                name,
            })
            .collect();
        Ok(StationStaffPage {
            stations: record
                .settings
                .stations
                .iter()
                .cloned()
                .map(|station| {
                    let workers = assignments
                        .iter()
                        .filter(|(s, _)| *s == station.id)
                        .map(|(_, w)| w.clone())
                        .collect();
                    (station, workers)
                })
                .collect(),
            poll_workers,
            editable: record.phase <= Phase::Voting,
            marks: assignment_store::marks_by_poll_worker(&app.db, record.id)
                .await
                .map_err(AppError::from)?,
        })
    }

    /// The assignment form sent without a poll worker chosen (the commission's only).
    pub async fn nobody_chosen(organization: &str) -> Result<(), AppError> {
        require_staff(organization, &COMMISSION).await?;
        Err(AppError::fields([FieldProblem {
            field: "worker".into(),
            problem: Problem::Required,
        }]))
    }

    pub async fn assign(
        organization: &str,
        election: &str,
        station: i64,
        worker: i64,
        assign: bool,
    ) -> Result<(), AppError> {
        let (actor, _) = require_staff(organization, &COMMISSION).await?;
        let app = app_state()?;
        let (_, record) = election_of(&app, organization, election).await?;
        let mut tx = app.db.begin_write().await?;
        let done = if assign {
            assignment_store::assign_poll_worker(
                &mut tx,
                record.id,
                station,
                AccountId(worker),
                actor,
                now_millis(),
            )
            .await
        } else {
            assignment_store::unassign_poll_worker(
                &mut tx,
                record.id,
                station,
                AccountId(worker),
                actor,
                now_millis(),
            )
            .await
        };
        done.map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn an_assignment_form_with_nobody_chosen_decodes() {
        let args: super::AssignPollWorkerForm = serde_qs::from_str(
            "organization=cmi-sp&election=cmi-2027&locale=ar&station=2&worker=&assign=false",
        )
        .expect("an assignment form");
        assert!(!args.assign);
        assert_eq!(args.worker, "");
    }
}
