//! Signing in with a printed access code (the help desk's card): the code typed, or read
//! from the card's QR link, opens a session for its managed account. Rate-limited.
//!
//! A code opens sessions until its holder has voted in every election of the organization
//! that is taking votes (or it expires, or a new card revokes it): closing the browser
//! before voting, or losing the answer to a sign-in, does not burn it. At the first sign-in
//! after that vote the code is spent and refused like any unknown code. A sign-in through
//! the form lands on the ballot when one is open to its holder.

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use leptos::prelude::*;

/// Signs a voter in with a printed code. Unknown, spent, revoked, expired and mistyped
/// codes all answer `InvalidCode`; after too many failures from one client,
/// `TooManyAttempts`.
#[server(prefix = "/api", endpoint = "sign_in/code")]
pub async fn sign_in_with_code(code: String) -> Result<(), AppError> {
    respond(ssr::sign_in_with_code(&code).await.map(|_| ()))
}

/// The `/code` page's form (works without the browser bundle): signs in, then redirects to
/// the ballot open to the holder (the first, if several), else the account page; or back
/// to `/code?error=<code>`. The code itself never goes into a URL.
#[server(prefix = "/api", endpoint = "sign_in/code_form")]
pub async fn sign_in_with_code_form(code: String, locale: String) -> Result<(), AppError> {
    use crate::platform::web::http::redirect_with;
    match ssr::sign_in_with_code(&code).await {
        Ok(account) => {
            let ballots = crate::elections::directory::api::ssr::open_ballots_of(account)
                .await
                .unwrap_or_default();
            let next = match ballots.first() {
                Some(card) => format!("/o/{}/e/{}/vote", card.organization, card.slug),
                None => "/account".to_owned(),
            };
            redirect_with(&locale, &next, None, "");
        }
        Err(error) => redirect_with(&locale, "/code", Some(&error), ""),
    }
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::accounts::access_code::rules::normalize_code;
    use crate::accounts::access_code::store as access_code_store;
    use crate::accounts::types::AccountId;
    use crate::db::now_millis;
    use crate::elections::election::store as election_store;
    use crate::error::{AppError, ErrorCode};
    use crate::platform::web::context::{app_state, sign_in_as};
    use crate::platform::web::rate_limit::ACCESS_CODE;
    use crate::platform::web::rate_limit::store as rate_limit_store;
    use crate::platform::web::rate_limit::store::attempt;
    use crate::platform::web::sessions::AuthMethod;

    pub async fn sign_in_with_code(typed: &str) -> Result<AccountId, AppError> {
        let app = app_state()?;
        let now = now_millis();
        // Counted before the code is even looked at, so the answer reveals nothing.
        let ticket = attempt(&app, &ACCESS_CODE).await?;
        let holder = match normalize_code(typed) {
            Some(code) => {
                access_code_store::code_holder(&app.db, &app.secret.access_code_hash(&code), now)
                    .await
                    .map_err(AppError::from)?
            }
            None => None,
        };
        let Some((code, organization, account)) = holder else {
            return Err(AppError::new(ErrorCode::InvalidCode));
        };
        // Its holder has voted wherever votes are taken: the code has done its work.
        if election_store::voted_in_every_open_election(&app.db, organization, account)
            .await
            .map_err(AppError::from)?
        {
            access_code_store::spend_access_code(&app.db, code, now)
                .await
                .map_err(AppError::from)?;
            return Err(AppError::new(ErrorCode::InvalidCode));
        }
        rate_limit_store::forgive(&app.db, ticket).await?;
        sign_in_as(&app, account, AuthMethod::AccessCode, None).await?;
        Ok(account)
    }
}
