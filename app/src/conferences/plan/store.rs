//! The plan on either backend.

use serde_json::json;

use crate::conferences::edition::rules::{Conference, Phase};
use crate::conferences::edition::store::staff_entry;
use crate::conferences::error::{ConferenceError, corrupt};
use crate::conferences::plan::rules::{
    Action, Indicator, IndicatorStatus, NewAction, check_action,
};
use crate::conferences::plenary::rules::Outcome;
use crate::conferences::plenary::store as plenary_store;
use crate::db::{Reader, Tx};
use crate::platform::audit::event::{Action as AuditAction, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::ids::AccountId;
use crate::{execute, on_read, on_tx};

/// A refused action or update, reported on the form's `action` field (the reason in the
/// server log at debug level).
fn refused(why: impl std::fmt::Display) -> ConferenceError {
    tracing::debug!(%why, "plan change refused");
    ConferenceError::Invalid(vec![crate::error::FieldProblem {
        field: "action".into(),
        problem: crate::error::Problem::UnknownOption,
    }])
}

/// Adds an action to the plan (organizers, in the plan phase, audited): it comes from
/// consolidated proposals the plenary approved (priority or approved).
pub async fn create_action(
    tx: &mut Tx,
    conference: &Conference,
    new: &NewAction,
    actor: AccountId,
    now: i64,
) -> Result<String, ConferenceError> {
    if conference.phase != Phase::Plan {
        return Err(ConferenceError::WrongPhase);
    }
    let new = check_action(new).map_err(refused)?;
    let results = plenary_store::results(&mut *tx, conference).await?;
    let mut sources = Vec::new();
    for code in &new.from {
        let approved = results
            .get(code)
            .is_some_and(|r| matches!(r.result, Outcome::Priority | Outcome::Approved));
        if !approved {
            return Err(refused(format!("{code} was not approved")));
        }
        let (id,): (i64,) = on_tx!(tx, |conn| {
            sqlx::query_as(
                "SELECT id FROM consolidated_proposals WHERE conference_id = $1 AND code = $2",
            )
            .bind(conference.id)
            .bind(code)
            .fetch_one(&mut *conn)
            .await
        })?;
        sources.push(id);
    }
    let (taken,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT COUNT(*) FROM plan_actions WHERE conference_id = $1")
            .bind(conference.id)
            .fetch_one(&mut *conn)
            .await
    })?;
    let number = taken + 1;
    let (id,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO plan_actions (conference_id, number, title, responsible, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(conference.id)
        .bind(number)
        .bind(&new.title)
        .bind(&new.responsible)
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    })?;
    for source in sources {
        execute!(
            tx,
            "INSERT INTO plan_action_sources (action_id, consolidated_id) VALUES ($1, $2)",
            id,
            source
        )?;
    }
    for i in &new.indicators {
        execute!(
            tx,
            "INSERT INTO plan_indicators (action_id, name, unit, baseline, targets, status) VALUES ($1, $2, $3, $4, $5, $6)",
            id,
            &i.name,
            &i.unit,
            i.baseline,
            serde_json::to_string(&i.targets).map_err(corrupt)?,
            i.status.code(),
        )?;
    }
    let code = format!("A{number}");
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            AuditAction::PlanAction,
            Subject::Conference(conference.id),
        )
        .after(json!({ "action": code, "new": new })),
        now,
    )
    .await?;
    Ok(code)
}

/// One report of an indicator: the value reached (if measured), its status, a note.
#[derive(Clone, Debug, PartialEq)]
pub struct Report<'a> {
    pub value: Option<f64>,
    pub status: IndicatorStatus,
    pub note: &'a str,
}

