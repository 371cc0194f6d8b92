//! Small HTTP helpers shared by the server's middleware and the server functions: reading
//! and setting cookies the one way Voz sets them.
//!
//! On an https installation every cookie Voz sets is `Secure`, and the ones that carry a
//! credential (session, kiosk, receipt) are named with the `__Host-` prefix, which browsers
//! only accept from the host itself, over https, for the whole site: no subdomain or
//! plain-http page can plant or overwrite them.

use axum::http::{HeaderMap, HeaderValue, header};

/// The value of cookie `name` in a request's headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// A credential cookie of Voz: `HttpOnly`, path `/`.
#[derive(Clone, Copy, Debug)]
pub struct Credential {
    /// The name on plain http; on https it gets the `__Host-` prefix.
    pub name: &'static str,
    /// `Lax` for the session (a link from elsewhere still arrives signed in), `Strict`
    /// for what only this site's own pages use.
    pub same_site: &'static str,
}

impl Credential {
    pub fn name(self, secure: bool) -> String {
        self.part_name(0, secure)
    }

    /// The cookie holding part `n` of a value split over several (part 0 is the cookie
    /// itself, then `<name>_1`, `<name>_2`…), with the `__Host-` prefix on https.
    fn part_name(self, n: usize, secure: bool) -> String {
        let prefix = if secure { "__Host-" } else { "" };
        match n {
            0 => format!("{prefix}{}", self.name),
            n => format!("{prefix}{}_{n}", self.name),
        }
    }

    /// The request's value of this cookie, under the name this installation uses.
    pub fn read(self, headers: &HeaderMap, secure: bool) -> Option<String> {
        self.read_part(headers, secure, 0)
    }

    /// The request's value of part `n` (see [`Credential::set_part`]).
    pub fn read_part(self, headers: &HeaderMap, secure: bool, n: usize) -> Option<String> {
        cookie(headers, &self.part_name(n, secure)).filter(|v| !v.is_empty())
    }

    /// A `Set-Cookie` value that sets it for `max_age` seconds (0 clears it).
    pub fn set(self, value: &str, max_age: u64, secure: bool) -> Option<HeaderValue> {
        self.set_part(value, max_age, secure, 0)
    }

    /// Sets part `n` of a value too large for one cookie (browsers keep about 4 KiB each).
    pub fn set_part(
        self,
        value: &str,
        max_age: u64,
        secure: bool,
        n: usize,
    ) -> Option<HeaderValue> {
        let secure_attribute = if secure { "; Secure" } else { "" };
        HeaderValue::from_str(&format!(
            "{}={value}; Path=/; HttpOnly; SameSite={}; Max-Age={max_age}{secure_attribute}",
            self.part_name(n, secure),
            self.same_site
        ))
        .ok()
    }
}

/// Sets a cookie on the current server function's (or page's) response.
pub fn set_on_response(value: Option<HeaderValue>) {
    if let (Some(response), Some(value)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        value,
    ) {
        response.append_header(header::SET_COOKIE, value);
    }
}

/// A path safe in a `Location` header: every byte outside the URL's unreserved and
/// structural characters is percent-encoded (a slug typed in Arabic, a stray CR/LF), so a
/// redirect never fails — nor splits the response — whatever the request carried.
pub fn location(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'?'
            | b'='
            | b'&'
            | b'%' => out.push(char::from(byte)),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    // Never somewhere else: `//host` would leave the site.
    if out.starts_with("//") {
        out.replace_range(..1, "/%2F");
        out.remove(4);
    }
    out
}

/// Whether the current server function was called by a plain HTML form (a browser's form
/// post asks for `text/html`; scripts ask for JSON): its answer will be a redirect back to
/// the page, so what the page must show once (a new link, a code) goes in a
/// [`super::flash::Flash`].
pub fn is_form_post() -> bool {
    leptos::prelude::use_context::<axum::http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// Sends a plain form post on to `path`, in the language of the page the form was on (the
/// first segment of its `Referer`); does nothing for a script's call, which gets the answer.
pub fn form_redirect(path: &str) {
    form_redirect_at(path, "");
}

/// [`form_redirect`] to a place on the page: `#anchor` (an element's id, letters, digits
/// and hyphens only; anything else is dropped) after the path, which is encoded as usual.
pub fn form_redirect_at(path: &str, anchor: &str) {
    if !is_form_post() {
        return;
    }
    let anchor = fragment(anchor);
    let locale = leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| {
            let referer = parts.headers.get(header::REFERER)?.to_str().ok()?;
            let path = url::Url::parse(referer).ok()?.path().to_owned();
            crate::locale::split_locale(&path).0
        })
        .unwrap_or_default();
    leptos_axum::redirect(&format!(
        "{}{anchor}",
        location(&crate::locale::localized_path(locale, path))
    ));
}

