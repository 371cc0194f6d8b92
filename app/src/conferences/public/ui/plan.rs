//! The plan and its progress: each action, who is responsible, the proposals it comes
//! from (each one tap from its sources and their events), and its indicators.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{EditionCrumb, conference_path, param};
use crate::conferences::plan::rules::{IndicatorStatus, progress};
use crate::conferences::public::api::{PlanPage, load_plan};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::Loaded;

#[component]
pub fn PlanPageView() -> impl IntoView {
    let (org, conference) = (param("org"), param("conference"));
    let page = Resource::new(move || (org(), conference()), |(o, c)| load_plan(o, c));
    view! { <Loaded resource=page show=|page| view! { <Plan page /> } /> }
}

pub(crate) fn indicator_status(
    i18n: leptos_i18n::I18nContext<crate::i18n::Locale>,
    status: IndicatorStatus,
) -> &'static str {
    match status {
        IndicatorStatus::NotStarted => t_string!(i18n, conferences.indicator_not_started),
        IndicatorStatus::InProgress => t_string!(i18n, conferences.indicator_in_progress),
        IndicatorStatus::Achieved => t_string!(i18n, conferences.indicator_achieved),
        IndicatorStatus::Delayed => t_string!(i18n, conferences.indicator_delayed),
    }
}

/// A number as people write it: no ".0" on whole numbers.
pub(crate) fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value:.1}")
    }
}

#[component]
fn Plan(page: PlanPage) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, conferences.plan_title).to_owned();
    let summary = t_string!(
        i18n,
        conferences.plan_summary,
        actions = page.actions.len(),
        indicators = page
            .actions
            .iter()
            .map(|a| a.indicators.len())
            .sum::<usize>()
    )
    .to_string();
    view! {
        <Title text=title.clone() />
        <EditionCrumb head=page.head.clone() />
        <h1>{title}</h1>
        <p data-testid="plan-summary">{summary}</p>
        {page.actions.is_empty().then(|| view! { <p class="hint">{t!(i18n, conferences.plan_none)}</p> })}
        <ol class="plain actions">
            {page.actions.into_iter().map(|action| {
                let from = action.from.iter().map(|code| {
                    let href = conference_path(&page.head, &format!("/consolidated/{code}"));
                    let title = page.titles.iter().find(|(c, _)| c == code).map(|(_, t)| t.clone()).unwrap_or_default();
                    view! { <li><a href=href dir="auto"><bdi>{code.clone()}</bdi> " " <bdi>{title}</bdi></a></li> }
                }).collect_view();
                let mut ids: Vec<i64> = page
                    .originals
                    .iter()
                    .filter(|(code, _)| action.from.contains(code))
                    .flat_map(|(_, ids)| ids.iter().copied())
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                let originals = ids.into_iter().map(|id| {
                    let href = conference_path(&page.head, &format!("/proposals/{id}"));
                    view! { <li><a href=href>{format!("#{id}")}</a></li> }
                }).collect_view();
                view! {
                    <li class="action" id=action.code.clone()>
                        <h2 dir="auto"><bdi>{action.code.clone()}</bdi> " " <bdi>{action.title.clone()}</bdi></h2>
                        <p class="hint">{t!(i18n, conferences.plan_responsible)} " " <span dir="auto">{action.responsible.clone()}</span></p>
                        <p class="hint">{t!(i18n, conferences.plan_from)}</p>
                        <ul class="inline-links">{from}</ul>
                        {(!originals.is_empty()).then(|| view! {
                            <p class="hint">{t!(i18n, conferences.plan_originals)}</p>
                            <ul class="inline-links" data-testid="plan-originals">{originals}</ul>
                        })}
                        <ul class="plain indicators">
                            {action.indicators.into_iter().map(|indicator| {
                                let done = progress(&indicator);
                                let targets = indicator.targets.iter().map(|(y, v)| format!("{y}: {}", number(*v))).collect::<Vec<_>>().join(" · ");
                                let baseline = t_string!(i18n, conferences.indicator_baseline, value = number(indicator.baseline), unit = indicator.unit.clone()).to_string();
                                let current = indicator.current.map(|v| t_string!(i18n, conferences.indicator_current, value = number(v)).to_string());
                                view! {
                                    <li class="indicator">
                                        <span dir="auto"><strong>{indicator.name.clone()}</strong></span>
                                        <span class=format!("status indicator-{}", indicator.status.code())>{indicator_status(i18n, indicator.status)}</span>
                                        <span class="hint">{baseline} " · " {t!(i18n, conferences.indicator_targets)} " " <span dir="ltr">{targets}</span>
                                            {current.map(|c| view! { " · " {c} })}</span>
                                        {done.map(|p| view! { <progress max="100" value=p aria-label=t_string!(i18n, conferences.indicator_progress)>{format!("{p}%")}</progress> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
