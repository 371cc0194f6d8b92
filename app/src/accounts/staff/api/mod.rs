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

/// The audit log, newest first: the whole organization's for administrators; one
/// election's (`election`: its address) for its electoral commission too.
#[server(prefix = "/api", endpoint = "staff/audit", input = JsonOrForm)]
pub async fn audit_log(
    organization: String,
    before: Option<i64>,
    #[server(default)] election: Option<String>,
) -> Result<Vec<AuditRecord>, AppError> {
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
    use crate::accounts::registration::store as registration_store;
    use crate::accounts::staff::store as staff_store;
    use crate::accounts::store as accounts_store;
    use crate::accounts::types::{RegistrationStatus, Role};
    use crate::error::{AppError, ErrorCode};
    use crate::platform::access::ADMINISTRATORS;
    use crate::platform::audit::AuditRecord;
    use crate::platform::audit::store as audit_store;
    use crate::platform::web::context::{app_state, require_staff};

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
    ) -> Result<Vec<AuditRecord>, AppError> {
        let app = app_state()?;
        let Some(election) = election.filter(|e| !e.is_empty()) else {
            let (_, organization) = require_staff(slug, &ADMINISTRATORS).await?;
            return Ok(audit_store::audit_page(&app.db, organization.id.0, before, 100).await?);
        };
        require_staff(slug, &[Role::Administrator, Role::ElectoralCommission]).await?;
        let (_, record) =
            crate::elections::election::lookup::election_of(&app, slug, election).await?;
        Ok(audit_store::process_audit_page(
            &app.db,
            crate::platform::audit::event::Process::Election(record.id),
            before,
            100,
        )
        .await?)
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
