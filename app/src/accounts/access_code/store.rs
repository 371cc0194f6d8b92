//! Printed access codes on either backend: issuing one (which revokes the holder's earlier
//! unused ones), and spending one to sign in, audited.

use crate::platform::audit::store as audit_store;
use std::time::Duration;

use rand::Rng as _;
use serde_json::json;

use crate::accounts::access_code::rules::{ALPHABET, CODE_LENGTH};
use crate::accounts::store::StoreError;
use crate::accounts::types::{AccountId, OrganizationId};
use crate::db::{Db, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store::AuditEvent;
use crate::{execute, on_db};

/// A fresh code from the OS-seeded CSPRNG.
pub fn generate_code() -> String {
    random_code(CODE_LENGTH)
}

/// `length` characters of the code alphabet (5 random bits each).
pub fn random_code(length: usize) -> String {
    let mut rng = rand::rng();
    (0..length)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

pub async fn issue_access_code(
    tx: &mut Tx,
    organization: OrganizationId,
    account: AccountId,
    code_hash: &str,
    lifetime: Duration,
    actor: AccountId,
    now: i64,
) -> Result<i64, StoreError> {
    let expires_at = now.saturating_add(i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX));
    // A new card revokes every earlier one not used yet: a lost card stops working
    // the moment its holder gets a new one.
    let revoked = execute!(
        tx,
        "UPDATE access_codes SET revoked_at = $1 WHERE organization_id = $2 \
          AND account_id = $3 AND used_at IS NULL AND revoked_at IS NULL",
        now,
        organization.0,
        account.0,
    )?;
    execute!(
        tx,
        "INSERT INTO access_codes (organization_id, account_id, code_hash, expires_at, created_at) \
          VALUES ($1, $2, $3, $4, $5)",
        organization.0,
        account.0,
        code_hash,
        expires_at,
        now,
    )?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            Some(actor.0),
            Action::AccessCodeIssue,
            Subject::Account(account),
        )
        .after(json!({ "expires_at": expires_at, "revoked_earlier": revoked })),
        now,
    )
    .await?;
    Ok(expires_at)
}

/// Uses a code up: its account, once, before it expires.
pub async fn redeem_access_code(
    db: &Db,
    code_hash: &str,
    now: i64,
) -> Result<Option<AccountId>, StoreError> {
    let row: Option<(i64,)> = on_db!(db, |pool| {
        sqlx::query_as(
            "UPDATE access_codes SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL \
             AND revoked_at IS NULL AND expires_at > $1 RETURNING account_id",
        )
        .bind(now)
        .bind(code_hash)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.map(|(id,)| AccountId(id)))
}

/// Forgets attempts older than `before` (called by the purger).
pub async fn purge_attempts(db: &Db, before: i64) -> Result<u64, StoreError> {
    Ok(on_db!(db, |pool| {
        sqlx::query("DELETE FROM attempts WHERE at <= $1")
            .bind(before)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
    })?)
}
