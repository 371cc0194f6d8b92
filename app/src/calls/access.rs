//! The call a request names and who may act on it (server only): the public (a call past
//! its draft), the applicant (signed in, any method: an access code is enough to apply),
//! and the call team (a passkey, as every staff member).

use crate::accounts::store as accounts_store;
use crate::accounts::types::Organization;
use crate::calls::call::rules::Call;
use crate::calls::call::store as call_store;
use crate::error::{AppError, ErrorCode};
use crate::platform::access::CALL_TEAM;
use crate::platform::ids::AccountId;
use crate::platform::web::context::{app_state, require_staff};

pub fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

/// A public call of an organization.
pub async fn public_call(organization: &str, call: &str) -> Result<(Organization, Call), AppError> {
    let app = app_state()?;
    let org = accounts_store::organization_by_slug(&app.db, organization)
        .await?
        .ok_or_else(not_found)?;
    let found = call_store::call_by_slug(&app.db, org.id, call)
        .await?
        .filter(|c| c.phase.public())
        .ok_or_else(not_found)?;
    Ok((org, found))
}

/// A call (in any phase) and the call team member acting on it, or 401/403/404.
pub async fn team_call(
    organization: &str,
    call: &str,
) -> Result<(AccountId, Organization, Call), AppError> {
    let (actor, org) = require_staff(organization, &CALL_TEAM).await?;
    let app = app_state()?;
    let found = call_store::call_by_slug(&app.db, org.id, call)
        .await?
        .ok_or_else(not_found)?;
    Ok((actor, org, found))
}

pub fn apply_path(org: &Organization, call: &Call) -> String {
    format!("/o/{}/calls/{}/apply", org.slug, call.slug)
}

pub fn room_path(org: &Organization, call: &Call) -> String {
    format!("/staff/{}/calls/{}", org.slug, call.slug)
}
