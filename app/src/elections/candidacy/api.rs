//! A candidate's own server functions: filing a candidacy (from a verified registration,
//! with a passkey session), appealing a rejection within the appeal window, and naming a new
//! representative for an organization on the final list. Each checks everything itself.

use crate::elections::candidacy::CandidacyForm;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;

/// Files the signed-in person's candidacy. From a plain form (fields `form[segment]`,
/// `form[name]`, `form[date]`, `form[platform][<i>][0]` (language) and
/// `form[platform][<i>][1]` (text)), a refusal keeps what was typed for the page to
/// fill back in ([`take_candidacy_draft`]).
#[server(prefix = "/api", endpoint = "candidacy/file", input = JsonOrForm)]
pub async fn file_candidacy(
    organization: String,
    election: String,
    form: CandidacyForm,
) -> Result<(), AppError> {
    let draft = crate::platform::web::http::is_form_post().then(|| form.clone());
    let result = ssr::file_candidacy(&organization, &election, form).await;
    if let (Err(_), Some(draft)) = (&result, draft) {
        ssr::keep_draft(&organization, &election, draft);
    }
    respond(result)
}

/// What the signed-in person typed in the candidacy form of this election before the
/// server refused it, once (the page fills it back in).
#[server(prefix = "/api", endpoint = "candidacy/draft", input = JsonOrForm)]
pub async fn take_candidacy_draft(
    organization: String,
    election: String,
) -> Result<Option<CandidacyForm>, AppError> {
    respond(ssr::take_draft(&organization, &election).await)
}

/// The candidate appeals the rejection of their candidacy, in the appeal window.
#[server(prefix = "/api", endpoint = "candidacy/appeal", input = JsonOrForm)]
pub async fn appeal_candidacy(
    organization: String,
    election: String,
    text: String,
) -> Result<(), AppError> {
    respond(ssr::appeal_candidacy(&organization, &election, &text).await)
}

/// An elected organization names a new representative (after the result).
#[server(prefix = "/api", endpoint = "candidacy/representative", input = JsonOrForm)]
pub async fn change_representative(
    organization: String,
    election: String,
    representative: String,
) -> Result<(), AppError> {
    respond(ssr::change_representative(&organization, &election, &representative).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::accounts::types::AccountId;
    use crate::db::now_millis;
    use crate::elections::candidacy::store as candidacy_store;
    use crate::elections::candidacy::{CandidacyAction, CandidacyForm, validate_candidacy};
    use crate::elections::election::api::ssr::reason_text;
    use crate::elections::election::lookup::election_of;
    use crate::error::{AppError, ErrorCode, FieldProblem};
    use crate::platform::web::context::{app_state, require_account};
    use crate::platform::web::flash::Flash;
    use serde::{Deserialize, Serialize};

    pub const APPEAL_MAX: u16 = 2000;

    /// A refused candidacy form, between the post and the page that fills it back in.
    const DRAFT: Flash = Flash("voz_candidacy_draft");

    /// A draft names its election, so it never fills in another election's form.
    #[derive(Serialize, Deserialize)]
    struct Draft {
        organization: String,
        election: String,
        form: CandidacyForm,
    }

    /// Keeps a refused form for the page.
    pub fn keep_draft(organization: &str, election: &str, form: CandidacyForm) {
        let mut draft = Draft {
            organization: organization.to_owned(),
            election: election.to_owned(),
            form,
        };
        // A platform too long for a cookie is left out; the short fields still come back.
        if !DRAFT.put_json(&draft) {
            draft.form.platform.clear();
            DRAFT.put_json(&draft);
        }
    }

    pub async fn take_draft(
        organization: &str,
        election: &str,
    ) -> Result<Option<CandidacyForm>, AppError> {
        passkey_account().await?;
        let draft = DRAFT
            .take_json::<Draft>()
            .filter(|d| d.organization == organization && d.election == election)
            .map(|d| d.form);
        Ok(draft)
    }

    /// Standing for office is done with a passkey: a printed code (which a help desk
    /// printed and anyone might hold) is enough to vote, not to stand.
    async fn passkey_account() -> Result<AccountId, AppError> {
        match crate::platform::web::context::current_session().await? {
            None => Err(AppError::new(ErrorCode::Unauthenticated)),
            Some((account, crate::platform::web::sessions::AuthMethod::Passkey)) => Ok(account),
            Some(_) => Err(AppError::new(ErrorCode::Forbidden)),
        }
    }

    pub async fn file_candidacy(
        organization: &str,
        election: &str,
        form: CandidacyForm,
    ) -> Result<(), AppError> {
        let account = passkey_account().await?;
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use crate::elections::candidacy::CandidacyForm;
    use crate::platform::form_codec::JsonOrFormEncoding;
    use leptos::server_fn::Decodes;

    /// The candidacy page's plain form decodes into the same arguments a script sends.
    #[test]
    fn the_plain_candidacy_form_decodes() {
        let body = "organization=cmi-sp&election=cmi-2027\
            &form%5Bsegment%5D=A&form%5Bname%5D=Coletivo+Sim&form%5Bdate%5D=2016-03-01\
            &form%5Bplatform%5D%5B0%5D%5B0%5D=pt-BR&form%5Bplatform%5D%5B0%5D%5B1%5D=Moradia%0D%0A-+sa%C3%BAde\
            &form%5Bplatform%5D%5B1%5D%5B0%5D=ar&form%5Bplatform%5D%5B1%5D%5B1%5D=";
        let args: super::FileCandidacy =
            <JsonOrFormEncoding as Decodes<_>>::decode(bytes::Bytes::from(body)).expect("decodes");
        assert_eq!(args.organization, "cmi-sp");
        assert_eq!(args.election, "cmi-2027");
        assert_eq!(
            args.form,
            CandidacyForm {
                segment: "A".into(),
                name: "Coletivo Sim".into(),
                date: "2016-03-01".into(),
                platform: vec![
                    ("pt-BR".into(), "Moradia\r\n- saúde".into()),
                    ("ar".into(), String::new()),
                ],
            }
        );
        let appeal: super::AppealCandidacy = <JsonOrFormEncoding as Decodes<_>>::decode(
            bytes::Bytes::from("organization=o&election=e&text=Coletivos+informais."),
        )
        .expect("decodes");
        assert_eq!(appeal.text, "Coletivos informais.");
    }
}
