//! Pages live under a language prefix (`/es/...`). A page URL without one is redirected,
//! on the server so it works before any script runs, to the visitor's language.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use leptos_i18n::Locale as _;
use voz_app::locale::{LOCALE_COOKIE, locale_cookie, localized_path, negotiate, split_locale};
use voz_app::platform::web::http::cookie;

/// Paths that are not pages and never carry a language.
const UNLOCALIZED_PREFIXES: [&str; 6] = [
    "/pkg/", "/api/", "/export/", "/photos/", "/healthz", "/favicon",
];

pub async fn redirect_to_locale(
    State(https): State<crate::security_headers::Https>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let is_page = !UNLOCALIZED_PREFIXES
        .iter()
        .any(|prefix| path.starts_with(prefix));
    if !is_page {
        return next.run(request).await;
    }
    if let (Some(locale), rest) = split_locale(path) {
        // `/es/` is what people type; `/es` is the home page's one address.
        if path.len() > 1 && path.ends_with('/') && rest == "/" {
            return Redirect::permanent(&localized_path(locale, rest)).into_response();
        }
        let remembered = cookie(request.headers(), LOCALE_COOKIE);
        let mut response = next.run(request).await;
        // Reading a page in a language is choosing it: the next bare URL opens in it.
        if remembered.as_deref() != Some(locale.as_str())
            && let Ok(value) = HeaderValue::from_str(&locale_cookie(locale, https.0))
        {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
        return response;
    }
    let headers = request.headers();
    let locale = negotiate(
        cookie(headers, LOCALE_COOKIE).as_deref(),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let mut target = localized_path(locale, path);
    if let Some(query) = request.uri().query() {
        target.push('?');
        target.push_str(query);
    }
    let mut response = Redirect::to(&target).into_response();
    // The answer depends on these headers: caches must not share it across visitors.
    response.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    response
}
