//! The page for any URL we do not have; answered with HTTP 404.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    let home = move || localized_path(i18n.get_locale(), "/");
    view! {
        <Title text=t_string!(i18n, common.not_found_title).to_string() />
        <section class="not-found">
            <h1>{t!(i18n, common.not_found_title)}</h1>
            <p>{t!(i18n, common.not_found_text)}</p>
            <p>
                <a href=home>{t!(i18n, common.back_home)}</a>
            </p>
        </section>
    }
}

/// The same, standing alone, for URLs outside any language (the frame needs one).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main id="main">
            <NotFound />
        </main>
    }
}
