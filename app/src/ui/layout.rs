//! The frame around every page: language switcher, header with navigation, footer.

use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::{use_location, use_params_map};

use leptos_i18n::Locale as _;

use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::{SWITCHER_ORDER, autonym, localized_path, split_locale};
use crate::ui::not_found::NotFoundPage;

/// Everything under `/:lang/`: adopts the URL's language, then draws the frame.
#[component]
pub fn LocaleLayout() -> impl IntoView {
    let params = use_params_map();
    let i18n = use_i18n();
    let url_locale = Memo::new(move |_| {
        params.with(|p| p.get("lang").and_then(|tag| tag.parse::<Locale>().ok()))
    });
    // Adopt the URL's language before anything renders, on the server and during
    // hydration alike, so both produce the same HTML.
    if let Some(locale) = url_locale.get_untracked()
        && i18n.get_locale_untracked() != locale
    {
        i18n.set_locale(locale);
    }
    // After hydration the router changes the URL without re-creating this layout.
    Effect::new(move |_| {
        if let Some(locale) = url_locale.get()
            && i18n.get_locale_untracked() != locale
        {
            i18n.set_locale(locale);
            #[cfg(feature = "hydrate")]
            crate::locale::remember(locale);
        }
    });

    // A kiosk shows the ballot and nothing to navigate to (the language stays choosable).
    let location = use_location();
    // Staff screens speak about the person in front of the staff member.
    if location
        .pathname
        .with_untracked(|path| path.contains("/staff/"))
    {
        provide_context(crate::error::Voice::Staff);
    }
    let kiosk = move || location.pathname.with(|path| is_kiosk_page(path));
    view! {
        <Show when=move || url_locale.get().is_some() fallback=NotFoundPage>
            <a class="skip" href="#main">{t!(i18n, common.skip_to_content)}</a>
            <LanguageSwitcher />
            {move || (!kiosk()).then(|| view! { <Header /> }.into_any())}
            <main id="main" tabindex="-1">
                <Outlet />
            </main>
            {move || (!kiosk()).then(|| view! { <Footer /> }.into_any())}
        </Show>
    }
}

/// Links to the same page in every language, each named in itself; plain links, so it
/// works before (or without) the browser bundle.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let current_rest = move || {
        location
            .pathname
            .with(|path| split_locale(path).1.to_owned())
    };
    view! {
        <nav class="languages" aria-label=move || t_string!(i18n, common.language_label)>
            <ul>
                {SWITCHER_ORDER
                    .into_iter()
                    .map(|locale| {
                        let href = move || localized_path(locale, &current_rest());
                        let current = move || (i18n.get_locale() == locale).then_some("true");
                        view! {
                            <li>
                                <a
                                    href=href
                                    hreflang=locale.as_str()
                                    lang=locale.as_str()
                                    aria-current=current
                                >
                                    {autonym(locale)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let home = move || localized_path(i18n.get_locale(), "/");
    let about = move || localized_path(i18n.get_locale(), "/about");
    let account = move || localized_path(i18n.get_locale(), "/account");
    view! {
        <header class="site-header">
            <a class="brand" href=home>
                <span class="brand-name">{t!(i18n, common.site_name)}</span>
                <span class="brand-tagline">{t!(i18n, common.tagline)}</span>
            </a>
            <nav class="main-nav" aria-label=move || t_string!(i18n, common.nav_label)>
                <ul>
                    // `A` marks the current page with aria-current="page".
                    <li>
                        <A href=home exact=true>
                            {t!(i18n, common.nav_home)}
                        </A>
                    </li>
                    <li>
                        <A href=about>{t!(i18n, common.nav_about)}</A>
                    </li>
                    <li>
                        <A href=account>{t!(i18n, common.nav_account)}</A>
                    </li>
                </ul>
            </nav>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{t!(i18n, common.footer_text)}</p>
        </footer>
    }
}

/// The kiosk's pages: no site navigation, nothing to wander off to.
pub fn is_kiosk_page(path: &str) -> bool {
    let (_, rest) = crate::locale::split_locale(path);
    let rest = rest.trim_matches('/');
    rest == "kiosk" || rest.starts_with("kiosk/")
}
