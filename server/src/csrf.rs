//! Cross-site request protection for server functions. Session cookies are `SameSite=Lax`
//! already; on top of that, a state-changing request that a browser marks as coming from
//! another site is refused with 403 before it reaches any server function.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The origin (`scheme://host[:port]`) this installation is served from.
#[derive(Clone, Debug)]
pub struct PublicOrigin(pub String);

pub async fn refuse_cross_site(
    State(origin): State<PublicOrigin>,
    request: Request,
    next: Next,
) -> Response {
    let changes_state = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if changes_state && is_cross_site(request.headers(), &origin.0) {
        tracing::warn!(path = %request.uri().path(), "cross-site request refused");
        return refusal(request.headers(), &origin.0);
    }
    next.run(request).await
}

/// The refusal says which address this installation answers at: the likeliest cause of a
/// refused form is a page opened under another address of the same server (a browser
/// posting a plain form gets a page with the link; a script, one line).
fn refusal(headers: &HeaderMap, public_origin: &str) -> Response {
    let from = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .filter(|o| o.len() <= 200 && o.bytes().all(|b| b.is_ascii_graphic()))
        .unwrap_or("another site");
    let wants_page = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if !wants_page {
        let text =
            format!("cross-site request refused: this installation answers at {public_origin}\n");
        return (StatusCode::FORBIDDEN, text).into_response();
    }
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let (from, public) = (escape(from), escape(public_origin));
    let page = format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>Voz</title>\
         <h1>Voz</h1><p>This form was sent from a page at <code>{from}</code>, but this \
         installation answers at <a href=\"{public}\">{public}</a> only. Open Voz there \
         and send the form again.</p></html>"
    );
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

/// Browsers send `Origin` on every POST and `Sec-Fetch-Site` on modern versions; either
/// naming another site is enough to refuse. Requests with neither come from programs
/// that do not carry a browser's ambient cookies, and are judged by their session alone.
fn is_cross_site(headers: &HeaderMap, public_origin: &str) -> bool {
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    origin.is_some_and(|o| o != public_origin) || fetch_site == Some("cross-site")
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn same_origin_passes_and_other_sites_do_not() {
        let us = "https://voz.example.org";
        assert!(!is_cross_site(
            &headers(&[("origin", "https://voz.example.org")]),
            us
        ));
        assert!(!is_cross_site(
            &headers(&[("sec-fetch-site", "same-origin")]),
            us
        ));
        assert!(!is_cross_site(&headers(&[]), us), "curl and friends");
        assert!(is_cross_site(
            &headers(&[("origin", "https://evil.example")]),
            us
        ));
        assert!(
            is_cross_site(&headers(&[("origin", "http://voz.example.org")]), us),
            "scheme counts"
        );
        assert!(is_cross_site(
            &headers(&[("sec-fetch-site", "cross-site")]),
            us
        ));
        assert!(is_cross_site(&headers(&[("origin", "null")]), us));
    }
}
