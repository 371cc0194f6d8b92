//! One candidacy as the commission reviews it: its facts, platform, conflict declaration
//! and the decisions the phase allows, each a plain form.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;

use crate::accounts::types::GenderIdentity;
use crate::accounts::ui::labels as account_labels;
use crate::elections::calendar::rules::Phase;
use crate::elections::candidacy::CandidateKind;
use crate::elections::candidacy::{CandidacyAction, CandidacyStatus};
use crate::elections::commission::api::{
    CandidacyReview, DecideCandidacyForm, DeclareConflictForm,
};
use crate::elections::commission::ui::form_parts::ElectionKeys;
use crate::elections::photo::ui::CandidatePhoto;
use crate::elections::ui::labels;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Fact, Facts, FieldError, FormError, problem};

/// The form value of a decision (its serde name).
fn action_code(action: CandidacyAction) -> &'static str {
    match action {
        CandidacyAction::Accept => "accept",
        CandidacyAction::Reject => "reject",
        CandidacyAction::Appeal => "appeal",
        CandidacyAction::UpholdAppeal => "uphold_appeal",
        CandidacyAction::DismissAppeal => "dismiss_appeal",
    }
}

/// `errors`: the last refusal of this candidacy's decision; `conflict_errors`: of its
/// conflict declaration.
#[component]
pub(super) fn CandidacyItem(
    candidacy: CandidacyReview,
    phase: Phase,
    reviewing: bool,
    keys: (String, String),
    errors: RwSignal<Option<AppError>>,
    conflict_errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = candidacy.id;
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
                <Fact term={if candidacy.kind == CandidateKind::Organization { t_string!(i18n, elections.candidacy_date) } else { t_string!(i18n, common.field_birth_date) }}>{crate::platform::text::dates::written_day(&candidacy.date, i18n.get_locale_untracked())}</Fact>
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
                // Open again when the declaration was refused (a reason is missing).
                let open = conflict_errors.with_untracked(Option::is_some);
                view! {
                <details class="conflict" open=open>
                    <summary>{t!(i18n, elections.commission_conflict_declare)}</summary>
                    <form method="post" action=DeclareConflictForm::PATH>
                        <ElectionKeys keys=keys.clone() />
                        <input type="hidden" name="candidacy" value=id />
                        <div class="field" class:invalid=move || problem(conflict_errors, "reason").is_some()>
                            <label for=conflict_field.clone()>{t!(i18n, elections.commission_conflict_reason)}</label>
                            <textarea id=conflict_field.clone() name="reason" rows="2" maxlength="1000"
                                aria-describedby=format!("{conflict_field}-error")></textarea>
                            <FieldError errors=conflict_errors name="reason" id=conflict_field.clone() />
                        </div>
                        <FormError errors=conflict_errors />
                        <button type="submit">{t!(i18n, elections.commission_conflict_submit)}</button>
                    </form>
                </details>
                }
            })}
            {(!actions.is_empty()).then(|| view! {
                <form method="post" action=DecideCandidacyForm::PATH class="decision">
                    <ElectionKeys keys=keys.clone() />
                    <input type="hidden" name="candidacy" value=id />
                    <div class="field" class:invalid=move || problem(errors, "reason").is_some()>
                        <label for=field.clone()>{t!(i18n, elections.commission_reason)}</label>
                        <textarea id=field.clone() name="reason" rows="3" maxlength="1000" aria-describedby=format!("{field}-error")></textarea>
                        <FieldError errors name="reason" id=field.clone() />
                    </div>
                    <FormError errors />
                    <div class="actions">
                        {actions.into_iter().map(|(action, text)| view! {
                            <button type="submit" name="action" value=action_code(action)
                                class=if matches!(action, CandidacyAction::Accept | CandidacyAction::UpholdAppeal) { "primary" } else { "" }>{text}</button>
                        }).collect_view()}
                    </div>
                </form>
            })}
        </li>
    }
}
