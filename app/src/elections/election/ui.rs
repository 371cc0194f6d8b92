//! An election's public page: where it stands in its calendar (with the audited date of
//! each phase), how to vote, the segments and, from the final list on, the candidates.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::elections::calendar::rules::Phase;
use crate::elections::candidacy::CandidateKind;
use crate::elections::election::api::{CandidateView, ElectionPage, load_election};
use crate::elections::photo::ui::CandidatePhoto;
use crate::elections::ui::labels;
use crate::elections::ui::{election_path, route_keys};
use crate::i18n::{t, t_string, use_i18n};
use crate::platform::text::dates::long_date;
use crate::platform::text::ui::{Original, TranslatedText};
use crate::platform::timeline::ui::Calendar;
use crate::results::count::ReceiptMode;
use crate::ui::kit::Loaded;

#[component]
pub fn ElectionPageView() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let page = Resource::new(
        move || (keys(), i18n.get_locale().as_str().to_owned()),
        |((org, election), locale)| load_election(org, election, locale),
    );
    view! { <Loaded resource=page show=|page| view! { <Election page /> } /> }
}

#[component]
fn Election(page: ElectionPage) -> impl IntoView {
    let i18n = use_i18n();
    let title = page.title.clone();
    let path = |rest: &str| election_path(&page.organization, &page.slug, rest);
    let phase = page.phase;
    let action = match phase {
        Phase::CandidacyRegistration | Phase::Appeals => Some((
            path("/candidacy"),
            t_string!(i18n, elections.election_candidacy_link),
        )),
        // Only while the reader's channel is open: online voting, on the organization's
        // clock. (At a polling station the poll workers hand over the ballot.)
        Phase::Voting if page.online_open => {
            Some((path("/vote"), t_string!(i18n, elections.election_vote_link)))
        }
        _ => None,
    };
    let results = phase.results_public().then(|| path("/results"));
    let board = phase.ballots_public().then(|| path("/board"));
    // From the first ballot on, a voter can check that theirs is in the box.
    let check = (phase >= Phase::Voting).then(|| path("/check"));
    view! {
        <Title text=title.clone() />
        <p class="eyebrow">{page.organization_name.clone()}</p>
        <h1>{title}</h1>
        <p class="lead">
            {t!(i18n, elections.election_phase_now)} " " <strong class="phase-now">{labels::phase(i18n, phase)}</strong>
        </p>
        {action.map(|(href, text)| view! { <p><a class="button primary" href=href>{text}</a></p> })}
        {(results.is_some() || board.is_some() || check.is_some()).then(|| view! {
            <ul class="inline-links">
                {results.map(|href| view! { <li><a href=href>{t!(i18n, elections.election_results_link)}</a></li> })}
                {board.map(|href| view! { <li><a href=href>{t!(i18n, elections.election_board_link)}</a></li> })}
                {check.map(|href| view! { <li><a href=href>{t!(i18n, elections.check_link)}</a></li> })}
            </ul>
        })}
        <Calendar phase history=page.history.clone() deadlines=page.deadlines.clone() changes=page.deadline_changes.clone() label=labels::phase />
        <Channels page=page.clone() />
        <Rules page=page.clone() />
        <h2>{t!(i18n, elections.election_segments)}</h2>
        {page.segments.into_iter().map(|segment| {
            let reader = i18n.get_locale_untracked().as_str().to_owned();
            let seats = t_string!(
                i18n,
                elections.election_seats,
                seats = t_string!(i18n, elections.election_seat_count, count = segment.seats).to_string(),
                alternates = t_string!(i18n, elections.election_alternate_count, count = segment.alternates).to_string()
            )
            .to_string();
            let who = match segment.kind {
                CandidateKind::Individual => t_string!(i18n, elections.election_kind_individual),
                CandidateKind::Organization => t_string!(i18n, elections.election_kind_organization),
            };
            let public = phase.candidates_public();
            view! {
                <section class="segment" id=format!("segment-{}", segment.id)>
                    <h3>
                        {if segment.labels.original().is_some() {
                            view! { <TranslatedText labels=segment.labels.clone() reader=reader.clone() /> }.into_any()
                        } else {
                            segment.id.clone().into_any()
                        }}
                    </h3>
                    <Original labels=segment.labels.clone() reader=reader.clone() />
                    <p class="hint">{seats} " · " {who}</p>
                    {if public && segment.candidates.is_empty() {
                        view! { <p class="hint">{t!(i18n, elections.election_no_candidates)}</p> }.into_any()
                    } else if public {
                        view! {
                            <ul class="plain candidates">
                                {segment.candidates.into_iter().map(|c| view! { <Candidate candidate=c /> }).collect_view()}
                            </ul>
                        }.into_any()
                    } else {
                        view! { <p class="hint">{t!(i18n, elections.election_candidates_later)}</p> }.into_any()
                    }}
                </section>
            }
        }).collect_view()}
        {(page.extra_seats > 0).then(|| view! {
            <p>{t_string!(i18n, elections.election_extra_seats, count = page.extra_seats).to_string()}</p>
        })}
    }
}

