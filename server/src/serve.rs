//! `voz serve`: migrate, then serve pages, server functions, static files and /healthz.

use std::path::Path;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes as _, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate as _};
use tower_http::trace::TraceLayer;
use voz_app::accounts::secret::{SecretError, ServerSecret};
use voz_app::db::{Db, DbError, now_millis};
use voz_app::platform::files::store::FileStore;
use voz_app::state::{AppState, relying_party};
use voz_app::{App, shell};

use crate::cli::ServeArgs;
use crate::csrf::PublicOrigin;
use voz_app::accounts::access_code::store as access_code_store;
use voz_app::platform::web::sessions as sessions_store;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("database: {0}")]
    Db(#[from] DbError),
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error("{0}")]
    Config(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("server stopped: {0}")]
    Io(#[from] std::io::Error),
}

pub async fn run(
    database_url: &str,
    secret_file: &Path,
    files: &str,
    public_url: &str,
    args: ServeArgs,
) -> Result<(), ServeError> {
    let secret = ServerSecret::load_or_create(secret_file)?;
    let db = Db::connect(database_url).await?;
    let files = FileStore::open(files).map_err(|e| ServeError::Config(e.to_string()))?;
    crate::admin::migrate_all(&db, &files)
        .await
        .map_err(|e| ServeError::Config(e.to_string()))?;
    spawn_purger(db.clone());

    let assets = crate::assets::SiteAssets::load(args.site_root.as_deref());
    for (path, raw, brotli, gzip) in assets.summary() {
        tracing::debug!(path, raw, brotli, gzip, "static file");
    }
    // The hydration script loads `/<site_pkg_dir>/voz.js` and `voz_bg.wasm`: the
    // content-hashed folder.
    let leptos_options = LeptosOptions::builder()
        .output_name("voz")
        .site_pkg_dir(assets.bundle_dir.clone())
        .site_addr(args.addr)
        .build();
    let origin = public_origin(public_url).map_err(ServeError::Config)?;
    if let Some(smtp) = &args.smtp_url {
        crate::mailer::Mailer::new(smtp, &args.smtp_from, public_url)
            .map_err(ServeError::Config)?
            .spawn(db.clone());
        tracing::info!("emails go out through the SMTP relay");
    }
    let state = AppState {
        leptos_options,
        db,
        files,
        secret,
        public_url: public_url.trim_end_matches('/').to_owned(),
        stylesheet: assets.stylesheet.clone(),
        recount_script: assets.recount.clone(),
        trusted_proxies: args.trusted_proxies,
        webauthn: std::sync::Arc::new(relying_party(public_url).map_err(ServeError::Config)?),
    };
    let app = router(state, origin, assets);

    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|source| ServeError::Bind {
            addr: args.addr,
            source,
        })?;
    // The address to open is the public URL: forms sent from any other are refused.
    tracing::info!(
        "listening on {}; open {} in a browser",
        args.addr,
        public_url.trim_end_matches('/')
    );
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

/// The plain routes (besides pages and server functions), with their methods.
pub const PLAIN_ROUTES: [(&str, &str); 8] = [
    ("GET", "/healthz"),
    ("GET", "/export/{org}/{election}/{file}"),
    ("GET", "/export/{org}/c/{conference}/{file}"),
    (
        "GET",
        "/export/{org}/c/{conference}/delegates/{event}/{file}",
    ),
    ("GET", "/photos/{org}/{election}/{file}"),
    ("GET", "/files/calls/{org}/{call}/{file}"),
    ("GET", "/export/{org}/calls/{call}/{file}"),
    ("GET", "/pkg/{*path}"),
];

/// `voz routes`: every endpoint besides pages, sorted.
pub fn print_routes() {
    let mut routes: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| format!("{method} {path}"))
        .chain(PLAIN_ROUTES.iter().map(|(m, p)| format!("{m} {p}")))
        .collect();
    routes.sort();
    for route in routes {
        println!("{route}");
    }
}

/// `scheme://host[:port]` of the public URL, as browsers write it in `Origin`.
fn public_origin(public_url: &str) -> Result<PublicOrigin, String> {
    let url =
        url::Url::parse(public_url).map_err(|e| format!("VOZ_PUBLIC_URL {public_url:?}: {e}"))?;
    Ok(PublicOrigin(url.origin().ascii_serialization()))
}

