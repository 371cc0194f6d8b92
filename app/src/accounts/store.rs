//! Organizations, accounts, registrations and roles, on either backend. Every change a
//! staff member makes is audited inside the same transaction.

use serde_json::json;

use crate::accounts::rules::Registration;
use crate::accounts::types::{
    AccountId, Decision, DocumentType, NewOrganization, Organization, OrganizationId,
    RegistrationId, RegistrationRules, RegistrationStatus, RegistrationSummary, Role,
};
use crate::db::{Db, Tx};
use crate::platform::audit::event::{Action, Subject};
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
}

/// Maps a unique-constraint violation on a column to a domain error.
fn unique_violation(error: sqlx::Error, column: &str, mapped: StoreError) -> StoreError {
    if crate::db::dialect::is_unique_violation(&error, Some(column)) {
        mapped
    } else {
        StoreError::Db(error)
    }
}

type OrganizationRow = (i64, String, String, String, String, bool);

fn organization(row: OrganizationRow) -> Result<Organization, StoreError> {
    let (id, slug, name, default_locale, rules, voter_list_public) = row;
    let rules: RegistrationRules =
        serde_json::from_str(&rules).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(Organization {
        id: OrganizationId(id),
        slug,
        name,
        default_locale,
        rules,
        voter_list_public,
    })
}

const ORGANIZATION_COLUMNS: &str = "id, slug, name, default_locale, rules, voter_list_public";

