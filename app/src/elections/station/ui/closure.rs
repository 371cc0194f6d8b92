//! Closing a station on the poll-worker screen: its counts, the sheets found in the box and
//! the signed closure with its reconciliation; the commission may reopen it.

use crate::elections::station::api::{StationPage, close_station, reopen_station};
use crate::elections::station::rules::reconcile;
use crate::error::{AppError, ErrorMessage, problem_text};
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The station's counts as the closure records them.
#[component]
pub(crate) fn StationFacts(state: crate::elections::station::api::StationState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <dl class="facts">
            <dt>{t!(i18n, elections.station_marked)}</dt><dd data-testid="marked">{state.marked}</dd>
            <dt>{t!(i18n, elections.station_kiosk_ballots)}</dt><dd>{state.kiosk_ballots}</dd>
            <dt>{t!(i18n, elections.station_paper_ballots)}</dt><dd>{state.paper_ballots}</dd>
            {state.sheets_found.map(|n| view! { <dt>{t!(i18n, elections.station_sheets_found)}</dt><dd>{n}</dd> })}
            {state.justification.map(|j| view! { <dt>{t!(i18n, elections.station_justification)}</dt><dd dir="auto">{j}</dd> })}
        </dl>
    }
}

#[component]
pub(crate) fn Closure(
    page: StationPage,
    keys: (String, String),
    station: i64,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sheets = RwSignal::new(String::new());
    let justification = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let s = page.state;
    let (org, election) = keys;
    let sign = move |_| {
        let (org, election) = (org.clone(), election.clone());
        spawn_local(async move {
            match close_station(
                org,
                election,
                station,
                sheets.get_untracked(),
                justification.get_untracked(),
            )
            .await
            {
                Ok(_) => reload.run(()),
                Err(e) => {
                    confirming.set(false);
                    error.set(Some(e));
                }
            }
        });
    };
    let problem = move |field: &'static str| {
        move || {
            error.with(|e| {
                e.as_ref()
                    .and_then(|e| e.problem_of(field))
                    .map(problem_text)
            })
        }
    };
    let general =
        move || error.with(|e| e.as_ref().filter(|e| e.fields.is_empty()).map(|e| e.code));
    // What the typed sheet count says, before signing.
    let (marked, kiosk, paper) = (s.marked, s.kiosk_ballots, s.paper_ballots);
    let mismatch = move || {
        sheets
            .get()
            .trim()
            .parse::<u64>()
            .is_ok_and(|n| reconcile(marked, kiosk, n, paper) != (0, 0))
    };
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
            <div class="field" class:invalid=move || problem("sheets_found")().is_some()>
                <label for="sheets_found">{t!(i18n, elections.station_sheets_found_label)}</label>
                <input id="sheets_found" type="text" inputmode="numeric" autocomplete="off" maxlength="7" aria-describedby="sheets_found-error"
                    on:input=move |ev| sheets.set(event_target_value(&ev)) />
                <p class="field-error" id="sheets_found-error" role="alert">{problem("sheets_found")}</p>
            </div>
            {move || mismatch().then(|| view! { <p class="notice">{t!(i18n, elections.station_mismatch)}</p> })}
            <div class="field" class:invalid=move || problem("justification")().is_some()>
                <label for="justification">{t!(i18n, elections.station_justification)}</label>
                <textarea id="justification" rows="3" maxlength="2000" aria-describedby="justification-error"
                    on:input=move |ev| justification.set(event_target_value(&ev))></textarea>
                <p class="field-error" id="justification-error" role="alert">{problem("justification")}</p>
            </div>
            {move || general().map(|code| view! { <ErrorMessage code /> })}
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="primary" on:click=move |_| confirming.set(true)>{t!(i18n, elections.station_close)}</button>
            }>
                <p class="notice">{t!(i18n, elections.station_close_confirm)}</p>
                <button type="button" class="primary" on:click=sign.clone()>{t!(i18n, elections.station_close_yes)}</button>
                <button type="button" on:click=move |_| confirming.set(false)>{t!(i18n, elections.commission_move_no)}</button>
            </Show>
        </section>
    }
    .into_any()
}

#[component]
pub(crate) fn ClosureSummary(
    page: StationPage,
    keys: (String, String),
    station: i64,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let (org, election) = keys;
    let reopen = move |_| {
        let (org, election) = (org.clone(), election.clone());
        spawn_local(async move {
            match reopen_station(org, election, station, reason.get_untracked()).await {
                Ok(()) => reload.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let problem = move || {
        error.with(|e| {
            e.as_ref()
                .and_then(|e| e.problem_of("reason"))
                .map(problem_text)
        })
    };
    view! {
        <section class="closure signed">
            <h2>{t!(i18n, elections.station_closed_title)}</h2>
            <StationFacts state=page.state />
            {page.may_reopen.then(|| view! {
                <details class="reopen">
                    <summary>{t!(i18n, elections.station_reopen_title)}</summary>
                    <div class="field" class:invalid=move || problem().is_some()>
                        <label for="reopen-reason">{t!(i18n, elections.station_reopen_reason)}</label>
                        <textarea id="reopen-reason" rows="2" maxlength="2000" aria-describedby="reopen-reason-error"
                            on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                        <p class="field-error" id="reopen-reason-error" role="alert">{problem}</p>
                    </div>
                    {move || error.with(|e| e.as_ref().filter(|e| e.fields.is_empty()).map(|e| view! { <ErrorMessage code=e.code /> }))}
                    <button type="button" on:click=reopen.clone()>{t!(i18n, elections.station_reopen_button)}</button>
                </details>
            })}
        </section>
    }
}
