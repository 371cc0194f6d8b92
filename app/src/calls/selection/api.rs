//! The selection's public page data, and the call team's publishing.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calls::call::rules::Call;
use crate::calls::selection::PublishedSelection;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsPage {
    pub organization: String,
    pub call: Call,
    pub record: Option<PublishedSelection>,
    /// Every award as the public reads it.
    pub awards: Vec<crate::calls::awards::Award>,
}

#[server(prefix = "/api", endpoint = "call/results", input = JsonOrForm)]
pub async fn load_results_page(
    organization: String,
    call: String,
) -> Result<ResultsPage, AppError> {
    respond(ssr::page(&organization, &call).await)
}

#[server(prefix = "/api", endpoint = "staff/call/publish", input = JsonOrForm)]
pub async fn publish_call_selection(organization: String, call: String) -> Result<(), AppError> {
    respond(ssr::publish(&organization, &call).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::calls::access::{public_call, room_path, team_call};
    use crate::calls::selection::store as selection_store;
    use crate::db::now_millis;
    use crate::platform::web::context::app_state;
    use crate::platform::web::http::form_redirect_at;

    pub async fn page(organization: &str, call: &str) -> Result<ResultsPage, AppError> {
        let (org, found) = public_call(organization, call).await?;
        let app = app_state()?;
        Ok(ResultsPage {
            organization: org.slug,
            record: selection_store::published(&app.db, &found).await?,
            awards: crate::calls::awards::api::ssr::public_awards(&found).await?,
            call: found,
        })
    }

    pub async fn publish(organization: &str, call: &str) -> Result<(), AppError> {
        let (actor, org, found) = team_call(organization, call).await?;
        let app = app_state()?;
        selection_store::publish(&app.db, &found, actor, now_millis()).await?;
        form_redirect_at(&room_path(&org, &found), "selection");
        Ok(())
    }
}
