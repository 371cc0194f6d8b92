//! The organization and the election a request names by their slugs (server only): 404
//! when either is unknown.

use crate::accounts::types::Organization;
use crate::elections::election::store::ElectionRecord;
use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// The organization `organization` and its election `election`.
pub async fn election_of(
    app: &AppState,
    organization: &str,
    election: &str,
) -> Result<(Organization, ElectionRecord), AppError> {
    let org = app
        .db
        .organization_by_slug(organization)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let record = app.db.election_by_slug(org.id, election).await?;
    Ok((org, record))
}
