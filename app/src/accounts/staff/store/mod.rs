//! Roles in an organization on either backend: granting and revoking (audited), and who
//! holds what (a person's roles, the team).

pub mod invites;

use crate::accounts::store::StoreError;
use crate::accounts::types::{AccountId, OrganizationId, Role};
use crate::db::{Db, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::{execute, on_db};
use serde_json::json;

/// Grants a role (true) or finds it already granted (false); audited either way only
/// when something changed.
pub async fn grant_role(
    tx: &mut Tx,
    organization: OrganizationId,
    account: AccountId,
    role: Role,
    actor: Option<AccountId>,
    now: i64,
) -> Result<bool, StoreError> {
    let inserted = execute!(
        tx,
        "INSERT INTO roles (organization_id, account_id, role, granted_at) VALUES ($1, $2, $3, $4) \
          ON CONFLICT DO NOTHING",
        organization.0,
        account.0,
        role.code(),
        now,
    )?;
    if inserted > 0 {
        audit_store::audit(
            tx,
            role_event(organization, account, role, actor, Action::RoleGrant),
            now,
        )
        .await?;
    }
    Ok(inserted > 0)
}

pub async fn revoke_role(
    tx: &mut Tx,
    organization: OrganizationId,
    account: AccountId,
    role: Role,
    actor: AccountId,
    now: i64,
) -> Result<bool, StoreError> {
    let deleted = execute!(
        tx,
        "DELETE FROM roles WHERE organization_id = $1 AND account_id = $2 AND role = $3",
        organization.0,
        account.0,
        role.code(),
    )?;
    if deleted > 0 {
        audit_store::audit(
            tx,
            role_event(organization, account, role, Some(actor), Action::RoleRevoke),
            now,
        )
        .await?;
    }
    Ok(deleted > 0)
}

fn role_event(
    organization: OrganizationId,
    account: AccountId,
    role: Role,
    actor: Option<AccountId>,
    action: Action,
) -> AuditEvent {
    AuditEvent {
        organization_id: Some(organization.0),
        actor_account_id: actor.map(|a| a.0),
        action,
        subject: Subject::Account(account),
        before: None,
        after: Some(json!({ "role": role.code() })),
    }
}

pub async fn roles_of(
    db: &Db,
    organization: OrganizationId,
    account: AccountId,
) -> Result<Vec<Role>, StoreError> {
    let rows: Vec<(String,)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT role FROM roles WHERE organization_id = $1 AND account_id = $2 ORDER BY role",
        )
        .bind(organization.0)
        .bind(account.0)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .iter()
        .filter_map(|(code,)| Role::from_code(code))
        .collect())
}

/// Everyone holding a role in `organization`, by name, with their roles.
pub async fn team(
    db: &Db,
    organization: OrganizationId,
) -> Result<Vec<(AccountId, String, Vec<Role>)>, StoreError> {
    let rows: Vec<(i64, String, String)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT a.id, a.display_name, r.role FROM roles r JOIN accounts a ON a.id = r.account_id \
             WHERE r.organization_id = $1 ORDER BY a.display_name, a.id, r.role",
        )
        .bind(organization.0)
        .fetch_all(pool)
        .await
    })?;
    let mut team: Vec<(AccountId, String, Vec<Role>)> = Vec::new();
    for (id, name, role) in rows {
        let Some(role) = Role::from_code(&role) else {
            continue;
        };
        match team.last_mut() {
            Some((last, _, roles)) if last.0 == id => roles.push(role),
            _ => team.push((AccountId(id), name, vec![role])),
        }
    }
    Ok(team)
}
