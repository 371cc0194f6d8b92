//! Every server function also answers a plain HTML form (`<form method="post"
//! action="/api/…">`), so each form works before — or without — any script.
//!
//! A browser's form post asks for `text/html`. Leptos answers it with a redirect back to the
//! page the form was on (the `Referer`) unless the function chose where to go; but when the
//! function failed, the reason would be lost on the way. This turns a failure into a
//! redirect to the same page with `?error=<code>[&fields=<JSON>]`, which the page reads back
//! (`ui::kit::query_errors`) and shows translated, in place; a success clears a previous
//! `error` from the address. `303 See Other` makes the browser follow with a GET, so a
//! reload never posts twice.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use voz_app::error::AppError;

/// Error bodies are a few dozen bytes; anything bigger is not one of ours.
const LARGEST_ERROR: usize = 64 * 1024;

/// The header server functions put on an error answer (server_fn's `SERVER_FN_ERROR_HEADER`).
const SERVER_FN_ERROR: &str = "serverfnerror";

pub async fn answer_forms_with_redirects(request: Request, next: Next) -> Response {
    let is_form_post = request.uri().path().starts_with("/api/")
        && request.method() == axum::http::Method::POST
        && accepts_html(request.headers());
    if !is_form_post {
        return next.run(request).await;
    }
    let back = request
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(same_site_path);
    let response = next.run(request).await;
    let Some(back) = back else {
        return response;
    };
    let (mut parts, body) = response.into_parts();
    let failed = parts.headers.remove(SERVER_FN_ERROR).is_some();
    let chose_its_own_way = !failed
        && parts
            .headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|to| same_site_path(to).as_deref() != Some(back.as_str()));
    if chose_its_own_way {
        return Response::from_parts(parts, body);
    }
    let error_query = if failed {
        let bytes = axum::body::to_bytes(body, LARGEST_ERROR)
            .await
            .unwrap_or_default();
        let error = serde_json::from_slice::<AppError>(&bytes)
            .unwrap_or_else(|_| voz_app::error::ErrorCode::Internal.into());
        Some(voz_app::platform::web::http::error_query(&error))
    } else {
        None
    };
    let target = with_error(&back, error_query.as_deref());
    parts.status = StatusCode::SEE_OTHER;
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove(header::CONTENT_LENGTH);
    if let Ok(value) = HeaderValue::from_str(&voz_app::platform::web::http::location(&target)) {
        parts.headers.insert(header::LOCATION, value);
    }
    Response::from_parts(parts, Body::empty())
}

fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// The path and query of a `Referer` or `Location` (never another host: only where the
/// form was on this site is a place to go back to).
fn same_site_path(url: &str) -> Option<String> {
    if url.starts_with('/') && !url.starts_with("//") {
        return Some(url.to_owned());
    }
    let parsed = url::Url::parse(url).ok()?;
    let mut path = parsed.path().to_owned();
    if let Some(query) = parsed.query() {
        path.push('?');
        path.push_str(query);
    }
    Some(path)
}

/// `back` without the previous answer's `error`/`fields`, then with this one's.
fn with_error(back: &str, error_query: Option<&str>) -> String {
    let (path, query) = back.split_once('?').unwrap_or((back, ""));
    let mut kept: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or_default();
            key != "error" && key != "fields"
        })
        .collect();
    if let Some(error_query) = error_query {
        kept.push(error_query);
    }
    if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_previous_error_gives_way_to_this_answer() {
        assert_eq!(
            with_error(
                "/pt-BR/x?tab=a&error=forbidden&fields=%5B%5D",
                Some("error=invalid_input")
            ),
            "/pt-BR/x?tab=a&error=invalid_input"
        );
        assert_eq!(with_error("/pt-BR/x?error=forbidden", None), "/pt-BR/x");
        assert_eq!(with_error("/pt-BR/x", None), "/pt-BR/x");
    }

    #[test]
    fn only_a_path_on_this_site_is_a_way_back() {
        assert_eq!(
            same_site_path("http://localhost:3000/pt-BR/staff/o?x=1").as_deref(),
            Some("/pt-BR/staff/o?x=1")
        );
        assert_eq!(same_site_path("//evil.example/x"), None);
        assert_eq!(same_site_path("/ar/x").as_deref(), Some("/ar/x"));
    }
}
