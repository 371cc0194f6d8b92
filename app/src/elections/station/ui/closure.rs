//! Closing a station on the poll-worker screen: its counts, the sheets found in the box and
//! the signed closure with its reconciliation; the commission may reopen it.

use crate::elections::station::api::{StationPage, close_station, reopen_station};
use crate::elections::station::rules::reconcile;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{ConfirmButton, Fact, Facts, Field, FormError};
use leptos::prelude::*;
use leptos::task::spawn_local;

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
    let sign = Callback::new(move |()| {
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
    });
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
            <Field name="sheets_found" label=Signal::derive(move || t_string!(i18n, elections.station_sheets_found_label).to_string()) errors=error>
                <input id="sheets_found" type="text" inputmode="numeric" autocomplete="off" maxlength="7" aria-describedby="sheets_found-error"
                    on:input=move |ev| sheets.set(event_target_value(&ev)) />
            </Field>
            {move || mismatch().then(|| view! { <p class="notice">{t!(i18n, elections.station_mismatch)}</p> })}
            <Field name="justification" label=Signal::derive(move || t_string!(i18n, elections.station_justification).to_string()) errors=error>
                <textarea id="justification" rows="3" maxlength="2000" aria-describedby="justification-error"
                    on:input=move |ev| justification.set(event_target_value(&ev))></textarea>
            </Field>
            <FormError errors=error />
            <ConfirmButton on_confirm=sign confirming
                label=t_string!(i18n, elections.station_close).to_string()
                question=t_string!(i18n, elections.station_close_confirm).to_string()
                yes=t_string!(i18n, elections.station_close_yes).to_string() />
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
    view! {
        <section class="closure signed">
            <h2>{t!(i18n, elections.station_closed_title)}</h2>
            <StationFacts state=page.state />
            {page.may_reopen.then(|| view! {
                <details class="reopen">
                    <summary>{t!(i18n, elections.station_reopen_title)}</summary>
                    <Field name="reason" control="reopen-reason" label=Signal::derive(move || t_string!(i18n, elections.station_reopen_reason).to_string()) errors=error>
                        <textarea id="reopen-reason" rows="2" maxlength="2000" aria-describedby="reason-error"
                            on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    </Field>
                    <FormError errors=error />
                    <button type="button" on:click=reopen.clone()>{t!(i18n, elections.station_reopen_button)}</button>
                </details>
            })}
        </section>
    }
}
