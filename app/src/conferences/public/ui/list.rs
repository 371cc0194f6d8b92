//! Every proposal of an edition, filtered by theme, event, level and status and searched
//! by words: a plain GET form (works without scripts; the address can be shared), the
//! results a page at a time.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{EditionCrumb, ProposalList, conference_path, param, status};
use crate::conferences::proposal::rules::ProposalStatus;
use crate::conferences::public::api::{ProposalQuery, ProposalsPage, load_proposals};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Loaded, Pager, query_value};

#[component]
pub fn ProposalsPageView() -> impl IntoView {
    let (org, conference) = (param("org"), param("conference"));
    let query = use_query_map();
    let read = move || {
        query.with(|q| ProposalQuery {
            theme: q.get("theme").unwrap_or_default(),
            event: q.get("event").unwrap_or_default(),
            level: q.get("level").unwrap_or_default(),
            status: q.get("status").unwrap_or_default(),
            q: q.get("q").unwrap_or_default(),
            page: q.get("page").unwrap_or_default(),
        })
    };
    let page = Resource::new(
        move || (org(), conference(), read()),
        |(o, c, q)| load_proposals(o, c, q),
    );
    view! { <Loaded resource=page show=|page| view! { <Proposals page /> } /> }
}

#[component]
fn Proposals(page: ProposalsPage) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let title = t_string!(i18n, conferences.list_title).to_owned();
    let action = conference_path(&page.head, "/proposals");
    let q = page.query.clone();
    let selected = |value: &str, current: &str| value == current;
    let base = {
        let pairs = [
            ("theme", &q.theme),
            ("event", &q.event),
            ("level", &q.level),
            ("status", &q.status),
            ("q", &q.q),
        ];
        let query: Vec<String> = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", query_value(v)))
            .collect();
        if query.is_empty() {
            action.clone()
        } else {
            format!("{action}?{}", query.join("&"))
        }
    };
    let found = t_string!(i18n, conferences.list_found, n = page.total).to_string();
    view! {
        <Title text=title.clone() />
        <EditionCrumb head=page.head.clone() />
        <h1>{title}</h1>
        <form method="get" action=action.clone() class="filters" role="search">
            <label for="q">{t!(i18n, conferences.list_words)}</label>
            <input type="search" id="q" name="q" value=q.q.clone() maxlength="200" dir="auto" />
            <label for="theme">{t!(i18n, conferences.proposal_theme)}</label>
            <select id="theme" name="theme">
                <option value="">{t!(i18n, conferences.list_any)}</option>
                {page.themes.iter().map(|(number, names)| {
                    let value = number.to_string();
                    let name = format!("E{number} · {}", names.text_or(&reader, ""));
                    view! { <option value=value.clone() selected=selected(&value, &q.theme)>{name}</option> }
                }).collect_view()}
            </select>
            <label for="event">{t!(i18n, conferences.proposal_event)}</label>
            <select id="event" name="event">
                <option value="">{t!(i18n, conferences.list_any)}</option>
                {page.events.iter().map(|(slug, name)| view! {
                    <option value=slug.clone() selected=selected(slug, &q.event)>{name.clone()}</option>
                }).collect_view()}
            </select>
            <label for="level">{t!(i18n, conferences.proposal_level)}</label>
            <select id="level" name="level">
                <option value="">{t!(i18n, conferences.list_any)}</option>
                {page.levels.iter().map(|level| view! {
                    <option value=level.code.clone() selected=selected(&level.code, &q.level)>{level.names.text_or(&reader, &level.code)}</option>
                }).collect_view()}
            </select>
            <label for="status">{t!(i18n, conferences.list_status)}</label>
            <select id="status" name="status">
                <option value="">{t!(i18n, conferences.list_any)}</option>
                {ProposalStatus::ALL.iter().map(|s| view! {
                    <option value=s.code() selected=selected(s.code(), &q.status)>{status(i18n, *s)}</option>
                }).collect_view()}
            </select>
            <button type="submit" class="primary">{t!(i18n, conferences.list_apply)}</button>
        </form>
        <p role="status" data-testid="list-found">{found}</p>
        <ProposalList head=page.head.clone() proposals=page.proposals.clone() with_event=true />
        <Pager page=page.page pages=page.pages base=base />
    }
}
