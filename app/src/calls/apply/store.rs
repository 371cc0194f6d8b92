//! Applications on either backend. Every write runs in the caller's transaction and
//! checks there what it depends on (the call's phase, the application's status, a fix's
//! last day), so two tabs, a late click or a crafted request cannot slip past a rule.
//! The applicant's submission and fixes, and every staff decision, are audited; every
//! decision reaches the applicant's inbox in their language.

use serde_json::json;

use crate::calendar::Date;
use crate::calls::apply::rules::{
    Draft, Member, MemberRole, missing_for_submission, receipt_number,
};
use crate::calls::apply::types::{Application, Attachment, Status};
use crate::calls::call::phase_now::phase_now;
use crate::calls::call::rules::{ApplicantType, Call, Phase};
use crate::calls::call::store::staff_entry;
use crate::calls::error::{CallError, corrupt};
use crate::calls::notify::{Page, params, tell};
use crate::db::{Reader, Tx};
use crate::platform::audit::event::{Action, Process, Subject};
use crate::platform::audit::store::{self as audit_store, AuditEvent};
use crate::platform::files::FileDigest;
use crate::platform::files::sniff::FileKind;
use crate::platform::ids::{AccountId, ApplicationId, CategoryId};
use crate::platform::inbox::Notice;
use crate::platform::review::Verdict;
use crate::platform::timeline::store::{deadline_passed, organization_today};
use crate::{execute, on_read, on_tx};

type Row = (
    i64,
    i64,
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
);

const COLUMNS: &str = "a.id, a.category_id, a.applicant_id, a.applicant_type, a.title, a.summary, \
    c.code, a.organization_name, a.legal_id, a.email, a.locale, a.status, a.receipt, \
    a.submitted_at, a.check_reason, a.fix_by";

fn application(
    row: Row,
    members: Vec<Member>,
    files: Vec<Attachment>,
) -> Result<Application, CallError> {
    let (id, category, applicant, applicant_type, title, summary, code, organization_name) =
        (row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7);
    let (legal_id, email, locale, status, receipt, submitted_at, check_reason, fix_by) =
        (row.8, row.9, row.10, row.11, row.12, row.13, row.14, row.15);
    Ok(Application {
        id: ApplicationId(id),
        category: CategoryId(category),
        applicant: AccountId(applicant),
        draft: Draft {
            category: code,
            applicant_type: ApplicantType::from_code(&applicant_type)
                .ok_or_else(|| corrupt(format!("applicant type {applicant_type}")))?,
            title,
            summary,
            organization_name,
            legal_id,
            email,
            members,
        },
        locale,
        status: Status::from_code(&status).ok_or_else(|| corrupt(format!("status {status}")))?,
        receipt,
        submitted_at,
        check_reason,
        fix_by: fix_by
            .map(|d| d.parse::<Date>().map_err(corrupt))
            .transpose()?,
        files,
    })
}

