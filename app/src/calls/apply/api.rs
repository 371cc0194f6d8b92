//! The applicant's server functions: the page's data, saving the draft, uploading a
//! document (a plain multipart form), submitting (final) and sending fixes. Plain forms
//! answer with a redirect back to the page; a refused draft keeps what was typed.

use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

use crate::calls::apply::rules::ApplicationForm;
use crate::calls::apply::types::Application;
use crate::calls::call::rules::Call;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;

/// The largest document accepted (the form's body limit adds room for its fields).
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplyPage {
    pub organization: String,
    pub call: Call,
    pub signed_in: bool,
    /// The call takes new applications and changes to drafts now.
    pub open: bool,
    pub application: Option<Application>,
    /// What the form shows: a refused form as typed, else the stored draft.
    pub form: ApplicationForm,
    /// The award, when the application won one: its payment and final report.
    pub award: Option<crate::calls::awards::Award>,
}

#[server(prefix = "/api", endpoint = "call/apply", input = JsonOrForm)]
pub async fn load_apply_page(organization: String, call: String) -> Result<ApplyPage, AppError> {
    respond(ssr::page(&organization, &call).await)
}

#[server(prefix = "/api", endpoint = "call/draft", input = JsonOrForm)]
pub async fn save_application(
    organization: String,
    call: String,
    form: ApplicationForm,
) -> Result<(), AppError> {
    respond(ssr::save(&organization, &call, form).await)
}

#[server(prefix = "/api", endpoint = "call/submit", input = JsonOrForm)]
pub async fn submit_application(organization: String, call: String) -> Result<String, AppError> {
    respond(ssr::submit(&organization, &call).await)
}

#[server(prefix = "/api", endpoint = "call/fixes", input = JsonOrForm)]
pub async fn send_application_fixes(organization: String, call: String) -> Result<(), AppError> {
    respond(ssr::fixes(&organization, &call).await)
}

