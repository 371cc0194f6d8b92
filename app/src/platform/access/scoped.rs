//! Roles held for one resource of a process (a poll worker for a station today; a
//! rapporteur for an event, a juror for a call's category next), and declarations of
//! conflict of interest: what a person said they may not judge. A process grants and
//! revokes scoped roles with its own audited action; declarations are audited here.

use serde_json::json;

use crate::accounts::types::Role;
use crate::db::{Db, Tx};
use crate::platform::audit::event::{Action, Process, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::platform::ids::{AccountId, OrganizationId};
use crate::{execute, on_db, on_tx};

/// A resource that belongs to a process: only those carry scoped roles and conflicts.
fn process_of(subject: Subject) -> Result<Process, sqlx::Error> {
    subject
        .process()
        .ok_or_else(|| sqlx::Error::Protocol(format!("{} belongs to no process", subject.text())))
}

/// Someone holding a role for a resource.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Holder {
    pub scope: String,
    pub account_id: AccountId,
    pub display_name: String,
}

impl Holder {
    /// The resource, read back.
    pub fn subject(&self) -> Option<Subject> {
        Subject::parse(&self.scope)
    }
}

/// Gives `account` `role` for `scope`; `false` when they already held it.
pub async fn grant_scoped_role(
    tx: &mut Tx,
    organization: OrganizationId,
    scope: Subject,
    role: Role,
    account: AccountId,
) -> Result<bool, sqlx::Error> {
    let process = process_of(scope)?;
    let added = execute!(
        tx,
        "INSERT INTO scoped_roles (organization_id, process, scope, role, account_id) \
          VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        organization,
        process.text(),
        scope.text(),
        role,
        account,
    )?;
    Ok(added == 1)
}

/// Takes `role` for `scope` from `account`; `false` when they did not hold it.
pub async fn revoke_scoped_role(
    tx: &mut Tx,
    scope: Subject,
    role: Role,
    account: AccountId,
) -> Result<bool, sqlx::Error> {
    let removed = execute!(
        tx,
        "DELETE FROM scoped_roles WHERE scope = $1 AND role = $2 AND account_id = $3",
        scope.text(),
        role,
        account,
    )?;
    Ok(removed == 1)
}

/// Records that `account` may not judge `subject`, with their reason, audited.
/// Declaring again changes nothing.
pub async fn declare_conflict(
    tx: &mut Tx,
    organization: OrganizationId,
    subject: Subject,
    account: AccountId,
    reason: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let process = process_of(subject)?;
    let added = execute!(
        tx,
        "INSERT INTO conflict_declarations \
          (organization_id, process, subject, account_id, reason, declared_at) \
          VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
        organization,
        process.text(),
        subject.text(),
        account,
        reason,
        now,
    )?;
    if added == 1 {
        audit_store::audit(
            tx,
            AuditEvent {
                organization_id: Some(organization.0),
                actor_account_id: Some(account.0),
                action: Action::ConflictDeclare,
                subject,
                before: None,
                after: Some(json!({ "reason": reason })),
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// Whether `account` declared a conflict with `subject` (read in the deciding
/// transaction, so a declaration and a decision cannot cross).
pub async fn is_conflicted(
    tx: &mut Tx,
    subject: Subject,
    account: AccountId,
) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(CONFLICTED)
            .bind(subject.text())
            .bind(account)
            .fetch_one(&mut *conn)
            .await
    })?;
    Ok(n > 0)
}

const CONFLICTED: &str =
    "SELECT COUNT(*) FROM conflict_declarations WHERE subject = $1 AND account_id = $2";

/// Everyone holding `role` for a resource of `process`, by resource then name.
pub async fn scoped_role_holders(
    db: &Db,
    process: Process,
    role: Role,
) -> Result<Vec<Holder>, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT s.scope, s.account_id, a.display_name FROM scoped_roles s \
             JOIN accounts a ON a.id = s.account_id WHERE s.process = $1 AND s.role = $2 \
             ORDER BY s.scope, a.display_name, a.id",
        )
        .bind(process.text())
        .bind(role)
        .fetch_all(pool)
        .await
    })
}

/// The accounts holding `role` for `scope`.
pub async fn holders_of(
    db: &Db,
    scope: Subject,
    role: Role,
) -> Result<Vec<AccountId>, sqlx::Error> {
    let rows: Vec<(AccountId,)> = on_db!(db, |pool| {
        sqlx::query_as("SELECT account_id FROM scoped_roles WHERE scope = $1 AND role = $2")
            .bind(scope.text())
            .bind(role)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows.into_iter().map(|(a,)| a).collect())
}

/// What `account` declared they may not judge in `process`.
pub async fn conflicts_of(
    db: &Db,
    process: Process,
    account: AccountId,
) -> Result<Vec<Subject>, sqlx::Error> {
    let rows: Vec<(String,)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT subject FROM conflict_declarations WHERE process = $1 AND account_id = $2 \
             ORDER BY subject",
        )
        .bind(process.text())
        .bind(account)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(s,)| Subject::parse(&s))
        .collect())
}
