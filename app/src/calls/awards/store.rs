//! Awards on either backend: read with their follow-up, payments, final reports, visits.
//! Each write checks the call is in its awards or follow-up phase in its own transaction,
//! is audited there, and (payments) tells the winner.

use std::collections::BTreeMap;

use serde_json::json;

use crate::calendar::Date;
use crate::calls::apply::rules::has_migrant_member;
use crate::calls::apply::store::{self as apply_store, NewFile, insert_file};
use crate::calls::apply::types::Application;
use crate::calls::awards::{Award, FINAL_REPORT, MAX_VISIT_NOTE, Report, Visit};
use crate::calls::call::phase_now::phase_now;
use crate::calls::call::rules::{Call, Phase};
use crate::calls::call::store::staff_entry;
use crate::calls::error::{CallError, invalid};
use crate::calls::notify::{Page, params, tell};
use crate::db::{Reader, Tx};
use crate::error::Problem;
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store::{self as audit_store, AuditEvent};
use crate::platform::ids::{AccountId, ApplicationId};
use crate::platform::inbox::Notice;
use crate::platform::timeline::store::organization_today;
use crate::{execute, on_read, on_tx};

/// Payments, reports and visits are recorded while the call gives its awards and follows
/// them up — not before the selection, and not after the call is archived.
async fn following_up(tx: &mut Tx, call: &Call) -> Result<(), CallError> {
    match phase_now(tx, call).await? {
        Phase::Awards | Phase::FollowUp => Ok(()),
        _ => Err(CallError::WrongPhase),
    }
}

/// Every award of `call` with its follow-up, by category then receipt.
pub async fn awards(reader: impl Into<Reader<'_>>, call: &Call) -> Result<Vec<Award>, CallError> {
    let mut reader = reader.into();
    let rows: Vec<(i64, i64, Option<String>, Option<i64>)> = on_read!(reader.reborrow(), |conn| {
        sqlx::query_as(
            "SELECT w.application_id, w.amount, w.paid_on, w.report_at FROM call_awards w \
             JOIN call_applications a ON a.id = w.application_id WHERE a.call_id = $1",
        )
        .bind(call.id)
        .fetch_all(conn)
        .await
    })?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let visits: Vec<(i64, String, String)> = on_read!(reader.reborrow(), |conn| {
        sqlx::query_as(
            "SELECT v.application_id, v.visited_on, v.note FROM call_visits v \
             JOIN call_applications a ON a.id = v.application_id WHERE a.call_id = $1 \
             ORDER BY v.visited_on, v.id",
        )
        .bind(call.id)
        .fetch_all(conn)
        .await
    })?;
    let applications: BTreeMap<ApplicationId, Application> =
        apply_store::submitted_applications(reader, call)
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
    let mut awards: Vec<(usize, Award)> = rows
        .into_iter()
        .filter_map(|(id, amount, paid_on, report_at)| {
            let a = applications.get(&ApplicationId(id))?;
            let position = call
                .categories
                .iter()
                .position(|c| c.id == a.category)
                .unwrap_or(usize::MAX);
            let report = report_at.and_then(|at| {
                let file = a
                    .current_files()
                    .into_iter()
                    .find(|f| f.document == FINAL_REPORT)?;
                Some(Report { file: file.id, at })
            });
            Some((
                position,
                Award {
                    application: id,
                    receipt: a.receipt.clone().unwrap_or_default(),
                    title: a.draft.title.clone(),
                    summary: a.draft.summary.clone(),
                    category: a.draft.category.clone(),
                    applicant_type: a.draft.applicant_type,
                    migrant: has_migrant_member(a.members()),
                    amount,
                    paid_on,
                    report,
                    visits: visits
                        .iter()
                        .filter(|v| v.0 == id)
                        .map(|(_, on, note)| Visit {
                            on: on.clone(),
                            note: note.clone(),
                        })
                        .collect(),
                },
            ))
        })
        .collect();
    awards.sort_by(|(p, a), (q, b)| p.cmp(q).then_with(|| a.receipt.cmp(&b.receipt)));
    Ok(awards.into_iter().map(|(_, award)| award).collect())
}

