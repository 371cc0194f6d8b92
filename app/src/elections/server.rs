//! Server functions for voting.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::results::count::Ballot;

/// Casts the signed-in voter's ballot; returns its tracking code, shown to the voter once.
#[server(prefix = "/api", endpoint = "vote/cast", input = Json)]
pub async fn cast_ballot(
    organization: String,
    election: String,
    ballot: Ballot,
) -> Result<String, AppError> {
    respond(ssr::cast_ballot(&organization, &election, ballot).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::accounts::server::ssr::store_error;
    use crate::accounts::session::{app_state, require_account};
    use crate::elections::store::{Channel, ElectionError};
    use crate::error::{AppError, ErrorCode};
    use crate::results::count::{Ballot, TallyError};

    pub fn election_error(error: ElectionError) -> AppError {
        match error {
            ElectionError::AlreadyVoted => AppError::new(ErrorCode::AlreadyVoted),
            ElectionError::NotVoting => AppError::new(ErrorCode::VotingClosed),
            ElectionError::NotEligible => AppError::new(ErrorCode::Forbidden),
            ElectionError::NotFound => AppError::new(ErrorCode::NotFound),
            ElectionError::Count(TallyError::Ballot { .. }) => {
                AppError::new(ErrorCode::InvalidInput)
            }
            ElectionError::Db(error) => error.into(),
            other => {
                tracing::error!(error = %other, "election error");
                AppError::new(ErrorCode::Internal)
            }
        }
    }

    pub async fn cast_ballot(
        organization: &str,
        election: &str,
        ballot: Ballot,
    ) -> Result<String, AppError> {
        let account = require_account().await?;
        let app = app_state()?;
        let org = app
            .db
            .organization_by_slug(organization)
            .await
            .map_err(store_error)?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let record = app
            .db
            .election_by_slug(org.id, election)
            .await
            .map_err(election_error)?;
        app.db
            .cast(record.id, account, &ballot, Channel::Online, None)
            .await
            .map_err(election_error)
    }
}