impl Tx {
    pub async fn create_organization(
        &mut self,
        new: &NewOrganization,
        actor: Option<AccountId>,
        now: i64,
    ) -> Result<OrganizationId, StoreError> {
        let rules =
            serde_json::to_string(&new.rules).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let (id,): (i64,) = on_tx!(self, |conn| {
            sqlx::query_as(
                "INSERT INTO organizations (slug, name, default_locale, rules, voter_list_public, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(&new.slug)
            .bind(&new.name)
            .bind(&new.default_locale)
            .bind(&rules)
            .bind(new.voter_list_public)
            .bind(now)
            .fetch_one(&mut *conn)
            .await
        })
        .map_err(|e| unique_violation(e, "slug", StoreError::DuplicateSlug))?;
        self.audit(
            AuditEvent {
                organization_id: Some(id),
                actor_account_id: actor.map(|a| a.0),
                action: Action::OrganizationCreate,
                subject: Subject::Organization(OrganizationId(id)),
                before: None,
                after: Some(json!(new)),
            },
            now,
        )
        .await?;
        Ok(OrganizationId(id))
    }

    /// A new account; `managed` when staff create it for someone without phone or email.
    /// `user_handle` is the WebAuthn user id (see [`new_user_handle`]).
    pub async fn create_account(
        &mut self,
        user_handle: &str,
        display_name: &str,
        preferred_locale: &str,
        managed: bool,
        now: i64,
    ) -> Result<AccountId, StoreError> {
        let (id,): (i64,) = on_tx!(self, |conn| {
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

    /// Records a validated registration, pending review. The database refuses a second
    /// registration with the same document (or by the same account) in an organization.
    pub async fn create_registration(
        &mut self,
        organization: OrganizationId,
        account: AccountId,
        registration: &Registration,
        document_hash: &str,
        residence_declared: bool,
        now: i64,
    ) -> Result<RegistrationId, StoreError> {
        let inserted: Result<(i64,), sqlx::Error> = on_tx!(self, |conn| {
            sqlx::query_as(
                "INSERT INTO registrations (organization_id, account_id, nationalities, birth_date, \
                 district, gender, email, phone, document_type, document_hash, residence_declared, \
                 status, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            )
            .bind(organization.0)
            .bind(account.0)
            .bind(registration.nationalities.join(","))
            .bind(registration.birth_date.to_string())
            .bind(&registration.district)
            .bind(registration.gender.code())
            .bind(&registration.email)
            .bind(&registration.phone)
            .bind(registration.document_type.code())
            .bind(document_hash)
            .bind(residence_declared)
            .bind(RegistrationStatus::Pending.code())
            .bind(now)
            .fetch_one(&mut *conn)
            .await
        });
        let (id,) = inserted.map_err(|e| {
            match unique_violation(e, "document_hash", StoreError::DuplicateDocument) {
                StoreError::Db(e) => {
                    unique_violation(e, "account_id", StoreError::AlreadyRegistered)
                }
                mapped => mapped,
            }
        })?;
        Ok(RegistrationId(id))
    }

    /// Replaces a registration that reviewers sent back for correction with the person's
    /// corrected one, and puts it back in the queue. `NotFound` unless one awaits correction.
    pub async fn correct_registration(
        &mut self,
        organization: OrganizationId,
        account: AccountId,
        registration: &Registration,
        document_hash: &str,
        residence_declared: bool,
    ) -> Result<(), StoreError> {
        let updated = on_tx!(self, |conn| {
            sqlx::query(
                "UPDATE registrations SET nationalities = $1, birth_date = $2, district = $3, gender = $4, \
                 email = $5, phone = $6, document_type = $7, document_hash = $8, residence_declared = $9, \
                 status = $10, status_reason = NULL \
                 WHERE organization_id = $11 AND account_id = $12 AND status = $13",
            )
            .bind(registration.nationalities.join(","))
            .bind(registration.birth_date.to_string())
            .bind(&registration.district)
            .bind(registration.gender.code())
            .bind(&registration.email)
            .bind(&registration.phone)
            .bind(registration.document_type.code())
            .bind(document_hash)
            .bind(residence_declared)
            .bind(RegistrationStatus::Pending.code())
            .bind(organization.0)
            .bind(account.0)
            .bind(RegistrationStatus::NeedsCorrection.code())
            .execute(&mut *conn)
            .await
            .map(|done| done.rows_affected())
        })
        .map_err(|e| unique_violation(e, "document_hash", StoreError::DuplicateDocument))?;
        on_tx!(self, |conn| {
            sqlx::query(
                "UPDATE accounts SET display_name = $1, preferred_locale = $2 WHERE id = $3",
            )
            .bind(&registration.display_name)
            .bind(leptos_i18n::Locale::as_str(registration.preferred_locale))
            .bind(account.0)
            .execute(&mut *conn)
            .await
            .map(|done| done.rows_affected())
        })?;
        if updated == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Applies a reviewer's decision and audits it with the status before and after.
    pub async fn decide_registration(
        &mut self,
        organization: OrganizationId,
        registration: RegistrationId,
        decision: &Decision,
        actor: AccountId,
        now: i64,
    ) -> Result<(), StoreError> {
        let before: Option<(String, Option<String>)> = on_tx!(self, |conn| {
            sqlx::query_as(
                "SELECT status, status_reason FROM registrations WHERE id = $1 AND organization_id = $2",
            )
            .bind(registration.0)
            .bind(organization.0)
            .fetch_optional(&mut *conn)
            .await
        })?;
        let (before_status, before_reason) = before.ok_or(StoreError::NotFound)?;
        let status = crate::accounts::types::registration_status(decision);
        on_tx!(self, |conn| {
            sqlx::query("UPDATE registrations SET status = $1, status_reason = $2 WHERE id = $3")
                .bind(status.code())
                .bind(decision.reason())
                .bind(registration.0)
                .execute(&mut *conn)
                .await
                .map(|done| done.rows_affected())
        })?;
        self.audit(
            AuditEvent {
                organization_id: Some(organization.0),
                actor_account_id: Some(actor.0),
                action: Action::RegistrationDecide,
                subject: Subject::Registration(registration),
                before: Some(json!({ "status": before_status, "reason": before_reason })),
                after: Some(json!({ "status": status.code(), "reason": decision.reason() })),
            },
            now,
        )
        .await?;
        Ok(())
    }

    /// Grants a role (true) or finds it already granted (false); audited either way only
    /// when something changed.
    pub async fn grant_role(
        &mut self,
        organization: OrganizationId,
        account: AccountId,
        role: Role,
        actor: Option<AccountId>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let inserted = on_tx!(self, |conn| {
            sqlx::query(
                "INSERT INTO roles (organization_id, account_id, role, granted_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(organization.0)
            .bind(account.0)
            .bind(role.code())
            .bind(now)
            .execute(&mut *conn)
            .await
            .map(|done| done.rows_affected())
        })?;
        if inserted > 0 {
            self.audit(
                role_event(organization, account, role, actor, Action::RoleGrant),
                now,
            )
            .await?;
        }
        Ok(inserted > 0)
    }

    pub async fn revoke_role(
        &mut self,
        organization: OrganizationId,
        account: AccountId,
        role: Role,
        actor: AccountId,
        now: i64,
    ) -> Result<bool, StoreError> {
        let deleted = on_tx!(self, |conn| {
            sqlx::query(
                "DELETE FROM roles WHERE organization_id = $1 AND account_id = $2 AND role = $3",
            )
            .bind(organization.0)
            .bind(account.0)
            .bind(role.code())
            .execute(&mut *conn)
            .await
            .map(|done| done.rows_affected())
        })?;
        if deleted > 0 {
            self.audit(
                role_event(organization, account, role, Some(actor), Action::RoleRevoke),
                now,
            )
            .await?;
        }
        Ok(deleted > 0)
    }
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

/// A registration as the review queue reads it.
#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: RegistrationId,
    account_id: AccountId,
    display_name: String,
    nationalities: String,
    birth_date: String,
    district: String,
    document_type: DocumentType,
    status: RegistrationStatus,
    status_reason: Option<String>,
    created_at: i64,
}

impl From<SummaryRow> for RegistrationSummary {
    fn from(row: SummaryRow) -> Self {
        Self {
            id: row.id,
            account_id: row.account_id,
            display_name: row.display_name,
            nationalities: row.nationalities.split(',').map(str::to_owned).collect(),
            birth_date: row.birth_date,
            district: row.district,
            document_type: row.document_type,
            status: row.status,
            status_reason: row.status_reason,
            created_at: row.created_at,
            duplicates: Vec::new(),
        }
    }
}

impl Db {
    pub async fn organization_by_slug(
        &self,
        slug: &str,
    ) -> Result<Option<Organization>, StoreError> {
        let row: Option<OrganizationRow> = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT {ORGANIZATION_COLUMNS} FROM organizations WHERE slug = $1"
            ))
            .bind(slug)
            .fetch_optional(pool)
            .await
        })?;
        row.map(organization).transpose()
    }

    pub async fn organization(&self, id: OrganizationId) -> Result<Organization, StoreError> {
        let row: OrganizationRow = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT {ORGANIZATION_COLUMNS} FROM organizations WHERE id = $1"
            ))
            .bind(id.0)
            .fetch_one(pool)
            .await
        })?;
        organization(row)
    }

    pub async fn organizations(&self) -> Result<Vec<Organization>, StoreError> {
        let rows: Vec<OrganizationRow> = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT {ORGANIZATION_COLUMNS} FROM organizations ORDER BY name"
            ))
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter().map(organization).collect()
    }

    /// Registrations in one status, oldest first (a queue is worked from the front).
    pub async fn registrations_with_status(
        &self,
        organization: OrganizationId,
        status: RegistrationStatus,
        limit: i64,
    ) -> Result<Vec<RegistrationSummary>, StoreError> {
        let rows: Vec<SummaryRow> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT r.id, r.account_id, a.display_name, r.nationalities, r.birth_date, \
                 r.district, r.document_type, r.status, r.status_reason, r.created_at \
                 FROM registrations r JOIN accounts a ON a.id = r.account_id \
                 WHERE r.organization_id = $1 AND r.status = $2 ORDER BY r.created_at, r.id LIMIT $3",
            )
            .bind(organization)
            .bind(status)
            .bind(limit)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows.into_iter().map(RegistrationSummary::from).collect())
    }

    pub async fn roles_of(
        &self,
        organization: OrganizationId,
        account: AccountId,
    ) -> Result<Vec<Role>, StoreError> {
        let rows: Vec<(String,)> = on_db!(self, |pool| {
            sqlx::query_as("SELECT role FROM roles WHERE organization_id = $1 AND account_id = $2 ORDER BY role")
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
        &self,
        organization: OrganizationId,
    ) -> Result<Vec<(AccountId, String, Vec<Role>)>, StoreError> {
        let rows: Vec<(i64, String, String)> = on_db!(self, |pool| {
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

    /// The public list of enabled voters: display name and district only, by name.
    pub async fn enabled_voters(
        &self,
        organization: OrganizationId,
    ) -> Result<Vec<(String, String)>, StoreError> {
        Ok(on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT a.display_name, r.district FROM registrations r \
                 JOIN accounts a ON a.id = r.account_id \
                 WHERE r.organization_id = $1 AND r.status = $2 ORDER BY a.display_name, r.district",
            )
            .bind(organization.0)
            .bind(RegistrationStatus::Verified.code())
            .fetch_all(pool)
            .await
        })?)
    }
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

impl Db {
    /// The account behind a registration of `organization`, with its name, language and
    /// whether staff manage it.
    pub async fn registration_account(
        &self,
        organization: OrganizationId,
        registration: RegistrationId,
    ) -> Result<Option<(AccountId, String, String, bool)>, StoreError> {
        let row: Option<(i64, String, String, bool)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT a.id, a.display_name, a.preferred_locale, a.managed FROM registrations r \
                 JOIN accounts a ON a.id = r.account_id WHERE r.id = $1 AND r.organization_id = $2",
            )
            .bind(registration.0)
            .bind(organization.0)
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.map(|(id, name, locale, managed)| (AccountId(id), name, locale, managed)))
    }

    pub async fn account_overview(
        &self,
        account: AccountId,
    ) -> Result<AccountOverview, StoreError> {
        let (display_name, user_handle, managed): (String, String, bool) = on_db!(self, |pool| {
            sqlx::query_as("SELECT display_name, user_handle, managed FROM accounts WHERE id = $1")
                .bind(account.0)
                .fetch_optional(pool)
                .await
        })?
        .ok_or(StoreError::NotFound)?;
        let registrations: Vec<(String, String, String, Option<String>)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT o.slug, o.name, r.status, r.status_reason FROM registrations r \
                 JOIN organizations o ON o.id = r.organization_id WHERE r.account_id = $1 ORDER BY o.name",
            )
            .bind(account.0)
            .fetch_all(pool)
            .await
        })?;
        let roles: Vec<(String, String, String)> = on_db!(self, |pool| {
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
}
