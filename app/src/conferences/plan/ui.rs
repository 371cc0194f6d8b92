//! The plan's room for the conference team: the actions so far, each indicator with a
//! form to report its value and status, and the form that turns approved proposals into
//! a new action (three indicator slots; an empty one is skipped). Plain forms, no script.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::conferences::plan::form::{INDICATOR_SLOTS, IndicatorForm, indicator_field};
use crate::conferences::plan::room::{AddPlanAction, PlanRoom, ReportIndicator, load_plan_room};
use crate::conferences::plan::rules::{Action, Indicator, IndicatorStatus};
use crate::conferences::public::ui::param;
use crate::conferences::public::ui::plan::{indicator_status, number};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{FieldError, FormError, Loaded, problem, query_errors};
use leptos::server_fn::ServerFn as _;

fn keys(room: &PlanRoom) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="organization" value=room.organization.clone() />
        <input type="hidden" name="conference" value=room.conference.clone() />
    }
}

#[component]
pub fn PlanRoomView() -> impl IntoView {
    let (org, conference) = (param("org"), param("conference"));
    let page = Resource::new(move || (org(), conference()), |(o, c)| load_plan_room(o, c));
    view! { <Loaded resource=page show=|room| view! { <Room room /> } /> }
}

#[component]
fn Room(room: PlanRoom) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let errors = query_errors();
    let title = t_string!(i18n, conferences.plan_room_title).to_string();
    let public = localized_path(
        locale,
        &format!("/o/{}/c/{}/plan", room.organization, room.conference),
    );
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><TranslatedText labels=room.names.clone() reader=reader.clone() /></p>
        <h1>{title}</h1>
        {(!room.reporting).then(|| view! { <p class="notice">{t!(i18n, conferences.plan_room_closed)}</p> })}
        <FormError errors />
        <p><a href=public>{t!(i18n, conferences.plan_room_public)}</a></p>
        <h2>{t_string!(i18n, conferences.plan_room_actions, n = room.actions.len()).to_string()}</h2>
        <ol class="plain plan-actions">
            {room.actions.iter().map(|action| view! { <ActionLine action=action.clone() room=room.clone() /> }).collect_view()}
        </ol>
        {room.open.then(|| view! { <NewAction room=room.clone() /> })}
    }
}

#[component]
fn ActionLine(action: Action, room: PlanRoom) -> impl IntoView {
    let i18n = use_i18n();
    let from = action.from.join(", ");
    view! {
        <li class="action" id=action.code.clone()>
            <h3 dir="auto"><bdi>{action.code.clone()}</bdi> " " <bdi>{action.title.clone()}</bdi></h3>
            <p class="hint">{t!(i18n, conferences.plan_responsible)} " " <bdi>{action.responsible.clone()}</bdi> " · " {t!(i18n, conferences.plan_from)} " " <bdi>{from}</bdi></p>
            <ul class="plain plan-indicators">
                {action.indicators.iter().map(|i| view! { <IndicatorLine indicator=i.clone() room=room.clone() /> }).collect_view()}
            </ul>
        </li>
    }
}

#[component]
fn IndicatorLine(indicator: Indicator, room: PlanRoom) -> impl IntoView {
    let i18n = use_i18n();
    let id = indicator.id;
    let targets = indicator
        .targets
        .iter()
        .map(|(y, v)| format!("{y}: {}", number(*v)))
        .collect::<Vec<_>>()
        .join(" · ");
    let baseline = t_string!(
        i18n,
        conferences.indicator_baseline,
        value = number(indicator.baseline),
        unit = indicator.unit.clone()
    )
    .to_string();
    let current = indicator.current.map(number).unwrap_or_default();
    view! {
        <li class="indicator" id=format!("indicator-{id}")>
            <p><strong dir="auto">{indicator.name.clone()}</strong> " · " {indicator_status(i18n, indicator.status)}</p>
            <p class="hint">{baseline} " · " {t!(i18n, conferences.indicator_targets)} " " <span dir="ltr">{targets}</span></p>
            {room.reporting.then(|| view! {
                <form method="post" action=ReportIndicator::PATH class="indicator-report" novalidate>
                    {keys(&room)}
                    <input type="hidden" name="indicator" value=id />
                    <label for=format!("value-{id}")>{t!(i18n, conferences.plan_room_value)}</label>
                    <input id=format!("value-{id}") name="report[value]" type="text" inputmode="decimal" value=current />
                    <label for=format!("status-{id}")>{t!(i18n, conferences.plan_room_status)}</label>
                    <select id=format!("status-{id}") name="report[status]">
                        {IndicatorStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.code() selected=s == indicator.status>{indicator_status(i18n, s)}</option>
                        }).collect_view()}
                    </select>
                    <label for=format!("note-{id}")>{t!(i18n, conferences.plan_room_note)}</label>
                    <input id=format!("note-{id}") name="report[note]" type="text" maxlength="1000" dir="auto" />
                    <button type="submit">{t!(i18n, conferences.plan_room_report)}</button>
                </form>
            })}
        </li>
    }
}

