//! The home page: what Voz is and what a person can do here.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::elections::directory::api::directory;
use crate::elections::directory::ui::ElectionList;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=t_string!(i18n, common.tagline).to_string() />
        <section class="hero">
            <h1>{t!(i18n, common.home_title)}</h1>
            <p class="lead">{t!(i18n, common.home_intro)}</p>
            <p class="notice">{t!(i18n, common.home_no_status)}</p>
        </section>
        <Organizations />
        <ul class="cards">
            <li class="card">
                <h2>{t!(i18n, common.home_elections_title)}</h2>
                <p>{t!(i18n, common.home_elections_text)}</p>
            </li>
            <li class="card">
                <h2>{t!(i18n, common.home_conferences_title)}</h2>
                <p>{t!(i18n, common.home_conferences_text)}</p>
            </li>
            <li class="card">
                <h2>{t!(i18n, common.home_calls_title)}</h2>
                <p>{t!(i18n, common.home_calls_text)}</p>
            </li>
            <li class="card">
                <h2>{t!(i18n, common.home_results_title)}</h2>
                <p>{t!(i18n, common.home_results_text)}</p>
            </li>
        </ul>
    }
}

/// The organizing bodies on this installation: each with its page, its registration link
/// and its elections (their phase, and a way to vote or read the results).
#[component]
fn Organizations() -> impl IntoView {
    let i18n = use_i18n();
    let organizations = Resource::new(|| (), |()| directory());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let organizations = organizations.await.unwrap_or_default();
                (!organizations.is_empty()).then(|| view! {
                    <section class="organizations">
                        <h2>{t!(i18n, common.organizations_title)}</h2>
                        {organizations.into_iter().map(|o| {
                            let page = localized_path(i18n.get_locale_untracked(), &format!("/o/{}", o.slug));
                            let join = localized_path(i18n.get_locale_untracked(), &format!("/join/{}", o.slug));
                            view! {
                                <section class="organization card">
                                    <div class="organization-head">
                                        <h3><a href=page>{o.names.text_or(i18n.get_locale_untracked().as_str(), &o.name)}</a></h3>
                                        <a class="button" href=join>{t!(i18n, accounts.register_action)}</a>
                                    </div>
                                    <ElectionList cards=o.elections empty=t_string!(i18n, elections.directory_none).to_string() />
                                </section>
                            }
                        }).collect_view()}
                    </section>
                })
            })}
        </Suspense>
    }
}
