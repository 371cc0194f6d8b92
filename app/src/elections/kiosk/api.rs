//! The kiosk: a device a station pairs (with a one-time code from the poll-worker screen)
//! on which marked voters cast their ballot. It holds a kiosk credential for that station
//! and nothing else — no staff session, no navigation, no receipt left for the next person.

use std::collections::BTreeMap;

use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::elections::election::api::SegmentView;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;

/// What a kiosk device shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KioskDisplay {
    /// Not paired: the pairing form.
    Unpaired,
    /// Paired, no ballot readied: "wait for the poll worker".
    Waiting {
        title: String,
        station: String,
        number: i64,
    },
    /// A ballot readied for the person the poll worker marked.
    Ballot {
        title: String,
        station: String,
        number: i64,
        segments: Vec<SegmentView>,
    },
}

/// What this kiosk device shows now.
#[server(prefix = "/api", endpoint = "kiosk/screen", input = JsonOrForm)]
pub async fn kiosk_screen(locale: String) -> Result<KioskDisplay, AppError> {
    respond(ssr::kiosk_screen(&locale).await)
}

/// The kiosk pairing form (a plain form post): the code shown on the poll-worker screen.
/// The language this kiosk waits in (its receipt goes back to it), if it is a kiosk.
#[server(prefix = "/api", endpoint = "kiosk/home")]
pub async fn kiosk_home() -> Result<Option<String>, AppError> {
    respond(ssr::kiosk_home().await)
}

#[server(prefix = "/api", endpoint = "kiosk/pair")]
pub async fn pair_kiosk(locale: String, code: String) -> Result<(), AppError> {
    ssr::pair_kiosk(&locale, &code).await
}

/// The kiosk's ballot form (a plain form post); redirects to the kiosk's receipt.
#[server(prefix = "/api", endpoint = "kiosk/cast")]
pub async fn cast_kiosk_ballot(
    locale: String,
    #[server(default)] pick: BTreeMap<String, BTreeMap<String, String>>,
) -> Result<(), AppError> {
    ssr::cast_kiosk(&locale, pick).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::accounts::store as accounts_store;
    use crate::elections::election::store as election_store;
    use crate::elections::kiosk::store as kiosk_store;
    use crate::platform::web::rate_limit::store as rate_limit_store;
    use std::collections::BTreeMap;

    use super::KioskDisplay;
    use crate::accounts::access_code::rules::normalize_code_of_length;
    use crate::db::now_millis;
    use crate::elections::ballot::api::ssr::{ballot_from_picks, secure, set_receipt};
    use crate::elections::election::api::ssr::load_election;
    use crate::elections::kiosk::store::PAIRING_CODE_LENGTH;
    use crate::error::{AppError, ErrorCode};
    use crate::platform::web::context::{app_state, sign_out_here};
    use crate::platform::web::http::{Credential, redirect_with, set_on_response};
    use crate::platform::web::rate_limit::KIOSK_PAIRING;
    use crate::platform::web::rate_limit::store::attempt;

    /// The kiosk credential: `__Host-voz_kiosk` on https. A voting day, at most.
    const KIOSK_COOKIE: Credential = Credential {
        name: "voz_kiosk",
        same_site: "Strict",
    };
    const KIOSK_LIFETIME_SECS: u64 = 24 * 3600;

    fn kiosk_token() -> Option<String> {
        let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
        KIOSK_COOKIE.read(&parts.headers, secure())
    }

    pub async fn kiosk_screen(locale: &str) -> Result<KioskDisplay, AppError> {
        let app = app_state()?;
        let Some(token) = kiosk_token() else {
            return Ok(KioskDisplay::Unpaired);
        };
        let Some(kiosk) = kiosk_store::kiosk(&app.db, &token)
            .await
            .map_err(AppError::from)?
        else {
            return Ok(KioskDisplay::Unpaired);
        };
        let record = election_store::election(&app.db, kiosk.election)
            .await
            .map_err(AppError::from)?;
        let station = record
            .settings
            .station(kiosk.station)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        if !kiosk.ready {
            // Opened in another language by staff: the kiosk waits in that one now.
            if kiosk.home_locale.as_deref() != Some(locale) {
                kiosk_store::set_home_locale(&app.db, &token, locale)
                    .await
                    .map_err(AppError::from)?;
            }
            return Ok(KioskDisplay::Waiting {
                title: record.title,
                station,
                number: kiosk.number,
            });
        }
        // A new ballot opens in its voter's language, once: they may switch after.
        if let Some(ballot_locale) = &kiosk.ballot_locale {
            kiosk_store::clear_ballot_locale(&app.db, &token)
                .await
                .map_err(AppError::from)?;
            if ballot_locale != locale {
                redirect_with(ballot_locale, "/kiosk", None, "");
            }
        }
        let org = accounts_store::organization(&app.db, record.organization)
            .await
            .map_err(AppError::from)?;
        let page = load_election(&org.slug, &record.slug, locale).await?;
        Ok(KioskDisplay::Ballot {
            title: record.title,
            station,
            number: kiosk.number,
            segments: page.segments,
        })
    }

    pub async fn kiosk_home() -> Result<Option<String>, AppError> {
        let app = app_state()?;
        let Some(token) = kiosk_token() else {
            return Ok(None);
        };
        Ok(kiosk_store::kiosk(&app.db, &token)
            .await
            .map_err(AppError::from)?
            .and_then(|kiosk| kiosk.home_locale))
    }

    pub async fn pair_kiosk(locale: &str, code: &str) -> Result<(), AppError> {
        let outcome = async {
            let app = app_state()?;
            let ticket = attempt(&app, &KIOSK_PAIRING).await?;
            let code = normalize_code_of_length(code, PAIRING_CODE_LENGTH)
                .ok_or_else(|| AppError::new(ErrorCode::InvalidCode))?;
            let (token, _) = kiosk_store::pair_kiosk(&app.db, &code, now_millis())
                .await
                .map_err(AppError::from)?;
            rate_limit_store::forgive(&app.db, ticket).await?;
            // A kiosk holds nothing but its kiosk credential: any session on this device
            // (a poll worker's, say) ends here.
            sign_out_here(&app).await?;
            set_on_response(KIOSK_COOKIE.set(&token, KIOSK_LIFETIME_SECS, secure()));
            Ok::<_, AppError>(())
        }
        .await;
        redirect_with(locale, "/kiosk", outcome.as_ref().err(), "");
        Ok(())
    }

    pub async fn cast_kiosk(
        locale: &str,
        pick: BTreeMap<String, BTreeMap<String, String>>,
    ) -> Result<(), AppError> {
        let outcome = async {
            let token = kiosk_token().ok_or_else(|| AppError::new(ErrorCode::InvalidCode))?;
            let app = app_state()?;
            kiosk_store::cast_kiosk(&app.db, &token, &ballot_from_picks(pick))
                .await
                .map_err(AppError::from)
        }
        .await;
        match outcome {
            Ok(code) => {
                set_receipt(&code);
                redirect_with(locale, "/kiosk/voted", None, "");
            }
            Err(error) => redirect_with(locale, "/kiosk", Some(&error), ""),
        }
        Ok(())
    }
}
