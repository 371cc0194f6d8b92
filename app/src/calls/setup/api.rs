//! Setting a call up from the staff's pages: the new-call form's page and its creation
//! (in its draft, audited; the team opens it from the room when it is ready).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calls::setup::rules::CallForm;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCallPage {
    pub organization: String,
    /// The language the call's texts are written in: the organization's.
    pub language: String,
    /// A refused form as typed, else the defaults.
    pub form: CallForm,
}

#[server(prefix = "/api", endpoint = "staff/call/new", input = JsonOrForm)]
pub async fn load_new_call(organization: String) -> Result<NewCallPage, AppError> {
    respond(ssr::new_page(&organization).await)
}

#[server(prefix = "/api", endpoint = "staff/call/create", input = JsonOrForm)]
pub async fn create_call(organization: String, form: CallForm) -> Result<(), AppError> {
    respond(ssr::create(&organization, form).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::calls::call::store as call_store;
    use crate::calls::setup::rules::validate_call;
    use crate::db::now_millis;
    use crate::error::{FieldProblem, Problem};
    use crate::platform::access::CALL_TEAM;
    use crate::platform::web::context::{app_state, require_staff};
    use crate::platform::web::flash::Flash;
    use crate::platform::web::http::form_redirect;
    use crate::platform::web::sessions::random_token;

    const CALL_DRAFT: Flash = Flash("voz_call_setup");

    pub async fn new_page(organization: &str) -> Result<NewCallPage, AppError> {
        let (_, org) = require_staff(organization, &CALL_TEAM).await?;
        Ok(NewCallPage {
            organization: org.slug.clone(),
            language: org.default_locale.clone(),
            form: CALL_DRAFT.take_json().unwrap_or_default(),
        })
    }

    pub async fn create(organization: &str, form: CallForm) -> Result<(), AppError> {
        let (actor, org) = require_staff(organization, &CALL_TEAM).await?;
        let refuse = |problems: Vec<FieldProblem>| {
            CALL_DRAFT.put_json(&form);
            AppError::fields(problems)
        };
        // The lot's seed is drawn now and published with the call: nobody chooses it, and
        // anyone can redo a draw by lot with it afterwards.
        let new = validate_call(&form, &org.default_locale, &random_token(12)).map_err(refuse)?;
        let app = app_state()?;
        if call_store::call_by_slug(&app.db, org.id, &new.slug)
            .await?
            .is_some()
        {
            return Err(refuse(vec![FieldProblem {
                field: "slug".into(),
                problem: Problem::AlreadyUsed,
            }]));
        }
        let mut tx = app.db.begin_write().await?;
        call_store::create_call(&mut tx, org.id, &new, Some(actor), now_millis()).await?;
        tx.commit().await?;
        form_redirect(&format!("/staff/{}/calls/{}", org.slug, new.slug));
        Ok(())
    }
}
