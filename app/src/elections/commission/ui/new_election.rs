//! Creating an election from the CMI template.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::elections::commission::api::create_election;
use crate::elections::election::rules::ElectionForm;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{Field, FormError};

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
                <FormError errors />
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
