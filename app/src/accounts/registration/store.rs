//! Registrations with an organization on either backend: creating one, correcting one sent
//! back to fix, the reviewer's decision (audited), and the reads the queue, the help desk
//! and the voter list need.

use crate::accounts::registration::rules::Registration;
use crate::accounts::store::{StoreError, unique_violation};
use crate::accounts::types::{
    AccountId, Decision, DocumentType, OrganizationId, RegistrationId, RegistrationStatus,
    RegistrationSummary,
};
use crate::db::{Db, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::{execute, on_db, on_tx};
use serde_json::json;

/// Records a validated registration, pending review. The database refuses a second
/// registration with the same document (or by the same account) in an organization.
pub async fn create_registration(
    tx: &mut Tx,
    organization: OrganizationId,
    account: AccountId,
    registration: &Registration,
    document_hash: &str,
    residence_declared: bool,
    now: i64,
) -> Result<RegistrationId, StoreError> {
    let inserted: Result<(i64,), sqlx::Error> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO registrations (organization_id, account_id, nationalities, birth_date, \
             district, gender, email, phone, document_type, document_hash, residence_declared, \
             status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(organization.0)
        .bind(account.0)
        .bind(registration.nationalities.join(","))
        .bind(registration.birth_date.to_string())
        .bind(&registration.district)
        .bind(registration.gender.code())
        .bind(&registration.email)
        .bind(&registration.phone)
        .bind(registration.document_type.code())
        .bind(document_hash)
        .bind(residence_declared)
        .bind(RegistrationStatus::Pending.code())
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    });
    let (id,) = inserted.map_err(|e| {
        match unique_violation(e, "document_hash", StoreError::DuplicateDocument) {
            StoreError::Db(e) => unique_violation(e, "account_id", StoreError::AlreadyRegistered),
            mapped => mapped,
        }
    })?;
    Ok(RegistrationId(id))
}

/// Replaces a registration that reviewers sent back for correction with the person's
/// corrected one, and puts it back in the queue. `NotFound` unless one awaits correction.
pub async fn correct_registration(
    tx: &mut Tx,
    organization: OrganizationId,
    account: AccountId,
    registration: &Registration,
    document_hash: &str,
    residence_declared: bool,
) -> Result<(), StoreError> {
    let updated = execute!(
        tx,
        "UPDATE registrations SET nationalities = $1, birth_date = $2, district = $3, gender = $4, \
          email = $5, phone = $6, document_type = $7, document_hash = $8, residence_declared = $9, \
          status = $10, status_reason = NULL \
          WHERE organization_id = $11 AND account_id = $12 AND status = $13",
        registration.nationalities.join(","),
        registration.birth_date.to_string(),
        &registration.district,
        registration.gender.code(),
        &registration.email,
        &registration.phone,
        registration.document_type.code(),
        document_hash,
        residence_declared,
        RegistrationStatus::Pending.code(),
        organization.0,
        account.0,
        RegistrationStatus::NeedsCorrection.code(),
    )
    .map_err(|e| unique_violation(e, "document_hash", StoreError::DuplicateDocument))?;
    execute!(
        tx,
        "UPDATE accounts SET display_name = $1, preferred_locale = $2 WHERE id = $3",
        &registration.display_name,
        leptos_i18n::Locale::as_str(registration.preferred_locale),
        account.0,
    )?;
    if updated == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

/// Applies a reviewer's decision and audits it with the status before and after.
pub async fn decide_registration(
    tx: &mut Tx,
    organization: OrganizationId,
    registration: RegistrationId,
    decision: &Decision,
    actor: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    let before: Option<(String, Option<String>)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT status, status_reason FROM registrations WHERE id = $1 AND organization_id = $2",
        )
        .bind(registration.0)
        .bind(organization.0)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (before_status, before_reason) = before.ok_or(StoreError::NotFound)?;
    let status = crate::accounts::types::registration_status(decision);
    set_status(
        tx,
        organization,
        registration,
        (status, decision.reason()),
        actor,
        json!({ "status": before_status, "reason": before_reason }),
        json!({ "status": status.code(), "reason": decision.reason() }),
        now,
    )
    .await
}

