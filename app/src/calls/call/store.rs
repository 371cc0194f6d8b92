//! Calls on either backend: created with their categories, rubric and documents in one
//! audited transaction, read by slug, moved along their calendar.

use serde_json::json;

use crate::calls::call::rules::{
    ApplicantType, Call, Category, Criterion, DocumentRequirement, NewCall, Phase, Rubric,
};
use crate::calls::error::{CallError, corrupt};
use crate::calls::select::TieBreak;
use crate::db::{Reader, Tx};
use crate::platform::audit::event::{Action, Process, Subject};
use crate::platform::audit::store::{self as audit_store, AuditEvent};
use crate::platform::ids::{AccountId, CallId, CategoryId, OrganizationId};
use crate::platform::text::labels::Labels;
use crate::platform::timeline::check_move;
use crate::platform::timeline::store as timeline_store;
use crate::{execute, on_read, on_tx};

/// An audit entry for a staff action on `call`. Every call store writes through this.
pub(crate) fn staff_entry(
    call: &Call,
    actor: AccountId,
    action: Action,
    subject: Subject,
) -> AuditEvent {
    AuditEvent::new(Some(call.organization.0), Some(actor.0), action, subject)
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, CallError> {
    serde_json::to_string(value).map_err(corrupt)
}

fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, CallError> {
    serde_json::from_str(text).map_err(corrupt)
}

fn whole(n: u32) -> i64 {
    i64::from(n)
}

fn count(n: i64) -> Result<u32, CallError> {
    u32::try_from(n).map_err(corrupt)
}

/// Creates a call in its draft, audited.
pub async fn create_call(
    tx: &mut Tx,
    organization: OrganizationId,
    new: &NewCall,
    actor: Option<AccountId>,
    now: i64,
) -> Result<CallId, CallError> {
    new.check()?;
    let rubric = &new.rubric;
    let inserted: Result<(i64,), sqlx::Error> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO calls (organization_id, slug, titles, texts, currency, phase, scale_max, \
              public_vote_weight, minimum_score, tie_break, lot_seed, anonymous_jurors, \
              min_migrant_members, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        )
        .bind(organization)
        .bind(&new.slug)
        .bind(json(&new.titles)?)
        .bind(json(&new.texts)?)
        .bind(&new.currency)
        .bind(Phase::Draft.code())
        .bind(whole(rubric.scale_max))
        .bind(whole(rubric.public_vote_weight))
        .bind(whole(rubric.minimum_score))
        .bind(json(&rubric.tie_break)?)
        .bind(&rubric.lot_seed)
        .bind(rubric.anonymous_jurors)
        .bind(whole(new.min_migrant_members))
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    });
    let id = match inserted {
        Err(e) if crate::db::dialect::is_unique_violation(&e, None) => {
            return Err(CallError::Conflict);
        }
        other => CallId(other?.0),
    };
    for (position, category) in (0i64..).zip(&new.categories) {
        execute!(
            tx,
            "INSERT INTO call_categories (call_id, code, position, names, awards, reserve, incentive) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            id,
            &category.code,
            position,
            json(&category.names)?,
            whole(category.awards),
            whole(category.reserve),
            category.incentive,
        )?;
    }
    for (position, criterion) in (0i64..).zip(&rubric.criteria) {
        execute!(
            tx,
            "INSERT INTO call_criteria (call_id, code, position, names, weight) VALUES ($1, $2, $3, $4, $5)",
            id,
            &criterion.code,
            position,
            json(&criterion.names)?,
            whole(criterion.weight),
        )?;
    }
    for (position, document) in (0i64..).zip(&new.documents) {
        execute!(
            tx,
            "INSERT INTO call_documents (call_id, code, position, names, applicant_types) \
             VALUES ($1, $2, $3, $4, $5)",
            id,
            &document.code,
            position,
            json(&document.names)?,
            json(&document.applicant_types)?,
        )?;
    }
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            actor.map(|a| a.0),
            Action::CallCreate,
            Subject::Call(id),
        )
        .after(json!(new)),
        now,
    )
    .await?;
    Ok(id)
}

type CallRow = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    String,
    String,
    bool,
    i64,
);

const COLUMNS: &str = "id, organization_id, slug, titles, texts, currency, phase, scale_max, \
    public_vote_weight, minimum_score, tie_break, lot_seed, anonymous_jurors, min_migrant_members";

/// The call `slug` of `organization`, with its categories, rubric and documents.
pub async fn call_by_slug(
    reader: impl Into<Reader<'_>>,
    organization: OrganizationId,
    slug: &str,
) -> Result<Option<Call>, CallError> {
    let mut reader = reader.into();
    let sql = format!("SELECT {COLUMNS} FROM calls WHERE organization_id = $1 AND slug = $2");
    let row: Option<CallRow> = on_read!(reader.reborrow(), |conn| {
        sqlx::query_as(&sql)
            .bind(organization)
            .bind(slug)
            .fetch_optional(conn)
            .await
    })?;
    match row {
        Some(row) => Ok(Some(complete(reader, row).await?)),
        None => Ok(None),
    }
}

