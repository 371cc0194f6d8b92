//! Signing in with a printed access code (typed, or read from the card's QR link): a plain
//! form, so it works on a phone without JavaScript and loads no browser bundle.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::accounts::access_code::api::SignInWithCodeForm;
use crate::error::{ErrorCode, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};

/// A scanned card opens `/<lang>/code#CODE`: the fragment never reaches the server (nor its
/// logs), so this line copies it into the field when scripts run; otherwise the person
/// types the code printed under the QR.
const CODE_FROM_FRAGMENT: &str = "(function(){var h=location.hash.slice(1);\
if(h){document.getElementById('access_code').value=decodeURIComponent(h);}})();";

#[component]
pub fn CodeSignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let error = move || {
        query
            .with(|q| q.get("error"))
            .and_then(|code| ErrorCode::from_query(&code))
    };
    let locale = i18n.get_locale_untracked().as_str();
    view! {
        <Title text=t_string!(i18n, accounts.code_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.code_title)}</h1>
            <p class="lead">{t!(i18n, accounts.code_intro)}</p>
            <form method="post" action=SignInWithCodeForm::PATH autocomplete="off">
                <input type="hidden" name="locale" value=locale />
                <div class="field">
                    <label for="access_code">{t!(i18n, accounts.code_label)}</label>
                    <input id="access_code" name="code" class="code-input" type="text" inputmode="text"
                        autocomplete="one-time-code" autocapitalize="characters" spellcheck="false"
                        maxlength="20" required dir="ltr" />
                </div>
                {move || error().map(|code| view! { <ErrorMessage code /> })}
                <button type="submit" class="primary">{t!(i18n, accounts.code_submit)}</button>
            </form>
            <script nonce=leptos::nonce::use_nonce() inner_html=CODE_FROM_FRAGMENT></script>
        </article>
    }
}
