//! What every request handler and server function can reach (provided as context).

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::accounts::secret::ServerSecret;
use crate::db::Db;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    /// Uploaded files, named by digest (`platform::files::store`).
    pub files: crate::platform::files::store::FileStore,
    pub secret: ServerSecret,
    /// Where people reach this installation, without a trailing slash.
    pub public_url: String,
    /// The stylesheet's text: every page carries it inline (one round trip fewer before a
    /// slow phone can show anything; see `ui::shell`).
    pub stylesheet: std::sync::Arc<str>,
    /// The results page's recount script (`/pkg/<hash>/recount.js`), when the site has it.
    pub recount_script: Option<String>,
    /// Reverse proxies in front of the server: the client is the right-most address of
    /// `X-Forwarded-For` none of them wrote (see `accounts::rate_limit`).
    pub trusted_proxies: usize,
    /// Relying party for passkeys: bound to `public_url`'s host.
    pub webauthn: std::sync::Arc<webauthn_rs::Webauthn>,
}

/// The passkey relying party for an installation reached at `public_url`.
pub fn relying_party(public_url: &str) -> Result<webauthn_rs::Webauthn, String> {
    let origin =
        url::Url::parse(public_url).map_err(|e| format!("VOZ_PUBLIC_URL {public_url:?}: {e}"))?;
    let host = origin
        .host_str()
        .ok_or_else(|| format!("VOZ_PUBLIC_URL {public_url:?} has no host"))?
        .to_owned();
    webauthn_rs::WebauthnBuilder::new(&host, &origin)
        .and_then(|builder| builder.rp_name("Voz").build())
        .map_err(|e| format!("passkeys cannot work at {public_url:?}: {e}"))
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