fn router(state: AppState, origin: PublicOrigin, assets: crate::assets::SiteAssets) -> Router {
    let routes = generate_route_list(App);
    let https =
        crate::security_headers::Https(voz_app::platform::web::http::is_secure(&state.public_url));
    let origin_for_limits = origin.clone();
    let public = crate::canonical_host::PublicUrl::parse(&state.public_url);
    let shell_options = state.leptos_options.clone();
    let pkg = Router::new()
        .route("/{*path}", get(crate::assets::serve))
        .with_state(assets);
    let mut router = Router::new()
        .route("/healthz", get(healthz))
        .route(
            "/export/{org}/{election}/{file}",
            get(crate::downloads::download),
        )
        .route(
            "/export/{org}/c/{conference}/{file}",
            get(crate::downloads_conference::record_file),
        )
        .route(
            "/export/{org}/c/{conference}/delegates/{event}/{file}",
            get(crate::downloads_conference::delegates_file),
        )
        .route(
            "/photos/{org}/{election}/{file}",
            get(voz_app::elections::photo::http::ssr::serve_photo),
        )
        .route(
            "/export/{org}/calls/{call}/{file}",
            get(crate::downloads_call::call_file),
        )
        .route(
            "/files/calls/{org}/{call}/{file}",
            get(voz_app::calls::apply::http::ssr::serve_document),
        )
        // Before the page routes: `/:lang/...` would otherwise claim `/pkg/...`.
        .nest("/pkg", pkg)
        .leptos_routes(&state, routes, move || shell(shell_options.clone()))
        // Pages are under `/<lang>/` (their own 404 page included); what reaches this is
        // an unknown file or endpoint.
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found\n") })
        .layer(axum::middleware::from_fn(
            crate::finish_render::run_to_completion,
        ))
        .layer(axum::middleware::from_fn(
            crate::plain_forms::answer_forms_with_redirects,
        ))
        .layer(axum::middleware::from_fn_with_state(
            https,
            crate::locale_redirect::redirect_to_locale,
        ))
        .layer(axum::middleware::from_fn_with_state(
            origin.clone(),
            crate::csrf::refuse_cross_site,
        ))
        .layer(axum::middleware::from_fn(
            crate::api_errors::status_from_code,
        ))
        .layer(axum::middleware::from_fn_with_state(
            origin_for_limits,
            crate::body_limits::limit_bodies,
        ));
    for layer in crate::security_headers::layers() {
        router = router.layer(layer);
    }
    router = router.layer(axum::middleware::from_fn_with_state(
        https,
        crate::security_headers::cache_and_transport,
    ));
    // Pages and answers are compressed per response; the static files are not: a release
    // serves their brotli/gzip copies made at build time (`assets`).
    let dynamic_only = DefaultPredicate::new()
        .and(NotForContentType::const_new("application/wasm"))
        .and(NotForContentType::const_new("text/javascript"))
        .and(NotForContentType::const_new("text/css"));
    if let Some(public) = public {
        router = router.layer(axum::middleware::from_fn_with_state(
            public,
            crate::canonical_host::redirect_to_public_url,
        ));
    }
    router
        .layer(CompressionLayer::new().compress_when(dynamic_only))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// 200 when the database answers, 503 otherwise: what a load balancer needs to know.
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n"),
        Err(error) => {
            tracing::warn!(%error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
        }
    }
}

/// Expired sessions and challenges are useless and (for sessions) sensitive: drop them
/// every few minutes. Any process may do it; the deletes are idempotent.
fn spawn_purger(db: Db) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(300));
        loop {
            every.tick().await;
            if let Err(error) = sessions_store::purge_expired(&db, now_millis()).await {
                tracing::warn!(%error, "purging expired sessions failed");
            }
            // Attempts older than every rate limit's window count for nothing any more.
            let before = now_millis() - voz_app::platform::web::rate_limit::LONGEST_WINDOW_MS;
            if let Err(error) = access_code_store::purge_attempts(&db, before).await {
                tracing::warn!(%error, "purging old attempts failed");
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