/// `#anchor` for an element id of letters, digits and hyphens; nothing for anything else.
fn fragment(anchor: &str) -> String {
    let safe = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
    if !anchor.is_empty() && anchor.bytes().all(safe) {
        format!("#{anchor}")
    } else {
        String::new()
    }
}

/// Whether this installation is served over https (from its public URL).
pub fn is_secure(public_url: &str) -> bool {
    public_url.starts_with("https://")
}

/// Answers a plain form post with a redirect to `path` (in `locale`; it may carry a query of
/// its own — a tab, an item — to show the answer in place, never what the person typed): on
/// failure with `error=<code>` and, when fields were named, `fields=<their problems as
/// JSON>` (what [`crate::ui::kit::query_errors`] reads back); on success with `ok_query`.
pub fn redirect_with(
    locale: &str,
    path: &str,
    error: Option<&crate::error::AppError>,
    ok_query: &str,
) {
    let locale = locale.parse::<crate::i18n::Locale>().unwrap_or_default();
    let base = crate::locale::localized_path(locale, path);
    let query = match error {
        Some(error) => error_query(error),
        None => ok_query.to_owned(),
    };
    let target = match (query.is_empty(), base.contains('?')) {
        (true, _) => base,
        (false, false) => format!("{base}?{query}"),
        (false, true) => format!("{base}&{query}"),
    };
    leptos_axum::redirect(&crate::platform::web::http::location(&target));
}

/// `error=<code>[&fields=<JSON, URL-encoded>]`.
pub fn error_query(error: &crate::error::AppError) -> String {
    let mut query = format!("error={}", error.code.as_query());
    if !error.fields.is_empty()
        && let Ok(json) = serde_json::to_string(&error.fields)
    {
        query.push_str("&fields=");
        query.extend(url::form_urlencoded::byte_serialize(json.as_bytes()));
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_plain_element_id_becomes_a_fragment() {
        assert_eq!(fragment("comment-12"), "#comment-12");
        for bad in ["", "a b", "x#y", "\r\nSet-Cookie:1", "é"] {
            assert_eq!(fragment(bad), "", "{bad:?}");
        }
    }

    #[test]
    fn finds_a_cookie_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; voz_lang=ht; b=2"),
        );
        assert_eq!(cookie(&headers, "voz_lang").as_deref(), Some("ht"));
        assert_eq!(cookie(&headers, "missing"), None);
    }

    #[test]
    fn field_problems_travel_in_the_query_and_come_back() {
        use crate::error::{AppError, FieldProblem, Problem};
        let error = AppError::fields([FieldProblem {
            field: "reason".into(),
            problem: Problem::TooLong { max: 300 },
        }]);
        let query = error_query(&error);
        assert!(
            query.starts_with("error=invalid_input&fields=%5B"),
            "{query}"
        );
        assert_eq!(location(&format!("/x?{query}")), format!("/x?{query}"));
        let fields: String = url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == "fields")
            .map(|(_, v)| v.into_owned())
            .expect("fields");
        assert_eq!(
            AppError::from_query(Some("invalid_input"), Some(&fields)),
            Some(error)
        );
    }

    #[test]
    fn locations_are_always_valid_header_values() {
        assert_eq!(
            location("/pt-BR/o/cmi-sp/e/x?error=a"),
            "/pt-BR/o/cmi-sp/e/x?error=a"
        );
        assert_eq!(location("/ar/o/ção"), "/ar/o/%C3%A7%C3%A3o");
        assert_eq!(location("/x\r\nSet-Cookie: a"), "/x%0D%0ASet-Cookie%3A%20a");
        assert!(!location("//evil.example/x").starts_with("//"));
        for nasty in ["\u{0}", "\u{202E}", "🗳️", "a b"] {
            assert!(HeaderValue::from_str(&location(nasty)).is_ok(), "{nasty:?}");
        }
    }

    #[test]
    fn credentials_are_host_only_and_secure_on_https() {
        let c = Credential {
            name: "voz_session",
            same_site: "Lax",
        };
        let https = c.set("abc", 60, true).expect("header");
        assert_eq!(
            https.to_str().expect("ascii"),
            "__Host-voz_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure"
        );
        let http = c.set("abc", 60, false).expect("header");
        assert_eq!(
            http.to_str().expect("ascii"),
            "voz_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60"
        );
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("voz_session=planted; __Host-voz_session=real"),
        );
        assert_eq!(c.read(&headers, true).as_deref(), Some("real"));
        assert_eq!(c.read(&headers, false).as_deref(), Some("planted"));
    }
}
