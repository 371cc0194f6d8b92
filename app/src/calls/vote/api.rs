//! The public vote's page and ballot (a plain form per category).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calls::call::rules::Call;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;

/// An application on the ballot: what the public reads of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub application: i64,
    pub receipt: String,
    pub title: String,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VotePage {
    pub organization: String,
    pub call: Call,
    pub signed_in: bool,
    /// The public vote is on now.
    pub open: bool,
    /// Per category id: its choices.
    pub ballots: Vec<(i64, Vec<Choice>)>,
    /// Category ids the visitor already voted in.
    pub voted: Vec<i64>,
}

#[server(prefix = "/api", endpoint = "call/vote", input = JsonOrForm)]
pub async fn load_vote_page(organization: String, call: String) -> Result<VotePage, AppError> {
    respond(ssr::page(&organization, &call).await)
}

#[server(prefix = "/api", endpoint = "call/vote/cast", input = JsonOrForm)]
pub async fn cast_call_vote(
    organization: String,
    call: String,
    application: i64,
) -> Result<String, AppError> {
    respond(ssr::cast(&organization, &call, application).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::calls::access::public_call;
    use crate::calls::apply::store as apply_store;
    use crate::calls::apply::types::Status;
    use crate::calls::call::rules::Phase;
    use crate::calls::vote::store as vote_store;
    use crate::platform::ids::ApplicationId;
    use crate::platform::web::context::{app_state, current_account, require_account};
    use crate::platform::web::http::form_redirect;

    pub async fn page(organization: &str, call: &str) -> Result<VotePage, AppError> {
        let (org, found) = public_call(organization, call).await?;
        let app = app_state()?;
        let account = current_account().await?;
        let applications = apply_store::submitted_applications(&app.db, &found).await?;
        let ballots = found
            .categories
            .iter()
            .map(|c| {
                let choices = applications
                    .iter()
                    .filter(|a| a.category == c.id && a.status == Status::Eligible)
                    .map(|a| Choice {
                        application: a.id.0,
                        receipt: a.receipt.clone().unwrap_or_default(),
                        title: a.draft.title.clone(),
                        summary: a.draft.summary.clone(),
                    })
                    .collect();
                (c.id.0, choices)
            })
            .collect();
        let voted = match account {
            Some(account) => vote_store::voted_in(&app.db, &found, account)
                .await?
                .into_iter()
                .filter(|(_, v)| *v)
                .map(|(c, _)| c.0)
                .collect(),
            None => Vec::new(),
        };
        Ok(VotePage {
            organization: org.slug,
            signed_in: account.is_some(),
            open: found.phase == Phase::PublicVote && found.has_public_vote(),
            call: found,
            ballots,
            voted,
        })
    }

    pub async fn cast(
        organization: &str,
        call: &str,
        application: i64,
    ) -> Result<String, AppError> {
        let voter = require_account().await?;
        let (org, found) = public_call(organization, call).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        let code = vote_store::cast(&mut tx, &found, ApplicationId(application), voter).await?;
        tx.commit().await?;
        form_redirect(&format!(
            "/o/{}/calls/{}/vote?voted={code}",
            org.slug, found.slug
        ));
        Ok(code)
    }
}
