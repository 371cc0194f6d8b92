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

/// How long a flashed value waits for its page: long enough for a slow phone's redirect.
const LIFETIME_SECONDS: u64 = 300;

/// The most one cookie carries (browsers keep about 4 KiB a cookie, name and attributes
/// included).
const PART: usize = 3500;

/// The most cookies one value is split over: what a long form (an election's segments in
/// six languages, its stations) needs, and no more.
const PARTS: usize = 4;

/// The largest value [`Flash::put_json`] keeps (base64url of its JSON).
pub const LARGEST: usize = PART * PARTS;

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

    /// Keeps `value` as base64url JSON (cookie-safe whatever it holds), split over up to
    /// [`PARTS`] cookies, unless it would weigh more than [`LARGEST`]: then nothing is kept
    /// and `false` says so.
    pub fn put_json<T: Serialize>(self, value: &T) -> bool {
        let Ok(json) = serde_json::to_vec(value) else {
            return false;
        };
        let encoded = URL_SAFE_NO_PAD.encode(json);
        if encoded.len() > LARGEST {
            return false;
        }
        let secure = app_state().is_ok_and(|app| is_secure(&app.public_url));
        // base64url is ASCII: splitting by bytes never cuts a character.
        let parts: Vec<&str> = encoded
            .as_bytes()
            .chunks(PART)
            .map(|chunk| std::str::from_utf8(chunk).unwrap_or_default())
            .collect();
        for n in 0..PARTS {
            let (value, age) = parts.get(n).map_or(("", 0), |p| (*p, LIFETIME_SECONDS));
            set_on_response(self.cookie().set_part(value, age, secure, n));
        }
        true
    }

    /// The value [`Flash::put_json`] kept, cleared as it is read (`None` if absent or unreadable).
    pub fn take_json<T: DeserializeOwned>(self) -> Option<T> {
        let secure = app_state().is_ok_and(|app| is_secure(&app.public_url));
        let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
        let mut encoded = String::new();
        for n in 0..PARTS {
            match self.cookie().read_part(&parts.headers, secure, n) {
                Some(part) => {
                    encoded.push_str(&part);
                    set_on_response(self.cookie().set_part("", 0, secure, n));
                }
                None => break,
            }
        }
        let json = URL_SAFE_NO_PAD.decode(encoded).ok()?;
        serde_json::from_slice(&json).ok()
    }
}
