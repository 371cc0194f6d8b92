//! Registering with an organization: the organizations open to registration, what their
//! form asks (documents, districts, nationalities in the reader's language), registering
//! with a passkey (a two-step ceremony), and correcting a registration sent back to fix.
//! Each server function checks everything itself: what the UI shows or hides is never a check.

use crate::accounts::passkey::api::Ceremony;
use crate::accounts::types::NationalityOption;
use crate::accounts::types::{DocumentType, RegistrationForm, ResidenceProof};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the registration form needs to know about an organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationSetup {
    pub slug: String,
    pub name: String,
    /// The name in several languages (the reader's is shown; empty: `name` everywhere).
    pub names: crate::platform::text::labels::Labels,
    pub accepted_documents: Vec<DocumentType>,
    pub residence_proof: ResidenceProof,
    pub min_age: u8,
    pub districts: Vec<String>,
}

/// A summary of an organization for lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationLink {
    pub slug: String,
    pub name: String,
}

#[server(prefix = "/api", endpoint = "organizations")]
pub async fn list_organizations() -> Result<Vec<OrganizationLink>, AppError> {
    respond(ssr::list_organizations().await)
}

#[server(prefix = "/api", endpoint = "registration_setup")]
pub async fn load_registration_setup(slug: String) -> Result<RegistrationSetup, AppError> {
    respond(ssr::registration_setup(&slug).await)
}

/// Every nationality, named from CLDR in `locale`, sorted for that language's readers.
#[server(prefix = "/api", endpoint = "nationalities")]
pub async fn nationality_options(locale: String) -> Result<Vec<NationalityOption>, AppError> {
    Ok(crate::accounts::country_names::nationality_options(&locale))
}

/// Step 1 of registering: checks the form and the document (nothing is stored yet), then
/// asks the browser for a passkey.
///
/// Sent as a plain form, no script ran, so no passkey can be made on this device: the
/// answers are checked all the same and kept for the page (in a short-lived `HttpOnly`
/// cookie, never in the address), which says what was wrong or, if nothing was, that a
/// passkey needs JavaScript and a help desk can register the person with a printed code.
#[server(prefix = "/api", endpoint = "register/start", input = JsonOrForm)]
pub async fn start_registration(
    organization: String,
    form: RegistrationForm,
) -> Result<Ceremony, AppError> {
    if crate::platform::web::http::is_form_post() {
        let checked = ssr::check_registration(&organization, &form)
            .await
            .map(|_| ());
        crate::accounts::registration::form::keep_draft(&form);
        return respond(checked.and(Err(AppError::new(
            crate::error::ErrorCode::PasskeyNeedsScript,
        ))));
    }
    respond(ssr::start_registration(&organization, form).await)
}

/// Step 2: verifies the new passkey, then stores the account, the registration (pending
/// review) and the passkey in one transaction, and signs the person in.
#[server(prefix = "/api", endpoint = "register/finish", input = JsonOrForm)]
pub async fn finish_registration(ceremony: String, credential: String) -> Result<(), AppError> {
    respond(ssr::finish_registration(&ceremony, &credential).await)
}