/// Applications of `call` matching `filter` (SQL over `a`, the call bound as `$1`, more
/// binds none), each with its members and files, in id order.
async fn load(
    mut reader: Reader<'_>,
    call: &Call,
    filter: &str,
    one: Option<i64>,
) -> Result<Vec<Application>, CallError> {
    let only = if one.is_some() { " AND a.id = $2" } else { "" };
    let sql = format!(
        "SELECT {COLUMNS} FROM call_applications a JOIN call_categories c ON c.id = a.category_id \
         WHERE a.call_id = $1{only} AND {filter} ORDER BY a.id"
    );
    let rows: Vec<Row> = on_read!(reader.reborrow(), |conn| {
        let mut query = sqlx::query_as(&sql).bind(call.id);
        if let Some(id) = one {
            query = query.bind(id);
        }
        query.fetch_all(conn).await
    })?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let members_sql = format!(
        "SELECT m.application_id, m.role, m.name, m.document, m.migrant FROM call_members m \
         JOIN call_applications a ON a.id = m.application_id WHERE a.call_id = $1{only} \
         ORDER BY m.application_id, m.position"
    );
    let members: Vec<(i64, String, String, String, bool)> = on_read!(reader.reborrow(), |conn| {
        let mut query = sqlx::query_as(&members_sql).bind(call.id);
        if let Some(id) = one {
            query = query.bind(id);
        }
        query.fetch_all(conn).await
    })?;
    let files_sql = format!(
        "SELECT f.application_id, f.id, f.document, f.digest, f.kind, f.size, f.name, f.uploaded_at \
         FROM call_files f JOIN call_applications a ON a.id = f.application_id \
         WHERE a.call_id = $1{only} ORDER BY f.application_id, f.id"
    );
    type FileRow = (i64, i64, String, String, String, i64, String, i64);
    let files: Vec<FileRow> = on_read!(reader, |conn| {
        let mut query = sqlx::query_as(&files_sql).bind(call.id);
        if let Some(id) = one {
            query = query.bind(id);
        }
        query.fetch_all(conn).await
    })?;
    rows.into_iter()
        .map(|row| {
            let id = row.0;
            let people = members
                .iter()
                .filter(|m| m.0 == id)
                .map(|(_, role, name, document, migrant)| {
                    Ok(Member {
                        role: MemberRole::from_code(role)
                            .ok_or_else(|| corrupt(format!("member role {role}")))?,
                        name: name.clone(),
                        document: document.clone(),
                        migrant: *migrant,
                    })
                })
                .collect::<Result<_, CallError>>()?;
            let attached = files
                .iter()
                .filter(|f| f.0 == id)
                .map(|(_, file, document, digest, kind, size, name, at)| {
                    Ok(Attachment {
                        id: *file,
                        document: document.clone(),
                        digest: digest.clone(),
                        kind: FileKind::from_code(kind)
                            .ok_or_else(|| corrupt(format!("file kind {kind}")))?,
                        size: *size,
                        name: name.clone(),
                        uploaded_at: *at,
                    })
                })
                .collect::<Result<_, CallError>>()?;
            application(row, people, attached)
        })
        .collect()
}

/// `account`'s application to `call`, if they started one.
pub async fn application_of(
    reader: impl Into<Reader<'_>>,
    call: &Call,
    account: AccountId,
) -> Result<Option<Application>, CallError> {
    let mut reader = reader.into();
    let id: Option<(i64,)> = on_read!(reader.reborrow(), |conn| {
        sqlx::query_as("SELECT id FROM call_applications WHERE call_id = $1 AND applicant_id = $2")
            .bind(call.id)
            .bind(account)
            .fetch_optional(conn)
            .await
    })?;
    match id {
        Some((id,)) => Ok(load(reader, call, "1 = 1", Some(id)).await?.pop()),
        None => Ok(None),
    }
}

/// Application `id` of `call`.
pub async fn application_by_id(
    reader: impl Into<Reader<'_>>,
    call: &Call,
    id: ApplicationId,
) -> Result<Application, CallError> {
    load(reader.into(), call, "1 = 1", Some(id.0))
        .await?
        .pop()
        .ok_or(CallError::NotFound)
}

/// The application that file `file` is attached to, if it is one of `call`'s.
pub async fn application_with_file(
    reader: impl Into<Reader<'_>>,
    call: &Call,
    file: i64,
) -> Result<Option<Application>, CallError> {
    let mut reader = reader.into();
    let row: Option<(i64,)> = on_read!(reader.reborrow(), |conn| {
        sqlx::query_as(
            "SELECT f.application_id FROM call_files f JOIN call_applications a ON a.id = f.application_id \
             WHERE f.id = $1 AND a.call_id = $2",
        )
        .bind(file)
        .bind(call.id)
        .fetch_optional(conn)
        .await
    })?;
    match row {
        Some((id,)) => Ok(load(reader, call, "1 = 1", Some(id)).await?.pop()),
        None => Ok(None),
    }
}

