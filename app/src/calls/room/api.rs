//! Server functions of the call team's room. Plain forms; every write audited by the
//! store, every decision told to the applicant.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calls::apply::types::Application;
use crate::calls::call::rules::{Call, Phase};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallRoom {
    pub organization: String,
    pub call: Call,
    /// The phase the call may move to next, if any.
    pub next: Option<Phase>,
    /// Every application past its draft, oldest first.
    pub applications: Vec<Application>,
    /// Drafts not submitted (counted only: they are not the team's to read).
    pub drafts: i64,
    /// Today on the organization's clock (`YYYY-MM-DD`): the earliest "fix by" day.
    pub today: String,
    /// Who holds the jury role in the organization (id, name): who may be assigned.
    pub jurors: Vec<(i64, String)>,
    /// Per category id, the names of its jurors.
    pub assigned: Vec<(i64, Vec<String>)>,
    /// The selection has been published.
    pub published: bool,
    /// Every award with its follow-up (reports and visits' notes included).
    pub awards: Vec<crate::calls::awards::Award>,
}

#[server(prefix = "/api", endpoint = "staff/call/room", input = JsonOrForm)]
pub async fn load_call_room(organization: String, call: String) -> Result<CallRoom, AppError> {
    respond(ssr::room(&organization, &call).await)
}

#[server(prefix = "/api", endpoint = "staff/call/phase", input = JsonOrForm)]
pub async fn move_call_phase(
    organization: String,
    call: String,
    to: String,
) -> Result<(), AppError> {
    respond(ssr::move_phase(&organization, &call, &to).await)
}

/// The document check: `verdict` is `accept`, `refuse` (with `reason`) or `fix` (with
/// `reason`, what to fix, and `by`, the last day, `YYYY-MM-DD`).
#[server(prefix = "/api", endpoint = "staff/call/check", input = JsonOrForm)]
pub async fn check_application(
    organization: String,
    call: String,
    application: i64,
    verdict: String,
    #[server(default)] reason: String,
    #[server(default)] by: String,
) -> Result<(), AppError> {
    respond(ssr::check(&organization, &call, application, &verdict, &reason, &by).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::calendar::Date;
    use crate::calls::access::{room_path, team_call};
    use crate::calls::apply::store as apply_store;
    use crate::calls::call::store as call_store;
    use crate::db::now_millis;
    use crate::error::{ErrorCode, FieldProblem, Problem};
    use crate::on_db;
    use crate::platform::ids::ApplicationId;
    use crate::platform::review::Verdict;
    use crate::platform::timeline::next;
    use crate::platform::web::http::form_redirect_at;

    pub async fn room(organization: &str, call: &str) -> Result<CallRoom, AppError> {
        let (_, org, found) = team_call(organization, call).await?;
        let app = crate::platform::web::context::app_state()?;
        let applications = apply_store::submitted_applications(&app.db, &found).await?;
        let (drafts,): (i64,) = on_db!(&app.db, |pool| {
            sqlx::query_as(
                "SELECT COUNT(*) FROM call_applications WHERE call_id = $1 AND status = 'draft'",
            )
            .bind(found.id)
            .fetch_one(pool)
            .await
        })?;
        let mut tx = app.db.begin_write().await?;
        let today = apply_store::today(&mut tx, &found, now_millis()).await?;
        drop(tx);
        let jurors = crate::platform::access::store::holders_of_role(
            &app.db,
            org.id,
            crate::accounts::types::Role::Jury,
        )
        .await?;
        let holders = crate::platform::access::scoped::scoped_role_holders(
            &app.db,
            crate::platform::audit::event::Process::Call(found.id),
            crate::accounts::types::Role::Jury,
        )
        .await?;
        let assigned = found
            .categories
            .iter()
            .map(|c| {
                let scope = crate::platform::audit::event::Subject::Category(found.id, c.id.0);
                let names = holders
                    .iter()
                    .filter(|h| h.subject() == Some(scope))
                    .map(|h| h.display_name.clone())
                    .collect();
                (c.id.0, names)
            })
            .collect();
        let published = crate::calls::selection::store::published(&app.db, &found)
            .await?
            .is_some();
        let awards = crate::calls::awards::store::awards(&app.db, &found).await?;
        Ok(CallRoom {
            published,
            awards,
            jurors: jurors.into_iter().map(|(a, n)| (a.0, n)).collect(),
            assigned,
            organization: org.slug,
            next: next(found.phase),
            call: found,
            applications,
            drafts,
            today: today.to_string(),
        })
    }

    pub async fn move_phase(organization: &str, call: &str, to: &str) -> Result<(), AppError> {
        let (actor, org, found) = team_call(organization, call).await?;
        let to = Phase::from_code(to).ok_or_else(|| AppError::new(ErrorCode::InvalidInput))?;
        let app = crate::platform::web::context::app_state()?;
        let mut tx = app.db.begin_write().await?;
        call_store::move_phase(&mut tx, found.id, to, Some(actor), now_millis()).await?;
        tx.commit().await?;
        // The public vote has closed: nothing may keep the order people voted in.
        if found.phase == Phase::PublicVote {
            crate::platform::voting::store::seal_ballot_box(&app.db).await?;
        }
        form_redirect_at(&room_path(&org, &found), "calendar");
        Ok(())
    }

    pub async fn check(
        organization: &str,
        call: &str,
        application: i64,
        verdict: &str,
        reason: &str,
        by: &str,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_call(organization, call).await?;
        let by = match by.trim() {
            "" => None,
            day => Some(day.parse::<Date>().map_err(|_| {
                AppError::fields([FieldProblem {
                    field: "by".into(),
                    problem: Problem::InvalidDate,
                }])
            })?),
        };
        let verdict = match verdict {
            "accept" => Verdict::Accept,
            "refuse" => Verdict::Refuse {
                reason: reason.to_owned(),
            },
            "fix" if by.is_none() => {
                return Err(AppError::fields([FieldProblem {
                    field: "by".into(),
                    problem: Problem::Required,
                }]));
            }
            "fix" => Verdict::FixBy {
                reason: reason.to_owned(),
                by,
            },
            _ => return Err(AppError::new(ErrorCode::InvalidInput)),
        };
        let app = crate::platform::web::context::app_state()?;
        let mut tx = app.db.begin_write().await?;
        let now = now_millis();
        let today = apply_store::today(&mut tx, &found, now).await?;
        let verdict = verdict.checked(1000, today, true)?;
        apply_store::check_documents(
            &mut tx,
            &found,
            ApplicationId(application),
            &verdict,
            actor,
            now,
        )
        .await?;
        tx.commit().await?;
        form_redirect_at(
            &room_path(&org, &found),
            &format!("application-{application}"),
        );
        Ok(())
    }
}
