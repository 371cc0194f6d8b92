//! `voz serve`: migrate, then serve pages, server functions, static files and /healthz.

use std::path::Path;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes as _, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
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

    let leptos_options = LeptosOptions::builder()
        .output_name("voz")
        .site_root(args.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(args.addr)
        .build();
    let origin = public_origin(public_url).map_err(ServeError::Config)?;
    let state = AppState {
        leptos_options,
        db,
        files,
        secret,
        public_url: public_url.trim_end_matches('/').to_owned(),
        trusted_proxies: args.trusted_proxies,
        webauthn: std::sync::Arc::new(relying_party(public_url).map_err(ServeError::Config)?),
    };
    let app = router(state, origin);

    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|source| ServeError::Bind {
            addr: args.addr,
            source,
        })?;
    tracing::info!("listening on http://{}", args.addr);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

/// The plain routes (besides pages and server functions), with their methods.
pub const PLAIN_ROUTES: [(&str, &str); 4] = [
    ("GET", "/healthz"),
    ("GET", "/export/{org}/{election}/{file}"),
    ("GET", "/photos/{org}/{election}/{file}"),
    ("GET", "/pkg/{file}"),
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

fn router(state: AppState, origin: PublicOrigin) -> Router {
    let routes = generate_route_list(App);
    let https =
        crate::security_headers::Https(voz_app::platform::web::http::is_secure(&state.public_url));
    let origin_for_limits = origin.clone();
    let shell_options = state.leptos_options.clone();
    let pkg_dir = std::path::Path::new(state.leptos_options.site_root.as_ref()).join("pkg");
    // Browsers revalidate the bundle (cheap 304s) instead of running a stale one.
    let pkg = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .service(ServeDir::new(pkg_dir));
    let mut router = Router::new()
        .route("/healthz", get(healthz))
        .route(
            "/export/{org}/{election}/{file}",
            get(crate::downloads::download),
        )
        .route(
            "/photos/{org}/{election}/{file}",
            get(voz_app::elections::photo::http::ssr::serve_photo),
        )
        // Before the page routes: `/:lang/...` would otherwise claim `/pkg/...`.
        .nest_service("/pkg", pkg)
        .leptos_routes(&state, routes, move || shell(shell_options.clone()))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(
            crate::finish_render::run_to_completion,
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
    router
        .layer(CompressionLayer::new())
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
