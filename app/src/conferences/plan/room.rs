//! Server functions of the plan's room, for the conference team: turn proposals the
//! plenary approved into actions with their responsible bodies and indicators (during the
//! plan), and report each indicator's value and status over the years (during the plan
//! and its monitoring). Plain forms; every write audited by the store.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::conferences::plan::form::{ActionForm, ReportForm};
use crate::conferences::plan::rules::Action;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::text::labels::Labels;

/// A consolidated proposal the plenary approved: what an action may come from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovedRow {
    pub code: String,
    pub title: String,
    /// `priority` or `approved`.
    pub result: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanRoom {
    pub organization: String,
    pub conference: String,
    pub names: Labels,
    /// The edition is in its plan phase: actions may be added.
    pub open: bool,
    /// Plan or monitoring: indicators may be reported.
    pub reporting: bool,
    pub approved: Vec<ApprovedRow>,
    pub actions: Vec<Action>,
    /// A refused action form, as typed.
    pub draft: Option<ActionForm>,
}

#[server(prefix = "/api", endpoint = "staff/conference/plan", input = JsonOrForm)]
pub async fn load_plan_room(
    organization: String,
    conference: String,
) -> Result<PlanRoom, AppError> {
    respond(ssr::room(&organization, &conference).await)
}

#[server(prefix = "/api", endpoint = "staff/conference/plan/action", input = JsonOrForm)]
pub async fn add_plan_action(
    organization: String,
    conference: String,
    form: ActionForm,
) -> Result<(), AppError> {
    respond(ssr::add(&organization, &conference, form).await)
}

#[server(prefix = "/api", endpoint = "staff/conference/plan/report", input = JsonOrForm)]
pub async fn report_indicator(
    organization: String,
    conference: String,
    indicator: i64,
    report: ReportForm,
) -> Result<(), AppError> {
    respond(ssr::report(&organization, &conference, indicator, report).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::accounts::types::Organization;
    use crate::conferences::consolidation::store as consolidation_store;
    use crate::conferences::edition::Conference;
    use crate::conferences::edition::rules::Phase;
    use crate::conferences::participate::access::team_edition;
    use crate::conferences::plan::form::{parse_action, parse_report};
    use crate::conferences::plan::store::{self as plan_store, Report};
    use crate::conferences::plenary::rules::Outcome;
    use crate::conferences::plenary::store as plenary_store;
    use crate::db::now_millis;
    use crate::platform::web::context::app_state;
    use crate::platform::web::flash::Flash;
    use crate::platform::web::http::form_redirect_at;

    /// A refused action form, kept for the room it goes back to.
    const DRAFT: Flash = Flash("voz_plan_draft");

    fn room_path(org: &Organization, edition: &Conference) -> String {
        format!("/staff/{}/conferences/{}/plan", org.slug, edition.slug)
    }

    pub async fn room(organization: &str, conference: &str) -> Result<PlanRoom, AppError> {
        let (_, org, found) = team_edition(organization, conference).await?;
        let app = app_state()?;
        let db = &app.db;
        let results = plenary_store::results(db, &found).await?;
        let approved = consolidation_store::consolidated_of(db, found.id)
            .await?
            .into_iter()
            .filter_map(|c| {
                let result = results.get(&c.code)?.result;
                matches!(result, Outcome::Priority | Outcome::Approved).then(|| ApprovedRow {
                    code: c.code,
                    title: c.title,
                    result: result.code().to_owned(),
                })
            })
            .collect();
        Ok(PlanRoom {
            organization: org.slug.clone(),
            conference: found.slug.clone(),
            names: found.names.clone(),
            open: found.phase == Phase::Plan,
            reporting: matches!(found.phase, Phase::Plan | Phase::Monitoring),
            approved,
            actions: plan_store::actions(db, &found).await?,
            draft: DRAFT.take_json(),
        })
    }

    pub async fn add(
        organization: &str,
        conference: &str,
        form: ActionForm,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_edition(organization, conference).await?;
        let new = match parse_action(&form) {
            Ok(new) => new,
            Err(problems) => {
                DRAFT.put_json(&form);
                return Err(AppError::fields(problems));
            }
        };
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        let code = match plan_store::create_action(&mut tx, &found, &new, actor, now_millis()).await
        {
            Ok(code) => code,
            Err(error) => {
                DRAFT.put_json(&form);
                return Err(error.into());
            }
        };
        tx.commit().await?;
        form_redirect_at(&room_path(&org, &found), &code);
        Ok(())
    }

    pub async fn report(
        organization: &str,
        conference: &str,
        indicator: i64,
        form: ReportForm,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_edition(organization, conference).await?;
        let (value, status, note) = parse_report(&form).map_err(AppError::fields)?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        let report = Report {
            value,
            status,
            note: &note,
        };
        plan_store::update_indicator(&mut tx, &found, indicator, &report, actor, now_millis())
            .await?;
        tx.commit().await?;
        form_redirect_at(&room_path(&org, &found), &format!("indicator-{indicator}"));
        Ok(())
    }
}