/// Reports an indicator's value and status (organizers, during the plan and its
/// monitoring, audited; every update kept).
pub async fn update_indicator(
    tx: &mut Tx,
    conference: &Conference,
    indicator: i64,
    report: &Report<'_>,
    actor: AccountId,
    now: i64,
) -> Result<(), ConferenceError> {
    let Report {
        value,
        status,
        note,
    } = *report;
    if !matches!(conference.phase, Phase::Plan | Phase::Monitoring) {
        return Err(ConferenceError::WrongPhase);
    }
    if value.is_some_and(|v| !v.is_finite()) {
        return Err(refused("value"));
    }
    let note = crate::platform::text::paragraphs(note, 1000).unwrap_or_default();
    let before: Option<(String, Option<f64>)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT i.status, i.current_value FROM plan_indicators i JOIN plan_actions a ON a.id = i.action_id \
             WHERE i.id = $1 AND a.conference_id = $2",
        )
        .bind(indicator)
        .bind(conference.id)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (before_status, before_value) = before.ok_or(ConferenceError::NotFound)?;
    execute!(
        tx,
        "UPDATE plan_indicators SET status = $1, current_value = $2 WHERE id = $3",
        status.code(),
        value,
        indicator,
    )?;
    execute!(
        tx,
        "INSERT INTO plan_indicator_updates (indicator_id, at, value, status, note, by_account) VALUES ($1, $2, $3, $4, $5, $6)",
        indicator,
        now,
        value,
        status.code(),
        &note,
        actor,
    )?;
    audit_store::audit(
        tx,
        staff_entry(conference, actor, AuditAction::PlanIndicator, Subject::Conference(conference.id))
            .before(json!({ "indicator": indicator, "status": before_status, "value": before_value }))
            .after(json!({ "indicator": indicator, "status": status.code(), "value": value, "note": note })),
        now,
    )
    .await?;
    Ok(())
}

/// The plan's actions in order, each with its sources and indicators.
pub async fn actions<'a>(
    reader: impl Into<Reader<'a>>,
    conference: &Conference,
) -> Result<Vec<Action>, ConferenceError> {
    let mut reader = reader.into();
    let rows: Vec<(i64, i64, String, String)> = on_read!(&mut reader, |conn| {
        sqlx::query_as("SELECT id, number, title, responsible FROM plan_actions WHERE conference_id = $1 ORDER BY number")
            .bind(conference.id)
            .fetch_all(conn)
            .await
    })?;
    let sources: Vec<(i64, String)> = on_read!(&mut reader, |conn| {
        sqlx::query_as(
            "SELECT s.action_id, c.code FROM plan_action_sources s JOIN consolidated_proposals c ON c.id = s.consolidated_id \
             JOIN plan_actions a ON a.id = s.action_id WHERE a.conference_id = $1 ORDER BY c.id",
        )
        .bind(conference.id)
        .fetch_all(conn)
        .await
    })?;
    type IndicatorRow = (i64, i64, String, String, f64, String, String, Option<f64>);
    let indicators: Vec<IndicatorRow> = on_read!(&mut reader, |conn| {
        sqlx::query_as(
            "SELECT i.id, i.action_id, i.name, i.unit, i.baseline, i.targets, i.status, i.current_value \
             FROM plan_indicators i JOIN plan_actions a ON a.id = i.action_id WHERE a.conference_id = $1 ORDER BY i.id",
        )
        .bind(conference.id)
        .fetch_all(conn)
        .await
    })?;
    rows.into_iter()
        .map(|(id, number, title, responsible)| {
            Ok(Action {
                code: format!("A{number}"),
                title,
                responsible,
                from: sources
                    .iter()
                    .filter(|(a, _)| *a == id)
                    .map(|(_, c)| c.clone())
                    .collect(),
                indicators: indicators
                    .iter()
                    .filter(|i| i.1 == id)
                    .map(|(iid, _, name, unit, baseline, targets, status, current)| {
                        Ok(Indicator {
                            id: *iid,
                            name: name.clone(),
                            unit: unit.clone(),
                            baseline: *baseline,
                            targets: serde_json::from_str(targets).map_err(corrupt)?,
                            status: IndicatorStatus::from_code(status)
                                .ok_or_else(|| corrupt(format!("status {status}")))?,
                            current: *current,
                        })
                    })
                    .collect::<Result<Vec<_>, ConferenceError>>()?,
            })
        })
        .collect()
}
