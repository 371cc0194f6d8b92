//! Closing a station on the poll-worker screen: its counts, the sheets found in the box and
//! the signed closure with its reconciliation; the commission may reopen it.

use crate::elections::station::api::{CloseStation, ReopenStation, StationPage};
use crate::elections::station::rules::reconcile;
use crate::elections::station::ui::fields::StationFields;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{ConfirmForm, Fact, Facts, Field, FormError};
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;

/// The station's counts as the closure records them.
#[component]
pub(crate) fn StationFacts(state: crate::elections::station::api::StationState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Facts>
            <Fact term={t!(i18n, elections.station_marked)} testid="marked">{state.marked}</Fact>
            <Fact term={t!(i18n, elections.station_kiosk_ballots)}>{state.kiosk_ballots}</Fact>
            <Fact term={t!(i18n, elections.station_paper_ballots)}>{state.paper_ballots}</Fact>
            {state.sheets_found.map(|n| view! { <Fact term={t!(i18n, elections.station_sheets_found)}>{n}</Fact> })}
            {state.justification.map(|j| view! { <Fact term={t!(i18n, elections.station_justification)}>{j}</Fact> })}
        </Facts>
    }
}

/// The closure: the sheets counted in the box, a justification when the counts differ,
/// and the signature, asked twice.
#[component]
pub(crate) fn Closure(
    page: StationPage,
    keys: (String, String),
    station: i64,
    /// The count typed into a closure that was refused.
    sheets: Option<String>,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = page.state;
    // What the count typed last time says, so it is explained before signing again.
    let mismatch = sheets
        .as_deref()
        .and_then(|n| n.trim().parse::<u64>().ok())
        .is_some_and(|n| reconcile(s.marked, s.kiosk_ballots, n, s.paper_ballots) != (0, 0));
    let waiting = s.waiting_kiosk;
    if !page.may_close {
        return view! {
            <section class="closure">
                <h2>{t!(i18n, elections.station_closure_title)}</h2>
                <p class="notice">{t!(i18n, elections.station_close_commission_only)}</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="closure">
            <h2>{t!(i18n, elections.station_closure_title)}</h2>
            <StationFacts state=s />
            {(waiting > 0).then(|| view! { <p class="notice">{t_string!(i18n, elections.station_waiting_kiosk, count = waiting).to_string()}</p> })}
            <ConfirmForm action=CloseStation::url()
                label=t_string!(i18n, elections.station_close).to_string()
                question=t_string!(i18n, elections.station_close_confirm).to_string()
                yes=t_string!(i18n, elections.station_close_yes).to_string()>
                <StationFields keys station />
                <Field name="sheets_found" label=Signal::derive(move || t_string!(i18n, elections.station_sheets_found_label).to_string()) errors>
                    <input id="sheets_found" name="sheets_found" type="text" inputmode="numeric" autocomplete="off" maxlength="7"
                        aria-describedby="sheets_found-error" value=sheets.unwrap_or_default() />
                </Field>
                {mismatch.then(|| view! { <p class="notice">{t!(i18n, elections.station_mismatch)}</p> })}
                <Field name="justification" label=Signal::derive(move || t_string!(i18n, elections.station_justification).to_string()) errors>
                    <textarea id="justification" name="justification" rows="3" maxlength="2000" aria-describedby="justification-error"></textarea>
                </Field>
                <FormError errors />
            </ConfirmForm>
        </section>
    }
    .into_any()
}

#[component]
pub(crate) fn ClosureSummary(
    page: StationPage,
    keys: (String, String),
    station: i64,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // A refused reopening comes back open, with why.
    let open = errors.with_untracked(Option::is_some);
    view! {
        <section class="closure signed">
            <h2>{t!(i18n, elections.station_closed_title)}</h2>
            <StationFacts state=page.state />
            {page.may_reopen.then(|| view! {
                <details class="reopen" open=open>
                    <summary>{t!(i18n, elections.station_reopen_title)}</summary>
                    <form method="post" action=ReopenStation::url()>
                        <StationFields keys station />
                        <Field name="reason" control="reopen-reason" label=Signal::derive(move || t_string!(i18n, elections.station_reopen_reason).to_string()) errors>
                            <textarea id="reopen-reason" name="reason" rows="2" maxlength="2000" aria-describedby="reason-error"></textarea>
                        </Field>
                        <FormError errors />
                        <button type="submit">{t!(i18n, elections.station_reopen_button)}</button>
                    </form>
                </details>
            })}
        </section>
    }
}
