//! The commission's deadlines: the last day of the current phase or a later one.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;

use crate::elections::calendar::rules::Phase;
use crate::elections::commission::api::SetDeadline;
use crate::elections::ui::labels;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::Field;

/// Sets or extends the last day of the current phase or a later one (a plain form; a
/// refused day is named under its field, anything else at the top of the page).
#[component]
pub(super) fn DeadlineForm(
    phase: Phase,
    deadlines: Vec<(Phase, crate::calendar::Date)>,
    keys: (String, String),
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let phases: Vec<Phase> = Phase::ALL
        .into_iter()
        .filter(|p| *p >= phase && *p != Phase::Draft && *p != Phase::OfficialResults)
        .collect();
    // Open once there is something to see, or a day to correct.
    let open = !deadlines.is_empty()
        || errors.with_untracked(|e| {
            e.as_ref()
                .is_some_and(|e| e.problem_of("last_day").is_some())
        });
    let (org, election) = keys;
    (!phases.is_empty()).then(|| view! {
        <details class="deadlines" open=open>
            <summary>{t!(i18n, elections.commission_deadline_title)}</summary>
            <ul class="current-deadlines">
                {deadlines.iter().map(|(p, day)| view! {
                    <li>{labels::phase(i18n, *p)} " — " {t_string!(i18n, common.timeline_until, day = crate::platform::text::dates::long_date(*day, i18n.get_locale_untracked())).to_string()}</li>
                }).collect_view()}
            </ul>
            <form method="post" action=SetDeadline::PATH novalidate>
                <input type="hidden" name="organization" value=org />
                <input type="hidden" name="election" value=election />
                <div class="field">
                    <label for="deadline_phase">{t!(i18n, elections.commission_deadline_phase)}</label>
                    <select id="deadline_phase" name="phase">
                        {phases.into_iter().map(|p| view! { <option value=p.code() selected=p == phase>{labels::phase(i18n, p)}</option> }).collect_view()}
                    </select>
                </div>
                <Field name="last_day" label=Signal::derive(move || t_string!(i18n, elections.commission_deadline_day).to_string()) errors>
                    <input id="last_day" name="last_day" type="date" aria-describedby="last_day-error" />
                </Field>
                <button type="submit">{t!(i18n, elections.commission_deadline_submit)}</button>
            </form>
        </details>
    })
}
