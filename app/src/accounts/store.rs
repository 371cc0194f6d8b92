//! Organizations and accounts on either backend (registrations: `registration_store`, roles:
//! `role_store`), and the store errors they share. Every change a
//! staff member makes is audited inside the same transaction.

use serde_json::json;

use crate::accounts::types::{
    AccountId, NewOrganization, Organization, OrganizationId, RegistrationRules,
    RegistrationStatus, Role,
};
use crate::db::{Db, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::{on_db, on_tx};

/// A fresh random WebAuthn user handle: a UUID that says nothing about the person.
pub fn new_user_handle() -> webauthn_rs::prelude::Uuid {
    let mut bytes = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
    uuid_from_random(bytes)
}

fn uuid_from_random(mut bytes: [u8; 16]) -> webauthn_rs::prelude::Uuid {
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    webauthn_rs::prelude::Uuid::from_bytes(bytes)
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error("this document already registered someone in this organization")]
    DuplicateDocument,
    #[error("this account is already registered with this organization")]
    AlreadyRegistered,
    #[error("an organization with this slug already exists")]
    DuplicateSlug,
    #[error("not found")]
    NotFound,
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
    /// A decision can no longer be taken back (too late, someone else's, or overtaken).
    #[error("too late to undo")]
    TooLate,
}

/// Maps a unique-constraint violation on a column to a domain error.
pub(crate) fn unique_violation(error: sqlx::Error, column: &str, mapped: StoreError) -> StoreError {
    if crate::db::dialect::is_unique_violation(&error, Some(column)) {
        mapped
    } else {
        StoreError::Db(error)
    }
}

pub(crate) type OrganizationRow = (i64, String, String, String, String, bool, String);

pub(crate) fn organization_of_row(row: OrganizationRow) -> Result<Organization, StoreError> {
    let (id, slug, name, default_locale, rules, voter_list_public, names) = row;
    let rules: RegistrationRules =
        serde_json::from_str(&rules).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let names = serde_json::from_str(&names).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(Organization {
        id: OrganizationId(id),
        slug,
        name,
        names,
        default_locale,
        rules,
        voter_list_public,
    })
}

pub(crate) const ORGANIZATION_COLUMNS: &str =
    "id, slug, name, default_locale, rules, voter_list_public, names";

pub async fn create_organization(
    tx: &mut Tx,
    new: &NewOrganization,
    actor: Option<AccountId>,
    now: i64,
) -> Result<OrganizationId, StoreError> {
    let rules =
        serde_json::to_string(&new.rules).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let names = serde_json::to_string(&[(&new.default_locale, &new.name)])
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let (id,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO organizations (slug, name, default_locale, rules, voter_list_public, created_at, names) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(&new.slug)
        .bind(&new.name)
        .bind(&new.default_locale)
        .bind(&rules)
        .bind(new.voter_list_public)
        .bind(now)
        .bind(&names)
        .fetch_one(&mut *conn)
        .await
    })
    .map_err(|e| unique_violation(e, "slug", StoreError::DuplicateSlug))?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(id),
            actor.map(|a| a.0),
            Action::OrganizationCreate,
            Subject::Organization(OrganizationId(id)),
        )
        .after(json!(new)),
        now,
    )
    .await?;
    Ok(OrganizationId(id))
}

/// A new account; `managed` when staff create it for someone without phone or email.
/// `user_handle` is the WebAuthn user id (see [`new_user_handle`]).
pub async fn create_account(
    tx: &mut Tx,
    user_handle: &str,
    display_name: &str,
    preferred_locale: &str,
    managed: bool,
    now: i64,
) -> Result<AccountId, StoreError> {
    let (id,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO accounts (user_handle, display_name, preferred_locale, managed, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(user_handle)
        .bind(display_name)
        .bind(preferred_locale)
        .bind(managed)
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    })?;
    Ok(AccountId(id))
}

pub async fn organization_by_slug(db: &Db, slug: &str) -> Result<Option<Organization>, StoreError> {
    let row: Option<OrganizationRow> = on_db!(db, |pool| {
        sqlx::query_as(&format!(
            "SELECT {ORGANIZATION_COLUMNS} FROM organizations WHERE slug = $1"
        ))
        .bind(slug)
        .fetch_optional(pool)
        .await
    })?;
    row.map(organization_of_row).transpose()
}

pub async fn organization(db: &Db, id: OrganizationId) -> Result<Organization, StoreError> {
    let row: OrganizationRow = on_db!(db, |pool| {
        sqlx::query_as(&format!(
            "SELECT {ORGANIZATION_COLUMNS} FROM organizations WHERE id = $1"
        ))
        .bind(id.0)
        .fetch_one(pool)
        .await
    })?;
    organization_of_row(row)
}

pub async fn organizations(db: &Db) -> Result<Vec<Organization>, StoreError> {
    let rows: Vec<OrganizationRow> = on_db!(db, |pool| {
        sqlx::query_as(&format!(
            "SELECT {ORGANIZATION_COLUMNS} FROM organizations ORDER BY name"
        ))
        .fetch_all(pool)
        .await
    })?;
    rows.into_iter().map(organization_of_row).collect()
}

/// What an account page shows about its owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountOverview {
    pub display_name: String,
    pub user_handle: String,
    /// Created by staff for someone without phone or email.
    pub managed: bool,
    /// Organization slug and name, status, reason.
    pub registrations: Vec<(String, String, RegistrationStatus, Option<String>)>,
    /// Organization slug, name and the roles held there.
    pub staff_of: Vec<(String, String, Vec<Role>)>,
}

pub async fn account_overview(db: &Db, account: AccountId) -> Result<AccountOverview, StoreError> {
    let (display_name, user_handle, managed): (String, String, bool) = on_db!(db, |pool| {
        sqlx::query_as("SELECT display_name, user_handle, managed FROM accounts WHERE id = $1")
            .bind(account.0)
            .fetch_optional(pool)
            .await
    })?
    .ok_or(StoreError::NotFound)?;
    let registrations: Vec<(String, String, String, Option<String>)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT o.slug, o.name, r.status, r.status_reason FROM registrations r \
             JOIN organizations o ON o.id = r.organization_id WHERE r.account_id = $1 ORDER BY o.name",
        )
        .bind(account.0)
        .fetch_all(pool)
        .await
    })?;
    let roles: Vec<(String, String, String)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT o.slug, o.name, r.role FROM roles r JOIN organizations o ON o.id = r.organization_id \
             WHERE r.account_id = $1 ORDER BY o.name, r.role",
        )
        .bind(account.0)
        .fetch_all(pool)
        .await
    })?;
    let mut staff_of: Vec<(String, String, Vec<Role>)> = Vec::new();
    for (slug, name, role) in roles {
        let Some(role) = Role::from_code(&role) else {
            continue;
        };
        match staff_of.last_mut() {
            Some((last, _, roles)) if *last == slug => roles.push(role),
            _ => staff_of.push((slug, name, vec![role])),
        }
    }
    Ok(AccountOverview {
        display_name,
        user_handle,
        managed,
        registrations: registrations
            .into_iter()
            .map(|(slug, name, status, reason)| {
                let status = RegistrationStatus::from_code(&status)
                    .ok_or_else(|| StoreError::Corrupt(format!("status {status}")))?;
                Ok((slug, name, status, reason))
            })
            .collect::<Result<_, StoreError>>()?,
        staff_of,
    })
}
