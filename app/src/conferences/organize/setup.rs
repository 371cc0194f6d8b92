//! Server functions that set an edition up: a new edition (draft, with its themes) and
//! its regional pre-conferences, each on a page of its own with a plain form.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::conferences::edition::rules::EditionForm;
use crate::conferences::event::rules::EventForm;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::text::labels::Labels;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEditionPage {
    pub organization: String,
    /// The language the edition's name and themes are written in.
    pub language: String,
    pub draft: Option<EditionForm>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreConferencePage {
    pub organization: String,
    pub slug: String,
    pub names: Labels,
    pub starts_on: Date,
    pub ends_on: Date,
    pub draft: Option<EventForm>,
}

#[server(prefix = "/api", endpoint = "staff/conference/new", input = JsonOrForm)]
pub async fn load_new_edition(organization: String) -> Result<NewEditionPage, AppError> {
    respond(ssr::new_page(&organization).await)
}

#[server(prefix = "/api", endpoint = "staff/conference/create", input = JsonOrForm)]
pub async fn create_edition(organization: String, form: EditionForm) -> Result<(), AppError> {
    respond(ssr::create(&organization, form).await)
}

#[server(prefix = "/api", endpoint = "staff/conference/pre-conference", input = JsonOrForm)]
pub async fn load_pre_conference(
    organization: String,
    conference: String,
) -> Result<PreConferencePage, AppError> {
    respond(ssr::pre_page(&organization, &conference).await)
}

#[server(prefix = "/api", endpoint = "staff/conference/pre-conference/add", input = JsonOrForm)]
pub async fn add_pre_conference(
    organization: String,
    conference: String,
    form: EventForm,
) -> Result<(), AppError> {
    respond(ssr::add_pre(&organization, &conference, form).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::conferences::edition::rules::validate_edition;
    use crate::conferences::edition::store as edition_store;
    use crate::conferences::event::rules::{EventKind, validate_event};
    use crate::conferences::event::store as event_store;
    use crate::db::now_millis;
    use crate::error::{ErrorCode, FieldProblem, Problem};
    use crate::platform::access::CONFERENCE_TEAM;
    use crate::platform::web::context::{app_state, require_staff};
    use crate::platform::web::flash::Flash;
    use crate::platform::web::http::form_redirect_at;

    const EDITION_DRAFT: Flash = Flash("voz_edition_draft");
    const EVENT_DRAFT: Flash = Flash("voz_pre_conference_draft");

    pub async fn new_page(organization: &str) -> Result<NewEditionPage, AppError> {
        let (_, org) = require_staff(organization, &CONFERENCE_TEAM).await?;
        Ok(NewEditionPage {
            organization: org.slug.clone(),
            language: org.default_locale.clone(),
            draft: EDITION_DRAFT.take_json(),
        })
    }

    pub async fn create(organization: &str, form: EditionForm) -> Result<(), AppError> {
        let (actor, org) = require_staff(organization, &CONFERENCE_TEAM).await?;
        let refuse = |problems: Vec<FieldProblem>| {
            EDITION_DRAFT.put_json(&form);
            AppError::fields(problems)
        };
        let new = validate_edition(&form, &org.default_locale).map_err(refuse)?;
        let app = app_state()?;
        if edition_store::conference_by_slug(&app.db, org.id, &new.slug)
            .await?
            .is_some()
        {
            return Err(refuse(vec![FieldProblem {
                field: "slug".into(),
                problem: Problem::AlreadyUsed,
            }]));
        }
        let mut tx = app.db.begin_write().await?;
        edition_store::create_conference(&mut tx, org.id, &new, Some(actor), now_millis()).await?;
        tx.commit().await?;
        form_redirect_at(
            &format!("/staff/{}/conferences", org.slug),
            &format!("edition-{}", new.slug),
        );
        Ok(())
    }

    pub async fn pre_page(
        organization: &str,
        conference: &str,
    ) -> Result<PreConferencePage, AppError> {
        let (_, org) = require_staff(organization, &CONFERENCE_TEAM).await?;
        let app = app_state()?;
        let found = edition_store::conference_by_slug(&app.db, org.id, conference)
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        Ok(PreConferencePage {
            organization: org.slug.clone(),
            slug: found.slug.clone(),
            names: found.names.clone(),
            starts_on: found.starts_on,
            ends_on: found.ends_on,
            draft: EVENT_DRAFT.take_json(),
        })
    }

    pub async fn add_pre(
        organization: &str,
        conference: &str,
        form: EventForm,
    ) -> Result<(), AppError> {
        let (actor, org) = require_staff(organization, &CONFERENCE_TEAM).await?;
        let app = app_state()?;
        let found = edition_store::conference_by_slug(&app.db, org.id, conference)
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let new = match validate_event(&form, found.starts_on, found.ends_on) {
            Ok(new) => new,
            Err(problems) => {
                EVENT_DRAFT.put_json(&form);
                return Err(AppError::fields(problems));
            }
        };
        let mut tx = app.db.begin_write().await?;
        event_store::create_event(
            &mut tx,
            &found,
            EventKind::PreConference,
            &new,
            actor,
            now_millis(),
        )
        .await?;
        tx.commit().await?;
        form_redirect_at(
            &format!("/staff/{}/conferences", org.slug),
            &format!("edition-{}", found.slug),
        );
        Ok(())
    }
}
