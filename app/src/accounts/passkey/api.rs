//! Passkey ceremonies and sessions: the two-step ceremony state every passkey flow keeps
//! on the server (registration, enrollment, adding a passkey), signing in with a passkey
//! and signing out. Registration is `registration_api`, a person's own account
//! `my_account`. Each server function checks everything itself: what the UI shows or
//! hides is never a check.

use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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

#[server(prefix = "/api", endpoint = "sign_in/start")]
pub async fn start_sign_in() -> Result<Ceremony, AppError> {
    respond(ssr::start_sign_in().await)
}

#[server(prefix = "/api", endpoint = "sign_in/finish", input = JsonOrForm)]
pub async fn finish_sign_in(ceremony: String, credential: String) -> Result<(), AppError> {
    respond(ssr::finish_sign_in(&ceremony, &credential).await)
}

#[server(prefix = "/api", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    respond(ssr::sign_out().await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::Ceremony;
    use crate::accounts::passkey::store as passkey_store;
    use crate::db::now_millis;
    use crate::error::{AppError, ErrorCode};
    use crate::platform::web::context::{app_state, sign_in_as, sign_out_here};
    use crate::platform::web::sessions as sessions_store;
    use crate::platform::web::sessions::AuthMethod;
    use serde::{Deserialize, Serialize};
    use std::time::Duration;
    use webauthn_rs::prelude::{
        CreationChallengeResponse, DiscoverableAuthentication, PasskeyRegistration,
        PublicKeyCredential, RegisterPublicKeyCredential, Uuid,
    };

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

    pub(crate) async fn put_ceremony(
        purpose: &str,
        state: &impl Serialize,
        options: &impl Serialize,
    ) -> Result<Ceremony, AppError> {
        let app = app_state()?;
        let state = serde_json::to_string(state).map_err(|e| internal("ceremony state", e))?;
        let id = sessions_store::put_challenge(
            &app.db,
            purpose,
            &state,
            CEREMONY_LIFETIME,
            now_millis(),
        )
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
        let id = crate::platform::web::sessions::ChallengeId(id.to_owned());
        let state = sessions_store::take_challenge(&app.db, &id, purpose, now_millis())
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

    pub async fn sign_out() -> Result<(), AppError> {
        sign_out_here(&app_state()?).await
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
        let (id, account, stored_handle, mut passkey) =
            passkey_store::passkey_by_credential(&app.db, credential_id)
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
        passkey_store::touch_passkey(&app.db, id, &passkey, now_millis())
            .await
            .map_err(AppError::from)?;
        sign_in_as(&app, account, AuthMethod::Passkey, Some(id)).await
    }
}
