//! The calls lists: on an organization's page, and the staff's `/staff/<org>/calls`.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::calls::labels::phase;
use crate::calls::list::api::{CallCard, list_staff_calls};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{Loaded, route_param};

/// An organization's public calls (nothing when it has none).
#[component]
pub fn CallList(cards: Vec<CallCard>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    (!cards.is_empty()).then(|| {
        view! {
            <h2>{t!(i18n, calls.calls_heading)}</h2>
            <ul class="plain cards">
                {cards.into_iter().map(|c| view! {
                    <li class="card">
                        <a href=localized_path(locale, &format!("/o/{}/calls/{}", c.organization, c.slug))>
                            <TranslatedText labels=c.titles.clone() reader=reader.clone() />
                        </a>
                        <p class="hint">{phase(i18n, c.phase)}</p>
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

#[component]
pub fn StaffCallsPage() -> impl IntoView {
    let i18n = use_i18n();
    let org = route_param("org");
    let data = Resource::new(org, list_staff_calls);
    let title = t_string!(i18n, calls.calls_heading).to_string();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <Loaded resource=data show=move |staff| {
            let locale = i18n.get_locale_untracked();
            let reader = locale.as_str().to_owned();
            let new_call = localized_path(locale, &format!("/staff/{}/calls/new", org()));
            view! {
                {staff.team.then(|| view! { <p><a class="button" href=new_call>{t!(i18n, calls.setup_new)}</a></p> })}
                <ul class="plain cards">
                    {staff.calls.into_iter().map(|c| {
                        let base = format!("/staff/{}/calls/{}", c.organization, c.slug);
                        view! {
                            <li class="card">
                                <h2><TranslatedText labels=c.titles.clone() reader=reader.clone() /></h2>
                                <p class="hint">{phase(i18n, c.phase)}</p>
                                {staff.team.then(|| view! { <p><a href=localized_path(locale, &base)>{t!(i18n, calls.room_title)}</a></p> })}
                                {staff.juror.then(|| view! { <p><a href=localized_path(locale, &format!("{base}/jury"))>{t!(i18n, calls.jury_title)}</a></p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        } />
    }
}
