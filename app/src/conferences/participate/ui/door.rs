//! The door of an event: whoever runs it finds a registered person by name and checks
//! them in (a plain GET search, a button per person; no script).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::conferences::participate::api::{CheckIn, CheckInPage, load_check_in};
use crate::conferences::public::ui::param;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{FormError, Loaded, query_errors};
use leptos::server_fn::ServerFn as _;

#[component]
pub fn CheckInPageView() -> impl IntoView {
    let (org, conference, event) = (param("org"), param("conference"), param("event"));
    let query = use_query_map();
    let q = move || query.with(|q| q.get("q").unwrap_or_default());
    let page = Resource::new(
        move || (org(), conference(), event(), q()),
        |(o, c, e, q)| load_check_in(o, c, e, q),
    );
    view! { <Loaded resource=page show=|page| view! { <Door page /> } /> }
}

#[component]
fn Door(page: CheckInPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let errors = query_errors();
    let here = localized_path(
        locale,
        &format!(
            "/o/{}/c/{}/events/{}/check-in",
            page.organization, page.conference, page.event
        ),
    );
    let back = localized_path(
        locale,
        &format!(
            "/o/{}/c/{}/events/{}",
            page.organization, page.conference, page.event
        ),
    );
    let counts = t_string!(
        i18n,
        conferences.door_counts,
        checked = page.checked_in,
        registered = page.registered
    )
    .to_string();
    let title = t_string!(i18n, conferences.door_title).to_string();
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><a href=back dir="auto">{page.event_name.clone()}</a></p>
        <h1>{title}</h1>
        <FormError errors />
        <p data-testid="door-counts">{counts}</p>
        {(!page.open).then(|| view! { <p class="notice">{t!(i18n, conferences.door_closed)}</p> })}
        <form method="get" action=here class="filters door-search" role="search">
            <label for="q">{t!(i18n, conferences.door_search)}</label>
            <input id="q" name="q" type="search" maxlength="100" dir="auto" value=page.q.clone() />
            <button type="submit">{t!(i18n, conferences.door_search_button)}</button>
        </form>
        {page.found.is_empty().then(|| view! { <p class="hint">{t!(i18n, conferences.door_none)}</p> })}
        <ul class="plain door-list">
            {page.found.iter().map(|person| view! {
                <li class="registrant" data-checked-in=person.checked_in.to_string()>
                    <bdi class="registrant-name">{person.name.clone()}</bdi>
                    {if person.checked_in {
                        view! { <span class="status proposal-consolidated">{t!(i18n, conferences.door_done)}</span> }.into_any()
                    } else if page.open {
                        view! {
                            <form method="post" action=CheckIn::PATH>
                                <input type="hidden" name="organization" value=page.organization.clone() />
                                <input type="hidden" name="conference" value=page.conference.clone() />
                                <input type="hidden" name="event" value=page.event.clone() />
                                <input type="hidden" name="account" value=person.account />
                                <button type="submit" class="primary">{t!(i18n, conferences.door_check_in)}</button>
                            </form>
                        }.into_any()
                    } else {
                        ().into_any()
                    }}
                </li>
            }).collect_view()}
        </ul>
    }
}
