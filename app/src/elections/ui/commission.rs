//! The electoral commission's pages: the organization's elections, and one election's
//! calendar (move to the next phase) and candidacies (review, appeals).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::accounts::types::GenderIdentity;
use crate::accounts::ui::labels as account_labels;
use crate::elections::candidacy::{CandidacyAction, CandidacyStatus};
use crate::elections::commission::{
    CandidacyReview, CommissionPage, decide_candidacy, list_elections, load_commission,
    move_election_phase,
};
use crate::elections::phase::Phase;
use crate::elections::ui::labels;
use crate::elections::ui::{election_path, route_keys};
use crate::error::{AppError, ErrorMessage, problem_text};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;

#[component]
pub fn ElectionsStaffPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let org = move || params.with(|p| p.get("org").unwrap_or_default());
    let list = Resource::new(org, list_elections);
    view! {
        <Title text=move || t_string!(i18n, commission_title).to_string() />
        <h1>{t!(i18n, commission_title)}</h1>
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => view! { <ErrorMessage code=e.code /> }.into_any(),
                    Ok(items) if items.is_empty() => view! { <p>{t!(i18n, commission_no_elections)}</p> }.into_any(),
                    Ok(items) => {
                        let org = org();
                        view! {
                            <ul class="cards">
                                {items.into_iter().map(|e| {
                                    let href = localized_path(i18n.get_locale_untracked(), &format!("/staff/{org}/elections/{}", e.slug));
                                    view! {
                                        <li class="card">
                                            <a href=href>{e.title.clone()}</a>
                                            <p>{labels::phase(i18n, e.phase)}</p>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn CommissionElectionPage() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let data = Resource::new(
        move || (keys(), i18n.get_locale().as_str().to_owned()),
        |((org, election), locale)| load_commission(org, election, locale),
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorMessage code=e.code /> }.into_any(),
                    Ok(page) => view! { <Commission page keys=keys() reload=Callback::new(move |_| data.refetch()) /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Commission(page: CommissionPage, keys: (String, String), reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<AppError>);
    let confirming = RwSignal::new(false);
    let (org, election) = keys.clone();
    let public = election_path(&org, &election, "");
    let next = page.next;
    let advance = move |_| {
        let Some(to) = next else { return };
        let (org, election) = (org.clone(), election.clone());
        spawn_local(async move {
            match move_election_phase(org, election, to).await {
                Ok(()) => reload.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let phase = page.phase;
    let reviewing = matches!(phase, Phase::Review | Phase::Appeals);
    view! {
        <Title text=page.title.clone() />
        <p class="eyebrow"><a href=public>{page.title.clone()}</a></p>
        <h1>{t!(i18n, commission_title)}</h1>
        <p class="lead">{t!(i18n, election_phase_now)} " " <strong class="phase-now">{labels::phase(i18n, phase)}</strong></p>
        {move || error.get().map(|e| view! { <ErrorMessage code=e.code /> })}
        {next.map(|to| view! {
            <div class="phase-move">
                <Show when=move || confirming.get() fallback=move || view! {
                    <button type="button" class="primary" on:click=move |_| confirming.set(true)>
                        {t_string!(i18n, commission_move_to, phase = labels::phase(i18n, to)).to_string()}
                    </button>
                }>
                    <p class="notice">{t_string!(i18n, commission_move_confirm, phase = labels::phase(i18n, to)).to_string()}</p>
                    <button type="button" class="primary" on:click=advance.clone()>{t!(i18n, commission_move_yes)}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>{t!(i18n, commission_move_no)}</button>
                </Show>
            </div>
        })}
        <h2>{t_string!(i18n, commission_candidacies, count = page.candidacies.len()).to_string()}</h2>
        {page.candidacies.is_empty().then(|| view! { <p>{t!(i18n, commission_no_candidacies)}</p> })}
        <ul class="plain queue">
            {page.candidacies.into_iter().map(|c| view! {
                <CandidacyItem candidacy=c phase reviewing keys=keys.clone() reload />
            }).collect_view()}
        </ul>
    }
}

#[component]
fn CandidacyItem(
    candidacy: CandidacyReview,
    phase: Phase,
    reviewing: bool,
    keys: (String, String),
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let id = candidacy.id;
    let act = move |action: CandidacyAction| {
        let (org, election) = keys.clone();
        spawn_local(async move {
            match decide_candidacy(org, election, id, action, reason.get_untracked()).await {
                Ok(()) => reload.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let actions: Vec<(CandidacyAction, &'static str)> = match (phase, candidacy.status, reviewing) {
        (Phase::Review, CandidacyStatus::Submitted, true) => vec![
            (CandidacyAction::Accept, t_string!(i18n, commission_accept)),
            (CandidacyAction::Reject, t_string!(i18n, commission_reject)),
        ],
        (Phase::Appeals, CandidacyStatus::Appealed, true) => vec![
            (
                CandidacyAction::UpholdAppeal,
                t_string!(i18n, commission_uphold),
            ),
            (
                CandidacyAction::DismissAppeal,
                t_string!(i18n, commission_dismiss),
            ),
        ],
        _ => vec![],
    };
    let gender = GenderIdentity::from_code(&candidacy.gender)
        .map(|g| account_labels::gender(i18n, g))
        .unwrap_or_default();
    let field = format!("reason-{id}");
    let problem = move || error.with(|e| e.as_ref().and_then(|e| e.problem_of("reason")));
    let general =
        move || error.with(|e| e.as_ref().filter(|e| e.fields.is_empty()).map(|e| e.code));
    view! {
        <li class="card candidacy" id=format!("candidacy-{id}")>
            <h3>{candidacy.name.clone()}</h3>
            <p><span class="status candidacy-status">{labels::candidacy_status(i18n, candidacy.status)}</span></p>
            <dl class="facts">
                <dt>{t!(i18n, candidacy_segment)}</dt><dd>{candidacy.segment.clone()}</dd>
                {candidacy.representative.clone().map(|r| view! { <dt>{t!(i18n, candidacy_representative)}</dt><dd>{r}</dd> })}
                <dt>{t!(i18n, candidacy_nationality)}</dt><dd>{candidacy.nationality.clone()}</dd>
                <dt>{t!(i18n, candidacy_gender)}</dt><dd>{gender}</dd>
                <dt>{t!(i18n, candidacy_date)}</dt><dd>{candidacy.date.clone()}</dd>
                {candidacy.reason.clone().map(|r| view! { <dt>{t!(i18n, candidacy_reason)}</dt><dd dir="auto">{r}</dd> })}
                {candidacy.appeal.clone().map(|r| view! { <dt>{t!(i18n, candidacy_appeal)}</dt><dd class="appeal" dir="auto">{r}</dd> })}
                {candidacy.appeal_decision.clone().map(|r| view! { <dt>{t!(i18n, candidacy_appeal_decision)}</dt><dd dir="auto">{r}</dd> })}
            </dl>
            <details>
                <summary>{t!(i18n, election_platform)}</summary>
                <div class="platform" inner_html=candidacy.platform_html.clone()></div>
            </details>
            {(!actions.is_empty()).then(|| view! {
                <div class="field" class:invalid=move || problem().is_some()>
                    <label for=field.clone()>{t!(i18n, commission_reason)}</label>
                    <textarea id=field.clone() rows="3" maxlength="1000" aria-describedby=format!("{field}-error")
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <p class="field-error" id=format!("{field}-error") role="alert">{move || problem().map(problem_text)}</p>
                </div>
                {move || general().map(|code| view! { <ErrorMessage code /> })}
                <div class="actions">
                    {actions.into_iter().map(|(action, text)| { let act = act.clone(); view! {
                        <button type="button" class=if matches!(action, CandidacyAction::Accept | CandidacyAction::UpholdAppeal) { "primary" } else { "" }
                            on:click=move |_| act(action)>{text}</button>
                    }}).collect_view()}
                </div>
            })}
        </li>
    }
}
