//! Response headers every response gets: framing, sniffing, referrers, permissions; HSTS
//! when the installation is served over https; and a cache policy that keeps personal and
//! staff pages (and every server function's answer) out of any cache.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::set_header::SetResponseHeaderLayer;

pub fn layers() -> [SetResponseHeaderLayer<HeaderValue>; 4] {
    let fixed = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    [
        fixed(header::X_FRAME_OPTIONS, "DENY"),
        fixed(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        fixed(header::REFERRER_POLICY, "same-origin"),
        fixed(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ),
    ]
}

/// Whether the installation is reached over https (from its public URL).
#[derive(Clone, Copy, Debug)]
pub struct Https(pub bool);

/// Two years, every subdomain: once a browser has seen Voz over https it never tries
/// plain http again (a café's network cannot strip it).
const HSTS: &str = "max-age=63072000; includeSubDomains";

/// Sets `Cache-Control` by what the response is (unless the handler set one) and HSTS.
pub async fn cache_and_transport(
    State(https): State<Https>,
    request: Request,
    next: Next,
) -> Response {
    let policy = cache_control_for(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Some(policy) = policy
        && !headers.contains_key(header::CACHE_CONTROL)
    {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    if https.0 {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    response
}

/// `no-store` for everything personal or staff (the ballot, the kiosk, receipts, account,
/// staff screens, sign-in, every server function); `no-cache` (kept, but checked every
/// time) for the pages anyone may read; `None` for what sets its own (the bundle, photos,
/// downloads).
pub fn cache_control_for(path: &str) -> Option<&'static str> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match parts.as_slice() {
        ["pkg" | "photos" | "export", ..] | ["healthz"] => None,
        ["api", ..] => Some("no-store"),
        [_lang] | [_lang, "about"] => Some("no-cache"),
        [_lang, "voters", _] => Some("no-cache"),
        [_lang, "o", _, "e", _, "results" | "board"] => Some("no-cache"),
        [_lang, "o", _, "e", _, "results", "minutes"] => Some("no-cache"),
        _ => Some("no-store"),
    }
}

#[cfg(test)]
mod tests {
    use super::cache_control_for;

    #[test]
    fn personal_and_staff_pages_are_never_stored() {
        for path in [
            "/pt-BR/o/cmi-sp/e/cmi-2025/vote",
            "/pt-BR/o/cmi-sp/e/cmi-2025/voted",
            "/ar/kiosk",
            "/ar/kiosk/voted",
            "/es/account",
            "/es/code",
            "/en/staff/cmi-sp/review",
            "/en/staff/cmi-sp/elections/cmi-2025/stations/1",
            "/en/o/cmi-sp/e/cmi-2025",
            "/api/kiosk/cast",
            "/api/station/find",
        ] {
            assert_eq!(cache_control_for(path), Some("no-store"), "{path}");
        }
        for path in [
            "/pt-BR",
            "/en/about",
            "/es/o/cmi-sp/e/cmi-2023/results",
            "/es/o/cmi-sp/e/cmi-2023/results/minutes",
            "/fr/o/cmi-sp/e/cmi-2023/board",
        ] {
            assert_eq!(cache_control_for(path), Some("no-cache"), "{path}");
        }
        assert_eq!(cache_control_for("/pkg/voz.js"), None);
        assert_eq!(cache_control_for("/photos/cmi-sp/cmi-2025/c1.jpg"), None);
    }
}
