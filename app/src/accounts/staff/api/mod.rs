//! Staff work in an organization, one room per task: `review` (the verification queue),
//! `helpdesk` (registering someone in person, printing an access code), `team`
//! (invitations, enrollment, roles). Here: the staff home, the audit log and the list of
//! enabled voters. Every server function checks the caller's role itself.

pub mod helpdesk;
pub mod review;
pub mod team;

use crate::accounts::types::Role;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::audit::AuditRecord;
use crate::platform::audit::readable::Change;
use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The staff home of one organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHome {
    pub name: String,
    pub roles: Vec<Role>,
    pub pending: i64,
}

#[server(prefix = "/api", endpoint = "staff/home")]
pub async fn load_staff_home(organization: String) -> Result<StaffHome, AppError> {
    respond(ssr::staff_home(&organization).await)
}

/// An audit entry as staff and observers read it: when on the organization's clock, who
/// by name, what was done (its action, named on the page in the reader's language), to
/// what by name, what changed field by field; and the entry as chained, for checking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// When, on the organization's clock (written the reader's way by the page).
    pub when: crate::calendar::LocalTime,
    pub actor: Option<String>,
    /// The subject's kind (`registration`, `election`, …) and name, when it has them.
    pub subject_kind: Option<String>,
    pub subject_name: Option<String>,
    pub changes: Vec<Change>,
    pub record: AuditRecord,
}

/// A page of the audit log and the clock its times are read on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLogPage {
    pub entries: Vec<AuditEntry>,
    pub time_zone: String,
}

/// The audit log, newest first: the whole organization's for administrators; one
/// election's (`election`: its address) for its electoral commission too.
#[server(prefix = "/api", endpoint = "staff/audit", input = JsonOrForm)]
pub async fn audit_log(
    organization: String,
    before: Option<i64>,
    #[server(default)] election: Option<String>,
) -> Result<AuditLogPage, AppError> {
    respond(ssr::audit_log(&organization, before, election.as_deref()).await)
}

/// The public list of enabled voters (name and district), where the organization publishes it.
#[server(prefix = "/api", endpoint = "voters")]
pub async fn enabled_voters(
    organization: String,
) -> Result<(String, Vec<(String, String)>), AppError> {
    respond(ssr::enabled_voters(&organization).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::StaffHome;
    use super::{AuditEntry, AuditLogPage};
    use crate::accounts::registration::store as registration_store;
    use crate::accounts::staff::store as staff_store;
    use crate::accounts::store as accounts_store;
    use crate::accounts::types::AccountId;
    use crate::accounts::types::{RegistrationStatus, Role};
    use crate::error::{AppError, ErrorCode};
    use crate::platform::access::ADMINISTRATORS;
    use crate::platform::audit::event::Subject;
    use crate::platform::audit::readable::changes;
    use crate::platform::audit::store as audit_store;
    use crate::platform::web::context::{app_state, require_staff};
    use std::collections::HashMap;

    pub async fn staff_home(slug: &str) -> Result<StaffHome, AppError> {
        let (account, organization) = require_staff(slug, &Role::ALL).await?;
        let app = app_state()?;
        let roles = staff_store::roles_of(&app.db, organization.id, account)
            .await
            .map_err(AppError::from)?;
        let pending = registration_store::count_with_status(
            &app.db,
            organization.id,
            RegistrationStatus::Pending,
        )
        .await
        .map_err(AppError::from)?;
        Ok(StaffHome {
            name: organization.name,
            roles,
            pending,
        })
    }

    pub async fn audit_log(
        slug: &str,
        before: Option<i64>,
        election: Option<&str>,
    ) -> Result<AuditLogPage, AppError> {
        let app = app_state()?;
        let (records, organization) = match election.filter(|e| !e.is_empty()) {
            None => {
                let (_, organization) = require_staff(slug, &ADMINISTRATORS).await?;
                let records =
                    audit_store::audit_page(&app.db, organization.id.0, before, 100).await?;
                (records, organization)
            }
            Some(election) => {
                let (_, organization) =
                    require_staff(slug, &[Role::Administrator, Role::ElectoralCommission]).await?;
                let (_, record) =
                    crate::elections::election::lookup::election_of(&app, slug, election).await?;
                let records = audit_store::process_audit_page(
                    &app.db,
                    crate::platform::audit::event::Process::Election(record.id),
                    before,
                    100,
                )
                .await?;
                (records, organization)
            }
        };
        // Names looked up once per page: a page names the same few people many times.
        let mut names: HashMap<String, Option<String>> = HashMap::new();
        let mut entries = Vec::with_capacity(records.len());
        for record in records {
            let actor = match record.actor_account_id {
                Some(id) => name_of(&app.db, &mut names, Subject::Account(AccountId(id))).await?,
                None => None,
            };
            let subject = Subject::parse(&record.subject);
            let subject_name = match subject {
                Some(subject) => name_of(&app.db, &mut names, subject).await?,
                None => None,
            };
            let zone = organization.rules.time_zone.as_str();
            let mut changes = changes(record.before.as_deref(), record.after.as_deref());
            // Times kept as Unix milliseconds (`expires_at`…) read on the same clock.
            for change in &mut changes {
                if change.field.ends_with("_at") {
                    for value in [&mut change.before, &mut change.after] {
                        if let Ok(millis) = value.parse::<i64>() {
                            *value = crate::calendar::local_time(zone, millis).iso();
                        }
                    }
                }
            }
            entries.push(AuditEntry {
                when: crate::calendar::local_time(zone, record.at),
                actor,
                subject_kind: subject.map(|s| s.kind().to_owned()),
                subject_name,
                changes,
                record,
            });
        }
        Ok(AuditLogPage {
            entries,
            time_zone: organization.rules.time_zone,
        })
    }

    async fn name_of(
        db: &crate::db::Db,
        names: &mut HashMap<String, Option<String>>,
        subject: Subject,
    ) -> Result<Option<String>, AppError> {
        let key = subject.text();
        if let Some(name) = names.get(&key) {
            return Ok(name.clone());
        }
        let name = audit_store::subject_name(db, subject).await?;
        names.insert(key, name.clone());
        Ok(name)
    }

    pub async fn enabled_voters(slug: &str) -> Result<(String, Vec<(String, String)>), AppError> {
        let app = app_state()?;
        let organization = accounts_store::organization_by_slug(&app.db, slug)
            .await
            .map_err(AppError::from)?
            .filter(|o| o.voter_list_public)
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let voters = registration_store::enabled_voters(&app.db, organization.id)
            .await
            .map_err(AppError::from)?;
        Ok((organization.name, voters))
    }
}
