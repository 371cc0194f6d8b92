//! Single-use enrollment links for staff. The first administrator of an organization gets
//! one from `voz admin invite`; administrators can issue more.

use std::time::Duration;

use serde_json::json;
use sha2::{Digest as _, Sha256};

use crate::accounts::store::StoreError;
use crate::accounts::types::{AccountId, OrganizationId, Role};
use crate::db::{Db, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::platform::web::sessions::random_token;
use crate::{execute, on_tx};

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Creates an invite and returns its token (shown once; only its hash is kept).
pub async fn create_invite(
    tx: &mut Tx,
    organization: OrganizationId,
    role: Role,
    lifetime: Duration,
    actor: Option<AccountId>,
    now: i64,
) -> Result<String, StoreError> {
    let token = random_token(24);
    let expires_at = now.saturating_add(i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX));
    execute!(
        tx,
        "INSERT INTO enrollment_invites (token_hash, organization_id, role, expires_at, created_at) \
          VALUES ($1, $2, $3, $4, $5)",
        token_hash(&token),
        organization.0,
        role.code(),
        expires_at,
        now,
    )?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            actor.map(|a| a.0),
            Action::InviteCreate,
            Subject::Organization(organization),
        )
        .after(json!({ "role": role.code(), "expires_at": expires_at })),
        now,
    )
    .await?;
    Ok(token)
}

/// Uses an invite up: the organization and role it grants, once, if it has not expired.
pub async fn redeem_invite(
    tx: &mut Tx,
    token: &str,
    now: i64,
) -> Result<Option<(OrganizationId, Role)>, StoreError> {
    let row: Option<(i64, String)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "UPDATE enrollment_invites SET used_at = $1 \
             WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
             RETURNING organization_id, role",
        )
        .bind(now)
        .bind(token_hash(token))
        .fetch_optional(&mut *conn)
        .await
    })?;
    Ok(row.and_then(|(org, role)| Role::from_code(&role).map(|r| (OrganizationId(org), r))))
}

/// What an invite would grant, without using it up (to show the enrollment page).
pub async fn peek_invite(
    db: &Db,
    token: &str,
    now: i64,
) -> Result<Option<(OrganizationId, Role)>, StoreError> {
    let row: Option<(i64, String)> = crate::on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT organization_id, role FROM enrollment_invites \
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash(token))
        .bind(now)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.and_then(|(org, role)| Role::from_code(&role).map(|r| (OrganizationId(org), r))))
}

pub async fn organization_name(db: &Db, id: OrganizationId) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = crate::on_db!(db, |pool| {
        sqlx::query_as("SELECT name FROM organizations WHERE id = $1")
            .bind(id.0)
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.map(|(name,)| name))
}
