//! The organization's settings page, for its administrators: what the form shows and
//! saving it (a plain form: back to the page saying it was saved, or with each problem
//! under its field and what was typed kept).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::organization::rules::OrganizationForm;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsPage {
    /// The organization's address part (not editable: printed codes and links carry it).
    pub slug: String,
    pub form: OrganizationForm,
    /// The election under way, if any (its title): the clock cannot change until it ends.
    pub clock_held_by: Option<String>,
    /// Time zones to suggest (any known one is accepted).
    pub time_zones: Vec<String>,
}

#[server(prefix = "/api", endpoint = "staff/settings", input = JsonOrForm)]
pub async fn organization_settings(organization: String) -> Result<SettingsPage, AppError> {
    respond(ssr::organization_settings(&organization).await)
}

/// Saves the settings; `true` when something changed (audited), `false` when they were
/// already so.
#[server(prefix = "/api", endpoint = "staff/settings_save", input = JsonOrForm)]
pub async fn save_organization_settings(
    organization: String,
    form: OrganizationForm,
) -> Result<bool, AppError> {
    respond(ssr::save_organization_settings(&organization, form).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::SettingsPage;
    use crate::accounts::organization::rules::{OrganizationForm, validate};
    use crate::accounts::organization::store as organization_store;
    use crate::accounts::types::Organization;
    use crate::db::now_millis;
    use crate::elections::election::store as election_store;
    use crate::error::{AppError, ErrorCode, FieldProblem, Problem};
    use crate::platform::access::ADMINISTRATORS;
    use crate::platform::web::context::{app_state, require_staff};
    use crate::platform::web::flash::Flash;
    use crate::platform::web::http::{form_redirect, is_form_post};

    /// A refused form, between the post and the page that fills it in again.
    const DRAFT: Flash = Flash("voz_settings_draft");

    /// The first election of `organization` under way (past its draft, results not yet
    /// official): its deadlines and voting hours are read on the organization's clock.
    async fn election_under_way(organization: &Organization) -> Result<Option<String>, AppError> {
        let elections = election_store::elections_of(&app_state()?.db, organization.id)
            .await
            .map_err(AppError::from)?;
        Ok(elections
            .into_iter()
            .find(|e| e.phase.under_way())
            .map(|e| e.title))
    }

    pub async fn organization_settings(slug: &str) -> Result<SettingsPage, AppError> {
        let (_, organization) = require_staff(slug, &ADMINISTRATORS).await?;
        let form = DRAFT
            .take_json::<(String, OrganizationForm)>()
            .filter(|(draft_of, _)| draft_of == slug)
            .map_or_else(|| OrganizationForm::of(&organization), |(_, form)| form);
        Ok(SettingsPage {
            slug: organization.slug.clone(),
            form,
            clock_held_by: election_under_way(&organization).await?,
            time_zones: crate::calendar::american_time_zones(),
        })
    }

    pub async fn save_organization_settings(
        slug: &str,
        form: OrganizationForm,
    ) -> Result<bool, AppError> {
        let (admin, organization) = require_staff(slug, &ADMINISTRATORS).await?;
        let refuse = |fields: Vec<FieldProblem>| {
            if is_form_post() {
                DRAFT.put_json(&(slug, &form));
            }
            AppError {
                code: ErrorCode::InvalidInput,
                fields,
            }
        };
        let settings = match validate(&form, crate::calendar::known_time_zone) {
            Ok(settings) => settings,
            Err(fields) => return Err(refuse(fields)),
        };
        if settings.rules.time_zone != organization.rules.time_zone
            && election_under_way(&organization).await?.is_some()
        {
            return Err(refuse(vec![FieldProblem {
                field: "time_zone".into(),
                problem: Problem::HeldByElection,
            }]));
        }
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        let changed = organization_store::save_settings(
            &mut tx,
            organization.id,
            &settings,
            admin,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        let outcome = if changed { "saved" } else { "unchanged" };
        form_redirect(&format!("/staff/{slug}/settings?{outcome}=1"));
        Ok(changed)
    }
}
