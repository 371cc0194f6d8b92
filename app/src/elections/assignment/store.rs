//! Poll workers assigned to polling stations, on either backend: a poll worker's role
//! scoped to a station (`platform::access::scoped`). The commission assigns and unassigns
//! until voting closes; each change is audited.

use serde_json::json;

use crate::accounts::types::{AccountId, Role};
use crate::db::{Db, Tx};
use crate::elections::calendar::rules::Phase;
use crate::elections::election::settings::ElectionSettings;
use crate::elections::election::store::{ElectionError, ElectionId, corrupt};
use crate::elections::station::rules::PollWorker;
use crate::error::{FieldProblem, Problem};
use crate::platform::access::scoped as scoped_store;
use crate::platform::access::store as access_store;
use crate::platform::audit::event::{Action, Process, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::{on_db, on_tx};

/// Assigns `worker` (who must hold the poll-worker role) to `station`. Assigning
/// someone already assigned changes nothing and logs nothing.
pub async fn assign_poll_worker(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    worker: AccountId,
    actor: AccountId,
    now: i64,
) -> Result<(), ElectionError> {
    let organization = station_of(tx, election, station).await?;
    if !access_store::has_role(
        tx,
        crate::platform::ids::OrganizationId(organization),
        worker,
        Role::PollWorker,
    )
    .await?
    {
        return Err(ElectionError::Invalid(vec![FieldProblem {
            field: "worker".into(),
            problem: Problem::UnknownOption,
        }]));
    }
    let added = scoped_store::grant_scoped_role(
        tx,
        crate::platform::ids::OrganizationId(organization),
        Subject::Station(election, station),
        Role::PollWorker,
        worker,
    )
    .await?;
    if added {
        audit_assignment(
            tx,
            organization,
            election,
            station,
            actor,
            now,
            None,
            Some(worker),
        )
        .await?;
    }
    Ok(())
}

/// Takes `worker` off `station`.
pub async fn unassign_poll_worker(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    worker: AccountId,
    actor: AccountId,
    now: i64,
) -> Result<(), ElectionError> {
    let organization = station_of(tx, election, station).await?;
    let removed = scoped_store::revoke_scoped_role(
        tx,
        Subject::Station(election, station),
        Role::PollWorker,
        worker,
    )
    .await?;
    if !removed {
        return Err(ElectionError::NotFound);
    }
    audit_assignment(
        tx,
        organization,
        election,
        station,
        actor,
        now,
        Some(worker),
        None,
    )
    .await
}

/// The organization of an election that still takes assignments and has `station`.
async fn station_of(tx: &mut Tx, election: ElectionId, station: i64) -> Result<i64, ElectionError> {
    let row: Option<(i64, String, String)> = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT organization_id, phase, settings FROM elections WHERE id = $1")
            .bind(election.0)
            .fetch_optional(&mut *conn)
            .await
    })?;
    let (organization, phase, settings) = row.ok_or(ElectionError::NotFound)?;
    let phase = Phase::from_code(&phase).ok_or_else(|| corrupt(format!("phase {phase}")))?;
    if phase > Phase::Voting {
        return Err(ElectionError::NotVoting);
    }
    let settings: ElectionSettings = serde_json::from_str(&settings).map_err(corrupt)?;
    settings.station(station).ok_or(ElectionError::NotFound)?;
    Ok(organization)
}

#[allow(clippy::too_many_arguments)]
async fn audit_assignment(
    tx: &mut Tx,
    organization: i64,
    election: ElectionId,
    station: i64,
    actor: AccountId,
    now: i64,
    before: Option<AccountId>,
    after: Option<AccountId>,
) -> Result<(), ElectionError> {
    let action = if after.is_some() {
        Action::StationAssign
    } else {
        Action::StationUnassign
    };
    audit_store::audit(
        tx,
        AuditEvent {
            organization_id: Some(organization),
            actor_account_id: Some(actor.0),
            action,
            subject: Subject::Station(election, station),
            before: before.map(|w| json!({ "poll_worker": w.0 })),
            after: after.map(|w| json!({ "poll_worker": w.0 })),
        },
        now,
    )
    .await?;
    Ok(())
}

/// Marks per station and per poll worker who made them, from the audit log (every
/// mark is audited with its poll worker as actor): (station, name, marks).
pub async fn marks_by_poll_worker(
    db: &Db,
    election: ElectionId,
) -> Result<Vec<(i64, String, u64)>, ElectionError> {
    let rows: Vec<(String, String, i64)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT l.subject, a.display_name, COUNT(*) FROM audit_log l \
             JOIN accounts a ON a.id = l.actor_account_id \
             WHERE l.process = $1 AND l.action = $2 \
             GROUP BY l.subject, a.id, a.display_name ORDER BY l.subject, a.display_name",
        )
        .bind(Process::Election(election).text())
        .bind(Action::StationMark)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(subject, name, count)| match Subject::parse(&subject)? {
            Subject::Station(_, station) => {
                Some((station, name, u64::try_from(count).unwrap_or(0)))
            }
            _ => None,
        })
        .collect())
}

/// Every assignment of an election: (station, poll worker), by station then name.
pub async fn station_assignments(
    db: &Db,
    election: ElectionId,
) -> Result<Vec<(i64, PollWorker)>, ElectionError> {
    let holders =
        scoped_store::scoped_role_holders(db, Process::Election(election), Role::PollWorker)
            .await?;
    let mut out: Vec<(i64, PollWorker)> = holders
        .into_iter()
        .filter_map(|h| match h.subject()? {
            Subject::Station(_, station) => Some((
                station,
                PollWorker {
                    account: h.account_id.0,
                    name: h.display_name,
                },
            )),
            _ => None,
        })
        .collect();
    // By station number (the scope's text orders 10 before 2), then name.
    out.sort_by(|(a, x), (b, y)| {
        a.cmp(b)
            .then_with(|| x.name.cmp(&y.name))
            .then(x.account.cmp(&y.account))
    });
    Ok(out)
}

/// The accounts assigned to one station.
pub async fn assigned_to(
    db: &Db,
    election: ElectionId,
    station: i64,
) -> Result<Vec<i64>, ElectionError> {
    Ok(
        scoped_store::holders_of(db, Subject::Station(election, station), Role::PollWorker)
            .await?
            .into_iter()
            .map(|a| a.0)
            .collect(),
    )
}