/// Sets a registration's status and reason, audited as `actor`'s decision with the state
/// `before` and `after` (one write for a decision and for its undo).
#[allow(clippy::too_many_arguments)]
async fn set_status(
    tx: &mut Tx,
    organization: OrganizationId,
    registration: RegistrationId,
    (status, reason): (RegistrationStatus, Option<&str>),
    actor: AccountId,
    before: serde_json::Value,
    after: serde_json::Value,
    now: i64,
) -> Result<(), StoreError> {
    execute!(
        tx,
        "UPDATE registrations SET status = $1, status_reason = $2 WHERE id = $3",
        status.code(),
        reason,
        registration.0,
    )?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            Some(actor.0),
            Action::RegistrationDecide,
            Subject::Registration(registration),
        )
        .before(before)
        .after(after),
        now,
    )
    .await?;
    Ok(())
}

/// An audit entry as an undo reads it: when, by whom, what, state before and after.
type LastEntry = (i64, Option<i64>, String, Option<String>, Option<String>);

/// How long a reviewer may take a decision back: a slip of the finger, not a change of mind.
pub const UNDO_WINDOW_MS: i64 = 60_000;

/// Takes back `actor`'s decision on `registration` if it is the last thing that happened to
/// it, less than [`UNDO_WINDOW_MS`] ago, and its person has not voted since: the status and
/// reason go back to what they were, audited as a decision of its own (`undo`).
pub async fn undo_decision(
    tx: &mut Tx,
    organization: OrganizationId,
    registration: RegistrationId,
    actor: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    let subject = Subject::Registration(registration).text();
    // Its newest entry: the organization's log read backwards from its head (indexed), and
    // the decision was made a moment ago.
    let last: Option<LastEntry> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT at, actor_account_id, action, before_state, after_state FROM audit_log \
                 WHERE organization_id = $1 AND subject = $2 ORDER BY seq DESC LIMIT 1",
        )
        .bind(organization.0)
        .bind(&subject)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let Some((at, author, action, Some(before), Some(after))) = last else {
        return Err(StoreError::TooLate);
    };
    if action != Action::RegistrationDecide.code()
        || author != Some(actor.0)
        || now.saturating_sub(at) > UNDO_WINDOW_MS
        || serde_json::from_str::<serde_json::Value>(&after)
            .is_ok_and(|after| after.get("undo").is_some())
    {
        return Err(StoreError::TooLate);
    }
    let voted: Option<(i64,)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT m.poll_id FROM voter_marks m JOIN registrations r ON r.account_id = m.account_id \
             WHERE r.id = $1 LIMIT 1",
        )
        .bind(registration.0)
        .fetch_optional(&mut *conn)
        .await
    })?;
    if voted.is_some() {
        return Err(StoreError::TooLate);
    }
    let before: serde_json::Value =
        serde_json::from_str(&before).map_err(|_| StoreError::TooLate)?;
    let status = before
        .get("status")
        .and_then(serde_json::Value::as_str)
        .and_then(RegistrationStatus::from_code)
        .ok_or(StoreError::TooLate)?;
    let reason = before.get("reason").and_then(serde_json::Value::as_str);
    let after: serde_json::Value = serde_json::from_str(&after).map_err(|_| StoreError::TooLate)?;
    set_status(
        tx,
        organization,
        registration,
        (status, reason),
        actor,
        json!({ "status": after.get("status"), "reason": after.get("reason") }),
        json!({ "status": status.code(), "reason": reason, "undo": true }),
        now,
    )
    .await
}

/// A registration as the review queue reads it.
#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: RegistrationId,
    account_id: AccountId,
    display_name: String,
    nationalities: String,
    birth_date: String,
    district: String,
    document_type: DocumentType,
    status: RegistrationStatus,
    status_reason: Option<String>,
    created_at: i64,
}

/// A page of the registrations in one status, oldest first (a queue is worked from the
/// front): `limit` of them after the first `offset`.
pub async fn registrations_with_status(
    db: &Db,
    organization: OrganizationId,
    status: RegistrationStatus,
    offset: i64,
    limit: i64,
) -> Result<Vec<RegistrationSummary>, StoreError> {
    let rows: Vec<SummaryRow> = on_db!(db, |pool| {
        sqlx::query_as(&format!(
            "{SUMMARY} WHERE r.organization_id = $1 AND r.status = $2 \
             ORDER BY r.created_at, r.id LIMIT $3 OFFSET $4"
        ))
        .bind(organization)
        .bind(status)
        .bind(limit)
        .bind(offset)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(RegistrationSummary::from).collect())
}

/// How many registrations of `organization` are in `status`.
pub async fn count_with_status(
    db: &Db,
    organization: OrganizationId,
    status: RegistrationStatus,
) -> Result<i64, StoreError> {
    let (count,): (i64,) = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT COUNT(*) FROM registrations WHERE organization_id = $1 AND status = $2",
        )
        .bind(organization)
        .bind(status)
        .fetch_one(pool)
        .await
    })?;
    Ok(count)
}