/// The call with `id`.
pub async fn call_by_id(reader: impl Into<Reader<'_>>, id: CallId) -> Result<Call, CallError> {
    let mut reader = reader.into();
    let sql = format!("SELECT {COLUMNS} FROM calls WHERE id = $1");
    let row: Option<CallRow> = on_read!(reader.reborrow(), |conn| {
        sqlx::query_as(&sql).bind(id).fetch_optional(conn).await
    })?;
    complete(reader, row.ok_or(CallError::NotFound)?).await
}

/// Every call of `organization`, newest first (without their parts: for lists).
pub async fn call_slugs_of(
    reader: impl Into<Reader<'_>>,
    organization: OrganizationId,
) -> Result<Vec<(String, Labels, Phase)>, CallError> {
    let rows: Vec<(String, String, String)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT slug, titles, phase FROM calls WHERE organization_id = $1 ORDER BY id DESC",
        )
        .bind(organization)
        .fetch_all(conn)
        .await
    })?;
    rows.into_iter()
        .map(|(slug, titles, phase)| Ok((slug, read(&titles)?, phase_of(&phase)?)))
        .collect()
}

fn phase_of(code: &str) -> Result<Phase, CallError> {
    Phase::from_code(code).ok_or_else(|| corrupt(format!("phase {code}")))
}

async fn complete(mut reader: Reader<'_>, row: CallRow) -> Result<Call, CallError> {
    let (id, organization, slug, titles, texts, currency, phase, scale_max, weight, minimum) = (
        row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9,
    );
    let (tie_break, lot_seed, anonymous_jurors, min_migrant_members) =
        (row.10, row.11, row.12, row.13);
    let categories: Vec<(i64, String, String, i64, i64, i64)> =
        on_read!(reader.reborrow(), |conn| {
            sqlx::query_as(
                "SELECT id, code, names, awards, reserve, incentive FROM call_categories \
                 WHERE call_id = $1 ORDER BY position",
            )
            .bind(id)
            .fetch_all(conn)
            .await
        })?;
    let criteria: Vec<(String, String, i64)> = on_read!(reader.reborrow(), |conn| {
        sqlx::query_as(
            "SELECT code, names, weight FROM call_criteria WHERE call_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(conn)
        .await
    })?;
    let documents: Vec<(String, String, String)> = on_read!(reader, |conn| {
        sqlx::query_as(
            "SELECT code, names, applicant_types FROM call_documents WHERE call_id = $1 \
             ORDER BY position",
        )
        .bind(id)
        .fetch_all(conn)
        .await
    })?;
    Ok(Call {
        id: CallId(id),
        organization: OrganizationId(organization),
        slug,
        titles: read(&titles)?,
        texts: read(&texts)?,
        currency,
        phase: phase_of(&phase)?,
        rubric: Rubric {
            criteria: criteria
                .into_iter()
                .map(|(code, names, weight)| {
                    Ok(Criterion {
                        code,
                        names: read(&names)?,
                        weight: count(weight)?,
                    })
                })
                .collect::<Result<_, CallError>>()?,
            scale_max: count(scale_max)?,
            public_vote_weight: count(weight)?,
            minimum_score: count(minimum)?,
            tie_break: read::<Vec<TieBreak>>(&tie_break)?,
            lot_seed,
            anonymous_jurors,
        },
        min_migrant_members: count(min_migrant_members)?,
        categories: categories
            .into_iter()
            .map(|(id, code, names, awards, reserve, incentive)| {
                Ok(Category {
                    id: CategoryId(id),
                    code,
                    names: read(&names)?,
                    awards: count(awards)?,
                    reserve: count(reserve)?,
                    incentive,
                })
            })
            .collect::<Result<_, CallError>>()?,
        documents: documents
            .into_iter()
            .map(|(code, names, types)| {
                Ok(DocumentRequirement {
                    code,
                    names: read(&names)?,
                    applicant_types: read::<Vec<ApplicantType>>(&types)?,
                })
            })
            .collect::<Result<_, CallError>>()?,
    })
}

/// Moves a call to its next phase (only that one), audited. Entering the public vote
/// opens its ballot boxes (the caller seals them once it closes).
pub async fn move_phase(
    tx: &mut Tx,
    call: CallId,
    to: Phase,
    actor: Option<AccountId>,
    now: i64,
) -> Result<(), CallError> {
    let lock = tx.backend().for_update();
    let row: Option<(i64, String)> = on_tx!(tx, |conn| {
        sqlx::query_as(&format!(
            "SELECT organization_id, phase FROM calls WHERE id = $1{lock}"
        ))
        .bind(call)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (organization, from) = row.ok_or(CallError::NotFound)?;
    let from = phase_of(&from)?;
    check_move(from, to)?;
    execute!(
        tx,
        "UPDATE calls SET phase = $1 WHERE id = $2",
        to.code(),
        call
    )?;
    if to == Phase::PublicVote {
        let found = call_by_id(&mut *tx, call).await?;
        crate::calls::vote::store::open_boxes(tx, &found).await?;
    }
    timeline_store::record_phase_move(
        tx,
        Process::Call(call),
        OrganizationId(organization),
        from,
        to,
        actor,
        now,
    )
    .await?;
    Ok(())
}
