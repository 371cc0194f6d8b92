//! A value shown once, on the page a plain form redirects to: a new invitation link, a
//! kiosk pairing code, a printed card. It travels in a short-lived `HttpOnly`,
//! `SameSite=Strict` cookie rather than in the address, so it never lands in the browser's
//! history or a server log, and the page that shows it clears it.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::context::app_state;
use super::http::{Credential, is_secure, set_on_response};

/// The most a value may weigh in its cookie (browsers keep about 4 KiB a cookie, name and
/// attributes included).
pub const LARGEST: usize = 3500;

/// How long a flashed value waits for its page: long enough for a slow phone's redirect.
const LIFETIME_SECONDS: u64 = 300;

/// One named slot (the cookie's name).
#[derive(Clone, Copy, Debug)]
pub struct Flash(pub &'static str);

impl Flash {
    fn cookie(self) -> Credential {
        Credential {
            name: self.0,
            same_site: "Strict",
        }
    }

    /// Keeps `value` (cookie-safe text: no spaces, commas or semicolons) for the next page.
    pub fn put(self, value: &str) {
        let secure = app_state().is_ok_and(|app| is_secure(&app.public_url));
        set_on_response(self.cookie().set(value, LIFETIME_SECONDS, secure));
    }

    /// The value put by the last form, cleared as it is read.
    pub fn take(self) -> Option<String> {
        let secure = app_state().is_ok_and(|app| is_secure(&app.public_url));
        let value = leptos::prelude::use_context::<axum::http::request::Parts>()
            .and_then(|parts| self.cookie().read(&parts.headers, secure))?;
        set_on_response(self.cookie().set("", 0, secure));
        Some(value)
    }

    /// Keeps `value` as base64url JSON (cookie-safe whatever it holds), unless it would
    /// weigh more than [`LARGEST`]: then nothing is kept and `false` says so.
    pub fn put_json<T: Serialize>(self, value: &T) -> bool {
        let Ok(json) = serde_json::to_vec(value) else {
            return false;
        };
        let encoded = URL_SAFE_NO_PAD.encode(json);
        let fits = encoded.len() <= LARGEST;
        if fits {
            self.put(&encoded);
        }
        fits
    }

    /// The value [`Flash::put_json`] kept, cleared as it is read (`None` if absent or unreadable).
    pub fn take_json<T: DeserializeOwned>(self) -> Option<T> {
        let value = self.take()?;
        let json = URL_SAFE_NO_PAD.decode(value).ok()?;
        serde_json::from_slice(&json).ok()
    }
}
