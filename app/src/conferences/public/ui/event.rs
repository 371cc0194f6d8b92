//! An event's public page: what, when, where, who organizes it, and its proposals by
//! theme.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use super::{EditionCrumb, ProposalList, kind, language_name, param};
use crate::conferences::participate::api::{MyPart, load_my_part};
use crate::conferences::participate::ui::{EventVotesSection, TakePart};
use crate::conferences::participate::votes::{EventVotes, load_event_votes};
use crate::conferences::public::api::{EventPage, load_event};
use crate::i18n::{t, t_string, use_i18n};
use crate::platform::text::dates::long_date;
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{Fact, Facts, Loaded};

#[component]
pub fn EventPageView() -> impl IntoView {
    let (org, conference, event) = (param("org"), param("conference"), param("event"));
    let page = Resource::new(
        move || (org(), conference(), event()),
        |(o, c, e)| async move {
            let page = load_event(o.clone(), c.clone(), e.clone()).await?;
            let part = load_my_part(o.clone(), c.clone(), e.clone()).await?;
            Ok((page, part, load_event_votes(o, c, e).await?))
        },
    );
    view! { <Loaded resource=page show=|(page, part, votes)| view! { <Event page part votes /> } /> }
}

#[component]
fn Event(page: EventPage, part: MyPart, votes: EventVotes) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let e = page.event.clone();
    let languages = e
        .languages
        .iter()
        .map(|l| language_name(l))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <Title text=e.name.clone() />
        <EditionCrumb head=page.head.clone() />
        <h1 dir="auto">{e.name.clone()}</h1>
        <Facts>
            <Fact term=t!(i18n, conferences.event_kind)>{kind(i18n, e.kind)}</Fact>
            <Fact term=t!(i18n, conferences.event_date)>
                <time datetime=e.held_on.to_string()>{long_date(e.held_on, locale)}</time>
            </Fact>
            {e.place.clone().map(|place| view! { <Fact term=t!(i18n, conferences.event_place)>{place}</Fact> })}
            {e.online_link.clone().map(|link| view! {
                <Fact term=t!(i18n, conferences.event_online)>
                    <a href=link.clone() rel="nofollow noopener" dir="ltr">{link.clone()}</a>
                </Fact>
            })}
            <Fact term=t!(i18n, conferences.event_organizer)>{e.organizer.clone()}</Fact>
            <Fact term=t!(i18n, conferences.event_languages)>{languages}</Fact>
            <Fact term=t!(i18n, conferences.event_participants) testid="participants">{e.participants}</Fact>
        </Facts>
        <TakePart part organization=page.head.organization.clone() conference=page.head.slug.clone()
            event=e.slug.clone() themes=page.themes.clone() levels=page.levels.clone() />
        <EventVotesSection votes />
        <h2>{t_string!(i18n, conferences.proposals_heading, n = e.proposals).to_string()}</h2>
        {(page.proposals.is_empty()).then(|| view! { <p class="hint">{t!(i18n, conferences.no_proposals)}</p> })}
        {page.themes.into_iter().filter(|theme| theme.proposals > 0).map(|theme| {
            let ours: Vec<_> = page.proposals.iter().filter(|p| p.theme == theme.number).cloned().collect();
            view! {
                <section class="segment">
                    <h3><span class="theme-code">{format!("E{}", theme.number)}</span> " "
                        <TranslatedText labels=theme.names.clone() reader=reader.clone() /></h3>
                    <ProposalList head=page.head.clone() proposals=ours with_event=false />
                </section>
            }
        }).collect_view()}
    }
}