#[component]
fn Candidate(candidate: CandidateView) -> impl IntoView {
    let i18n = use_i18n();
    let details = [
        candidate.representative.clone(),
        Some(candidate.nationality.clone()),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let has_platform = !candidate.platform_html.is_empty();
    view! {
        <li class="candidate" id=format!("candidate-{}", candidate.id)>
            <div class="candidate-head">
                <CandidatePhoto photo=candidate.photo.clone() name=candidate.name.clone() />
                <div>
                    <p class="candidate-name" dir="auto">{candidate.name.clone()}</p>
                    <p class="hint">{details}</p>
                </div>
            </div>
            {has_platform.then(|| view! {
                <details>
                    <summary>{t!(i18n, elections.election_platform)}</summary>
                    // Rendered from Markdown and sanitized on the server (platform::text::markdown).
                    <div class="platform" lang=candidate.platform_lang.clone() inner_html=candidate.platform_html.clone()></div>
                </details>
            })}
        </li>
    }
}

/// The rules fixed at configuration, public from then on: parity, the lot seed that breaks
/// ties, how tracking codes are published, the smallest group any figure describes.
#[component]
fn Rules(page: ElectionPage) -> impl IntoView {
    let i18n = use_i18n();
    let receipts = match page.receipts {
        ReceiptMode::Separate => t_string!(i18n, results.board_mode_separate),
        ReceiptMode::Paired => t_string!(i18n, results.board_mode_paired),
    };
    view! {
        <h2>{t!(i18n, results.minutes_rules)}</h2>
        <ul class="election-rules" data-testid="election-rules">
            <li>{t_string!(i18n, results.minutes_rules_text, percent = page.parity_percent, seed = page.lot_seed.clone()).to_string()}</li>
            <li>{receipts}</li>
            <li>{t_string!(i18n, results.results_group_rule, k = page.min_group_size).to_string()}</li>
        </ul>
    }
}

#[component]
fn Channels(page: ElectionPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let online = page.online.map(|(from, to)| {
        t_string!(
            i18n,
            elections.election_online_window,
            from = long_date(from, locale),
            to = long_date(to, locale)
        )
        .to_string()
    });
    let in_person = page.in_person.map(|day| {
        t_string!(
            i18n,
            elections.election_in_person_day,
            date = long_date(day.date, locale),
            opens = day.opens,
            closes = day.closes
        )
        .to_string()
    });
    (online.is_some() || in_person.is_some()).then(|| view! {
        <h2>{t!(i18n, elections.election_how_to_vote)}</h2>
        <ul>
            {online.map(|text| view! { <li>{text}</li> })}
            {in_person.map(|text| view! { <li>{text}</li> })}
        </ul>
        {(!page.stations.is_empty()).then(|| view! {
            <details>
                <summary>{t_string!(i18n, elections.election_stations, count = page.stations.len()).to_string()}</summary>
                <ul class="plain stations">
                    {page.stations.iter().map(|s| view! {
                        <li><strong>{s.name.clone()}</strong> " — " {s.address.clone()} " (" {s.region.clone()} ")"</li>
                    }).collect_view()}
                </ul>
            </details>
        })}
    })
}
