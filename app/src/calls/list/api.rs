//! Which calls an organization has, for the public and for its staff.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calls::call::rules::Phase;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::text::labels::Labels;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallCard {
    pub organization: String,
    pub slug: String,
    pub titles: Labels,
    pub phase: Phase,
}

/// What a staff member may open: rooms (call team) and jury pages (jurors).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffCalls {
    pub calls: Vec<CallCard>,
    pub team: bool,
    pub juror: bool,
}

#[server(prefix = "/api", endpoint = "calls", input = JsonOrForm)]
pub async fn list_calls(organization: String) -> Result<Vec<CallCard>, AppError> {
    respond(ssr::public(&organization).await)
}

#[server(prefix = "/api", endpoint = "staff/calls", input = JsonOrForm)]
pub async fn list_staff_calls(organization: String) -> Result<StaffCalls, AppError> {
    respond(ssr::staff(&organization).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::accounts::store as accounts_store;
    use crate::accounts::types::Role;
    use crate::calls::access::not_found;
    use crate::calls::call::store as call_store;
    use crate::platform::access::{CALL_TEAM, holds_any};
    use crate::platform::web::context::{app_state, require_staff};

    async fn cards(organization: &str) -> Result<Vec<CallCard>, AppError> {
        let app = app_state()?;
        let org = accounts_store::organization_by_slug(&app.db, organization)
            .await?
            .ok_or_else(not_found)?;
        Ok(call_store::call_slugs_of(&app.db, org.id)
            .await?
            .into_iter()
            .map(|(slug, titles, phase)| CallCard {
                organization: org.slug.clone(),
                slug,
                titles,
                phase,
            })
            .collect())
    }

    pub async fn public(organization: &str) -> Result<Vec<CallCard>, AppError> {
        Ok(cards(organization)
            .await?
            .into_iter()
            .filter(|c| c.phase.public())
            .collect())
    }

    pub async fn staff(organization: &str) -> Result<StaffCalls, AppError> {
        let (account, org) = require_staff(
            organization,
            &[Role::Administrator, Role::CallTeam, Role::Jury],
        )
        .await?;
        let app = app_state()?;
        let roles = crate::accounts::staff::store::roles_of(&app.db, org.id, account).await?;
        Ok(StaffCalls {
            calls: cards(organization).await?,
            team: holds_any(&roles, &CALL_TEAM),
            juror: roles.contains(&Role::Jury),
        })
    }
}
