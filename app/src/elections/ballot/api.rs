//! Server functions for voting.

use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::results::count::Ballot;

/// Casts the signed-in voter's ballot; returns its tracking code, shown to the voter once.
#[server(prefix = "/api", endpoint = "vote/cast", input = JsonOrForm)]
pub async fn cast_ballot(
    organization: String,
    election: String,
    ballot: Ballot,
) -> Result<String, AppError> {
    respond(ssr::cast_ballot(&organization, &election, ballot).await)
}

/// The ballot page's form (works without the browser bundle): `pick[<segment>][<key>]` =
/// candidate id, empty for none. Answers with a redirect: to the receipt page after casting,
/// back to the ballot with `?error=<code>` otherwise.
#[server(prefix = "/api", endpoint = "vote/ballot")]
pub async fn cast_ballot_form(
    organization: String,
    election: String,
    locale: String,
    pick: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
) -> Result<(), AppError> {
    ssr::cast_ballot_form(&organization, &election, &locale, pick).await
}

/// The tracking code of the ballot just cast on this device, shown once: reading it
/// clears it, so the next person at a shared device or a station's kiosk cannot see it.
/// (It travels in an HttpOnly cookie, never in a URL or a log.)
#[server(prefix = "/api", endpoint = "vote/receipt")]
pub async fn take_receipt() -> Result<Option<String>, AppError> {
    Ok(ssr::receipt())
}

/// The tracking code of the ballot the signed-in reader cast in this election from this
/// device, if it was this device: shown again until they sign out. It is kept on the
/// device only (an HttpOnly cookie), never on the server, which must not link a person
/// to a ballot.
#[server(prefix = "/api", endpoint = "vote/my_receipt", input = JsonOrForm)]
pub async fn my_receipt(
    organization: String,
    election: String,
) -> Result<Option<String>, AppError> {
    respond(ssr::my_receipt(&organization, &election).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::db::now_millis;
    use crate::elections::election::store as election_store;
    use crate::elections::election::store::Channel;
    use crate::error::AppError;
    use crate::platform::web::context::{KEPT_RECEIPT, app_state, require_account};
    use crate::platform::web::http::{Credential, is_secure, redirect_with, set_on_response};
    use crate::results::count::Ballot;

    /// The tracking code of the ballot just cast on this device, until it is read.
    const RECEIPT_COOKIE: Credential = Credential {
        name: "voz_receipt",
        same_site: "Strict",
    };

    pub async fn my_receipt(
        organization: &str,
        election: &str,
    ) -> Result<Option<String>, AppError> {
        require_account().await?;
        let Some(parts) = leptos::prelude::use_context::<axum::http::request::Parts>() else {
            return Ok(None);
        };
        let kept = KEPT_RECEIPT.read(&parts.headers, secure());
        Ok(kept.and_then(|value| {
            let mut fields = value.splitn(3, '/');
            let (org, slug, code) = (fields.next()?, fields.next()?, fields.next()?);
            (org == organization && slug == election && is_tracking_code(code))
                .then(|| code.to_owned())
        }))
    }

    /// The shape of a displayed tracking code (`XXXX-XXXX-XXXX-XXXX`).
    fn is_tracking_code(code: &str) -> bool {
        code.len() == 19 && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    }

    /// Whether this installation is served over https (cookies `Secure`, `__Host-`).
    pub fn secure() -> bool {
        leptos::prelude::use_context::<crate::state::AppState>()
            .is_some_and(|app| is_secure(&app.public_url))
    }

    pub fn receipt() -> Option<String> {
        let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
        let code = RECEIPT_COOKIE.read(&parts.headers, secure())?;
        set_on_response(RECEIPT_COOKIE.set("", 0, secure()));
        Some(code).filter(|code| is_tracking_code(code))
    }

    /// The ballot a form's `pick[<segment>][<key>]` fields describe (empty values: none).
    pub fn ballot_from_picks(
        pick: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
    ) -> Ballot {
        Ballot {
            null: false,
            choices: pick
                .into_iter()
                .map(|(segment, picks)| {
                    (
                        segment,
                        picks.into_values().filter(|id| !id.is_empty()).collect(),
                    )
                })
                .collect(),
        }
    }

    /// Keeps the tracking code for the receipt page (read once), on this device only.
    pub fn set_receipt(code: &str) {
        set_on_response(RECEIPT_COOKIE.set(code, 900, secure()));
    }

    pub async fn cast_ballot_form(
        organization: &str,
        election: &str,
        locale: &str,
        pick: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
    ) -> Result<(), AppError> {
        let base = format!("/o/{organization}/e/{election}");
        match cast_ballot(organization, election, ballot_from_picks(pick)).await {
            Ok(code) => {
                set_receipt(&code);
                redirect_with(locale, &format!("{base}/voted"), None, "");
            }
            Err(error) => redirect_with(locale, &format!("{base}/vote"), Some(&error), ""),
        }
        Ok(())
    }

    pub async fn cast_ballot(
        organization: &str,
        election: &str,
        ballot: Ballot,
    ) -> Result<String, AppError> {
        let account = require_account().await?;
        let app = app_state()?;
        let (_, record) =
            crate::elections::election::lookup::election_of(&app, organization, election).await?;
        let code = election_store::cast(
            &app.db,
            record.id,
            account,
            &ballot,
            Channel::Online,
            None,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        set_on_response(KEPT_RECEIPT.set(
            &format!("{organization}/{election}/{code}"),
            crate::platform::web::context::SESSION_LIFETIME.as_secs(),
            secure(),
        ));
        Ok(code)
    }
}
