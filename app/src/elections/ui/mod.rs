//! What election pages share: the route's keys, an election's paths, names of election
//! values in the reader's language. The pages themselves live in their rooms.

pub mod labels;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::i18n::use_i18n;
use crate::locale::localized_path;

/// `(organization, election)` from the route.
pub fn route_keys() -> impl Fn() -> (String, String) + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params.with(|p| {
            (
                p.get("org").unwrap_or_default(),
                p.get("election").unwrap_or_default(),
            )
        })
    }
}

/// `/<lang>/o/<org>/e/<election><rest>`
pub fn election_path(organization: &str, election: &str, rest: &str) -> String {
    localized_path(
        use_i18n().get_locale_untracked(),
        &format!("/o/{organization}/e/{election}{rest}"),
    )
}
