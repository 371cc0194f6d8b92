//! Creating an election from the CMI template.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::elections::commission::api::{CreateElection, take_election_draft};
use crate::elections::election::rules::ElectionForm;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{ErrorSummary, Field, FormError, FormFields, Loaded, query_errors};

/// A new election from the CMI template: seats, parity, channels and stations. A plain
/// form: the server goes on to the new election's commission page, or comes back here with
/// each problem under its field and what was typed filled in again.
#[component]
pub fn NewElectionPage() -> impl IntoView {
    let i18n = use_i18n();
    let org = use_params_map().with_untracked(|p| p.get("org").unwrap_or_default());
    let errors = query_errors();
    let refused = errors.with_untracked(Option::is_some);
    // Always taken (so it never outlives its page), shown only after a refusal.
    let draft = Resource::new(
        {
            let org = org.clone();
            move || org.clone()
        },
        move |org| async move {
            let draft = take_election_draft(org).await?;
            Ok::<_, AppError>(draft.filter(|_| refused))
        },
    );
    view! {
        <Title text=t_string!(i18n, elections.configure_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, elections.configure_title)}</h1>
            <p class="hint">{t!(i18n, elections.configure_intro)}</p>
            <Loaded resource=draft show=move |draft| view! {
                <ElectionFormView organization=org.clone() draft=draft.unwrap_or_else(defaults) errors />
            } />
        </article>
    }
}

/// What the form offers before anything is typed.
fn defaults() -> ElectionForm {
    ElectionForm {
        seats: ["3".into(), "2".into(), "3".into()],
        max_choices: "1".into(),
        extra_seats: "0".into(),
        parity_percent: "50".into(),
        parity_scope: "election".into(),
        min_voter_age: "16".into(),
        opens: "08:00".into(),
        closes: "17:00".into(),
        receipts: "separate".into(),
        min_group_size: "10".into(),
        ..ElectionForm::default()
    }
}