/// Every application of `call` past its draft (what staff check and the jury reads).
pub async fn submitted_applications(
    reader: impl Into<Reader<'_>>,
    call: &Call,
) -> Result<Vec<Application>, CallError> {
    load(reader.into(), call, "a.status <> 'draft'", None).await
}

/// Locks and reads `account`'s application (for a write that depends on its status).
async fn locked_of(
    tx: &mut Tx,
    call: &Call,
    account: AccountId,
) -> Result<Option<Application>, CallError> {
    let lock = tx.backend().for_update();
    let _: Option<(i64,)> = on_tx!(tx, |conn| {
        sqlx::query_as(&format!(
            "SELECT id FROM call_applications WHERE call_id = $1 AND applicant_id = $2{lock}"
        ))
        .bind(call.id)
        .bind(account)
        .fetch_optional(&mut *conn)
        .await
    })?;
    application_of(&mut *tx, call, account).await
}

/// Writes `draft` as `account`'s application (started or changed) while the call is open
/// and the application still a draft. Returns its id.
pub async fn save_draft(
    tx: &mut Tx,
    call: &Call,
    account: AccountId,
    draft: &Draft,
    locale: &str,
    now: i64,
) -> Result<ApplicationId, CallError> {
    if phase_now(tx, call).await? != Phase::Open
        || deadline_passed(tx, Process::Call(call.id), Phase::Open, now).await?
    {
        return Err(CallError::WrongPhase);
    }
    let category = call
        .category_by_code(&draft.category)
        .ok_or(CallError::NotFound)?;
    let id = match locked_of(tx, call, account).await? {
        Some(existing) if existing.status != Status::Draft => return Err(CallError::Conflict),
        Some(existing) => {
            execute!(
                tx,
                "UPDATE call_applications SET category_id = $1, applicant_type = $2, title = $3, \
                  summary = $4, organization_name = $5, legal_id = $6, email = $7, locale = $8, \
                  updated_at = $9 WHERE id = $10",
                category.id,
                draft.applicant_type.code(),
                &draft.title,
                &draft.summary,
                draft.organization_name.as_deref(),
                draft.legal_id.as_deref(),
                draft.email.as_deref(),
                locale,
                now,
                existing.id,
            )?;
            execute!(
                tx,
                "DELETE FROM call_members WHERE application_id = $1",
                existing.id
            )?;
            existing.id
        }
        None => {
            let inserted: Result<(i64,), sqlx::Error> = on_tx!(tx, |conn| {
                sqlx::query_as(
                    "INSERT INTO call_applications (call_id, category_id, applicant_id, applicant_type, \
                      title, summary, language, organization_name, legal_id, email, locale, status, \
                      created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'draft', $12, $12) RETURNING id",
                )
                .bind(call.id)
                .bind(category.id)
                .bind(account)
                .bind(draft.applicant_type.code())
                .bind(&draft.title)
                .bind(&draft.summary)
                .bind(locale)
                .bind(draft.organization_name.as_deref())
                .bind(draft.legal_id.as_deref())
                .bind(draft.email.as_deref())
                .bind(locale)
                .bind(now)
                .fetch_one(&mut *conn)
                .await
            });
            match inserted {
                Err(e) if crate::db::dialect::is_unique_violation(&e, None) => {
                    return Err(CallError::Conflict);
                }
                other => ApplicationId(other?.0),
            }
        }
    };
    for (position, member) in (0i64..).zip(&draft.members) {
        execute!(
            tx,
            "INSERT INTO call_members (application_id, position, role, name, document, migrant) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            id,
            position,
            member.role.code(),
            &member.name,
            &member.document,
            member.migrant,
        )?;
    }
    Ok(id)
}

/// A file already in the file store, to attach for one required document.
pub struct NewFile {
    pub document: String,
    pub digest: FileDigest,
    pub kind: FileKind,
    pub size: i64,
    pub name: String,
}

