//! The organization and the election a request names by their slugs (server only): 404
//! when either is unknown.

use crate::accounts::store as accounts_store;
use crate::accounts::types::Organization;
use crate::elections::election::store as election_store;
use crate::elections::election::store::ElectionRecord;
use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// The organization `organization` and its election `election`.
pub async fn election_of(
    app: &AppState,
    organization: &str,
    election: &str,
) -> Result<(Organization, ElectionRecord), AppError> {
    let org = accounts_store::organization_by_slug(&app.db, organization)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let record = election_store::election_by_slug(&app.db, org.id, election).await?;
    Ok((org, record))
}