/// A field's problem under it, for fields named at run time (the indicator slots).
#[component]
fn SlotError(errors: RwSignal<Option<AppError>>, name: String) -> impl IntoView {
    let id = format!("{name}-error");
    view! { <p class="field-error" id=id role="alert">{move || problem(errors, &name)}</p> }
}

#[component]
fn NewAction(room: PlanRoom) -> impl IntoView {
    let i18n = use_i18n();
    let errors = query_errors();
    let draft = room.draft.clone().unwrap_or_default();
    let chosen = |code: &str| draft.from.iter().any(|c| c.trim() == code);
    let slot = |n: usize| draft.indicators.get(n).cloned().unwrap_or_default();
    view! {
        <h2 id="new-action">{t!(i18n, conferences.plan_room_new)}</h2>
        {room.approved.is_empty().then(|| view! { <p class="hint">{t!(i18n, conferences.plan_room_none_approved)}</p> })}
        <form method="post" action=AddPlanAction::PATH class="action-form" novalidate>
            {keys(&room)}
            <label for="title">{t!(i18n, conferences.write_title)}</label>
            <input id="title" name="form[title]" type="text" maxlength="200" dir="auto" value=draft.title.clone() aria-describedby="title-error" />
            <FieldError errors name="title" />
            <label for="responsible">{t!(i18n, conferences.plan_responsible)}</label>
            <input id="responsible" name="form[responsible]" type="text" maxlength="200" dir="auto" value=draft.responsible.clone() aria-describedby="responsible-error" />
            <FieldError errors name="responsible" />
            <fieldset aria-describedby="from-error">
                <legend>{t!(i18n, conferences.plan_from)}</legend>
                {room.approved.iter().enumerate().map(|(n, row)| {
                    let id = format!("from-{}", row.code);
                    view! {
                        <label class="checkbox" for=id.clone()>
                            <input type="checkbox" id=id.clone() name=format!("form[from][{n}]") value=row.code.clone() checked=chosen(&row.code) />
                            <bdi>{row.code.clone()}</bdi> " " <bdi>{row.title.clone()}</bdi>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <FieldError errors name="from" />
            {(0..INDICATOR_SLOTS).map(|n| view! { <Slot n value=slot(n) errors /> }).collect_view()}
            <button type="submit" class="primary">{t!(i18n, conferences.plan_room_add)}</button>
        </form>
    }
}

/// One indicator's slot on the new action form.
#[component]
fn Slot(n: usize, value: IndicatorForm, errors: RwSignal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let legend = t_string!(i18n, conferences.plan_room_indicator, n = n + 1).to_string();
    let field = |part: &str| indicator_field(n, part);
    let input = |part: &'static str, label: String, value: String, mode: &'static str| {
        let id = field(part);
        view! {
            <label for=id.clone()>{label}</label>
            <input id=id.clone() name=format!("form[indicators][{n}][{part}]") type="text" inputmode=mode dir="auto" value=value aria-describedby=format!("{id}-error") />
            <SlotError errors name=id />
        }
    };
    view! {
        <fieldset class="indicator-slot">
            <legend>{legend}</legend>
            {input("name", t_string!(i18n, conferences.plan_room_indicator_name).to_string(), value.name.clone(), "text")}
            {input("unit", t_string!(i18n, conferences.plan_room_unit).to_string(), value.unit.clone(), "text")}
            {input("baseline", t_string!(i18n, conferences.plan_room_baseline).to_string(), value.baseline.clone(), "decimal")}
            {input("targets", t_string!(i18n, conferences.plan_room_targets).to_string(), value.targets.clone(), "text")}
            <p class="hint">{t!(i18n, conferences.plan_room_targets_hint)}</p>
        </fieldset>
    }
}