/// Attaches `file` to `account`'s application: to a draft while the call is open, or as a
/// fix while fixes were asked and their day has not passed. Only documents the call asks
/// of the applicant's type.
pub async fn attach_file(
    tx: &mut Tx,
    call: &Call,
    account: AccountId,
    file: &NewFile,
    now: i64,
) -> Result<(), CallError> {
    let application = locked_of(tx, call, account)
        .await?
        .ok_or(CallError::NotFound)?;
    let asked = call
        .documents_for(application.draft.applicant_type)
        .iter()
        .any(|d| d.code == file.document);
    if !asked {
        return Err(CallError::NotFound);
    }
    match application.status {
        Status::Draft => {
            if phase_now(tx, call).await? != Phase::Open
                || deadline_passed(tx, Process::Call(call.id), Phase::Open, now).await?
            {
                return Err(CallError::WrongPhase);
            }
        }
        Status::FixRequested => fix_still_open(tx, call, &application, now).await?,
        _ => return Err(CallError::Conflict),
    }
    insert_file(tx, application.id, file, now).await
}

/// Stores `file` as the newest version of its document (older versions stay: the record
/// shows what was sent when).
pub(crate) async fn insert_file(
    tx: &mut Tx,
    application: ApplicationId,
    file: &NewFile,
    now: i64,
) -> Result<(), CallError> {
    execute!(
        tx,
        "INSERT INTO call_files (application_id, document, digest, kind, size, name, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        application,
        &file.document,
        file.digest.as_str(),
        file.kind.code(),
        file.size,
        &file.name,
        now,
    )?;
    Ok(())
}

/// Fixes are taken until the day staff set, on the organization's clock.
async fn fix_still_open(
    tx: &mut Tx,
    call: &Call,
    application: &Application,
    now: i64,
) -> Result<(), CallError> {
    let today = organization_today(tx, call.organization, now).await?;
    match application.fix_by {
        Some(by) if today > by => Err(CallError::DeadlinePassed),
        _ => Ok(()),
    }
}

/// Submits `account`'s draft — final — when nothing is missing; returns its receipt
/// number. Audited with the files' digests, so the record proves what was sent.
pub async fn submit(
    tx: &mut Tx,
    call: &Call,
    account: AccountId,
    now: i64,
) -> Result<String, CallError> {
    if phase_now(tx, call).await? != Phase::Open
        || deadline_passed(tx, Process::Call(call.id), Phase::Open, now).await?
    {
        return Err(CallError::WrongPhase);
    }
    let mut application = locked_of(tx, call, account)
        .await?
        .ok_or(CallError::NotFound)?;
    if application.status != Status::Draft {
        return Err(CallError::Conflict);
    }
    let missing = missing_for_submission(call, &application.draft, &application.attached_codes());
    if !missing.is_empty() {
        return Err(CallError::Invalid(missing));
    }
    let receipt = receipt_number(&call.slug, application.id.0);
    execute!(
        tx,
        "UPDATE call_applications SET status = 'submitted', receipt = $1, submitted_at = $2, \
          updated_at = $2 WHERE id = $3",
        &receipt,
        now,
        application.id,
    )?;
    application.receipt = Some(receipt.clone());
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(call.organization.0),
            Some(account.0),
            Action::ApplicationSubmit,
            Subject::Application(call.id, application.id.0),
        )
        .after(json!({
            "receipt": receipt,
            "category": application.draft.category,
            "applicant_type": application.draft.applicant_type.code(),
            "files": application.current_files().iter().map(|f| json!({"document": f.document, "sha256": f.digest})).collect::<Vec<_>>(),
        })),
        now,
    )
    .await?;
    tell(
        tx,
        call,
        &application,
        Notice::Received,
        &params(&application),
        Page::Apply,
        now,
    )
    .await?;
    Ok(receipt)
}

