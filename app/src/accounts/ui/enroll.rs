//! Joining as staff through a single-use link, and signing in with a printed code.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::accounts::code_sign_in::sign_in_with_code;
use crate::accounts::passkey_client;
use crate::accounts::staff::enabled_voters;
use crate::accounts::staff::team::{finish_enrollment, start_enrollment, view_invite};
use crate::accounts::ui::labels;
use crate::error::{AppError, ErrorMessage, problem_text};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::Loaded;

#[component]
pub fn EnrollPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let invite = Resource::new(token, view_invite);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let navigate = navigate.clone();
        let token = token();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let locale = i18n.get_locale_untracked();
            let outcome = async {
                let ceremony =
                    start_enrollment(token, name.get_untracked(), locale.as_str().to_owned())
                        .await?;
                let credential = passkey_client::create(&ceremony.options)
                    .await
                    .map_err(AppError::new)?;
                finish_enrollment(ceremony.id, credential).await
            }
            .await;
            match outcome {
                Ok(()) => navigate(&localized_path(locale, "/account"), Default::default()),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <Title text=move || t_string!(i18n, accounts.enroll_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.enroll_title)}</h1>
            <Loaded resource=invite show=move |invite| view! {
                        <p class="lead">
                            {move || t_string!(i18n, accounts.enroll_offer, role = labels::role(i18n, invite.role), organization = invite.organization.clone()).to_string()}
                        </p>
                    }.into_any()
            />
            <form on:submit=submit>
                <div class="field">
                    <label for="display_name">{t!(i18n, common.field_display_name)}</label>
                    <input id="display_name" type="text" maxlength="80" required autocomplete="name"
                        on:input=move |ev| name.set(event_target_value(&ev)) aria-describedby="display_name-error" />
                    <p class="field-error" id="display_name-error" role="alert">
                        {move || error.with(|e| e.as_ref().and_then(|e| e.problem_of("display_name")).map(problem_text))}
                    </p>
                </div>
                {move || error.with(|e| e.as_ref().filter(|e| e.fields.is_empty()).map(|e| view! { <ErrorMessage code=e.code /> }))}
                <button type="submit" class="primary" disabled=move || busy.get()>{t!(i18n, accounts.enroll_submit)}</button>
            </form>
        </article>
    }
}

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

#[component]
pub fn VotersPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("org").unwrap_or_default());
    let voters = Resource::new(slug, enabled_voters);
    view! {
        <Title text=move || t_string!(i18n, accounts.voters_title).to_string() />
        <h1>{t!(i18n, accounts.voters_title)}</h1>
        <Loaded resource=voters show=move |(organization, voters)| {
                    let count = voters.len();
                    view! {
                        <p class="lead">{organization}</p>
                        <p>{move || t_string!(i18n, accounts.voters_count, count = count).to_string()}</p>
                        <table class="voters">
                            <thead><tr><th scope="col">{t!(i18n, accounts.voters_name)}</th><th scope="col">{t!(i18n, common.field_district)}</th></tr></thead>
                            <tbody>
                                {voters.into_iter().map(|(name, district)| view! { <tr><td>{name}</td><td>{district}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }
        />
    }
}
