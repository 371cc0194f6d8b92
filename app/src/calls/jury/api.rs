//! The juror's server functions: their page (the eligible applications of their
//! categories, minus those they declared a conflict with; their own scores; the other
//! jurors' only once the jury has closed), scoring, and declaring a conflict. And the
//! call team's: assigning a juror to a category.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calls::apply::types::Application;
use crate::calls::call::rules::Call;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::ids::ApplicationId;

/// A score as a page shows it: the juror named as the record names them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreView {
    pub application: ApplicationId,
    pub juror: String,
    pub scores: BTreeMap<String, i64>,
    pub justification: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JuryPage {
    pub organization: String,
    pub call: Call,
    /// The call is in its jury phase: scores and conflicts are taken.
    pub open: bool,
    /// The jury has closed: every juror's scores are shown.
    pub closed: bool,
    /// Eligible applications of the juror's categories they have no conflict with.
    pub applications: Vec<Application>,
    /// Receipts of the applications they declared a conflict with.
    pub conflicted: Vec<String>,
    pub mine: Vec<ScoreView>,
    /// Other jurors' scores (only once the jury has closed).
    pub others: Vec<ScoreView>,
}

#[server(prefix = "/api", endpoint = "jury/page", input = JsonOrForm)]
pub async fn load_jury_page(organization: String, call: String) -> Result<JuryPage, AppError> {
    respond(ssr::page(&organization, &call).await)
}

#[server(prefix = "/api", endpoint = "jury/score", input = JsonOrForm)]
pub async fn score_application(
    organization: String,
    call: String,
    application: i64,
    #[server(default)] scores: BTreeMap<String, String>,
    #[server(default)] justification: String,
) -> Result<(), AppError> {
    respond(ssr::score(&organization, &call, application, &scores, &justification).await)
}

#[server(prefix = "/api", endpoint = "jury/conflict", input = JsonOrForm)]
pub async fn declare_application_conflict(
    organization: String,
    call: String,
    application: i64,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    respond(ssr::conflict(&organization, &call, application, &reason).await)
}

#[server(prefix = "/api", endpoint = "staff/call/juror", input = JsonOrForm)]
pub async fn assign_call_juror(
    organization: String,
    call: String,
    category: i64,
    juror: i64,
) -> Result<(), AppError> {
    respond(ssr::assign(&organization, &call, category, juror).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::calls::access::{not_found, room_path, team_call};
    use crate::calls::apply::store as apply_store;
    use crate::calls::apply::types::Status;
    use crate::calls::call::rules::Phase;
    use crate::calls::call::store as call_store;
    use crate::calls::jury::store::{self as jury_store, JurorScore};
    use crate::db::now_millis;
    use crate::platform::access::JURORS;
    use crate::platform::ids::{AccountId, CategoryId};
    use crate::platform::web::context::{app_state, require_staff};
    use crate::platform::web::http::form_redirect_at;

    fn jury_path(org: &str, call: &Call) -> String {
        format!("/staff/{org}/calls/{}/jury", call.slug)
    }

    /// The juror acting and the call, or 401/403/404.
    async fn juror_call(
        organization: &str,
        call: &str,
    ) -> Result<(AccountId, String, Call), AppError> {
        let (juror, org) = require_staff(organization, &JURORS).await?;
        let app = app_state()?;
        let found = call_store::call_by_slug(&app.db, org.id, call)
            .await?
            .filter(|c| c.phase.public())
            .ok_or_else(not_found)?;
        Ok((juror, org.slug, found))
    }

    pub async fn page(organization: &str, call: &str) -> Result<JuryPage, AppError> {
        let (juror, org, found) = juror_call(organization, call).await?;
        let app = app_state()?;
        let categories = jury_store::categories_of(&app.db, &found, juror).await?;
        let conflicts = jury_store::conflicts(&app.db, &found, juror).await?;
        let all = apply_store::submitted_applications(&app.db, &found).await?;
        let mine_here =
            |a: &Application| a.status == Status::Eligible && categories.contains(&a.category);
        let conflicted = all
            .iter()
            .filter(|a| mine_here(a) && conflicts.contains(&a.id))
            .filter_map(|a| a.receipt.clone())
            .collect();
        let applications: Vec<Application> = all
            .into_iter()
            .filter(|a| mine_here(a) && !conflicts.contains(&a.id))
            .collect();
        let closed = found.phase.jury_closed();
        let scores = jury_store::scores(&app.db, &found).await?;
        let names = jury_store::juror_names(&scores, true, &BTreeMap::new());
        let view = |s: &JurorScore| ScoreView {
            application: s.application,
            juror: names.get(&s.juror).cloned().unwrap_or_default(),
            scores: s.scores.clone(),
            justification: s.justification.clone(),
        };
        let visible: Vec<ApplicationId> = applications.iter().map(|a| a.id).collect();
        Ok(JuryPage {
            organization: org,
            open: found.phase == Phase::Jury,
            closed,
            mine: scores
                .iter()
                .filter(|s| s.juror == juror)
                .map(view)
                .collect(),
            others: if closed {
                scores
                    .iter()
                    .filter(|s| s.juror != juror && visible.contains(&s.application))
                    .map(view)
                    .collect()
            } else {
                Vec::new()
            },
            applications,
            conflicted,
            call: found,
        })
    }

    pub async fn score(
        organization: &str,
        call: &str,
        application: i64,
        scores: &BTreeMap<String, String>,
        justification: &str,
    ) -> Result<(), AppError> {
        let (juror, org, found) = juror_call(organization, call).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        jury_store::score(
            &mut tx,
            &found,
            ApplicationId(application),
            juror,
            scores,
            justification,
            now_millis(),
        )
        .await?;
        tx.commit().await?;
        form_redirect_at(
            &jury_path(&org, &found),
            &format!("application-{application}"),
        );
        Ok(())
    }

    pub async fn conflict(
        organization: &str,
        call: &str,
        application: i64,
        reason: &str,
    ) -> Result<(), AppError> {
        let (juror, org, found) = juror_call(organization, call).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        jury_store::declare_conflict(
            &mut tx,
            &found,
            ApplicationId(application),
            juror,
            reason,
            now_millis(),
        )
        .await?;
        tx.commit().await?;
        form_redirect_at(&jury_path(&org, &found), "conflicts");
        Ok(())
    }

    pub async fn assign(
        organization: &str,
        call: &str,
        category: i64,
        juror: i64,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_call(organization, call).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        jury_store::assign_juror(
            &mut tx,
            &found,
            CategoryId(category),
            AccountId(juror),
            actor,
            now_millis(),
        )
        .await?;
        tx.commit().await?;
        form_redirect_at(&room_path(&org, &found), "jurors");
        Ok(())
    }
}
