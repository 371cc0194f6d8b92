//! Rate-limit buckets on either backend: one attempt taken per request, forgiven on success.

use crate::db::{Db, Tx};
use crate::platform::web::rate_limit::{Limit, allowed};
use crate::{execute, execute_on_db, on_tx};

/// This request's client key (see [`crate::platform::web::rate_limit::client_ip`]).
pub fn request_client() -> String {
    use axum::extract::ConnectInfo;
    let parts = leptos::prelude::use_context::<axum::http::request::Parts>();
    let trusted = leptos::prelude::use_context::<crate::state::AppState>()
        .map_or(0, |app| app.trusted_proxies);
    let Some(parts) = parts else {
        return crate::platform::web::rate_limit::client_key(None);
    };
    let peer = parts
        .extensions
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    let forwarded = parts
        .headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok());
    crate::platform::web::rate_limit::client_key(crate::platform::web::rate_limit::client_ip(
        peer, forwarded, trusted,
    ))
}

/// One attempt of this request's client at `limit`, or `TooManyAttempts`.
pub async fn attempt(
    app: &crate::state::AppState,
    limit: &Limit,
) -> Result<Ticket, crate::error::AppError> {
    take_attempt(&app.db, limit, &request_client(), crate::db::now_millis())
        .await?
        .ok_or_else(|| crate::error::AppError::new(crate::error::ErrorCode::TooManyAttempts))
}

/// An attempt recorded before it was made; forgive it when it succeeds.
#[derive(Debug)]
pub struct Ticket {
    bucket: String,
    at: i64,
}

/// Serializes transactions that take the same `key` (PostgreSQL; SQLite's write
/// lock already does).
pub async fn lock_key(tx: &mut Tx, key: &str) -> Result<(), sqlx::Error> {
    if let Tx::Postgres(tx) = tx {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(key)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Checks and records one attempt of `client` at `limit`, atomically: `None` when
/// the client must wait.
pub async fn take_attempt(
    db: &Db,
    limit: &Limit,
    client: &str,
    now: i64,
) -> Result<Option<Ticket>, sqlx::Error> {
    let bucket = format!("{}:{client}", limit.kind);
    let since = now - limit.window_ms;
    let mut tx = db.begin_write().await?;
    lock_key(&mut tx, &bucket).await?;
    let (mine,): (i64,) = on_tx!(&mut tx, |conn| {
        sqlx::query_as("SELECT COUNT(*) FROM attempts WHERE bucket = $1 AND at > $2")
            .bind(&bucket)
            .bind(since)
            .fetch_one(&mut *conn)
            .await
    })?;
    let (all,): (i64,) = on_tx!(&mut tx, |conn| {
        sqlx::query_as("SELECT COUNT(*) FROM attempts WHERE kind = $1 AND at > $2")
            .bind(limit.kind)
            .bind(since)
            .fetch_one(&mut *conn)
            .await
    })?;
    if !allowed(limit, mine, all) {
        return Ok(None);
    }
    execute!(
        &mut tx,
        "INSERT INTO attempts (bucket, kind, at) VALUES ($1, $2, $3)",
        &bucket,
        limit.kind,
        now,
    )?;
    tx.commit().await?;
    Ok(Some(Ticket { bucket, at: now }))
}

/// The attempt succeeded: it does not count against the client.
pub async fn forgive(db: &Db, ticket: Ticket) -> Result<(), sqlx::Error> {
    execute_on_db!(
        db,
        "DELETE FROM attempts WHERE bucket = $1 AND at = $2",
        &ticket.bucket,
        ticket.at
    )?;
    Ok(())
}
