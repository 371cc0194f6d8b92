//! The signed-in person, as server functions see it: the session cookie in, a session
//! cookie out. (Server only.)

use std::time::Duration;

use axum::http::request::Parts;
use leptos::prelude::*;

use crate::accounts::staff::store as staff_store;
use crate::accounts::store as accounts_store;
use crate::accounts::types::{AccountId, Organization, Role};
use crate::db::now_millis;
use crate::error::{AppError, ErrorCode};
use crate::platform::web::http::{Credential, is_secure, set_on_response};
use crate::platform::web::sessions as sessions_store;
use crate::platform::web::sessions::{AuthMethod, SessionToken};
use crate::state::AppState;

/// The session cookie (`__Host-voz_session` on https).
pub const SESSION_COOKIE: Credential = Credential {
    name: "voz_session",
    same_site: "Lax",
};
/// Long enough to vote or work a help-desk shift; short enough for a shared phone.
pub const SESSION_LIFETIME: Duration = Duration::from_secs(12 * 3600);

/// The application state, provided to every server function.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::new(ErrorCode::Internal)
    })
}

fn request_token() -> Option<SessionToken> {
    let parts = use_context::<Parts>()?;
    let secure = is_secure(&use_context::<AppState>()?.public_url);
    SESSION_COOKIE
        .read(&parts.headers, secure)
        .and_then(|value| SessionToken::from_cookie(&value))
}

/// The account signed in on this request, and how it signed in.
pub async fn current_session() -> Result<Option<(AccountId, AuthMethod)>, AppError> {
    let Some(parts) = use_context::<Parts>() else {
        return Ok(None);
    };
    session_of(&app_state()?, &parts.headers).await
}

/// The account a request's session cookie belongs to, and how it signed in: for plain
/// axum handlers, which have headers rather than a Leptos context.
pub async fn session_of(
    state: &AppState,
    headers: &axum::http::HeaderMap,
) -> Result<Option<(AccountId, AuthMethod)>, AppError> {
    let Some(token) = SESSION_COOKIE
        .read(headers, is_secure(&state.public_url))
        .and_then(|value| SessionToken::from_cookie(&value))
    else {
        return Ok(None);
    };
    let session = sessions_store::find_session(&state.db, &token, now_millis()).await?;
    Ok(session.and_then(|s| s.account_id.map(|id| (AccountId(id), s.method))))
}

/// The account signed in on this request, if any.
pub async fn current_account() -> Result<Option<AccountId>, AppError> {
    Ok(current_session().await?.map(|(account, _)| account))
}

/// The signed-in staff member of `slug` holding one of `allowed` roles: 401 when nobody
/// is signed in, 403 without such a role or when signed in with an access code (staff
/// must use a passkey), 404 for an unknown organization.
pub async fn require_staff(
    slug: &str,
    allowed: &[Role],
) -> Result<(AccountId, Organization), AppError> {
    let (account, method) = current_session()
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::Unauthenticated))?;
    let state = app_state()?;
    let organization = accounts_store::organization_by_slug(&state.db, slug)
        .await
        .map_err(AppError::from)?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let roles = staff_store::roles_of(&state.db, organization.id, account)
        .await
        .map_err(AppError::from)?;
    if method != AuthMethod::Passkey || !roles.iter().any(|r| allowed.contains(r)) {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    Ok((account, organization))
}

/// The signed-in account, or `Unauthenticated`.
pub async fn require_account() -> Result<AccountId, AppError> {
    current_account()
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::Unauthenticated))
}

/// Starts a session for `account` and sets its cookie on the response. `passkey`: the
/// passkey that signed in (or was just created), whose removal ends this session.
pub async fn sign_in_as(
    state: &AppState,
    account: AccountId,
    method: AuthMethod,
    passkey: Option<i64>,
) -> Result<(), AppError> {
    // A new session id at every sign-in: a cookie planted before sign-in is worthless.
    if let Some(old) = request_token() {
        sessions_store::end_session(&state.db, &old).await?;
    }
    let token = sessions_store::create_session(
        &state.db,
        Some(account.0),
        method,
        passkey,
        SESSION_LIFETIME,
        now_millis(),
    )
    .await?;
    set_on_response(SESSION_COOKIE.set(
        token.cookie_value(),
        SESSION_LIFETIME.as_secs(),
        is_secure(&state.public_url),
    ));
    Ok(())
}

/// The receipt of an online vote (`<organization>/<election>/<code>`), kept on the
/// device that cast it for as long as a session lasts and cleared at sign-out, so the
/// voter can see it again there — and the next person after them cannot.
pub const KEPT_RECEIPT: Credential = Credential {
    name: "voz_my_receipt",
    same_site: "Strict",
};

/// Ends the current session and clears the cookie (and the receipt kept with it).
pub async fn sign_out_here(state: &AppState) -> Result<(), AppError> {
    if let Some(token) = request_token() {
        sessions_store::end_session(&state.db, &token).await?;
    }
    let secure = is_secure(&state.public_url);
    set_on_response(SESSION_COOKIE.set("", 0, secure));
    // What this session cast is no longer shown on this device.
    set_on_response(KEPT_RECEIPT.set("", 0, secure));
    Ok(())
}
