//! Server functions answer every error as a code (`AppError`), and the HTTP status follows
//! the code. Errors a server function returns already carry theirs (`error::respond`); the
//! framework answers the ones it raises itself — arguments that do not decode, a missing
//! field — as 500. Those are the client's mistake, not ours: this maps each to its code's
//! status (`invalid_input` → 422), so bad input never looks like a server failure.

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use voz_app::error::AppError;

/// Error bodies are a few dozen bytes; anything bigger is not one of ours.
const LARGEST_ERROR: usize = 64 * 1024;

pub async fn status_from_code(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, LARGEST_ERROR)
        .await
        .unwrap_or_default();
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status();
    }
    Response::from_parts(parts, Body::from(bytes))
}
