//! Closing a polling station on either backend: the closure signed with the sheets counted
//! and reconciled against the marks and ballots (a justification when they differ), the
//! commission reopening one, and the counts the poll worker's screen shows.

use crate::accounts::types::AccountId;
use crate::db::{Db, Tx};
use crate::elections::calendar::store as calendar_store;
use crate::elections::election::store as election_store;
use crate::elections::election::store::{ElectionError, ElectionId};
use crate::elections::kiosk::store as kiosk_store;
use crate::elections::station::rules::{StationState, reconcile};
use crate::elections::station::store as station_store;
use crate::elections::station::store::StationError;
use crate::error::{FieldProblem, Problem};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::platform::voting::store as voting_store;
use crate::{execute, on_db, on_tx};
use serde_json::json;

/// Signs the station's closure. The poll worker counts the paper sheets in the box;
/// every person marked here must have left a kiosk ballot or a sheet, and every sheet
/// must have been typed in, or the poll worker writes why not. Kiosk ballots not cast
/// are voided and the station's kiosks unpaired first.
pub async fn close_station(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    sheets_found: u64,
    justification: Option<&str>,
    poll_worker: AccountId,
    now: i64,
) -> Result<StationState, StationError> {
    let organization = station_store::open_station_in_voting(tx, election, station).await?;
    kiosk_store::retire_kiosks(tx, election, station, now).await?;
    let state = station_counts(tx, election, station).await?;
    let justification = justification.map(str::trim).filter(|j| !j.is_empty());
    let (people, sheets) = reconcile(
        state.marked,
        state.kiosk_ballots,
        sheets_found,
        state.paper_ballots,
    );
    if (people, sheets) != (0, 0) && justification.is_none() {
        return Err(ElectionError::Invalid(vec![FieldProblem {
            field: "justification".into(),
            problem: Problem::Required,
        }])
        .into());
    }
    let sheets_found = i64::try_from(sheets_found).unwrap_or(i64::MAX);
    let closed = execute!(
        tx,
        "UPDATE station_sessions SET closed_by = $1, closed_at = $2, marked = $3, sheets_found = $4, \
          justification = $5 WHERE election_id = $6 AND station_id = $7 AND closed_at IS NULL",
        poll_worker.0,
        now,
        state.marked as i64,
        sheets_found,
        justification,
        election.0,
        station,
    )?;
    if closed != 1 {
        return Err(StationError::Closed);
    }
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            Some(poll_worker.0),
            Action::StationClose,
            Subject::Station(election, station),
        )
        .after(json!({
            "marked": state.marked, "kiosk_ballots": state.kiosk_ballots,
            "paper_ballots": state.paper_ballots, "sheets_found": sheets_found,
            "justification": justification,
        })),
        now,
    )
    .await?;
    Ok(StationState {
        opened: true,
        closed: true,
        sheets_found: Some(sheets_found as u64),
        justification: justification.map(str::to_owned),
        waiting_kiosk: 0,
        ..state
    })
}

/// Reopens a closed station while voting is still open (the commission, with a reason:
/// a closure signed by mistake). Its counts stay; the closure is kept in the audit log.
pub async fn reopen_station(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    reason: &str,
    commission: AccountId,
    now: i64,
) -> Result<(), StationError> {
    let organization = match station_store::open_station_in_voting(tx, election, station).await {
        Err(StationError::Closed) => {
            let (organization, _) = calendar_store::organization_and_phase(tx, election).await?;
            organization
        }
        Ok(_) => return Err(StationError::StillOpen),
        Err(other) => return Err(other),
    };
    let before = station_counts(tx, election, station).await?;
    execute!(
        tx,
        "UPDATE station_sessions SET closed_by = NULL, closed_at = NULL, marked = NULL, \
          sheets_found = NULL, justification = NULL WHERE election_id = $1 AND station_id = $2",
        election.0,
        station,
    )?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization),
            Some(commission.0),
            Action::StationReopen,
            Subject::Station(election, station),
        )
        .before(json!({
            "marked": before.marked, "kiosk_ballots": before.kiosk_ballots,
            "paper_ballots": before.paper_ballots, "sheets_found": before.sheets_found,
        }))
        .after(json!({ "reason": reason })),
        now,
    )
    .await?;
    Ok(())
}

async fn station_counts(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
) -> Result<StationState, StationError> {
    let poll = election_store::election_poll(&mut *tx, election).await?;
    let marked = voting_store::marks_at_station(&mut *tx, poll, station).await?;
    let row: Option<SessionRow> = on_tx!(tx, |conn| {
        sqlx::query_as(SESSION_ROW)
            .bind(election.0)
            .bind(station)
            .fetch_optional(&mut *conn)
            .await
    })?;
    Ok(state_of(marked, row, 0))
}

// A station's counts: read in the closing transaction (what is signed) and on the pool
// (what the poll-worker screen shows), from the same two queries (the marks' count is the
// ballot box's `marks_at_station`).
const SESSION_ROW: &str = "SELECT closed_at, kiosk_ballots, paper_ballots, sheets_found, justification \
     FROM station_sessions WHERE election_id = $1 AND station_id = $2";

type SessionRow = (Option<i64>, i64, i64, Option<i64>, Option<String>);

fn state_of(marked: i64, row: Option<SessionRow>, waiting_kiosk: i64) -> StationState {
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    match row {
        None => StationState {
            marked: count(marked),
            ..Default::default()
        },
        Some((closed_at, kiosk, paper, sheets, justification)) => StationState {
            opened: true,
            closed: closed_at.is_some(),
            marked: count(marked),
            kiosk_ballots: count(kiosk),
            paper_ballots: count(paper),
            sheets_found: sheets.map(count),
            waiting_kiosk: count(waiting_kiosk),
            justification,
        },
    }
}

pub async fn station_state(
    db: &Db,
    election: ElectionId,
    station: i64,
) -> Result<StationState, StationError> {
    let poll = election_store::election_poll(db, election).await?;
    let marked = voting_store::marks_at_station(db, poll, station).await?;
    let row: Option<SessionRow> = on_db!(db, |pool| {
        sqlx::query_as(SESSION_ROW)
            .bind(election.0)
            .bind(station)
            .fetch_optional(pool)
            .await
    })?;
    let waiting = kiosk_store::kiosks_waiting(db, election, station).await?;
    Ok(state_of(marked, row, waiting))
}

/// Stations opened but not closed: voting cannot end while one is.
pub async fn stations_still_open(db: &Db, election: ElectionId) -> Result<u64, ElectionError> {
    let (open,): (i64,) = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT COUNT(*) FROM station_sessions WHERE election_id = $1 AND closed_at IS NULL",
        )
        .bind(election.0)
        .fetch_one(pool)
        .await
    })?;
    Ok(open as u64)
}
