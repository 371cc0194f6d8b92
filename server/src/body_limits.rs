//! Every request body has a size limit before a byte of it is read: the candidate photo
//! form 13 MB (a 12 MB picture and a few short fields), the open calls' document forms
//! 11 MB (a 10 MB file and a few short fields), every other server function 256 KB,
//! anything else 64 KB. A declared length over the limit is answered at once
//! without reading the body; an undeclared (chunked) one is cut off at the limit.
//!
//! The upload forms must also say it is `multipart/form-data` with a boundary: the
//! framework's multipart reader would otherwise panic on it (server_fn 0.8), so anything
//! else is answered 422 `invalid_input` here.
//!
//! An oversized upload comes back to the page it was sent from with
//! `?error=photo_too_large` (or `file_too_large`), as every plain form answers, so the person gets a translated
//! sentence rather than a browser error page.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub const PHOTO_FORM: usize = 13 * 1024 * 1024;
pub const DOCUMENT_FORM: usize = 11 * 1024 * 1024;
pub const SERVER_FUNCTION: usize = 256 * 1024;
pub const OTHER: usize = 64 * 1024;

/// The multipart upload forms: their route, their limit, the error code an oversized one
/// comes back with. (An application's documents and a winner's final report share one.)
const UPLOADS: [(&str, usize, &str); 2] = [
    ("/api/candidacy/photo", PHOTO_FORM, "photo_too_large"),
    ("/api/call/document", DOCUMENT_FORM, "file_too_large"),
];

fn upload(path: &str) -> Option<(usize, &'static str)> {
    UPLOADS
        .iter()
        .find(|(route, ..)| *route == path)
        .map(|(_, limit, code)| (*limit, *code))
}

/// The limit for a request to `path`.
pub fn limit_for(path: &str) -> usize {
    if let Some((limit, _)) = upload(path) {
        limit
    } else if path.starts_with("/api/") {
        SERVER_FUNCTION
    } else {
        OTHER
    }
}

pub async fn limit_bodies(
    State(origin): State<crate::csrf::PublicOrigin>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let limit = limit_for(&path);
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return too_large(&path, &request, &origin.0);
    }
    if upload(&path).is_some() && !multipart_with_boundary(&request) {
        // Read what was sent (within the limit) before answering: a client still writing
        // a body the server has stopped reading would see a broken connection, not the
        // answer.
        let _ = axum::body::to_bytes(request.into_body(), limit).await;
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            r#"{"code":"invalid_input"}"#,
        )
            .into_response();
    }
    let (parts, body) = request.into_parts();
    let limited = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, limited)).await
}

/// The same test the framework's multipart reader makes, without its panic.
fn multipart_with_boundary(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| multer::parse_boundary(ct).is_ok())
}

fn too_large(path: &str, request: &Request, origin: &str) -> Response {
    if let Some((_, code)) = upload(path)
        && let Some(back) = same_site_referer(request, origin)
    {
        let separator = if back.contains('?') { '&' } else { '?' };
        let target = format!("{back}{separator}error={code}");
        if let Ok(location) = HeaderValue::from_str(&target) {
            return (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
        }
    }
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        r#"{"code":"payload_too_large"}"#,
    )
        .into_response()
}

/// The path (and query) of the page the form was sent from, if it is one of ours.
fn same_site_referer(request: &Request, origin: &str) -> Option<String> {
    let referer = request.headers().get(header::REFERER)?.to_str().ok()?;
    let url = url::Url::parse(referer).ok()?;
    if url.origin().ascii_serialization() != origin || url.path().starts_with("//") {
        return None;
    }
    let path = url.path().to_owned();
    Some(match url.query() {
        Some(query) => format!("{path}?{query}"),
        None => path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_route_has_its_limit() {
        assert_eq!(limit_for("/api/candidacy/photo"), PHOTO_FORM);
        assert_eq!(limit_for("/api/call/document"), DOCUMENT_FORM);
        assert_eq!(limit_for("/api/vote/cast"), SERVER_FUNCTION);
        assert_eq!(limit_for("/pt-BR/o/cmi-sp/e/cmi-2025/vote"), OTHER);
    }
}