/// The form's fields are `form[<name>]` (the server function's `form` argument); each
/// control keeps the plain `<name>` as its id, the name the server's problems use.
#[component]
fn ElectionFormView(
    organization: String,
    draft: ElectionForm,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let fields = FormFields::provide();
    let label = |key: fn(leptos_i18n::I18nContext<crate::i18n::Locale>) -> String| {
        Signal::derive(move || key(i18n))
    };
    let [seats_a, seats_b, seats_c] = draft.seats.clone();
    let option = |value: &'static str, chosen: &str| (value, value == chosen);
    let scopes = [
        option("election", &draft.parity_scope),
        option("segment", &draft.parity_scope),
    ];
    let receipts = [
        option("separate", &draft.receipts),
        option("paired", &draft.receipts),
    ];
    view! {
        <form method="post" action=CreateElection::PATH novalidate>
            <ErrorSummary errors fields />
            <input type="hidden" name="organization" value=organization />
            <input type="hidden" name="locale" value=i18n.get_locale_untracked().as_str() />
            <Field name="title" label=label(|i| t_string!(i, elections.configure_name).to_string()) errors>
                <input id="title" name="form[title]" type="text" maxlength="120" required aria-describedby="title-error" value=draft.title />
            </Field>
            <Field name="slug" label=label(|i| t_string!(i, elections.configure_slug).to_string()) errors>
                <input id="slug" name="form[slug]" type="text" maxlength="40" required dir="ltr" aria-describedby="slug-error" value=draft.slug />
            </Field>
            {[("seats_a", "A", 0, seats_a), ("seats_b", "B", 1, seats_b), ("seats_c", "C", 2, seats_c)].into_iter().map(|(name, segment, index, value)| view! {
                <Field name=name label=Signal::derive(move || t_string!(i18n, elections.configure_seats, segment = segment).to_string()) errors>
                    <input id=name name=format!("form[seats][{index}]") type="number" min="0" max="50" value=value aria-describedby=format!("{name}-error") />
                </Field>
            }).collect_view()}
            <Field name="max_choices" label=label(|i| t_string!(i, elections.configure_max_choices).to_string()) errors>
                <input id="max_choices" name="form[max_choices]" type="number" min="1" max="50" value=draft.max_choices aria-describedby="max_choices-error" />
            </Field>
            <Field name="extra_seats" label=label(|i| t_string!(i, elections.configure_extra_seats).to_string()) errors>
                <input id="extra_seats" name="form[extra_seats]" type="number" min="0" max="50" value=draft.extra_seats aria-describedby="extra_seats-error" />
            </Field>
            <Field name="parity_percent" label=label(|i| t_string!(i, elections.configure_parity_percent).to_string()) errors>
                <input id="parity_percent" name="form[parity_percent]" type="number" min="0" max="100" value=draft.parity_percent aria-describedby="parity_percent-error" />
            </Field>
            <Field name="parity_scope" label=label(|i| t_string!(i, elections.configure_parity_scope).to_string()) errors>
                <select id="parity_scope" name="form[parity_scope]" aria-describedby="parity_scope-error">
                    <option value=scopes[0].0 selected=scopes[0].1>{t!(i18n, elections.configure_scope_election)}</option>
                    <option value=scopes[1].0 selected=scopes[1].1>{t!(i18n, elections.configure_scope_segment)}</option>
                </select>
            </Field>
            <Field name="min_voter_age" label=label(|i| t_string!(i, elections.configure_min_voter_age).to_string()) errors>
                <input id="min_voter_age" name="form[min_voter_age]" type="number" min="0" max="120" value=draft.min_voter_age aria-describedby="min_voter_age-error" />
            </Field>
            <Field name="online_from" label=label(|i| t_string!(i, elections.configure_online).to_string()) errors>
                <input id="online_from" name="form[online_from]" type="date" value=draft.online_from aria-describedby="online_from-error" />
            </Field>
            <Field name="online_to" label=Signal::derive(|| "↳".to_string()) errors>
                <input id="online_to" name="form[online_to]" type="date" value=draft.online_to aria-describedby="online_to-error" />
            </Field>
            <Field name="in_person_date" label=label(|i| t_string!(i, elections.configure_in_person).to_string()) errors>
                <input id="in_person_date" name="form[in_person_date]" type="date" value=draft.in_person_date aria-describedby="in_person_date-error" />
            </Field>
            <Field name="opens" label=Signal::derive(|| "↳ 08:00".to_string()) errors>
                <input id="opens" name="form[opens]" type="time" value=draft.opens aria-describedby="opens-error" />
            </Field>
            <Field name="closes" label=Signal::derive(|| "↳ 17:00".to_string()) errors>
                <input id="closes" name="form[closes]" type="time" value=draft.closes aria-describedby="closes-error" />
            </Field>
            <Field name="stations" label=label(|i| t_string!(i, elections.configure_stations).to_string()) errors>
                <textarea id="stations" name="form[stations]" rows="5" aria-describedby="stations-error">{draft.stations}</textarea>
            </Field>
            <Field name="receipts" label=label(|i| t_string!(i, elections.configure_receipts).to_string()) errors>
                <select id="receipts" name="form[receipts]" aria-describedby="receipts-error">
                    <option value=receipts[0].0 selected=receipts[0].1>{t!(i18n, elections.configure_receipts_separate)}</option>
                    <option value=receipts[1].0 selected=receipts[1].1>{t!(i18n, elections.configure_receipts_paired)}</option>
                </select>
            </Field>
            <Field name="min_group_size" label=label(|i| t_string!(i, elections.configure_min_group_size).to_string()) errors>
                <input id="min_group_size" name="form[min_group_size]" type="number" min="1" max="1000" value=draft.min_group_size aria-describedby="min_group_size-error" />
            </Field>
            <FormError errors />
            <button type="submit" class="primary">{t!(i18n, elections.configure_submit)}</button>
        </form>
    }
}
