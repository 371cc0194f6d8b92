//! Printed access codes on either backend: issuing one (which revokes the holder's earlier
//! unused ones, audited), finding the holder of a valid one, and spending one once its
//! holder has voted.

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

/// The holder of a code that still opens sessions (not spent, revoked or expired): the
/// code's row, its organization and its account. Signing in does not spend a code: a
/// browser closed before voting, or an answer lost on a bad network, must not lock its
/// holder out of their vote. Voting does ([`spend_access_code`], at the next sign-in).
pub async fn code_holder(
    db: &Db,
    code_hash: &str,
    now: i64,
) -> Result<Option<(i64, OrganizationId, AccountId)>, StoreError> {
    let row: Option<(i64, i64, i64)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, organization_id, account_id FROM access_codes WHERE code_hash = $1 \
             AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2",
        )
        .bind(code_hash)
        .bind(now)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.map(|(id, org, account)| (id, OrganizationId(org), AccountId(account))))
}

/// Spends the code `id` (its holder has voted wherever it could): it opens nothing more.
pub async fn spend_access_code(db: &Db, id: i64, now: i64) -> Result<(), StoreError> {
    on_db!(db, |pool| {
        sqlx::query("UPDATE access_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(())
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
