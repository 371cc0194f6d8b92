//! The public conference pages and what they share: the route's keys, paths, the names of
//! conference values in the reader's language, the edition's heading.

mod consolidated;
mod edition;
mod event;
mod list;
pub(crate) mod plan;
mod plenary;
mod proposal;

pub use consolidated::ConsolidatedPageView;
pub use edition::{EditionList, EditionPageView};
pub use event::EventPageView;
pub use list::ProposalsPageView;
pub use plan::PlanPageView;
pub use plenary::PlenaryPageView;
pub use proposal::ProposalPageView;

use leptos::prelude::*;
use leptos_i18n::{I18nContext, Locale as _};

use crate::conferences::edition::rules::Phase;
use crate::conferences::event::rules::EventKind;
use crate::conferences::proposal::rules::ProposalStatus;
use crate::conferences::public::api::{EditionHead, ProposalCard, VersionView};
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::{autonym, localized_path};
use crate::platform::text::dates::long_date;
use crate::platform::text::ui::{Original, TranslatedText};
use crate::platform::timeline::ui::day;

pub(crate) use crate::ui::kit::route_param as param;

/// `/<lang>/o/<org>/c/<conference><rest>`
pub(crate) fn conference_path(head: &EditionHead, rest: &str) -> String {
    localized_path(
        use_i18n().get_locale_untracked(),
        &format!("/o/{}/c/{}{rest}", head.organization, head.slug),
    )
}

pub fn phase(i18n: I18nContext<Locale>, phase: Phase) -> &'static str {
    match phase {
        Phase::Draft => t_string!(i18n, conferences.phase_draft),
        Phase::Preparation => t_string!(i18n, conferences.phase_preparation),
        Phase::Events => t_string!(i18n, conferences.phase_events),
        Phase::Consolidation => t_string!(i18n, conferences.phase_consolidation),
        Phase::Plenary => t_string!(i18n, conferences.phase_plenary),
        Phase::Plan => t_string!(i18n, conferences.phase_plan),
        Phase::Monitoring => t_string!(i18n, conferences.phase_monitoring),
    }
}

pub(crate) fn kind(i18n: I18nContext<Locale>, kind: EventKind) -> &'static str {
    match kind {
        EventKind::PreConference => t_string!(i18n, conferences.kind_pre_conference),
        EventKind::FreeConference => t_string!(i18n, conferences.kind_free_conference),
    }
}

pub(crate) fn status(i18n: I18nContext<Locale>, status: ProposalStatus) -> &'static str {
    match status {
        ProposalStatus::Submitted => t_string!(i18n, conferences.status_submitted),
        ProposalStatus::Consolidated => t_string!(i18n, conferences.status_consolidated),
        ProposalStatus::Motion => t_string!(i18n, conferences.status_motion),
        ProposalStatus::OutOfScope => t_string!(i18n, conferences.status_out_of_scope),
        ProposalStatus::Withdrawn => t_string!(i18n, conferences.status_withdrawn),
        ProposalStatus::Hidden => t_string!(i18n, conferences.status_hidden),
    }
}

/// A plenary result's name (`priority`, `approved`, `rejected`, `motion`).
pub(crate) fn result_label(i18n: I18nContext<Locale>, result: &str) -> &'static str {
    match result {
        "priority" => t_string!(i18n, conferences.result_priority),
        "approved" => t_string!(i18n, conferences.result_approved),
        "motion" => t_string!(i18n, conferences.result_motion),
        _ => t_string!(i18n, conferences.result_rejected),
    }
}

/// A language's own name for the six Voz speaks, else its tag.
pub fn language_name(tag: &str) -> String {
    Locale::get_all()
        .iter()
        .find(|l| l.as_str() == tag)
        .map_or_else(|| tag.to_owned(), |l| autonym(*l).to_owned())
}

/// The organization and the edition above a page's own heading, linked.
#[component]
pub(crate) fn EditionCrumb(head: EditionHead) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let organization = head
        .organization_names
        .text_or(&reader, &head.organization_name);
    let edition = conference_path(&head, "");
    view! {
        <p class="eyebrow">
            {organization} " · "
            <a href=edition><TranslatedText labels=head.names.clone() reader=reader.clone() /></a>
        </p>
    }
}

/// The edition's dates, "1 June 2019 – 30 November 2019".
pub(crate) fn dates(head: &EditionHead, locale: Locale) -> String {
    format!(
        "{} – {}",
        long_date(head.starts_on, locale),
        long_date(head.ends_on, locale)
    )
}

/// Proposals in a list: the title in the reader's language (the original one tap away),
/// status, supports, and where it was written when `with_event`.
#[component]
pub(crate) fn ProposalList(
    head: EditionHead,
    proposals: Vec<ProposalCard>,
    with_event: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    view! {
        <ul class="plain proposals">
            {proposals.into_iter().map(|p| {
                let href = conference_path(&head, &format!("/proposals/{}", p.id));
                let hidden = p.status == ProposalStatus::Hidden;
                let supports = t_string!(i18n, conferences.supports_count, n = p.supports).to_string();
                let event = with_event.then(|| p.event_name.clone());
                view! {
                    <li class="proposal">
                        <a href=href>
                            {if hidden {
                                view! { <em>{t!(i18n, conferences.status_hidden)}</em> }.into_any()
                            } else {
                                view! { <TranslatedText labels=p.title.clone() reader=reader.clone() /> }.into_any()
                            }}
                        </a>
                        <Original labels=p.title.clone() reader=reader.clone() />
                        <span class="hint">
                            <span class=format!("status proposal-{}", p.status.code())>{status(i18n, p.status)}</span>
                            " · " {supports}
                            {event.map(|name| view! { " · " <span dir="auto">{name}</span> })}
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Every version of a text, newest first and open: its title, and what changed from the
/// one before (the first, as written).
#[component]
pub(crate) fn Versions(versions: Vec<VersionView>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let last = versions.len() as i64;
    view! {
        <h2>{t!(i18n, conferences.versions_heading)}</h2>
        <ol class="versions">
            {versions.into_iter().rev().map(|v| {
                let label = t_string!(i18n, conferences.version_label, number = v.version, day = day(v.edited_at, locale)).to_string();
                view! {
                    <li>
                        <details open=v.version == last>
                            <summary>{label}</summary>
                            <p dir="auto"><strong>{v.title.clone()}</strong></p>
                            {match &v.changes_html {
                                Some(html) => view! { <div class="diff" dir="auto" inner_html=html.clone()></div> }.into_any(),
                                None => view! { <p class="version-text" dir="auto">{v.body.clone()}</p> }.into_any(),
                            }}
                        </details>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
