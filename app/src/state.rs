//! What every request handler and server function can reach (provided as context).

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::accounts::secret::ServerSecret;
use crate::db::Db;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub secret: ServerSecret,
    /// Where people reach this installation, without a trailing slash.
    pub public_url: String,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
