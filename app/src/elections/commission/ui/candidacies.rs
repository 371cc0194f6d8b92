//! One candidacy as the commission reviews it: its facts, platform, conflict declaration
//! and the decisions the phase allows.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::accounts::types::GenderIdentity;
use crate::accounts::ui::labels as account_labels;
use crate::elections::calendar::rules::Phase;
use crate::elections::candidacy::CandidateKind;
use crate::elections::candidacy::{CandidacyAction, CandidacyStatus};
use crate::elections::commission::api::{CandidacyReview, decide_candidacy, declare_conflict};
use crate::elections::photo::ui::CandidatePhoto;
use crate::elections::ui::labels;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Fact, Facts, FieldError, FormError, problem};

#[component]
pub(super) fn CandidacyItem(
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
    let conflict_keys = keys.clone();
    let act = move |action: CandidacyAction| {
        let (org, election) = keys.clone();
        spawn_local(async move {
            match decide_candidacy(org, election, id, action, reason.get_untracked()).await {
                Ok(()) => reload.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let conflict_reason = RwSignal::new(String::new());
    let declare = {
        let keys = conflict_keys;
        move |_| {
            let (org, election) = keys.clone();
            spawn_local(async move {
                match declare_conflict(org, election, id, conflict_reason.get_untracked()).await {
                    Ok(()) => reload.run(()),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let conflicted = candidacy.conflicted;
    let reviewing = reviewing && !conflicted;
    let actions: Vec<(CandidacyAction, &'static str)> = match (phase, candidacy.status, reviewing) {
        (Phase::Review, CandidacyStatus::Submitted, true) => vec![
            (
                CandidacyAction::Accept,
                t_string!(i18n, elections.commission_accept),
            ),
            (
                CandidacyAction::Reject,
                t_string!(i18n, elections.commission_reject),
            ),
        ],
        (Phase::Appeals, CandidacyStatus::Appealed, true) => vec![
            (
                CandidacyAction::UpholdAppeal,
                t_string!(i18n, elections.commission_uphold),
            ),
            (
                CandidacyAction::DismissAppeal,
                t_string!(i18n, elections.commission_dismiss),
            ),
        ],
        _ => vec![],
    };
    let gender = GenderIdentity::from_code(&candidacy.gender)
        .map(|g| account_labels::gender(i18n, g))
        .unwrap_or_default();
    let field = format!("reason-{id}");
    view! {
        <li class="card candidacy" id=format!("candidacy-{id}")>
            <div class="candidate-head">
                <CandidatePhoto photo=candidacy.photo.clone() name=candidacy.name.clone() />
                <h3 dir="auto">{candidacy.name.clone()}</h3>
            </div>
            <p><span class="status candidacy-status">{labels::candidacy_status(i18n, candidacy.status)}</span></p>
            <Facts>
                <Fact term={t!(i18n, elections.candidacy_segment)}>{candidacy.segment.clone()}</Fact>
                {candidacy.representative.clone().map(|r| view! { <Fact term={t!(i18n, elections.candidacy_representative)}>{r}</Fact> })}
                <Fact term={t!(i18n, elections.candidacy_nationality)}>{candidacy.nationality.clone()}</Fact>
                <Fact term={t!(i18n, elections.candidacy_gender)}>{gender}</Fact>
                <Fact term={if candidacy.kind == CandidateKind::Organization { t_string!(i18n, elections.candidacy_date) } else { t_string!(i18n, common.field_birth_date) }}>{candidacy.date.clone()}</Fact>
                {candidacy.reason.clone().map(|r| view! { <Fact term={t!(i18n, elections.candidacy_reason)}>{r}</Fact> })}
                {candidacy.appeal.clone().map(|r| view! { <Fact term={t!(i18n, elections.candidacy_appeal)} class="appeal">{r}</Fact> })}
                {candidacy.appeal_decision.clone().map(|r| view! { <Fact term={t!(i18n, elections.candidacy_appeal_decision)}>{r}</Fact> })}
            </Facts>
            <details>
                <summary>{t!(i18n, elections.election_platform)}</summary>
                <div class="platform" inner_html=candidacy.platform_html.clone()></div>
            </details>
            {conflicted.then(|| view! { <p class="notice conflicted" role="status">{t!(i18n, elections.commission_conflicted)}</p> })}
            {(!actions.is_empty()).then(|| {
                let conflict_field = format!("conflict-{id}");
                view! {
                <details class="conflict">
                    <summary>{t!(i18n, elections.commission_conflict_declare)}</summary>
                    <div class="field">
                        <label for=conflict_field.clone()>{t!(i18n, elections.commission_conflict_reason)}</label>
                        <textarea id=conflict_field rows="2" maxlength="1000"
                            on:input=move |ev| conflict_reason.set(event_target_value(&ev))></textarea>
                    </div>
                    <button type="button" on:click=declare.clone()>{t!(i18n, elections.commission_conflict_submit)}</button>
                </details>
                }
            })}
            {(!actions.is_empty()).then(|| view! {
                <div class="field" class:invalid=move || problem(error, "reason").is_some()>
                    <label for=field.clone()>{t!(i18n, elections.commission_reason)}</label>
                    <textarea id=field.clone() rows="3" maxlength="1000" aria-describedby=format!("{field}-error")
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <FieldError errors=error name="reason" id=field.clone() />
                </div>
                <FormError errors=error />
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
