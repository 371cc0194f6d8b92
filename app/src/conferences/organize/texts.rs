//! Server functions of an edition's texts page (`…/<edition>/texts`, the conference
//! team): its name, themes and levels in each of Voz's languages, the levels' codes.
//! One plain form; a refusal keeps what was typed; saved in one audited write.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::conferences::edition::texts::TextsForm;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::text::labels::Labels;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextsPage {
    pub organization: String,
    pub conference: String,
    pub names: Labels,
    /// The edition's own language: its texts there are required.
    pub original: String,
    pub themes: usize,
    /// The level codes proposals already use (they cannot be removed).
    pub codes_in_use: Vec<String>,
    /// The current texts, or a refused form as typed.
    pub form: TextsForm,
    /// Saved just now.
    pub saved: bool,
}

#[server(prefix = "/api", endpoint = "staff/conference/texts", input = JsonOrForm)]
pub async fn load_edition_texts(
    organization: String,
    conference: String,
) -> Result<TextsPage, AppError> {
    respond(ssr::page(&organization, &conference).await)
}

#[server(prefix = "/api", endpoint = "staff/conference/texts/save", input = JsonOrForm)]
pub async fn save_edition_texts(
    organization: String,
    conference: String,
    form: TextsForm,
) -> Result<(), AppError> {
    respond(ssr::save(&organization, &conference, form).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::conferences::edition::store as edition_store;
    use crate::conferences::edition::texts::{form_of, validate_texts};
    use crate::conferences::participate::access::team_edition;
    use crate::db::now_millis;
    use crate::platform::web::context::app_state;
    use crate::platform::web::flash::Flash;
    use crate::platform::web::http::form_redirect;

    /// A refused form, kept for the page it goes back to.
    const DRAFT: Flash = Flash("voz_edition_texts_draft");
    /// Set when the texts were saved, shown once.
    const SAVED: Flash = Flash("voz_edition_texts_saved");

    pub async fn page(organization: &str, conference: &str) -> Result<TextsPage, AppError> {
        let (_, org, found) = team_edition(organization, conference).await?;
        let app = app_state()?;
        let themes = edition_store::themes(&app.db, found.id).await?;
        Ok(TextsPage {
            organization: org.slug.clone(),
            conference: found.slug.clone(),
            original: found
                .names
                .original()
                .map_or_else(|| org.default_locale.clone(), |(l, _)| l.to_owned()),
            themes: themes.len(),
            codes_in_use: edition_store::level_codes_in_use(&app.db, found.id).await?,
            form: DRAFT
                .take_json()
                .unwrap_or_else(|| form_of(&found, &themes)),
            saved: SAVED.take_json::<bool>().unwrap_or(false),
            names: found.names,
        })
    }

    pub async fn save(
        organization: &str,
        conference: &str,
        form: TextsForm,
    ) -> Result<(), AppError> {
        let (actor, org, found) = team_edition(organization, conference).await?;
        let app = app_state()?;
        let themes = edition_store::themes(&app.db, found.id).await?;
        let in_use = edition_store::level_codes_in_use(&app.db, found.id).await?;
        let original = found
            .names
            .original()
            .map(|(l, _)| l.to_owned())
            .unwrap_or_default();
        let texts = match validate_texts(&form, &original, themes.len(), &in_use) {
            Ok(texts) => texts,
            Err(problems) => {
                DRAFT.put_json(&form);
                return Err(AppError::fields(problems));
            }
        };
        let mut tx = app.db.begin_write().await?;
        edition_store::update_texts(&mut tx, &found, &texts, actor, now_millis()).await?;
        tx.commit().await?;
        SAVED.put_json(&true);
        form_redirect(&format!(
            "/staff/{}/conferences/{}/texts",
            org.slug, found.slug
        ));
        Ok(())
    }
}