/// The applicant says their fixes are in: the application goes back to the document
/// check. Only while fixes are asked and their day has not passed; audited.
pub async fn send_fixes(
    tx: &mut Tx,
    call: &Call,
    account: AccountId,
    now: i64,
) -> Result<(), CallError> {
    let application = locked_of(tx, call, account)
        .await?
        .ok_or(CallError::NotFound)?;
    if application.status != Status::FixRequested {
        return Err(CallError::Conflict);
    }
    fix_still_open(tx, call, &application, now).await?;
    execute!(
        tx,
        "UPDATE call_applications SET status = 'submitted', updated_at = $1 WHERE id = $2",
        now,
        application.id,
    )?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(call.organization.0),
            Some(account.0),
            Action::ApplicationFix,
            Subject::Application(call.id, application.id.0),
        )
        .after(json!({
            "files": application.current_files().iter().map(|f| json!({"document": f.document, "sha256": f.digest})).collect::<Vec<_>>(),
        })),
        now,
    )
    .await?;
    tell(
        tx,
        call,
        &application,
        Notice::FixesReceived,
        &params(&application),
        Page::Apply,
        now,
    )
    .await?;
    Ok(())
}

/// Staff's document check of a submitted application: accepted (eligible), refused with
/// a reason, or to fix by a day (required) with what to fix. `verdict` is already
/// checked (`Verdict::checked`). Audited; the applicant is told.
pub async fn check_documents(
    tx: &mut Tx,
    call: &Call,
    id: ApplicationId,
    verdict: &Verdict,
    actor: AccountId,
    now: i64,
) -> Result<(), CallError> {
    if !phase_now(tx, call).await?.checks_documents() {
        return Err(CallError::WrongPhase);
    }
    let lock = tx.backend().for_update();
    let status: Option<(String,)> = on_tx!(tx, |conn| {
        sqlx::query_as(&format!(
            "SELECT status FROM call_applications WHERE id = $1 AND call_id = $2{lock}"
        ))
        .bind(id)
        .bind(call.id)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (status,) = status.ok_or(CallError::NotFound)?;
    if status != Status::Submitted.code() {
        return Err(CallError::Conflict);
    }
    let application = application_by_id(&mut *tx, call, id).await?;
    let (to, reason, by, notice) = match verdict {
        Verdict::Accept => (Status::Eligible, None, None, Notice::Accepted),
        Verdict::Refuse { reason } => (
            Status::Rejected,
            Some(reason.clone()),
            None,
            Notice::Refused,
        ),
        Verdict::FixBy {
            reason,
            by: Some(by),
        } => (
            Status::FixRequested,
            Some(reason.clone()),
            Some(*by),
            Notice::FixRequested,
        ),
        Verdict::FixBy { by: None, .. } => {
            return Err(crate::calls::error::invalid(
                "by",
                crate::error::Problem::Required,
            ));
        }
    };
    execute!(
        tx,
        "UPDATE call_applications SET status = $1, check_reason = $2, fix_by = $3, updated_at = $4 \
         WHERE id = $5",
        to.code(),
        reason.as_deref(),
        by.map(|d: Date| d.to_string()),
        now,
        id,
    )?;
    audit_store::audit(
        tx,
        staff_entry(
            call,
            actor,
            Action::ApplicationCheck,
            Subject::Application(call.id, id.0),
        )
        .before(json!({ "status": status }))
        .after(json!({ "status": to.code(), "reason": reason, "fix_by": by })),
        now,
    )
    .await?;
    let mut params = params(&application);
    params.reason = reason.unwrap_or_default();
    params.by = by.map(|d| d.to_string()).unwrap_or_default();
    tell(tx, call, &application, notice, &params, Page::Apply, now).await?;
    Ok(())
}

/// Today on the call's organization's clock.
pub async fn today(tx: &mut Tx, call: &Call, now: i64) -> Result<Date, CallError> {
    Ok(organization_today(tx, call.organization, now).await?)
}
