//! Signing in with a passkey: one button, no user name.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::accounts::passkey::api::{finish_sign_in, start_sign_in};
use crate::accounts::passkey::client as passkey_client;
use crate::error::{AppError, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let on_click = move |_| {
        let navigate = navigate.clone();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match sign_in().await {
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
        <Title text=move || t_string!(i18n, accounts.sign_in_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.sign_in_title)}</h1>
            <p class="lead">{t!(i18n, accounts.sign_in_intro)}</p>
            {move || error.get().map(|e| view! { <ErrorMessage code=e.code /> })}
            <button type="button" class="primary" on:click=on_click disabled=move || busy.get()>
                {move || if busy.get() { t_string!(i18n, common.working) } else { t_string!(i18n, accounts.sign_in_passkey) }}
            </button>
            <noscript>
                <p class="error">{t!(i18n, common.needs_javascript)}</p>
            </noscript>
            <p><a href=move || localized_path(i18n.get_locale(), "/code")>{t!(i18n, accounts.code_link)}</a></p>
            <p class="hint">{t!(i18n, common.no_passkey_device)}</p>
        </article>
    }
}

async fn sign_in() -> Result<(), AppError> {
    let ceremony = start_sign_in().await?;
    let assertion = passkey_client::get(&ceremony.options)
        .await
        .map_err(AppError::new)?;
    finish_sign_in(ceremony.id, assertion).await
}
