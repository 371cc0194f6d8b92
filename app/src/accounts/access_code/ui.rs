//! Signing in with a printed access code (typed, or read from the card's QR link).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::accounts::access_code::api::sign_in_with_code;
use crate::error::{AppError, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;

#[component]
pub fn CodeSignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    // A scanned card opens /<lang>/code#CODE: the fragment never reaches the server.
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(hash) = leptos::web_sys::window().and_then(|w| w.location().hash().ok()) {
            let typed = hash.trim_start_matches('#');
            if !typed.is_empty() {
                code.set(typed.to_owned());
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let navigate = navigate.clone();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match sign_in_with_code(code.get_untracked()).await {
                Ok(()) => navigate(
                    &localized_path(i18n.get_locale_untracked(), "/account"),
                    Default::default(),
                ),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <Title text=move || t_string!(i18n, accounts.code_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.code_title)}</h1>
            <p class="lead">{t!(i18n, accounts.code_intro)}</p>
            <form on:submit=submit>
                <div class="field">
                    <label for="access_code">{t!(i18n, accounts.code_label)}</label>
                    <input id="access_code" class="code-input" type="text" inputmode="text" autocomplete="one-time-code"
                        autocapitalize="characters" spellcheck="false" maxlength="20" required dir="ltr"
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
                </div>
                {move || error.get().map(|e| view! { <ErrorMessage code=e.code /> })}
                <button type="submit" class="primary" disabled=move || busy.get()>{t!(i18n, accounts.code_submit)}</button>
            </form>
        </article>
    }
}
