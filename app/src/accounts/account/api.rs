//! A person's own account: their registrations and passkeys, adding a passkey (only from a
//! session a passkey opened, or the first one from a printed code) and removing one (which
//! ends the sessions it opened).

use crate::accounts::passkey::api::Ceremony;
use crate::accounts::types::{RegistrationStatus, Role};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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
    /// The day it was added (UTC).
    pub created_on: crate::calendar::Date,
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

#[server(prefix = "/api", endpoint = "passkeys/finish", input = JsonOrForm)]
pub async fn finish_add_passkey(ceremony: String, credential: String) -> Result<(), AppError> {
    respond(ssr::finish_add_passkey(&ceremony, &credential).await)
}

/// Removes one of the signed-in person's passkeys; refuses the last one (`Conflict`).
#[server(prefix = "/api", endpoint = "passkeys/remove")]
pub async fn remove_passkey(id: i64) -> Result<(), AppError> {
    respond(ssr::remove_passkey(id).await)
}

/// The account page's "remove" button, as a plain form: back to the account page, with
/// `?error=<code>` when refused.
#[server(prefix = "/api", endpoint = "passkeys/remove_form")]
pub async fn remove_passkey_form(id: i64, locale: String) -> Result<(), AppError> {
    use crate::platform::web::http::redirect_with;
    let outcome = ssr::remove_passkey(id).await;
    redirect_with(&locale, "/account", outcome.as_ref().err(), "");
    Ok(())
}

/// The account page's "sign out", as a plain form: ends this device's session, then home.
#[server(prefix = "/api", endpoint = "sign_out_form")]
pub async fn sign_out_form(locale: String) -> Result<(), AppError> {
    use crate::platform::web::http::redirect_with;
    match crate::accounts::passkey::api::ssr::sign_out().await {
        Ok(()) => redirect_with(&locale, "/", None, ""),
        Err(error) => redirect_with(&locale, "/account", Some(&error), ""),
    }
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::{AccountPage, MyPasskey, MyRegistration};
    use crate::accounts::passkey::store as passkey_store;
    use crate::accounts::store as accounts_store;
    use crate::platform::audit::store as audit_store;

    use crate::accounts::passkey::api::Ceremony;
    /// A ceremony must be finished within this time.
    use crate::accounts::passkey::api::ssr::{
        internal, new_passkey, put_ceremony, take_ceremony, verify_new_passkey,
    };
    use crate::accounts::types::AccountId;
    use crate::calendar::Date;
    use crate::db::now_millis;
    use crate::error::{AppError, ErrorCode};
    use crate::platform::web::context::{app_state, current_account};
    use crate::platform::web::sessions::AuthMethod;
    use crate::state::AppState;
    use serde::{Deserialize, Serialize};
    use webauthn_rs::prelude::{PasskeyRegistration, Uuid};

    #[derive(Serialize, Deserialize)]
    struct PendingPasskey {
        account: AccountId,
        state: PasskeyRegistration,
    }

    /// Only a passkey session removes a passkey: whoever holds a printed code must not be
    /// able to lock the person out of their own account.
    pub async fn remove_passkey(id: i64) -> Result<(), AppError> {
        let account = require_passkey_session().await?;
        let removed = passkey_store::remove_passkey(&app_state()?.db, account, id, now_millis())
            .await
            .map_err(AppError::from)?;
        if removed {
            Ok(())
        } else {
            Err(AppError::new(ErrorCode::Conflict))
        }
    }

    pub async fn my_account() -> Result<Option<AccountPage>, AppError> {
        let Some(account) = current_account().await? else {
            return Ok(None);
        };
        let app = app_state()?;
        let overview = accounts_store::account_overview(&app.db, account)
            .await
            .map_err(AppError::from)?;
        let passkeys = passkey_store::passkeys_of(&app.db, account)
            .await
            .map_err(AppError::from)?;
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
                    created_on: Date::from_unix_millis(p.created_at),
                })
                .collect(),
            staff_of: overview.staff_of,
        }))
    }

    /// Who may add a passkey: a passkey session, or a printed-code session of a managed
    /// account (created at the help desk) that has none yet — its first passkey. A code in
    /// someone else's hands must not plant a passkey on an account that already has one.
    async fn may_add_passkey(app: &AppState) -> Result<AccountId, AppError> {
        let (account, method) = crate::platform::web::context::current_session()
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::Unauthenticated))?;
        if method == AuthMethod::Passkey {
            return Ok(account);
        }
        let overview = accounts_store::account_overview(&app.db, account)
            .await
            .map_err(AppError::from)?;
        let existing = passkey_store::passkeys_of(&app.db, account)
            .await
            .map_err(AppError::from)?;
        if overview.managed && existing.is_empty() {
            Ok(account)
        } else {
            Err(AppError::new(ErrorCode::Forbidden))
        }
    }

    async fn require_passkey_session() -> Result<AccountId, AppError> {
        match crate::platform::web::context::current_session().await? {
            None => Err(AppError::new(ErrorCode::Unauthenticated)),
            Some((account, AuthMethod::Passkey)) => Ok(account),
            Some(_) => Err(AppError::new(ErrorCode::Forbidden)),
        }
    }

    pub async fn start_add_passkey() -> Result<Ceremony, AppError> {
        let app = app_state()?;
        let account = may_add_passkey(&app).await?;
        let overview = accounts_store::account_overview(&app.db, account)
            .await
            .map_err(AppError::from)?;
        let existing = passkey_store::passkeys_for_exclusion(&app.db, account)
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
        let id = passkey_store::add_passkey(&mut tx, account, &passkey, "", now)
            .await
            .map_err(AppError::from)?;
        audit_store::audit(
            &mut tx,
            crate::platform::audit::store::AuditEvent::new(
                None,
                Some(account.0),
                crate::platform::audit::event::Action::PasskeyAdd,
                crate::platform::audit::event::Subject::Account(account),
            )
            .after(serde_json::json!({ "passkey": id })),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