/// The award of `application`, if it won one.
pub async fn award_of(
    reader: impl Into<Reader<'_>>,
    call: &Call,
    application: ApplicationId,
) -> Result<Option<Award>, CallError> {
    Ok(awards(reader, call)
        .await?
        .into_iter()
        .find(|a| a.application == application.0))
}

/// Records an award's payment on `paid_on` (not after today on the organization's clock),
/// once, audited; the winner is told.
pub async fn record_payment(
    tx: &mut Tx,
    call: &Call,
    application: ApplicationId,
    paid_on: Date,
    actor: AccountId,
    now: i64,
) -> Result<(), CallError> {
    following_up(tx, call).await?;
    if paid_on > organization_today(tx, call.organization, now).await? {
        return Err(invalid("paid_on", Problem::FutureDate));
    }
    let found = apply_store::application_by_id(&mut *tx, call, application).await?;
    let updated = execute!(
        tx,
        "UPDATE call_awards SET paid_on = $1 WHERE application_id = $2 AND paid_on IS NULL",
        paid_on.to_string(),
        application,
    )?;
    if updated == 0 {
        return Err(CallError::Conflict);
    }
    audit_store::audit(
        tx,
        staff_entry(
            call,
            actor,
            Action::AwardPayment,
            Subject::Application(call.id, application.0),
        )
        .after(json!({ "paid_on": paid_on })),
        now,
    )
    .await?;
    let mut said = params(&found);
    said.by = paid_on.to_string();
    tell(tx, call, &found, Notice::Paid, &said, Page::Results, now).await?;
    Ok(())
}

/// The winner's final report: `file` (already judged by its content and in the file
/// store) becomes the report of the award won by `account`'s application — a newer one replaces it, the older
/// stays in the record. Audited with the file's SHA-256.
pub async fn attach_report(
    tx: &mut Tx,
    call: &Call,
    account: AccountId,
    file: &NewFile,
    now: i64,
) -> Result<(), CallError> {
    following_up(tx, call).await?;
    let application = apply_store::application_of(&mut *tx, call, account)
        .await?
        .ok_or(CallError::NotFound)?;
    let updated = execute!(
        tx,
        "UPDATE call_awards SET report_digest = $1, report_kind = $2, report_at = $3 \
         WHERE application_id = $4",
        file.digest.as_str(),
        file.kind.code(),
        now,
        application.id,
    )?;
    if updated == 0 {
        // Not a winner: there is no report to send.
        return Err(CallError::NotFound);
    }
    insert_file(tx, application.id, file, now).await?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(call.organization.0),
            Some(application.applicant.0),
            Action::AwardReport,
            Subject::Application(call.id, application.id.0),
        )
        .after(json!({ "sha256": file.digest.as_str(), "kind": file.kind.code() })),
        now,
    )
    .await?;
    Ok(())
}

/// A follow-up visit to `application`'s initiative on `on` (not after today), with what the
/// team saw; audited (the day, not the note: notes may name people).
pub async fn record_visit(
    tx: &mut Tx,
    call: &Call,
    application: ApplicationId,
    on: Date,
    note: &str,
    actor: AccountId,
    now: i64,
) -> Result<(), CallError> {
    let note = crate::platform::text::paragraphs(note, MAX_VISIT_NOTE)
        .map_err(|problem| invalid("note", problem))?;
    following_up(tx, call).await?;
    if on > organization_today(tx, call.organization, now).await? {
        return Err(invalid("visited_on", Problem::FutureDate));
    }
    let awarded: Option<(i64,)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT w.application_id FROM call_awards w JOIN call_applications a \
             ON a.id = w.application_id WHERE w.application_id = $1 AND a.call_id = $2",
        )
        .bind(application)
        .bind(call.id)
        .fetch_optional(&mut *conn)
        .await
    })?;
    if awarded.is_none() {
        return Err(CallError::NotFound);
    }
    execute!(
        tx,
        "INSERT INTO call_visits (application_id, visited_on, note, recorded_by) VALUES ($1, $2, $3, $4)",
        application,
        on.to_string(),
        note,
        actor,
    )?;
    audit_store::audit(
        tx,
        staff_entry(
            call,
            actor,
            Action::AwardVisit,
            Subject::Application(call.id, application.0),
        )
        .after(json!({ "visited_on": on })),
        now,
    )
    .await?;
    Ok(())
}
