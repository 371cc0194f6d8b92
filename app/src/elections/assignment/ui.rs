//! The commission's "poll workers per station" section: who works where, assign, remove.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::elections::assignment::api::{StationStaffPage, assign_poll_worker};
use crate::error::{AppError, ErrorMessage};
use crate::i18n::{t, use_i18n};

#[component]
pub fn StationStaff(
    page: StationStaffPage,
    keys: (String, String),
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="station-staff" aria-labelledby="station-staff-heading">
            <h2 id="station-staff-heading">{t!(i18n, elections.assign_heading)}</h2>
            <p class="hint">{t!(i18n, elections.assign_intro)}</p>
            <Stations page keys reload />
        </section>
    }
}

#[component]
fn Stations(page: StationStaffPage, keys: (String, String), reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<AppError>);
    let act = move |station: i64, worker: i64, assign: bool| {
        let (org, election) = keys.clone();
        spawn_local(async move {
            match assign_poll_worker(org, election, station, worker, assign).await {
                Ok(()) => reload.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let editable = page.editable;
    let workers = page.poll_workers.clone();
    let marks = page.marks.clone();
    view! {
        {move || error.get().map(|e| view! { <ErrorMessage code=e.code /> })}
        <ul class="plain station-staff-list">
            {page.stations.into_iter().map(|(station, assigned)| {
                let id = station.id;
                let select_id = format!("assign-{id}");
                let choice = RwSignal::new(String::new());
                let act_add = act.clone();
                let candidates: Vec<_> = workers.iter().filter(|w| !assigned.iter().any(|a| a.account == w.account)).cloned().collect();
                let here: Vec<(String, u64)> = marks.iter().filter(|(s, _, _)| *s == id).map(|(_, n, c)| (n.clone(), *c)).collect();
                view! {
                    <li class="card" id=format!("station-staff-{id}")>
                        <h3 dir="auto">{station.name.clone()}</h3>
                        {(!here.is_empty()).then(|| view! {
                            <p class="marks-by-worker" data-testid="marks-by-worker">
                                {t!(i18n, elections.assign_marks)} " "
                                {here.into_iter().map(|(name, count)| view! { <span class="mark-count"><bdi>{name}</bdi> ": " {count} " "</span> }).collect_view()}
                            </p>
                        })}
                        {if assigned.is_empty() {
                            view! { <p class="hint">{t!(i18n, elections.assign_nobody)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="plain assigned">
                                    {assigned.into_iter().map(|w| {
                                        let act = act.clone();
                                        view! {
                                            <li>
                                                <span dir="auto">{w.name.clone()}</span>
                                                {editable.then(|| view! {
                                                    <button type="button" class="small secondary" on:click=move |_| act(id, w.account, false)>{t!(i18n, elections.assign_remove)}</button>
                                                })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        {(editable && !candidates.is_empty()).then(|| view! {
                            <div class="assign-form">
                                <label for=select_id.clone()>{t!(i18n, elections.assign_label)}</label>
                                <select id=select_id.clone() on:change=move |ev| choice.set(event_target_value(&ev))>
                                    <option value="">{t!(i18n, common.choose_option)}</option>
                                    {candidates.into_iter().map(|w| view! { <option value=w.account.to_string()>{w.name}</option> }).collect_view()}
                                </select>
                                <button type="button" on:click=move |_| {
                                    if let Ok(worker) = choice.get_untracked().parse::<i64>() {
                                        act_add(id, worker, true);
                                    }
                                }>{t!(i18n, elections.assign_button)}</button>
                            </div>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
