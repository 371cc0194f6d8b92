//! Stored passkeys (public keys and signature counters) per account.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use webauthn_rs::prelude::Passkey;

use crate::accounts::store::StoreError;
use crate::accounts::types::AccountId;
use crate::db::{Db, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::{execute, on_db, on_tx};

/// A passkey as its owner sees it in their account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyInfo {
    pub id: i64,
    pub label: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

fn credential_key(passkey: &Passkey) -> String {
    URL_SAFE_NO_PAD.encode(passkey.cred_id())
}

fn to_json(passkey: &Passkey) -> Result<String, StoreError> {
    serde_json::to_string(passkey).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub async fn add_passkey(
    tx: &mut Tx,
    account: AccountId,
    passkey: &Passkey,
    label: &str,
    now: i64,
) -> Result<i64, StoreError> {
    let json = to_json(passkey)?;
    let (id,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO passkeys (account_id, credential_id, passkey, label, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(account.0)
        .bind(credential_key(passkey))
        .bind(&json)
        .bind(label)
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    })?;
    Ok(id)
}

/// The passkey with this credential id (base64url), with its row id and owner's
/// WebAuthn user handle.
pub async fn passkey_by_credential(
    db: &Db,
    credential_id: &[u8],
) -> Result<Option<(i64, AccountId, String, Passkey)>, StoreError> {
    let row: Option<(i64, i64, String, String)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT p.id, p.account_id, a.user_handle, p.passkey FROM passkeys p \
             JOIN accounts a ON a.id = p.account_id WHERE p.credential_id = $1",
        )
        .bind(URL_SAFE_NO_PAD.encode(credential_id))
        .fetch_optional(pool)
        .await
    })?;
    row.map(|(id, account, handle, json)| {
        let passkey: Passkey =
            serde_json::from_str(&json).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok((id, AccountId(account), handle, passkey))
    })
    .transpose()
}

/// Saves a passkey after a sign-in (its counter moved) and when it was used.
pub async fn touch_passkey(
    db: &Db,
    id: i64,
    passkey: &Passkey,
    now: i64,
) -> Result<(), StoreError> {
    let json = to_json(passkey)?;
    on_db!(db, |pool| {
        sqlx::query("UPDATE passkeys SET passkey = $1, last_used_at = $2 WHERE id = $3")
            .bind(&json)
            .bind(now)
            .bind(id)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(())
}

pub async fn passkeys_of(db: &Db, account: AccountId) -> Result<Vec<PasskeyInfo>, StoreError> {
    let rows: Vec<(i64, String, i64, Option<i64>)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, label, created_at, last_used_at FROM passkeys WHERE account_id = $1 ORDER BY id",
        )
        .bind(account.0)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, label, created_at, last_used_at)| PasskeyInfo {
            id,
            label,
            created_at,
            last_used_at,
        })
        .collect())
}

/// Credential ids an account already has, so a device is not enrolled twice.
pub async fn passkeys_for_exclusion(
    db: &Db,
    account: AccountId,
) -> Result<Vec<Passkey>, StoreError> {
    let rows: Vec<(String,)> = on_db!(db, |pool| {
        sqlx::query_as("SELECT passkey FROM passkeys WHERE account_id = $1")
            .bind(account.0)
            .fetch_all(pool)
            .await
    })?;
    rows.iter()
        .map(|(json,)| serde_json::from_str(json).map_err(|e| StoreError::Corrupt(e.to_string())))
        .collect()
}

/// Removes one of an account's passkeys, never its last one (which would lock the
/// person out). True when removed.
/// Removes one of an account's passkeys (never the last) and ends every session it
/// opened; audited.
pub async fn remove_passkey(
    db: &Db,
    account: AccountId,
    id: i64,
    now: i64,
) -> Result<bool, StoreError> {
    let mut tx = db.begin_write().await?;
    let (count,): (i64,) = on_tx!(&mut tx, |conn| {
        sqlx::query_as("SELECT COUNT(*) FROM passkeys WHERE account_id = $1")
            .bind(account.0)
            .fetch_one(&mut *conn)
            .await
    })?;
    if count <= 1 {
        return Ok(false);
    }
    let removed = execute!(
        &mut tx,
        "DELETE FROM passkeys WHERE id = $1 AND account_id = $2",
        id,
        account.0,
    )?;
    if removed == 0 {
        return Ok(false);
    }
    let ended = execute!(&mut tx, "DELETE FROM sessions WHERE passkey_id = $1", id)?;
    audit_store::audit(
        &mut tx,
        crate::platform::audit::store::AuditEvent::new(
            None,
            Some(account.0),
            Action::PasskeyRemove,
            Subject::Account(account),
        )
        .before(serde_json::json!({ "passkey": id }))
        .after(serde_json::json!({ "sessions_ended": ended })),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

pub async fn account_by_user_handle(
    db: &Db,
    handle: &str,
) -> Result<Option<AccountId>, StoreError> {
    let row: Option<(i64,)> = on_db!(db, |pool| {
        sqlx::query_as("SELECT id FROM accounts WHERE user_handle = $1")
            .bind(handle)
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.map(|(id,)| AccountId(id)))
}

pub async fn document_registered(
    db: &Db,
    organization: crate::accounts::types::OrganizationId,
    document_hash: &str,
) -> Result<bool, StoreError> {
    let row: Option<(i64,)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id FROM registrations WHERE organization_id = $1 AND document_hash = $2",
        )
        .bind(organization.0)
        .bind(document_hash)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.is_some())
}
