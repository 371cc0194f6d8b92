//! An edition's public page: where it stands, its themes with proposals before and
//! consolidated proposals after, and its events.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use super::{conference_path, dates, kind, param, phase};
use crate::conferences::edition::rules::Phase;
use crate::conferences::event::rules::EventKind;
use crate::conferences::public::api::{EditionPage, EventCard, load_edition};
use crate::i18n::{t, t_string, use_i18n};
use crate::platform::text::dates::long_date;
use crate::platform::text::ui::{Original, TranslatedText};
use crate::platform::timeline::ui::Calendar;
use crate::ui::kit::Loaded;

#[component]
pub fn EditionPageView() -> impl IntoView {
    let (org, conference) = (param("org"), param("conference"));
    let page = Resource::new(move || (org(), conference()), |(o, c)| load_edition(o, c));
    view! { <Loaded resource=page show=|page| view! { <Edition page /> } /> }
}

#[component]
fn Edition(page: EditionPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let head = page.head.clone();
    let title = head.names.text_or(&reader, &head.slug);
    let organization = head
        .organization_names
        .text_or(&reader, &head.organization_name);
    let proposals: i64 = page.themes.iter().map(|t| t.proposals).sum();
    let consolidated: i64 = page.themes.iter().map(|t| t.consolidated).sum();
    let summary = if head.phase.consolidated() || consolidated > 0 {
        t_string!(
            i18n,
            conferences.edition_counts_after,
            proposals = proposals,
            consolidated = consolidated,
            motions = page.motions
        )
        .to_string()
    } else {
        t_string!(
            i18n,
            conferences.edition_counts_before,
            proposals = proposals
        )
        .to_string()
    };
    let (pre, free): (Vec<EventCard>, Vec<EventCard>) = page
        .events
        .iter()
        .cloned()
        .partition(|e| e.kind == EventKind::PreConference);
    view! {
        <Title text=title.clone() />
        <p class="eyebrow">{organization}</p>
        <h1><TranslatedText labels=head.names.clone() reader=reader.clone() /></h1>
        <Original labels=head.names.clone() reader=reader.clone() />
        <p class="lead">{dates(&head, locale)}</p>
        <p>{t!(i18n, conferences.phase_now)} " " <strong class="phase-now">{phase(i18n, head.phase)}</strong></p>
        <p data-testid="edition-counts">{summary}</p>
        {head.phase.takes_free_conferences().then(|| view! {
            <p><a class="button primary" href=conference_path(&head, "/free-conference")>{t!(i18n, conferences.free_title)}</a></p>
        })}
        <ul class="inline-links">
            <li><a href=conference_path(&head, "/proposals")>{t!(i18n, conferences.list_title)}</a></li>
            {(head.phase >= Phase::Plenary).then(|| view! { <li><a href=conference_path(&head, "/plenary")>{t!(i18n, conferences.plenary_title)}</a></li> })}
            {(head.phase >= Phase::Plan).then(|| view! { <li><a href=conference_path(&head, "/plan")>{t!(i18n, conferences.plan_title)}</a></li> })}
        </ul>
        <p class="hint">{t!(i18n, conferences.downloads_label)} " "
            {["proposals.csv", "proposals.jsonl", "consolidated.jsonl", "events.jsonl", "plan.jsonl"].into_iter().map(|file| {
                let href = format!("/export/{}/c/{}/{file}", head.organization, head.slug);
                view! { <a href=href download="" dir="ltr">{file}</a> " " }
            }).collect_view()}
        </p>
        <h2>{t!(i18n, conferences.themes_heading)}</h2>
        <ol class="plain themes">
            {page.themes.iter().map(|theme| {
                let counts = t_string!(i18n, conferences.theme_counts, proposals = theme.proposals, consolidated = theme.consolidated).to_string();
                view! {
                    <li>
                        <span><span class="theme-code">{format!("E{}", theme.number)}</span> " "
                        <TranslatedText labels=theme.names.clone() reader=reader.clone() /></span>
                        <span class="hint">{counts}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
        <EventSection heading=t_string!(i18n, conferences.pre_conferences_heading) events=pre head=head.clone() />
        <EventSection heading=t_string!(i18n, conferences.free_conferences_heading) events=free head=head.clone() />
        <Calendar phase=head.phase history=page.history.clone() deadlines=vec![] changes=vec![] label=phase />
    }
}

#[component]
fn EventSection(
    heading: &'static str,
    events: Vec<EventCard>,
    head: crate::conferences::public::api::EditionHead,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <h2>{heading}</h2>
        {if events.is_empty() {
            view! { <p class="hint">{t!(i18n, conferences.no_events)}</p> }.into_any()
        } else {
            view! {
                <ul class="plain events">
                    {events.into_iter().map(|e| {
                        let href = conference_path(&head, &format!("/events/{}", e.slug));
                        let counts = t_string!(i18n, conferences.event_counts, participants = e.participants, proposals = e.proposals).to_string();
                        let place = e.place.clone().unwrap_or_else(|| t_string!(i18n, conferences.event_online).to_owned());
                        view! {
                            <li class="event">
                                <a href=href dir="auto">{e.name.clone()}</a>
                                <span class="hint">
                                    <time datetime=e.held_on.to_string()>{long_date(e.held_on, locale)}</time>
                                    " · " <span dir="auto">{place}</span> " · " {counts}
                                    " · " {kind(i18n, e.kind)}
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// An organization's conference editions, linked (nothing when it has none).
#[component]
pub fn EditionList(cards: Vec<crate::conferences::public::api::EditionCard>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let org = param("org")();
    (!cards.is_empty()).then(|| {
        view! {
            <h2>{t!(i18n, conferences.editions_heading)}</h2>
            <ul class="plain events">
                {cards.into_iter().map(|card| {
                    let href = crate::locale::localized_path(locale, &format!("/o/{org}/c/{}", card.slug));
                    let dates = format!("{} – {}", long_date(card.starts_on, locale), long_date(card.ends_on, locale));
                    view! {
                        <li>
                            <a href=href><TranslatedText labels=card.names.clone() reader=reader.clone() /></a>
                            <span class="hint">{dates} " · " {phase(i18n, card.phase)}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}
