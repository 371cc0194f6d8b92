//! A page render runs to its end even when the browser goes away.
//!
//! Leptos renders a page inside a reactive owner and finishes `<Suspense>` parts in effects
//! spawned on the runtime. When a client disconnects mid-render (a phone losing signal, a
//! user pressing reload), hyper drops the response future, which disposes the owner while
//! those effects are still queued; they then run without their context and panic ("I18n
//! context is missing"), a known Leptos race (leptos-rs/leptos#4698, #3595). The panic is
//! caught by the runtime and the page was unwanted anyway, but a server that panics under
//! ordinary use hides real failures in its log.
//!
//! So each request is handled in its own task, and an HTML body is collected inside that
//! task: dropping the connection drops only the wait, never the render. The cost is that a
//! page is sent once complete rather than streamed, which Voz's pages (server HTML of a few
//! kilobytes, most already rendered in `SsrMode::Async`) do not miss. Files (`/pkg`,
//! photos, exports) stream as before: only `text/html` bodies are collected.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The largest page Voz renders is a bulletin board; 100,000 tracking codes are ≈ 5 MB.
const LARGEST_PAGE: usize = 64 * 1024 * 1024;

pub async fn run_to_completion(request: Request, next: Next) -> Response {
    let task = tokio::spawn(async move {
        let response = next.run(request).await;
        if !is_html(&response) {
            return response;
        }
        let (parts, body) = response.into_parts();
        match axum::body::to_bytes(body, LARGEST_PAGE).await {
            Ok(bytes) => Response::from_parts(parts, Body::from(bytes)),
            Err(error) => {
                tracing::error!(%error, "a page could not be rendered whole");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    });
    match task.await {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "a request handler failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"))
}