/// Sends a corrected registration back to review, when reviewers asked for a correction.
#[server(prefix = "/api", endpoint = "register/correct", input = JsonOrForm)]
pub async fn correct_registration(
    organization: String,
    form: RegistrationForm,
) -> Result<(), AppError> {
    let draft = form.clone();
    let outcome = ssr::correct_registration(&organization, form).await;
    match &outcome {
        Ok(()) => crate::platform::web::http::form_redirect("/account"),
        Err(_) if crate::platform::web::http::is_form_post() => {
            crate::accounts::registration::form::keep_draft(&draft);
        }
        Err(_) => {}
    }
    respond(outcome)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::{OrganizationLink, RegistrationSetup};
    use crate::accounts::passkey::api::Ceremony;
    /// A ceremony must be finished within this time.
    use crate::accounts::passkey::api::ssr::{
        new_passkey, put_ceremony, take_ceremony, verify_new_passkey,
    };
    use crate::accounts::passkey::store as passkey_store;
    use crate::accounts::registration::rules::{Registration, validate_registration};
    use crate::accounts::registration::store as registration_store;
    use crate::accounts::store as accounts_store;
    use crate::accounts::store::{StoreError, new_user_handle};
    use crate::accounts::types::{OrganizationId, RegistrationForm};
    use crate::calendar::local_time;
    use crate::db::now_millis;
    use crate::error::{AppError, ErrorCode};
    use crate::platform::web::context::{app_state, require_account, sign_in_as};
    use crate::platform::web::sessions::AuthMethod;
    use leptos_i18n::Locale as _;
    use serde::{Deserialize, Serialize};
    use webauthn_rs::prelude::{PasskeyRegistration, Uuid};

    /// Server-side state of a registration between its two steps. Holds no document
    /// number: `Registration` never serializes it; only the keyed hash is kept.
    #[derive(Serialize, Deserialize)]
    struct PendingRegistration {
        organization: OrganizationId,
        registration: Registration,
        document_hash: String,
        residence_declared: bool,
        user_handle: Uuid,
        state: PasskeyRegistration,
    }

    pub async fn list_organizations() -> Result<Vec<OrganizationLink>, AppError> {
        let organizations = accounts_store::organizations(&app_state()?.db)
            .await
            .map_err(AppError::from)?;
        Ok(organizations
            .into_iter()
            .map(|o| OrganizationLink {
                slug: o.slug,
                name: o.name,
            })
            .collect())
    }

    pub async fn registration_setup(slug: &str) -> Result<RegistrationSetup, AppError> {
        let org = accounts_store::organization_by_slug(&app_state()?.db, slug)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        Ok(RegistrationSetup {
            slug: org.slug,
            name: org.name,
            names: org.names,
            accepted_documents: org.rules.accepted_documents,
            residence_proof: org.rules.residence_proof,
            min_age: org.rules.min_age,
            districts: org.rules.districts,
        })
    }

    /// What step 1 checks before any passkey: the organization, every field, and that the
    /// document is not registered yet. Said now rather than after the passkey (the database
    /// checks again at the end); each answer tells whether a document is registered, so it
    /// is counted, per client.
    pub async fn check_registration(
        organization: &str,
        form: &RegistrationForm,
    ) -> Result<(OrganizationId, Registration, String), AppError> {
        let app = app_state()?;
        let org = accounts_store::organization_by_slug(&app.db, organization)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let today = local_time(&org.rules.time_zone, now_millis()).date;
        let registration =
            validate_registration(form, &org.rules, today).map_err(AppError::fields)?;
        let document_hash = app.secret.document_hash(
            org.id,
            registration.document_type,
            &registration.document_number,
        );
        crate::platform::web::rate_limit::store::attempt(
            &app,
            &crate::platform::web::rate_limit::DOCUMENT_CHECK,
        )
        .await?;
        if passkey_store::document_registered(&app.db, org.id, &document_hash)
            .await
            .map_err(AppError::from)?
        {
            return Err(AppError::from(StoreError::DuplicateDocument));
        }
        Ok((org.id, registration, document_hash))
    }

    pub async fn start_registration(
        organization: &str,
        form: RegistrationForm,
    ) -> Result<Ceremony, AppError> {
        let (organization, registration, document_hash) =
            check_registration(organization, &form).await?;
        let user_handle = new_user_handle();
        let name = registration.display_name.clone();
        let (options, state) = new_passkey(user_handle, &name, None)?;
        let pending = PendingRegistration {
            organization,
            registration,
            document_hash,
            residence_declared: form.residence_declared,
            user_handle,
            state,
        };
        put_ceremony("register", &pending, &options).await
    }

    pub async fn finish_registration(ceremony: &str, credential: &str) -> Result<(), AppError> {
        let app = app_state()?;
        let pending: PendingRegistration = take_ceremony("register", ceremony).await?;
        let passkey = verify_new_passkey(credential, &pending.state)?;
        let now = now_millis();
        let registration = &pending.registration;
        let mut tx = app.db.begin_write().await?;
        let account = accounts_store::create_account(
            &mut tx,
            &pending.user_handle.to_string(),
            &registration.display_name,
            registration.preferred_locale.as_str(),
            false,
            now,
        )
        .await
        .map_err(AppError::from)?;
        registration_store::create_registration(
            &mut tx,
            pending.organization,
            account,
            registration,
            &pending.document_hash,
            pending.residence_declared,
            now,
        )
        .await
        .map_err(AppError::from)?;
        let passkey = passkey_store::add_passkey(&mut tx, account, &passkey, "", now)
            .await
            .map_err(AppError::from)?;
        tx.commit().await?;
        sign_in_as(&app, account, AuthMethod::Passkey, Some(passkey)).await
    }

    pub async fn correct_registration(
        organization: &str,
        form: RegistrationForm,
    ) -> Result<(), AppError> {
        let account = require_account().await?;
        let app = app_state()?;
        let org = accounts_store::organization_by_slug(&app.db, organization)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let registration = validate_registration(
            &form,
            &org.rules,
            local_time(&org.rules.time_zone, now_millis()).date,
        )
        .map_err(AppError::fields)?;
        let hash = app.secret.document_hash(
            org.id,
            registration.document_type,
            &registration.document_number,
        );
        let mut tx = app.db.begin_write().await?;
        registration_store::correct_registration(
            &mut tx,
            org.id,
            account,
            &registration,
            &hash,
            form.residence_declared,
        )
        .await
        .map_err(|e| match e {
            StoreError::NotFound => AppError::new(ErrorCode::Conflict),
            other => AppError::from(other),
        })?;
        tx.commit().await?;
        Ok(())
    }
}