/// Every registration of `organization` as (id, name): the staff search folds and matches
/// names in Rust ([`crate::accounts::registration::search`]), accents and order aside,
/// which no portable SQL does.
pub async fn registration_names(
    db: &Db,
    organization: OrganizationId,
) -> Result<Vec<(RegistrationId, String)>, StoreError> {
    let rows: Vec<(i64, String)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT r.id, a.display_name FROM registrations r \
             JOIN accounts a ON a.id = r.account_id WHERE r.organization_id = $1",
        )
        .bind(organization)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| (RegistrationId(id), name))
        .collect())
}

/// The registration holding one of these document hashes (one per document type the
/// number could be), if any: one query.
pub async fn registrations_by_document(
    db: &Db,
    organization: OrganizationId,
    hashes: &[String],
) -> Result<Vec<RegistrationId>, StoreError> {
    if hashes.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT id FROM registrations WHERE organization_id = $1 AND document_hash IN ({}) \
         ORDER BY id",
        placeholders(2, hashes.len())
    );
    let rows: Vec<(i64,)> = on_db!(db, |pool| {
        let mut query = sqlx::query_as(&sql).bind(organization);
        for hash in hashes {
            query = query.bind(hash);
        }
        query.fetch_all(pool).await
    })?;
    Ok(rows.into_iter().map(|(id,)| RegistrationId(id)).collect())
}

/// These registrations of `organization`, as the queue reads them, in the order given:
/// one query for a page of them.
pub async fn registrations_by_id(
    db: &Db,
    organization: OrganizationId,
    ids: &[RegistrationId],
) -> Result<Vec<RegistrationSummary>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{SUMMARY} WHERE r.organization_id = $1 AND r.id IN ({})",
        placeholders(2, ids.len())
    );
    let rows: Vec<SummaryRow> = on_db!(db, |pool| {
        let mut query = sqlx::query_as(&sql).bind(organization);
        for id in ids {
            query = query.bind(id.0);
        }
        query.fetch_all(pool).await
    })?;
    let mut found: Vec<RegistrationSummary> =
        rows.into_iter().map(RegistrationSummary::from).collect();
    found.sort_by_key(|summary| ids.iter().position(|id| *id == summary.id));
    Ok(found)
}

/// `$first, $first+1, …`: `count` numbered placeholders for an `IN` list (both backends).
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The columns a [`SummaryRow`] reads.
const SUMMARY: &str = "SELECT r.id, r.account_id, a.display_name, r.nationalities, \
    r.birth_date, r.district, r.document_type, r.status, r.status_reason, r.created_at \
    FROM registrations r JOIN accounts a ON a.id = r.account_id";

/// The public list of enabled voters: display name and district only, by name.
pub async fn enabled_voters(
    db: &Db,
    organization: OrganizationId,
) -> Result<Vec<(String, String)>, StoreError> {
    Ok(on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT a.display_name, r.district FROM registrations r \
             JOIN accounts a ON a.id = r.account_id \
             WHERE r.organization_id = $1 AND r.status = $2 ORDER BY a.display_name, r.district",
        )
        .bind(organization.0)
        .bind(RegistrationStatus::Verified.code())
        .fetch_all(pool)
        .await
    })?)
}

/// The account behind a registration of `organization`, with its name, language and
/// whether staff manage it.
pub async fn registration_account(
    db: &Db,
    organization: OrganizationId,
    registration: RegistrationId,
) -> Result<Option<(AccountId, String, String, bool)>, StoreError> {
    let row: Option<(i64, String, String, bool)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT a.id, a.display_name, a.preferred_locale, a.managed FROM registrations r \
             JOIN accounts a ON a.id = r.account_id WHERE r.id = $1 AND r.organization_id = $2",
        )
        .bind(registration.0)
        .bind(organization.0)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.map(|(id, name, locale, managed)| (AccountId(id), name, locale, managed)))
}

impl From<SummaryRow> for RegistrationSummary {
    fn from(row: SummaryRow) -> Self {
        Self {
            id: row.id,
            account_id: row.account_id,
            display_name: row.display_name,
            nationalities: row.nationalities.split(',').map(str::to_owned).collect(),
            birth_date: row.birth_date,
            district: row.district,
            document_type: row.document_type,
            status: row.status,
            status_reason: row.status_reason,
            created_at: row.created_at,
            duplicates: Vec::new(),
        }
    }
}
