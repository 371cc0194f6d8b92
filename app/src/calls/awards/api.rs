//! The awards' server functions: the public winners page, and the call team's payments and
//! follow-up visits (plain forms back to the room). The winner's final report goes through
//! the application's document upload (`FINAL_REPORT`).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calls::awards::Award;
use crate::calls::call::rules::Call;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WinnersPage {
    pub organization: String,
    pub call: Call,
    /// Every award as the public reads it (`Award::public`).
    pub awards: Vec<Award>,
}

#[server(prefix = "/api", endpoint = "call/winners", input = JsonOrForm)]
pub async fn load_winners_page(
    organization: String,
    call: String,
) -> Result<WinnersPage, AppError> {
    respond(ssr::winners(&organization, &call).await)
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

#[server(prefix = "/api", endpoint = "staff/call/visit", input = JsonOrForm)]
pub async fn record_award_visit(
    organization: String,
    call: String,
    application: i64,
    #[server(default)] visited_on: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    respond(ssr::visit(&organization, &call, application, &visited_on, &note).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::calendar::Date;
    use crate::calls::access::{public_call, room_path, team_call};
    use crate::calls::awards::store as awards_store;
    use crate::db::now_millis;
    use crate::error::{FieldProblem, Problem};
    use crate::platform::ids::ApplicationId;
    use crate::platform::web::context::app_state;
    use crate::platform::web::http::form_redirect_at;

    /// Every award as the public reads it.
    pub(crate) async fn public_awards(call: &Call) -> Result<Vec<Award>, AppError> {
        let app = app_state()?;
        Ok(awards_store::awards(&app.db, call)
            .await?
            .into_iter()
            .map(Award::public)
            .collect())
    }

    pub async fn winners(organization: &str, call: &str) -> Result<WinnersPage, AppError> {
        let (org, found) = public_call(organization, call).await?;
        Ok(WinnersPage {
            organization: org.slug,
            awards: public_awards(&found).await?,
            call: found,
        })
    }

    /// A day typed in a form field: required, `YYYY-MM-DD`.
    fn day(field: &str, text: &str) -> Result<Date, AppError> {
        text.trim().parse::<Date>().map_err(|_| {
            AppError::fields([FieldProblem {
                field: field.into(),
                problem: if text.trim().is_empty() {
                    Problem::Required
                } else {
                    Problem::InvalidDate
                },
            }])
        })
    }

    pub async fn payment(
        organization: &str,
        call: &str,
        application: i64,
        paid_on: &str,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_call(organization, call).await?;
        let day = day("paid_on", paid_on)?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        awards_store::record_payment(
            &mut tx,
            &found,
            ApplicationId(application),
            day,
            actor,
            now_millis(),
        )
        .await?;
        tx.commit().await?;
        form_redirect_at(&room_path(&org, &found), &format!("award-{application}"));
        Ok(())
    }

    pub async fn visit(
        organization: &str,
        call: &str,
        application: i64,
        visited_on: &str,
        note: &str,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_call(organization, call).await?;
        let day = day("visited_on", visited_on)?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        awards_store::record_visit(
            &mut tx,
            &found,
            ApplicationId(application),
            day,
            note,
            actor,
            now_millis(),
        )
        .await?;
        tx.commit().await?;
        form_redirect_at(&room_path(&org, &found), &format!("award-{application}"));
        Ok(())
    }
}
