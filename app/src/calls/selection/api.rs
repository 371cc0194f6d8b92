//! The selection's public page data, and the call team's publishing and payments.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calls::call::rules::Call;
use crate::calls::selection::PublishedSelection;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;

/// An award as the public reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardView {
    pub application: i64,
    pub receipt: String,
    pub title: String,
    pub category: String,
    pub amount: i64,
    pub paid_on: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsPage {
    pub organization: String,
    pub call: Call,
    pub record: Option<PublishedSelection>,
    pub awards: Vec<AwardView>,
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

#[server(prefix = "/api", endpoint = "staff/call/payment", input = JsonOrForm)]
pub async fn record_award_payment(
    organization: String,
    call: String,
    application: i64,
    #[server(default)] paid_on: String,
) -> Result<(), AppError> {
    respond(ssr::payment(&organization, &call, application, &paid_on).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::calendar::Date;
    use crate::calls::access::{public_call, room_path, team_call};
    use crate::calls::selection::store as selection_store;
    use crate::db::now_millis;
    use crate::error::{FieldProblem, Problem};
    use crate::platform::ids::ApplicationId;
    use crate::platform::web::context::app_state;
    use crate::platform::web::http::form_redirect_at;

    pub(crate) fn award_views(awards: Vec<selection_store::Award>) -> Vec<AwardView> {
        awards
            .into_iter()
            .map(|a| AwardView {
                application: a.application.0,
                receipt: a.receipt,
                title: a.title,
                category: a.category,
                amount: a.amount,
                paid_on: a.paid_on,
            })
            .collect()
    }

    pub async fn page(organization: &str, call: &str) -> Result<ResultsPage, AppError> {
        let (org, found) = public_call(organization, call).await?;
        let app = app_state()?;
        Ok(ResultsPage {
            organization: org.slug,
            record: selection_store::published(&app.db, &found).await?,
            awards: award_views(selection_store::awards(&app.db, &found).await?),
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

    pub async fn payment(
        organization: &str,
        call: &str,
        application: i64,
        paid_on: &str,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_call(organization, call).await?;
        let day = paid_on.trim().parse::<Date>().map_err(|_| {
            AppError::fields([FieldProblem {
                field: "paid_on".into(),
                problem: if paid_on.trim().is_empty() {
                    Problem::Required
                } else {
                    Problem::InvalidDate
                },
            }])
        })?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        let now = now_millis();
        if day > crate::calls::apply::store::today(&mut tx, &found, now).await? {
            return Err(AppError::fields([FieldProblem {
                field: "paid_on".into(),
                problem: Problem::FutureDate,
            }]));
        }
        selection_store::record_payment(
            &mut tx,
            &found,
            ApplicationId(application),
            day,
            actor,
            now,
        )
        .await?;
        tx.commit().await?;
        form_redirect_at(&room_path(&org, &found), "awards");
        Ok(())
    }
}
