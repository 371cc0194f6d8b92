//! Moving an election's calendar: the checks only an election has (the final list
//! published on entering it, appeals only once every candidacy is decided, counting
//! refused while a station is open); the move itself, the last days and the public
//! history are the platform's timeline (`platform::timeline::store`).

use crate::accounts::types::AccountId;
use crate::db::Tx;
use crate::elections::calendar::rules::Phase;
use crate::elections::candidacy::store as candidacy_store;
use crate::elections::election::store::{ElectionError, ElectionId, corrupt};
use crate::platform::audit::event::Process;
use crate::platform::ids::OrganizationId;
use crate::platform::timeline::check_move;
use crate::platform::timeline::store as timeline_store;
use crate::{execute, on_tx};

/// The election's organization and phase, read inside this transaction.
pub(crate) async fn organization_and_phase(
    tx: &mut Tx,
    election: ElectionId,
) -> Result<(i64, Phase), ElectionError> {
    read_organization_and_phase(tx, election, "").await
}

/// The same, locking the election row until commit (PostgreSQL): every station write
/// holds a shared lock on it, so the phase cannot move under a station's feet.
async fn lock_organization_and_phase(
    tx: &mut Tx,
    election: ElectionId,
) -> Result<(i64, Phase), ElectionError> {
    let lock = tx.backend().for_update();
    read_organization_and_phase(tx, election, lock).await
}

async fn read_organization_and_phase(
    tx: &mut Tx,
    election: ElectionId,
    lock: &str,
) -> Result<(i64, Phase), ElectionError> {
    let row: Option<(i64, String)> = on_tx!(tx, |conn| {
        sqlx::query_as(&format!(
            "SELECT organization_id, phase FROM elections WHERE id = $1{lock}"
        ))
        .bind(election.0)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (organization, phase) = row.ok_or(ElectionError::NotFound)?;
    let phase = Phase::from_code(&phase).ok_or_else(|| corrupt(format!("phase {phase}")))?;
    Ok((organization, phase))
}

/// Moves an election to its next phase (only that one), audited.
pub async fn move_phase(
    tx: &mut Tx,
    election: ElectionId,
    to: Phase,
    actor: Option<AccountId>,
    now: i64,
) -> Result<(), ElectionError> {
    let (organization, from) = lock_organization_and_phase(tx, election).await?;
    check_move(from, to)?;
    if to == Phase::FinalList {
        candidacy_store::publish_final_list(tx, election).await?;
    }
    // Appeals are against decisions: every candidacy is decided before they open.
    if to == Phase::Appeals {
        let (undecided,): (i64,) = on_tx!(tx, |conn| {
            sqlx::query_as(
                "SELECT COUNT(*) FROM candidacies WHERE election_id = $1 AND status = 'submitted'",
            )
            .bind(election.0)
            .fetch_one(&mut *conn)
            .await
        })?;
        if undecided > 0 {
            return Err(ElectionError::Undecided);
        }
    }
    if to == Phase::Counting {
        let (open,): (i64,) = on_tx!(tx, |conn| {
            sqlx::query_as(
                "SELECT COUNT(*) FROM station_sessions WHERE election_id = $1 AND closed_at IS NULL",
            )
            .bind(election.0)
            .fetch_one(&mut *conn)
            .await
        })?;
        if open > 0 {
            return Err(ElectionError::StationsOpen);
        }
    }
    execute!(
        tx,
        "UPDATE elections SET phase = $1 WHERE id = $2",
        to.code(),
        election.0
    )?;
    timeline_store::record_phase_move(
        tx,
        Process::Election(election),
        OrganizationId(organization),
        from,
        to,
        actor,
        now,
    )
    .await?;
    Ok(())
}

/// Sets or extends an election phase's last day (the timeline's rule), audited.
pub async fn set_election_deadline(
    tx: &mut Tx,
    election: ElectionId,
    phase: Phase,
    last_day: crate::calendar::Date,
    actor: AccountId,
    now: i64,
) -> Result<(), ElectionError> {
    let (organization, current_phase) = organization_and_phase(tx, election).await?;
    timeline_store::set_deadline(
        tx,
        Process::Election(election),
        OrganizationId(organization),
        phase,
        current_phase,
        last_day,
        actor,
        now,
    )
    .await?;
    Ok(())
}
