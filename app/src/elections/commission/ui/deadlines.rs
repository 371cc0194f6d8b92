//! The commission's deadlines: the last day of the current phase or a later one.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::elections::calendar::rules::Phase;
use crate::elections::commission::api::set_deadline;
use crate::elections::ui::labels;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Field, FormError};

/// Sets or extends the last day of the current phase or a later one.
#[component]
pub(super) fn DeadlineForm(
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
                <Field name="last_day" label=Signal::derive(move || t_string!(i18n, elections.commission_deadline_day).to_string()) errors=error>
                    <input id="last_day" type="date" aria-describedby="last_day-error" on:input=move |ev| day.set(event_target_value(&ev)) />
                </Field>
                <FormError errors=error />
                <button type="submit">{t!(i18n, elections.commission_deadline_submit)}</button>
            </form>
        </details>
    })
}
