//! The electoral commission's pages: the organization's elections, and one election's
//! calendar (move to the next phase) and candidacies (review, appeals).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::accounts::types::GenderIdentity;
use crate::accounts::ui::fields::Field;
use crate::accounts::ui::labels as account_labels;
use crate::elections::assignment::ui::StationStaff;
use crate::elections::calendar::rules::Phase;
use crate::elections::candidacy::CandidateKind;
use crate::elections::candidacy::{CandidacyAction, CandidacyStatus};
use crate::elections::commission::api::{
    CandidacyReview, CommissionPage, create_election, decide_candidacy, declare_conflict,
    list_elections, load_commission, move_election_phase, set_deadline,
};
use crate::elections::election::rules::ElectionForm;
use crate::elections::photo::ui::CandidatePhoto;
use crate::elections::ui::labels;
use crate::elections::ui::{election_path, route_keys};
use crate::error::{AppError, ErrorMessage, problem_text};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::Loaded;

#[component]
pub fn ElectionsStaffPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let org = move || params.with(|p| p.get("org").unwrap_or_default());
    let list = Resource::new(org, list_elections);
    view! {
        <Title text=move || t_string!(i18n, elections.commission_title).to_string() />
        <h1>{t!(i18n, elections.commission_title)}</h1>
        <p><a class="button primary" href=move || localized_path(i18n.get_locale(), &format!("/staff/{}/elections/new", org()))>{t!(i18n, elections.configure_link)}</a></p>
        <Loaded resource=list show=move |loaded| match loaded {
                items if items.is_empty() => view! { <p>{t!(i18n, elections.commission_no_elections)}</p> }.into_any(),
                items => {
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
            } />
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
        <Loaded resource=data show=move |page| view! { <Commission page keys=keys() reload=Callback::new(move |_| data.refetch()) /> } />
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
        <h1>{t!(i18n, elections.commission_title)}</h1>
        <p class="lead">{t!(i18n, elections.election_phase_now)} " " <strong class="phase-now">{labels::phase(i18n, phase)}</strong></p>
        {move || error.get().map(|e| view! { <ErrorMessage code=e.code /> })}
        {next.map(|to| view! {
            <div class="phase-move">
                <Show when=move || confirming.get() fallback=move || view! {
                    <button type="button" class="primary" on:click=move |_| confirming.set(true)>
                        {t_string!(i18n, elections.commission_move_to, phase = labels::phase(i18n, to)).to_string()}
                    </button>
                }>
                    <p class="notice">{t_string!(i18n, elections.commission_move_confirm, phase = labels::phase(i18n, to)).to_string()}</p>
                    <button type="button" class="primary" on:click=advance.clone()>{t!(i18n, elections.commission_move_yes)}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>{t!(i18n, elections.commission_move_no)}</button>
                </Show>
            </div>
        })}
        <DeadlineForm phase deadlines=page.deadlines.clone() keys=keys.clone() reload />
        <p class="audit-link">
            <a href=localized_path(i18n.get_locale_untracked(), &format!("/staff/{}/audit?election={}", keys.0, keys.1))>
                {t!(i18n, elections.commission_audit_link)}
            </a>
        </p>
        // Erased: the page's view type otherwise outgrows the compiler's query depth in the
        // browser build.
        {view! { <StationStaff page=page.station_staff.clone() keys=keys.clone() reload /> }.into_any()}
        <h2>{t_string!(i18n, elections.commission_candidacies, count = page.candidacies.len()).to_string()}</h2>
        {page.candidacies.is_empty().then(|| view! { <p>{t!(i18n, elections.commission_no_candidacies)}</p> })}
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
    let problem = move || error.with(|e| e.as_ref().and_then(|e| e.problem_of("reason")));
    let general =
        move || error.with(|e| e.as_ref().filter(|e| e.fields.is_empty()).map(|e| e.code));
    view! {
        <li class="card candidacy" id=format!("candidacy-{id}")>
            <div class="candidate-head">
                <CandidatePhoto photo=candidacy.photo.clone() name=candidacy.name.clone() />
                <h3 dir="auto">{candidacy.name.clone()}</h3>
            </div>
            <p><span class="status candidacy-status">{labels::candidacy_status(i18n, candidacy.status)}</span></p>
            <dl class="facts">
                <dt>{t!(i18n, elections.candidacy_segment)}</dt><dd>{candidacy.segment.clone()}</dd>
                {candidacy.representative.clone().map(|r| view! { <dt>{t!(i18n, elections.candidacy_representative)}</dt><dd>{r}</dd> })}
                <dt>{t!(i18n, elections.candidacy_nationality)}</dt><dd>{candidacy.nationality.clone()}</dd>
                <dt>{t!(i18n, elections.candidacy_gender)}</dt><dd>{gender}</dd>
                <dt>{if candidacy.kind == CandidateKind::Organization { t_string!(i18n, elections.candidacy_date) } else { t_string!(i18n, common.field_birth_date) }}</dt>
                <dd>{candidacy.date.clone()}</dd>
                {candidacy.reason.clone().map(|r| view! { <dt>{t!(i18n, elections.candidacy_reason)}</dt><dd dir="auto">{r}</dd> })}
                {candidacy.appeal.clone().map(|r| view! { <dt>{t!(i18n, elections.candidacy_appeal)}</dt><dd class="appeal" dir="auto">{r}</dd> })}
                {candidacy.appeal_decision.clone().map(|r| view! { <dt>{t!(i18n, elections.candidacy_appeal_decision)}</dt><dd dir="auto">{r}</dd> })}
            </dl>
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
                <div class="field" class:invalid=move || problem().is_some()>
                    <label for=field.clone()>{t!(i18n, elections.commission_reason)}</label>
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

/// A new election from the CMI template: seats, parity, channels and stations.
#[component]
pub fn NewElectionPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let org = move || params.with(|p| p.get("org").unwrap_or_default());
    let errors = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let navigate = leptos_router::hooks::use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = form_ref.get() else { return };
        let data = read_election_form(&form);
        let org = org();
        let navigate = navigate.clone();
        busy.set(true);
        errors.set(None);
        spawn_local(async move {
            match create_election(org.clone(), data).await {
                Ok(slug) => navigate(
                    &localized_path(
                        i18n.get_locale_untracked(),
                        &format!("/staff/{org}/elections/{slug}"),
                    ),
                    Default::default(),
                ),
                Err(e) => errors.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let general =
        move || errors.with(|e| e.as_ref().filter(|e| e.fields.is_empty()).map(|e| e.code));
    let label = |key: fn(leptos_i18n::I18nContext<crate::i18n::Locale>) -> String| {
        Signal::derive(move || key(i18n))
    };
    view! {
        <Title text=move || t_string!(i18n, elections.configure_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, elections.configure_title)}</h1>
            <p class="hint">{t!(i18n, elections.configure_intro)}</p>
            <noscript><p class="error">{t!(i18n, common.needs_javascript)}</p></noscript>
            <form node_ref=form_ref on:submit=on_submit novalidate>
                <Field name="title" label=label(|i| t_string!(i, elections.configure_name).to_string()) errors>
                    <input id="title" name="title" type="text" maxlength="120" required aria-describedby="title-error" />
                </Field>
                <Field name="slug" label=label(|i| t_string!(i, elections.configure_slug).to_string()) errors>
                    <input id="slug" name="slug" type="text" maxlength="40" required dir="ltr" aria-describedby="slug-error" />
                </Field>
                {[("seats_a", "A", "3"), ("seats_b", "B", "2"), ("seats_c", "C", "3")].into_iter().map(|(name, segment, default)| view! {
                    <Field name=name label=Signal::derive(move || t_string!(i18n, elections.configure_seats, segment = segment).to_string()) errors>
                        <input id=name name=name type="number" min="0" max="50" value=default aria-describedby=format!("{name}-error") />
                    </Field>
                }).collect_view()}
                <Field name="max_choices" label=label(|i| t_string!(i, elections.configure_max_choices).to_string()) errors>
                    <input id="max_choices" name="max_choices" type="number" min="1" max="50" value="1" aria-describedby="max_choices-error" />
                </Field>
                <Field name="extra_seats" label=label(|i| t_string!(i, elections.configure_extra_seats).to_string()) errors>
                    <input id="extra_seats" name="extra_seats" type="number" min="0" max="50" value="0" aria-describedby="extra_seats-error" />
                </Field>
                <Field name="parity_percent" label=label(|i| t_string!(i, elections.configure_parity_percent).to_string()) errors>
                    <input id="parity_percent" name="parity_percent" type="number" min="0" max="100" value="50" aria-describedby="parity_percent-error" />
                </Field>
                <Field name="parity_scope" label=label(|i| t_string!(i, elections.configure_parity_scope).to_string()) errors>
                    <select id="parity_scope" name="parity_scope" aria-describedby="parity_scope-error">
                        <option value="election">{t!(i18n, elections.configure_scope_election)}</option>
                        <option value="segment">{t!(i18n, elections.configure_scope_segment)}</option>
                    </select>
                </Field>
                <Field name="min_voter_age" label=label(|i| t_string!(i, elections.configure_min_voter_age).to_string()) errors>
                    <input id="min_voter_age" name="min_voter_age" type="number" min="0" max="120" value="16" aria-describedby="min_voter_age-error" />
                </Field>
                <Field name="online_from" label=label(|i| t_string!(i, elections.configure_online).to_string()) errors>
                    <input id="online_from" name="online_from" type="date" aria-describedby="online_from-error" />
                </Field>
                <Field name="online_to" label=Signal::derive(|| "↳".to_string()) errors>
                    <input id="online_to" name="online_to" type="date" aria-describedby="online_to-error" />
                </Field>
                <Field name="in_person_date" label=label(|i| t_string!(i, elections.configure_in_person).to_string()) errors>
                    <input id="in_person_date" name="in_person_date" type="date" aria-describedby="in_person_date-error" />
                </Field>
                <Field name="opens" label=Signal::derive(|| "↳ 08:00".to_string()) errors>
                    <input id="opens" name="opens" type="time" value="08:00" aria-describedby="opens-error" />
                </Field>
                <Field name="closes" label=Signal::derive(|| "↳ 17:00".to_string()) errors>
                    <input id="closes" name="closes" type="time" value="17:00" aria-describedby="closes-error" />
                </Field>
                <Field name="stations" label=label(|i| t_string!(i, elections.configure_stations).to_string()) errors>
                    <textarea id="stations" name="stations" rows="5" aria-describedby="stations-error"></textarea>
                </Field>
                <Field name="receipts" label=label(|i| t_string!(i, elections.configure_receipts).to_string()) errors>
                    <select id="receipts" name="receipts" aria-describedby="receipts-error">
                        <option value="separate">{t!(i18n, elections.configure_receipts_separate)}</option>
                        <option value="paired">{t!(i18n, elections.configure_receipts_paired)}</option>
                    </select>
                </Field>
                <Field name="min_group_size" label=label(|i| t_string!(i, elections.configure_min_group_size).to_string()) errors>
                    <input id="min_group_size" name="min_group_size" type="number" min="1" max="1000" value="10" aria-describedby="min_group_size-error" />
                </Field>
                {move || general().map(|code| view! { <ErrorMessage code /> })}
                <button type="submit" class="primary" disabled=move || busy.get()>{t!(i18n, elections.configure_submit)}</button>
            </form>
        </article>
    }
}

fn read_election_form(form: &leptos::web_sys::HtmlFormElement) -> ElectionForm {
    let Ok(data) = leptos::web_sys::FormData::new_with_form(form) else {
        return ElectionForm::default();
    };
    let text = |name: &str| data.get(name).as_string().unwrap_or_default();
    ElectionForm {
        title: text("title"),
        slug: text("slug"),
        seats: [text("seats_a"), text("seats_b"), text("seats_c")],
        max_choices: text("max_choices"),
        extra_seats: text("extra_seats"),
        parity_percent: text("parity_percent"),
        parity_scope: text("parity_scope"),
        min_voter_age: text("min_voter_age"),
        online_from: text("online_from"),
        online_to: text("online_to"),
        in_person_date: text("in_person_date"),
        opens: text("opens"),
        closes: text("closes"),
        stations: text("stations"),
        receipts: text("receipts"),
        min_group_size: text("min_group_size"),
    }
}

/// Sets or extends the last day of the current phase or a later one.
#[component]
fn DeadlineForm(
    phase: Phase,
    deadlines: Vec<(Phase, crate::calendar::Date)>,
    keys: (String, String),
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(phase.code().to_owned());
    let day = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let (org, election) = keys;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (org, election) = (org.clone(), election.clone());
        let Some(target) = Phase::from_code(&chosen.get_untracked()) else {
            return;
        };
        error.set(None);
        spawn_local(async move {
            match set_deadline(org, election, target, day.get_untracked()).await {
                Ok(()) => reload.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let problem = move || {
        error.with(|e| {
            e.as_ref()
                .and_then(|e| e.problem_of("last_day"))
                .map(problem_text)
        })
    };
    let general =
        move || error.with(|e| e.as_ref().filter(|e| e.fields.is_empty()).map(|e| e.code));
    let phases: Vec<Phase> = Phase::ALL
        .into_iter()
        .filter(|p| *p >= phase && *p != Phase::Draft && *p != Phase::OfficialResults)
        .collect();
    (!phases.is_empty()).then(|| view! {
        // Open once there is something to see.
        <details class="deadlines" open=!deadlines.is_empty()>
            <summary>{t!(i18n, elections.commission_deadline_title)}</summary>
            <ul class="current-deadlines">
                {deadlines.iter().map(|(p, day)| view! {
                    <li>{labels::phase(i18n, *p)} " — " {t_string!(i18n, common.timeline_until, day = day.to_string()).to_string()}</li>
                }).collect_view()}
            </ul>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="deadline_phase">{t!(i18n, elections.commission_deadline_phase)}</label>
                    <select id="deadline_phase" on:change=move |ev| chosen.set(event_target_value(&ev))>
                        {phases.into_iter().map(|p| view! { <option value=p.code() selected=p == phase>{labels::phase(i18n, p)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field" class:invalid=move || problem().is_some()>
                    <label for="last_day">{t!(i18n, elections.commission_deadline_day)}</label>
                    <input id="last_day" type="date" aria-describedby="last_day-error" on:input=move |ev| day.set(event_target_value(&ev)) />
                    <p class="field-error" id="last_day-error" role="alert">{problem}</p>
                </div>
                {move || general().map(|code| view! { <ErrorMessage code /> })}
                <button type="submit">{t!(i18n, elections.commission_deadline_submit)}</button>
            </form>
        </details>
    })
}
