//! Server functions for registration, passkeys and sessions. Each checks everything itself:
//! what the UI shows or hides is never a check.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

use crate::accounts::types::{
    DocumentType, RegistrationForm, RegistrationStatus, ResidenceProof, Role,
};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;

/// The first half of a passkey ceremony, as the browser needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ceremony {
    /// Names the server-side state for the second half.
    pub id: String,
    /// Options for `navigator.credentials` (JSON, binary fields in base64url).
    pub options: String,
}

/// What the registration form needs to know about an organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationSetup {
    pub slug: String,
    pub name: String,
    pub accepted_documents: Vec<DocumentType>,
    pub residence_proof: ResidenceProof,
    pub min_age: u8,
    pub districts: Vec<String>,
}

pub use crate::accounts::types::NationalityOption;

/// The signed-in person's own view of their account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountPage {
    pub display_name: String,
    pub registrations: Vec<MyRegistration>,
    pub passkeys: Vec<MyPasskey>,
    pub staff_of: Vec<(String, String, Vec<Role>)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRegistration {
    pub slug: String,
    pub organization: String,
    pub status: RegistrationStatus,
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPasskey {
    pub id: i64,
    pub label: String,
    /// YYYY-MM-DD
    pub created_on: String,
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
#[server(prefix = "/api", endpoint = "register/start", input = Json)]
pub async fn start_registration(
    organization: String,
    form: RegistrationForm,
) -> Result<Ceremony, AppError> {
    respond(ssr::start_registration(&organization, form).await)
}

/// Step 2: verifies the new passkey, then stores the account, the registration (pending
/// review) and the passkey in one transaction, and signs the person in.
#[server(prefix = "/api", endpoint = "register/finish", input = Json)]
pub async fn finish_registration(ceremony: String, credential: String) -> Result<(), AppError> {
    respond(ssr::finish_registration(&ceremony, &credential).await)
}

/// Sends a corrected registration back to review, when reviewers asked for a correction.
#[server(prefix = "/api", endpoint = "register/correct", input = Json)]
pub async fn correct_registration(
    organization: String,
    form: RegistrationForm,
) -> Result<(), AppError> {
    respond(ssr::correct_registration(&organization, form).await)
}

#[server(prefix = "/api", endpoint = "sign_in/start")]
pub async fn start_sign_in() -> Result<Ceremony, AppError> {
    respond(ssr::start_sign_in().await)
}

#[server(prefix = "/api", endpoint = "sign_in/finish", input = Json)]
pub async fn finish_sign_in(ceremony: String, credential: String) -> Result<(), AppError> {
    respond(ssr::finish_sign_in(&ceremony, &credential).await)
}

#[server(prefix = "/api", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    respond(ssr::sign_out().await)
}

/// The signed-in person's account, or `None` when nobody is signed in.
#[server(prefix = "/api", endpoint = "me")]
pub async fn my_account() -> Result<Option<AccountPage>, AppError> {
    respond(ssr::my_account().await)
}

#[server(prefix = "/api", endpoint = "passkeys/start")]
pub async fn start_add_passkey() -> Result<Ceremony, AppError> {
    respond(ssr::start_add_passkey().await)
}

#[server(prefix = "/api", endpoint = "passkeys/finish", input = Json)]
pub async fn finish_add_passkey(ceremony: String, credential: String) -> Result<(), AppError> {
    respond(ssr::finish_add_passkey(&ceremony, &credential).await)
}

/// Removes one of the signed-in person's passkeys; refuses the last one (`Conflict`).
#[server(prefix = "/api", endpoint = "passkeys/remove")]
pub async fn remove_passkey(id: i64) -> Result<(), AppError> {
    respond(ssr::remove_passkey(id).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use std::time::Duration;

    use leptos_i18n::Locale as _;
    use serde::{Deserialize, Serialize};
    use webauthn_rs::prelude::{
        CreationChallengeResponse, DiscoverableAuthentication, PasskeyRegistration,
        PublicKeyCredential, RegisterPublicKeyCredential, Uuid,
    };

    use super::{
        AccountPage, Ceremony, MyPasskey, MyRegistration, OrganizationLink, RegistrationSetup,
    };
    use crate::accounts::rules::{Registration, validate_registration};
    use crate::accounts::session::{
        app_state, current_account, require_account, sign_in_as, sign_out_here,
    };
    use crate::accounts::session_store::AuthMethod;
    use crate::accounts::store::{StoreError, new_user_handle};
    use crate::accounts::types::{AccountId, OrganizationId, RegistrationForm};
    use crate::calendar::{Date, local_time};
    use crate::db::now_millis;
    use crate::error::{AppError, ErrorCode};
    use crate::state::AppState;

    /// A ceremony must be finished within this time.
    const CEREMONY_LIFETIME: Duration = Duration::from_secs(300);

    pub(crate) fn internal(context: &str, error: impl std::fmt::Display) -> AppError {
        tracing::error!(%error, "{context}");
        AppError::new(ErrorCode::Internal)
    }

    pub(crate) fn passkey_failed(error: impl std::fmt::Display) -> AppError {
        tracing::info!(%error, "passkey ceremony refused");
        AppError::new(ErrorCode::PasskeyFailed)
    }

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

    #[derive(Serialize, Deserialize)]
    struct PendingPasskey {
        account: AccountId,
        state: PasskeyRegistration,
    }

    pub(crate) async fn put_ceremony(
        purpose: &str,
        state: &impl Serialize,
        options: &impl Serialize,
    ) -> Result<Ceremony, AppError> {
        let app = app_state()?;
        let state = serde_json::to_string(state).map_err(|e| internal("ceremony state", e))?;
        let id = app
            .db
            .put_challenge(purpose, &state, CEREMONY_LIFETIME, now_millis())
            .await?;
        let options =
            serde_json::to_string(options).map_err(|e| internal("ceremony options", e))?;
        Ok(Ceremony { id: id.0, options })
    }

    pub(crate) async fn take_ceremony<T: for<'de> Deserialize<'de>>(
        purpose: &str,
        id: &str,
    ) -> Result<T, AppError> {
        let app = app_state()?;
        let id = crate::accounts::session_store::ChallengeId(id.to_owned());
        let state = app
            .db
            .take_challenge(&id, purpose, now_millis())
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::PasskeyFailed))?;
        serde_json::from_str(&state).map_err(|e| internal("ceremony state", e))
    }

    /// Asks for a discoverable credential (a "resident key"), so that signing in later
    /// needs no user name: migrants should not have to remember one.
    pub(crate) fn discoverable(
        options: CreationChallengeResponse,
    ) -> Result<serde_json::Value, AppError> {
        let mut json =
            serde_json::to_value(options).map_err(|e| internal("creation options", e))?;
        if let Some(selection) = json
            .pointer_mut("/publicKey/authenticatorSelection")
            .and_then(|v| v.as_object_mut())
        {
            selection.insert("residentKey".into(), "required".into());
            selection.insert("requireResidentKey".into(), true.into());
        }
        Ok(json)
    }

    pub async fn list_organizations() -> Result<Vec<OrganizationLink>, AppError> {
        let organizations = app_state()?
            .db
            .organizations()
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
        let org = app_state()?
            .db
            .organization_by_slug(slug)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        Ok(RegistrationSetup {
            slug: org.slug,
            name: org.name,
            accepted_documents: org.rules.accepted_documents,
            residence_proof: org.rules.residence_proof,
            min_age: org.rules.min_age,
            districts: org.rules.districts,
        })
    }

    pub async fn sign_out() -> Result<(), AppError> {
        sign_out_here(&app_state()?).await
    }

    /// Only a passkey session removes a passkey: whoever holds a printed code must not be
    /// able to lock the person out of their own account.
    pub async fn remove_passkey(id: i64) -> Result<(), AppError> {
        let account = require_passkey_session().await?;
        let removed = app_state()?
            .db
            .remove_passkey(account, id, now_millis())
            .await
            .map_err(AppError::from)?;
        if removed {
            Ok(())
        } else {
            Err(AppError::new(ErrorCode::Conflict))
        }
    }

    /// The first half of creating a passkey for `handle`: options for the browser
    /// (discoverable credential) and the state to keep server-side.
    pub(crate) fn new_passkey(
        handle: Uuid,
        name: &str,
        exclude: Option<Vec<webauthn_rs::prelude::CredentialID>>,
    ) -> Result<(serde_json::Value, PasskeyRegistration), AppError> {
        let (options, state) = app_state()?
            .webauthn
            .start_passkey_registration(handle, name, name, exclude)
            .map_err(|e| internal("start passkey registration", e))?;
        Ok((discoverable(options)?, state))
    }

    /// The second half: checks the browser's credential against the kept state.
    pub(crate) fn verify_new_passkey(
        credential: &str,
        state: &PasskeyRegistration,
    ) -> Result<webauthn_rs::prelude::Passkey, AppError> {
        let credential: RegisterPublicKeyCredential =
            serde_json::from_str(credential).map_err(passkey_failed)?;
        app_state()?
            .webauthn
            .finish_passkey_registration(&credential, state)
            .map_err(passkey_failed)
    }

    pub async fn start_registration(
        organization: &str,
        form: RegistrationForm,
    ) -> Result<Ceremony, AppError> {
        let app = app_state()?;
        let org = app
            .db
            .organization_by_slug(organization)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let today = local_time(&org.rules.time_zone, now_millis()).date;
        let registration =
            validate_registration(&form, &org.rules, today).map_err(AppError::fields)?;
        let document_hash = app.secret.document_hash(
            org.id,
            registration.document_type,
            &registration.document_number,
        );
        // Say so now rather than after the passkey; the database checks again at the end.
        // Each answer tells whether a document is registered: counted, per client.
        crate::accounts::rate_limit::attempt(&app, &crate::accounts::rate_limit::DOCUMENT_CHECK)
            .await?;
        if app
            .db
            .document_registered(org.id, &document_hash)
            .await
            .map_err(AppError::from)?
        {
            return Err(AppError::from(StoreError::DuplicateDocument));
        }
        let user_handle = new_user_handle();
        let name = registration.display_name.clone();
        let (options, state) = new_passkey(user_handle, &name, None)?;
        let pending = PendingRegistration {
            organization: org.id,
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
        let account = tx
            .create_account(
                &pending.user_handle.to_string(),
                &registration.display_name,
                registration.preferred_locale.as_str(),
                false,
                now,
            )
            .await
            .map_err(AppError::from)?;
        tx.create_registration(
            pending.organization,
            account,
            registration,
            &pending.document_hash,
            pending.residence_declared,
            now,
        )
        .await
        .map_err(AppError::from)?;
        let passkey = tx
            .add_passkey(account, &passkey, "", now)
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
        let org = app
            .db
            .organization_by_slug(organization)
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
        tx.correct_registration(
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

    pub async fn start_sign_in() -> Result<Ceremony, AppError> {
        let app = app_state()?;
        let (mut options, state) = app
            .webauthn
            .start_discoverable_authentication()
            .map_err(|e| internal("start sign-in", e))?;
        // A button press, not form autofill ("conditional" mediation).
        options.mediation = None;
        put_ceremony("sign_in", &state, &options).await
    }

    pub async fn finish_sign_in(ceremony: &str, credential: &str) -> Result<(), AppError> {
        let app = app_state()?;
        let state: DiscoverableAuthentication = take_ceremony("sign_in", ceremony).await?;
        let credential: PublicKeyCredential =
            serde_json::from_str(credential).map_err(passkey_failed)?;
        let (user_handle, credential_id) = app
            .webauthn
            .identify_discoverable_authentication(&credential)
            .map_err(passkey_failed)?;
        let (id, account, stored_handle, mut passkey) = app
            .db
            .passkey_by_credential(credential_id)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::PasskeyFailed))?;
        if stored_handle != user_handle.to_string() {
            return Err(AppError::new(ErrorCode::PasskeyFailed));
        }
        let result = app
            .webauthn
            .finish_discoverable_authentication_v2(&credential, state, &passkey)
            .map_err(passkey_failed)?;
        passkey.update_credential(&result);
        app.db
            .touch_passkey(id, &passkey, now_millis())
            .await
            .map_err(AppError::from)?;
        sign_in_as(&app, account, AuthMethod::Passkey, Some(id)).await
    }

    pub async fn my_account() -> Result<Option<AccountPage>, AppError> {
        let Some(account) = current_account().await? else {
            return Ok(None);
        };
        let app = app_state()?;
        let overview = app
            .db
            .account_overview(account)
            .await
            .map_err(AppError::from)?;
        let passkeys = app.db.passkeys_of(account).await.map_err(AppError::from)?;
        Ok(Some(AccountPage {
            display_name: overview.display_name,
            registrations: overview
                .registrations
                .into_iter()
                .map(|(slug, organization, status, reason)| MyRegistration {
                    slug,
                    organization,
                    status,
                    reason,
                })
                .collect(),
            passkeys: passkeys
                .into_iter()
                .map(|p| MyPasskey {
                    id: p.id,
                    label: p.label,
                    created_on: Date::from_unix_millis(p.created_at).to_string(),
                })
                .collect(),
            staff_of: overview.staff_of,
        }))
    }

    /// Who may add a passkey: a passkey session, or a printed-code session of a managed
    /// account (created at the help desk) that has none yet — its first passkey. A code in
    /// someone else's hands must not plant a passkey on an account that already has one.
    async fn may_add_passkey(app: &AppState) -> Result<AccountId, AppError> {
        let (account, method) = crate::accounts::session::current_session()
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::Unauthenticated))?;
        if method == AuthMethod::Passkey {
            return Ok(account);
        }
        let overview = app
            .db
            .account_overview(account)
            .await
            .map_err(AppError::from)?;
        let existing = app.db.passkeys_of(account).await.map_err(AppError::from)?;
        if overview.managed && existing.is_empty() {
            Ok(account)
        } else {
            Err(AppError::new(ErrorCode::Forbidden))
        }
    }

    async fn require_passkey_session() -> Result<AccountId, AppError> {
        match crate::accounts::session::current_session().await? {
            None => Err(AppError::new(ErrorCode::Unauthenticated)),
            Some((account, AuthMethod::Passkey)) => Ok(account),
            Some(_) => Err(AppError::new(ErrorCode::Forbidden)),
        }
    }

    pub async fn start_add_passkey() -> Result<Ceremony, AppError> {
        let app = app_state()?;
        let account = may_add_passkey(&app).await?;
        let overview = app
            .db
            .account_overview(account)
            .await
            .map_err(AppError::from)?;
        let existing = app
            .db
            .passkeys_for_exclusion(account)
            .await
            .map_err(AppError::from)?;
        let exclude = existing.iter().map(|p| p.cred_id().clone()).collect();
        let handle: Uuid = overview
            .user_handle
            .parse()
            .map_err(|e| internal("user handle", e))?;
        let (options, state) = new_passkey(handle, &overview.display_name, Some(exclude))?;
        put_ceremony("add_passkey", &PendingPasskey { account, state }, &options).await
    }

    pub async fn finish_add_passkey(ceremony: &str, credential: &str) -> Result<(), AppError> {
        let app = app_state()?;
        let account = may_add_passkey(&app).await?;
        let pending: PendingPasskey = take_ceremony("add_passkey", ceremony).await?;
        if pending.account != account {
            return Err(AppError::new(ErrorCode::Forbidden));
        }
        let passkey = verify_new_passkey(credential, &pending.state)?;
        let now = now_millis();
        let mut tx = app.db.begin_write().await?;
        let id = tx
            .add_passkey(account, &passkey, "", now)
            .await
            .map_err(AppError::from)?;
        tx.audit(
            crate::platform::audit::store::AuditEvent {
                organization_id: None,
                actor_account_id: Some(account.0),
                action: crate::platform::audit::event::Action::PasskeyAdd,
                subject: crate::platform::audit::event::Subject::Account(account),
                before: None,
                after: Some(serde_json::json!({ "passkey": id })),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