/// The document form: fields `organization`, `call`, `locale`, `document` (the required
/// document's code), then the file `file`. Answers with a redirect back to the page,
/// `?uploaded=<code>` or `?error=<code>`.
#[server(prefix = "/api", endpoint = "call/document", input = MultipartFormData)]
pub async fn upload_application_document(data: MultipartData) -> Result<(), AppError> {
    ssr::upload(data).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use std::collections::BTreeMap;

    use super::*;
    use crate::calls::access::{apply_path, public_call};
    use crate::calls::apply::rules::{form_of, parse_draft};
    use crate::calls::apply::store::{self as apply_store, NewFile};
    use crate::calls::call::rules::Phase;
    use crate::db::now_millis;
    use crate::error::ErrorCode;
    use crate::platform::audit::event::Process;
    use crate::platform::files::pdf::check_pdf;
    use crate::platform::files::sniff::{FileKind, sniff};
    use crate::platform::files::upload;
    use crate::platform::timeline::store::deadline_passed;
    use crate::platform::web::context::{app_state, current_account, require_account};
    use crate::platform::web::flash::Flash;
    use crate::platform::web::http::{form_redirect, form_redirect_at, redirect_with};

    /// A refused application form, kept for the page it goes back to.
    const DRAFT: Flash = Flash("voz_call_draft");

    fn current_locale() -> String {
        use leptos_i18n::Locale as _;
        leptos::prelude::use_context::<axum::http::request::Parts>()
            .and_then(|parts| {
                let referer = parts
                    .headers
                    .get(axum::http::header::REFERER)?
                    .to_str()
                    .ok()?;
                let path = url::Url::parse(referer).ok()?.path().to_owned();
                crate::locale::split_locale(&path).0
            })
            .unwrap_or_default()
            .as_str()
            .to_owned()
    }

    pub async fn page(organization: &str, call: &str) -> Result<ApplyPage, AppError> {
        let (org, found) = public_call(organization, call).await?;
        let app = app_state()?;
        let account = current_account().await?;
        let application = match account {
            Some(account) => apply_store::application_of(&app.db, &found, account).await?,
            None => None,
        };
        let mut tx = app.db.begin_write().await?;
        let late =
            deadline_passed(&mut tx, Process::Call(found.id), Phase::Open, now_millis()).await?;
        drop(tx);
        let award = match &application {
            Some(a) => crate::calls::awards::store::award_of(&app.db, &found, a.id).await?,
            None => None,
        };
        let form = DRAFT
            .take_json()
            .or_else(|| application.as_ref().map(|a| form_of(&a.draft)))
            .unwrap_or_default();
        Ok(ApplyPage {
            organization: org.slug,
            open: found.phase == Phase::Open && !late,
            call: found,
            signed_in: account.is_some(),
            application,
            form,
            award,
        })
    }

    pub async fn save(
        organization: &str,
        call: &str,
        form: ApplicationForm,
    ) -> Result<(), AppError> {
        let account = require_account().await?;
        let (org, found) = public_call(organization, call).await?;
        let draft = match parse_draft(&found, &form) {
            Ok(draft) => draft,
            Err(problems) => {
                DRAFT.put_json(&form);
                return Err(AppError::fields(problems));
            }
        };
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        if let Err(error) = apply_store::save_draft(
            &mut tx,
            &found,
            account,
            &draft,
            &current_locale(),
            now_millis(),
        )
        .await
        {
            DRAFT.put_json(&form);
            return Err(error.into());
        }
        tx.commit().await?;
        form_redirect_at(
            &format!("{}?saved=1", apply_path(&org, &found)),
            "documents",
        );
        Ok(())
    }

    pub async fn submit(organization: &str, call: &str) -> Result<String, AppError> {
        let account = require_account().await?;
        let (org, found) = public_call(organization, call).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        let receipt = apply_store::submit(&mut tx, &found, account, now_millis()).await?;
        tx.commit().await?;
        form_redirect(&format!("{}?submitted=1", apply_path(&org, &found)));
        Ok(receipt)
    }

    pub async fn fixes(organization: &str, call: &str) -> Result<(), AppError> {
        let account = require_account().await?;
        let (org, found) = public_call(organization, call).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        apply_store::send_fixes(&mut tx, &found, account, now_millis()).await?;
        tx.commit().await?;
        form_redirect(&format!("{}?fixed=1", apply_path(&org, &found)));
        Ok(())
    }

    pub async fn upload(data: MultipartData) -> Result<(), AppError> {
        let mut fields = BTreeMap::new();
        let outcome = receive(data, &mut fields).await;
        let field = |name: &str| fields.get(name).map_or("", String::as_str);
        let path = format!("/o/{}/calls/{}/apply", field("organization"), field("call"));
        let ok = format!("uploaded={}", field("document"));
        redirect_with(field("locale"), &path, outcome.as_ref().err(), &ok);
        Ok(())
    }

    /// Reads the form: the file only once the sender is signed in and has an application
    /// to this public call. The file is judged by its content — a PDF must parse and carry
    /// nothing active; a picture must be one of the accepted kinds —, stored in the file
    /// store (named by its SHA-256), then attached in one transaction that checks the
    /// application may still take it.
    async fn receive(
        data: MultipartData,
        fields: &mut BTreeMap<String, String>,
    ) -> Result<(), AppError> {
        let sent = upload::read(
            data,
            fields,
            "file",
            MAX_DOCUMENT_BYTES,
            ErrorCode::FileTooLarge,
            gate,
        )
        .await?;
        let (account, found) = match sent.gate {
            Some(checked) => checked,
            None => gate(fields.clone()).await?,
        };
        let bytes = sent
            .file
            .filter(|b| !b.is_empty())
            .ok_or_else(|| AppError::new(ErrorCode::FileMissing))?;
        let kind = sniff(&bytes).ok_or_else(|| AppError::new(ErrorCode::FileNotAccepted))?;
        if kind == FileKind::Pdf {
            let checked = bytes.clone();
            tokio::task::spawn_blocking(move || check_pdf(&checked))
                .await
                .map_err(|_| AppError::new(ErrorCode::Internal))?
                .map_err(|_| AppError::new(ErrorCode::FileUnsafe))?;
        }
        let app = app_state()?;
        let size =
            i64::try_from(bytes.len()).map_err(|_| AppError::new(ErrorCode::FileTooLarge))?;
        let name = fields.get("file_name").cloned().unwrap_or_default();
        let document = fields.get("document").cloned().unwrap_or_default();
        let digest = app.files.put(bytes).await.map_err(|error| {
            tracing::error!(%error, "storing a document failed");
            AppError::new(ErrorCode::Internal)
        })?;
        let file = NewFile {
            document,
            digest,
            kind,
            size,
            name: crate::platform::text::one_line(&name, 120)
                .unwrap_or_else(|_| kind.code().to_owned()),
        };
        let mut tx = app.db.begin_write().await?;
        // A winner's final report comes through the same form, to its award.
        if file.document == crate::calls::awards::FINAL_REPORT {
            crate::calls::awards::store::attach_report(
                &mut tx,
                &found,
                account,
                &file,
                now_millis(),
            )
            .await?;
        } else {
            apply_store::attach_file(&mut tx, &found, account, &file, now_millis()).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn gate(
        fields: BTreeMap<String, String>,
    ) -> Result<(crate::platform::ids::AccountId, Call), AppError> {
        let field = |name: &str| fields.get(name).map_or("", String::as_str);
        let account = require_account().await?;
        let (_, found) = public_call(field("organization"), field("call")).await?;
        let app = app_state()?;
        apply_store::application_of(&app.db, &found, account)
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        Ok((account, found))
    }
}
