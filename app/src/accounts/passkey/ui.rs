//! Signing in with a passkey: one button, no user name. The button's form is run by the
//! [`PasskeyForm`] island; without scripts the page points to the printed-code sign-in.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::accounts::passkey::island::{Ceremony, CeremonyTexts, PasskeyForm};
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::localized_path;
use leptos_i18n::I18nContext;

/// What a passkey island may show, in the page's language.
pub fn ceremony_texts(i18n: I18nContext<Locale>) -> CeremonyTexts {
    CeremonyTexts {
        working: t_string!(i18n, common.working).to_string(),
        unsupported: t_string!(i18n, accounts.passkeys_unsupported).to_string(),
        failed: t_string!(i18n, common.error_network).to_string(),
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <Title text=t_string!(i18n, accounts.sign_in_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.sign_in_title)}</h1>
            <p class="lead">{t!(i18n, accounts.sign_in_intro)}</p>
            <PasskeyForm
                ceremony=Ceremony::SignIn
                done=localized_path(locale, "/account")
                locale=locale.as_str().to_owned()
                texts=ceremony_texts(i18n)
            >
                // Without scripts no passkey can be used: the button then leads to the
                // printed-code sign-in instead.
                <form method="get" action=localized_path(locale, "/code")>
                    <button type="submit" class="primary">{t!(i18n, accounts.sign_in_passkey)}</button>
                </form>
            </PasskeyForm>
            <noscript>
                <p class="error">{t!(i18n, common.needs_javascript)}</p>
            </noscript>
            <p><a href=localized_path(locale, "/code")>{t!(i18n, accounts.code_link)}</a></p>
            <p class="hint">{t!(i18n, common.no_passkey_device)}</p>
        </article>
    }
}
