//! A candidate's own server functions: filing a candidacy (from a verified registration,
//! with a passkey session), appealing a rejection within the appeal window, and naming a new
//! representative for an organization on the final list. Each checks everything itself.

use crate::elections::candidacy::CandidacyForm;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Files the signed-in person's candidacy.
#[server(prefix = "/api", endpoint = "candidacy/file", input = Json)]
pub async fn file_candidacy(
    organization: String,
    election: String,
    form: CandidacyForm,
) -> Result<(), AppError> {
    respond(ssr::file_candidacy(&organization, &election, form).await)
}

/// The candidate appeals the rejection of their candidacy, in the appeal window.
#[server(prefix = "/api", endpoint = "candidacy/appeal", input = Json)]
pub async fn appeal_candidacy(
    organization: String,
    election: String,
    text: String,
) -> Result<(), AppError> {
    respond(ssr::appeal_candidacy(&organization, &election, &text).await)
}

/// An elected organization names a new representative (after the result).
#[server(prefix = "/api", endpoint = "candidacy/representative", input = Json)]
pub async fn change_representative(
    organization: String,
    election: String,
    representative: String,
) -> Result<(), AppError> {
    respond(ssr::change_representative(&organization, &election, &representative).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::db::now_millis;
    use crate::elections::candidacy::store as candidacy_store;
    use crate::elections::candidacy::{CandidacyAction, CandidacyForm, validate_candidacy};
    use crate::elections::election::api::ssr::reason_text;
    use crate::elections::election::lookup::election_of;
    use crate::error::{AppError, ErrorCode, FieldProblem};
    use crate::platform::web::context::{app_state, require_account};

    pub const APPEAL_MAX: u16 = 2000;

    pub async fn file_candidacy(
        organization: &str,
        election: &str,
        form: CandidacyForm,
    ) -> Result<(), AppError> {
        // Standing for office is done with a passkey: a printed code (which a help desk
        // printed and anyone might hold) is enough to vote, not to stand.
        let account = match crate::platform::web::context::current_session().await? {
            None => return Err(AppError::new(ErrorCode::Unauthenticated)),
            Some((account, crate::platform::web::sessions::AuthMethod::Passkey)) => account,
            Some(_) => return Err(AppError::new(ErrorCode::Forbidden)),
        };
        let app = app_state()?;
        let (org, record) = election_of(&app, organization, election).await?;
        // Who stands comes from the verified registration with this organization.
        let filer = candidacy_store::filer(&app.db, org.id, account)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::NotEnabledVoter))?;
        let today = crate::calendar::local_time(&org.rules.time_zone, now_millis()).date;
        let candidacy = validate_candidacy(&form, &record.settings.segment_rules(), today, &filer)
            .map_err(|fields| AppError {
                code: ErrorCode::InvalidInput,
                fields,
            })?;
        let mut tx = app.db.begin_write().await?;
        candidacy_store::file_candidacy(&mut tx, record.id, account, &candidacy, now_millis())
            .await
            .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn appeal_candidacy(
        organization: &str,
        election: &str,
        text: &str,
    ) -> Result<(), AppError> {
        let account = require_account().await?;
        let app = app_state()?;
        let (_, record) = election_of(&app, organization, election).await?;
        let text = reason_text("appeal", text, APPEAL_MAX)?;
        let mine = candidacy_store::candidacy_of(&app.db, record.id, account)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let mut tx = app.db.begin_write().await?;
        candidacy_store::act_on_candidacy(
            &mut tx,
            record.id,
            mine.id,
            CandidacyAction::Appeal,
            Some(&text),
            account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn change_representative(
        organization: &str,
        election: &str,
        representative: &str,
    ) -> Result<(), AppError> {
        let account = require_account().await?;
        let app = app_state()?;
        let (_, record) = election_of(&app, organization, election).await?;
        let name = crate::platform::text::one_line(
            representative,
            crate::accounts::registration::rules::NAME_MAX,
        )
        .map_err(|problem| AppError {
            code: ErrorCode::InvalidInput,
            fields: vec![FieldProblem {
                field: "new_representative".into(),
                problem,
            }],
        })?;
        let mut tx = app.db.begin_write().await?;
        candidacy_store::change_representative(&mut tx, record.id, account, &name, now_millis())
            .await
            .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }
}
