//! Possible duplicates (`duplicates`) on either backend: finding them for a registration
//! or for a person about to be registered at the help desk, and recording that staff found
//! a pair to be two people (audited).

use serde_json::json;

use crate::accounts::duplicates::rules::{DuplicateHint, Person, likeness};
use crate::accounts::store::StoreError;
use crate::accounts::types::{
    AccountId, DocumentType, OrganizationId, RegistrationId, RegistrationStatus,
};
use crate::calendar::Date;
use crate::db::{Db, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::{execute, on_db, on_tx};

type CandidateRow = (i64, String, String, String, String);

/// Registrations of `organization` that may be the same person as `person` — not
/// refused, not `except`, not a pair staff already told apart.
pub async fn duplicates_of(
    db: &Db,
    organization: OrganizationId,
    person: &Person<'_>,
    except: Option<RegistrationId>,
) -> Result<Vec<DuplicateHint>, StoreError> {
    let except = except.map_or(-1, |r| r.0);
    let rows: Vec<CandidateRow> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT r.id, a.display_name, r.nationalities, r.status, r.document_type \
             FROM registrations r JOIN accounts a ON a.id = r.account_id \
             WHERE r.organization_id = $1 AND r.birth_date = $2 AND r.id <> $3 AND r.status <> $4 \
             AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE \
               (d.registration_a = r.id AND d.registration_b = $3) OR \
               (d.registration_b = r.id AND d.registration_a = $3)) \
             ORDER BY r.id LIMIT 200",
        )
        .bind(organization.0)
        .bind(person.birth_date.to_string())
        .bind(except)
        .bind(RegistrationStatus::Rejected.code())
        .fetch_all(pool)
        .await
    })?;
    let mut hints = Vec::new();
    for (id, name, nationalities, status, document) in rows {
        let nationalities: Vec<String> = nationalities.split(',').map(str::to_owned).collect();
        let other = Person {
            name: &name,
            birth_date: person.birth_date,
            nationalities: &nationalities,
        };
        if let Some(likeness) = likeness(person, &other) {
            hints.push(DuplicateHint {
                registration: id,
                name,
                status: RegistrationStatus::from_code(&status)
                    .ok_or_else(|| StoreError::Corrupt(format!("status {status}")))?,
                document_type: DocumentType::from_code(&document)
                    .ok_or_else(|| StoreError::Corrupt(format!("document {document}")))?,
                likeness,
            });
        }
    }
    Ok(hints)
}

/// The possible duplicates of one registration.
pub async fn possible_duplicates(
    db: &Db,
    organization: OrganizationId,
    registration: RegistrationId,
) -> Result<Vec<DuplicateHint>, StoreError> {
    let row: Option<(String, String, String)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT a.display_name, r.birth_date, r.nationalities FROM registrations r \
             JOIN accounts a ON a.id = r.account_id WHERE r.id = $1 AND r.organization_id = $2",
        )
        .bind(registration.0)
        .bind(organization.0)
        .fetch_optional(pool)
        .await
    })?;
    let (name, birth, nationalities) = row.ok_or(StoreError::NotFound)?;
    let birth_date: Date = birth
        .parse()
        .map_err(|_| StoreError::Corrupt(format!("birth date {birth}")))?;
    let nationalities: Vec<String> = nationalities.split(',').map(str::to_owned).collect();
    duplicates_of(
        db,
        organization,
        &Person {
            name: &name,
            birth_date,
            nationalities: &nationalities,
        },
        Some(registration),
    )
    .await
}

/// Staff checked the documents: `registration` and `other` are two people. Audited.
pub async fn dismiss_duplicate(
    tx: &mut Tx,
    organization: OrganizationId,
    registration: RegistrationId,
    other: RegistrationId,
    actor: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    let (a, b) = if registration.0 < other.0 {
        (registration.0, other.0)
    } else {
        (other.0, registration.0)
    };
    let (found,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT COUNT(*) FROM registrations WHERE organization_id = $1 AND id IN ($2, $3)",
        )
        .bind(organization.0)
        .bind(a)
        .bind(b)
        .fetch_one(&mut *conn)
        .await
    })?;
    if found != 2 || a == b {
        return Err(StoreError::NotFound);
    }
    let inserted = execute!(
        tx,
        "INSERT INTO duplicate_dismissals (organization_id, registration_a, registration_b, \
          dismissed_by, dismissed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        organization.0,
        a,
        b,
        actor.0,
        now,
    )?;
    if inserted == 1 {
        audit_store::audit(
            tx,
            AuditEvent::new(
                Some(organization.0),
                Some(actor.0),
                Action::RegistrationNotDuplicate,
                Subject::Registration(registration),
            )
            .after(json!({ "other": other.0 })),
            now,
        )
        .await?;
    }
    Ok(())
}
