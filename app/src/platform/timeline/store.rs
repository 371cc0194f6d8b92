//! A process's calendar on either backend. The process's own table keeps its current phase
//! (and its own checks before a move: the final list published, no station open); this
//! module records the move, keeps each phase's last day in `process_deadlines`, and reads
//! the public history back from the audit log — the public calendar is the audited one.

use serde_json::json;

use crate::calendar::{Date, local_time};
use crate::db::{Db, Tx};
use crate::platform::audit::event::Process;
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::platform::codes::Coded;
use crate::platform::ids::{AccountId, OrganizationId};
use crate::platform::timeline::rules::{
    DeadlineChange, PhaseChange, TimelineError, check_deadline,
};
use crate::{execute, on_db, on_tx};

#[derive(Debug, thiserror::Error)]
pub enum TimelineStoreError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Refused(#[from] TimelineError),
}

fn unreadable(what: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::Decode(format!("unreadable calendar data: {what}").into())
}

fn phase<P: Coded>(code: &str) -> Result<P, sqlx::Error> {
    P::from_code(code).ok_or_else(|| unreadable(format!("phase {code:?}")))
}

/// A calendar state stored in an audit entry: `{"phase": …, "last_day": …}`.
fn state<P: Coded>(json: Option<&str>) -> Option<(P, Option<Date>)> {
    let value: serde_json::Value = serde_json::from_str(json?).ok()?;
    let phase = P::from_code(value.get("phase")?.as_str()?)?;
    let day = value
        .get("last_day")
        .and_then(|d| d.as_str())
        .and_then(|d| d.parse().ok());
    Some((phase, day))
}

/// Today on the organization's clock (its time zone).
pub(crate) async fn organization_today(
    tx: &mut Tx,
    organization: OrganizationId,
    now: i64,
) -> Result<Date, sqlx::Error> {
    let (rules,): (String,) = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT rules FROM organizations WHERE id = $1")
            .bind(organization)
            .fetch_one(&mut *conn)
            .await
    })?;
    let rules: crate::accounts::types::RegistrationRules =
        serde_json::from_str(&rules).map_err(unreadable)?;
    Ok(local_time(&rules.time_zone, now).date)
}

/// Audits a move of `process` from `from` to `to`, which the caller checked
/// ([`crate::platform::timeline::check_move`]) and stored in the process's own row.
pub(crate) async fn record_phase_move<P: Coded>(
    tx: &mut Tx,
    process: Process,
    organization: OrganizationId,
    from: P,
    to: P,
    actor: Option<AccountId>,
    now: i64,
) -> Result<(), sqlx::Error> {
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            actor.map(|a| a.0),
            process.phase_action(),
            process.subject(),
        )
        .before(json!({ "phase": from.code() }))
        .after(json!({ "phase": to.code() })),
        now,
    )
    .await?;
    Ok(())
}

/// Whether `phase`'s last day, if one is set, is over at `now` on the organization's
/// clock: past it the phase takes nothing more (filing, appeals, voting) even before
/// staff move the calendar on.
pub(crate) async fn deadline_passed<P: Coded>(
    tx: &mut Tx,
    process: Process,
    phase: P,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let row: Option<(String, OrganizationId)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT last_day, organization_id FROM process_deadlines WHERE process = $1 AND phase = $2",
        )
        .bind(process.text())
        .bind(phase.code())
        .fetch_optional(&mut *conn)
        .await
    })?;
    let Some((last_day, organization)) = row else {
        return Ok(false);
    };
    let last_day: Date = last_day.parse().map_err(unreadable)?;
    Ok(organization_today(tx, organization, now).await? > last_day)
}

/// Sets or extends `phase`'s last day (see [`check_deadline`]), audited with the day
/// before and after. `current_phase` is the process's phase, read by the caller in
/// this transaction.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn set_deadline<P: Coded + Ord>(
    tx: &mut Tx,
    process: Process,
    organization: OrganizationId,
    phase: P,
    current_phase: P,
    last_day: Date,
    actor: AccountId,
    now: i64,
) -> Result<(), TimelineStoreError> {
    let current: Option<(String,)> = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT last_day FROM process_deadlines WHERE process = $1 AND phase = $2")
            .bind(process.text())
            .bind(phase.code())
            .fetch_optional(&mut *conn)
            .await
    })?;
    let current = current
        .map(|(d,)| d.parse::<Date>().map_err(unreadable))
        .transpose()?;
    let today = organization_today(tx, organization, now).await?;
    check_deadline(phase, current_phase, current, last_day, today)?;
    execute!(
        tx,
        "INSERT INTO process_deadlines (organization_id, process, phase, last_day) \
          VALUES ($1, $2, $3, $4) \
          ON CONFLICT (process, phase) DO UPDATE SET last_day = excluded.last_day",
        organization,
        process.text(),
        phase.code(),
        last_day.to_string(),
    )?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            Some(actor.0),
            process.deadline_action(),
            process.subject(),
        )
        .before_state(current.map(|d| json!({ "phase": phase.code(), "last_day": d })))
        .after(json!({ "phase": phase.code(), "last_day": last_day })),
        now,
    )
    .await?;
    Ok(())
}

/// When the process entered each phase, oldest first, from its audit entries.
pub async fn phase_history<P: Coded>(
    db: &Db,
    process: Process,
) -> Result<Vec<PhaseChange<P>>, sqlx::Error> {
    let rows: Vec<(Option<String>, i64, String)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT after_state, at, hash FROM audit_log \
             WHERE process = $1 AND subject = $1 AND action = $2 ORDER BY seq",
        )
        .bind(process.text())
        .bind(process.phase_action())
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(after, at, hash)| {
            let (phase, _) = state(after.as_deref())?;
            Some(PhaseChange {
                phase,
                at,
                audit_head: hash,
            })
        })
        .collect())
}

/// Each phase's current last day, in phase order.
pub async fn deadlines<P: Coded + Ord>(
    db: &Db,
    process: Process,
) -> Result<Vec<(P, Date)>, sqlx::Error> {
    let rows: Vec<(String, String)> = on_db!(db, |pool| {
        sqlx::query_as("SELECT phase, last_day FROM process_deadlines WHERE process = $1")
            .bind(process.text())
            .fetch_all(pool)
            .await
    })?;
    let mut out = Vec::with_capacity(rows.len());
    for (code, day) in rows {
        out.push((phase(&code)?, day.parse().map_err(unreadable)?));
    }
    out.sort();
    Ok(out)
}

/// Every deadline set or extended, oldest first, from the audit log.
pub async fn deadline_changes<P: Coded>(
    db: &Db,
    process: Process,
) -> Result<Vec<DeadlineChange<P>>, sqlx::Error> {
    let rows: Vec<(Option<String>, Option<String>, i64)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT before_state, after_state, at FROM audit_log \
             WHERE process = $1 AND subject = $1 AND action = $2 ORDER BY seq",
        )
        .bind(process.text())
        .bind(process.deadline_action())
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(before, after, at)| {
            let (phase, Some(after)) = state(after.as_deref())? else {
                return None;
            };
            let before = state::<P>(before.as_deref()).and_then(|(_, day)| day);
            Some(DeadlineChange {
                at,
                phase,
                before,
                after,
            })
        })
        .collect())
}
