//! Saving an organization's settings: the row and its audit entry (every field before and
//! after, as the audit log shows them) in one transaction.

use serde::Serialize;
use serde_json::json;

use crate::accounts::organization::rules::{OrganizationSettings, residence_code};
use crate::accounts::store::{
    ORGANIZATION_COLUMNS, OrganizationRow, StoreError, organization_of_row,
};
use crate::accounts::types::{AccountId, Organization, OrganizationId, RegistrationRules};
use crate::db::Tx;
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;

use crate::platform::text::labels::Labels;
use crate::{execute, on_tx};

/// The settings as the audit log keeps them: one plain field each, so a change reads
/// "time zone: UTC → America/Sao_Paulo".
#[derive(Serialize)]
struct Audited<'a> {
    names: Vec<String>,
    default_locale: &'a str,
    accepted_documents: Vec<&'static str>,
    min_age: u8,
    residence_proof: &'static str,
    districts: &'a [String],
    time_zone: &'a str,
    voter_list_public: bool,
}

fn audited<'a>(
    names: &Labels,
    default_locale: &'a str,
    rules: &'a RegistrationRules,
    voter_list_public: bool,
) -> Audited<'a> {
    Audited {
        names: names.iter().map(|(l, t)| format!("{l}: {t}")).collect(),
        default_locale,
        accepted_documents: rules.accepted_documents.iter().map(|d| d.code()).collect(),
        min_age: rules.min_age,
        residence_proof: residence_code(rules.residence_proof),
        districts: &rules.districts,
        time_zone: &rules.time_zone,
        voter_list_public,
    }
}

/// The organization as it stands, locked until the transaction ends.
pub async fn organization_for_update(
    tx: &mut Tx,
    id: OrganizationId,
) -> Result<Organization, StoreError> {
    let lock = tx.backend().for_update();
    let row: OrganizationRow = on_tx!(tx, |conn| {
        sqlx::query_as(&format!(
            "SELECT {ORGANIZATION_COLUMNS} FROM organizations WHERE id = $1{lock}"
        ))
        .bind(id.0)
        .fetch_one(&mut *conn)
        .await
    })?;
    organization_of_row(row)
}

/// Stores `settings`; `false` (and nothing written or audited) when they are what the
/// organization already has.
pub async fn save_settings(
    tx: &mut Tx,
    id: OrganizationId,
    settings: &OrganizationSettings,
    actor: AccountId,
    now: i64,
) -> Result<bool, StoreError> {
    let current = organization_for_update(tx, id).await?;
    // An organization never named in several languages holds its name in `name` only.
    let current_names = if current.names.original().is_some() {
        current.names.clone()
    } else {
        Labels::parse(
            [(current.default_locale.clone(), current.name.clone())],
            u16::MAX,
        )
        .unwrap_or_default()
    };
    let before = json!(audited(
        &current_names,
        &current.default_locale,
        &current.rules,
        current.voter_list_public
    ));
    let after = json!(audited(
        &settings.names,
        &settings.default_locale,
        &settings.rules,
        settings.voter_list_public
    ));
    if before == after {
        return Ok(false);
    }
    let names =
        serde_json::to_string(&settings.names).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let rules =
        serde_json::to_string(&settings.rules).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    execute!(
        tx,
        "UPDATE organizations SET name = $1, names = $2, default_locale = $3, rules = $4, \
         voter_list_public = $5 WHERE id = $6",
        settings.name(),
        &names,
        &settings.default_locale,
        &rules,
        settings.voter_list_public,
        id.0
    )?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(id.0),
            Some(actor.0),
            Action::OrganizationSettings,
            Subject::Organization(id),
        )
        .before(before)
        .after(after),
        now,
    )
    .await?;
    Ok(true)
}
