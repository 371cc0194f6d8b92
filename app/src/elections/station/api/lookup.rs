//! Finding a person by the document in front of the poll worker: the number normalized as
//! at registration, its keyed hash, and the look-up itself, always audited.

use crate::accounts::registration::rules::normalize_document_number;
use crate::accounts::types::{DocumentType, Organization};
use crate::db::now_millis;
use crate::elections::station::api::ssr::Worker;
use crate::elections::station::rules::VoterLookup;
use crate::elections::station::store as station_store;
use crate::error::{AppError, ErrorCode, FieldProblem, Problem};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::state::AppState;

/// The document the poll worker typed (type and number, normalized as at
/// registration), or the field errors.
pub(crate) fn document(
    document_type: &str,
    document_number: &str,
) -> Result<(DocumentType, String), AppError> {
    let field = |field: &str, problem| AppError {
        code: ErrorCode::InvalidInput,
        fields: vec![FieldProblem {
            field: field.to_owned(),
            problem,
        }],
    };
    let document_type = DocumentType::from_code(document_type)
        .ok_or_else(|| field("document_type", Problem::Required))?;
    let number =
        normalize_document_number(document_number).map_err(|p| field("document_number", p))?;
    Ok((document_type, number))
}

/// The keyed hash of the document the poll worker typed, or the field errors.
pub(crate) fn document_hash(
    app: &AppState,
    org: &Organization,
    document_type: &str,
    document_number: &str,
) -> Result<String, AppError> {
    let (document_type, number) = document(document_type, document_number)?;
    Ok(app.secret.document_hash(org.id, document_type, &number))
}

/// The person holding this document, for `worker` at `station`; every look-up is audited.
pub(crate) async fn lookup(
    app: &AppState,
    worker: &Worker,
    station: i64,
    document_type: &str,
    document_number: &str,
) -> Result<Option<VoterLookup>, AppError> {
    let hash = document_hash(app, &worker.organization, document_type, document_number)?;
    let now = now_millis();
    let found = station_store::voter_by_document(
        &app.db,
        worker.organization.id,
        worker.record.id,
        &hash,
        worker.record.settings.min_voter_age,
        // Ages count on election day, as in the eligibility rule.
        crate::elections::eligibility::election_day(&worker.record.settings)
            .unwrap_or(crate::calendar::local_time(&worker.organization.rules.time_zone, now).date),
    )
    .await
    .map_err(AppError::from)?;
    // Every look-up is in the log: who searched, at which station, whom they found.
    let mut tx = app.db.begin_write().await?;
    audit_store::audit(
        &mut tx,
        AuditEvent::new(
            Some(worker.organization.id.0),
            Some(worker.account.0),
            Action::StationLookup,
            Subject::Station(worker.record.id, station),
        )
        .after(serde_json::json!({
            "found": found.as_ref().map(|person| person.account),
        })),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(found)
}
