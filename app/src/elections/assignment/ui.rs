//! The commission's "poll workers per station" section: who works where, assign, remove.
//! Plain forms; a refusal comes back under the station it concerns (`?item=station-<id>`).

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;

use crate::elections::assignment::api::{AssignPollWorkerForm, StationStaffPage};
use crate::elections::commission::ui::form_parts::{ElectionKeys, errors_of};
use crate::error::AppError;
use crate::i18n::{t, use_i18n};
use crate::ui::kit::{FieldError, FormError};

#[component]
pub fn StationStaff(
    page: StationStaffPage,
    keys: (String, String),
    /// The form the last refusal concerns (`station-<id>`), if any.
    item: Option<String>,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="station-staff" aria-labelledby="station-staff-heading">
            <h2 id="station-staff-heading">{t!(i18n, elections.assign_heading)}</h2>
            <p class="hint">{t!(i18n, elections.assign_intro)}</p>
            <Stations page keys item errors />
        </section>
    }
}

#[component]
fn Stations(
    page: StationStaffPage,
    keys: (String, String),
    item: Option<String>,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let editable = page.editable;
    let workers = page.poll_workers.clone();
    let marks = page.marks.clone();
    view! {
        <ul class="plain station-staff-list">
            {page.stations.into_iter().map(|(station, assigned)| {
                let id = station.id;
                let errors = errors_of(errors, item.as_deref(), &format!("station-{id}"));
                let select_id = format!("assign-{id}");
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
                                        view! {
                                            <li>
                                                <span dir="auto">{w.name.clone()}</span>
                                                {editable.then(|| view! {
                                                    <form method="post" action=AssignPollWorkerForm::PATH class="inline">
                                                        <ElectionKeys keys=keys.clone() />
                                                        <input type="hidden" name="station" value=id />
                                                        <input type="hidden" name="worker" value=w.account />
                                                        <input type="hidden" name="assign" value="false" />
                                                        <button type="submit" class="small secondary">{t!(i18n, elections.assign_remove)}</button>
                                                    </form>
                                                })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        {(editable && !candidates.is_empty()).then(|| view! {
                            <form method="post" action=AssignPollWorkerForm::PATH class="assign-form">
                                <ElectionKeys keys=keys.clone() />
                                <input type="hidden" name="station" value=id />
                                <input type="hidden" name="assign" value="true" />
                                <label for=select_id.clone()>{t!(i18n, elections.assign_label)}</label>
                                <select id=select_id.clone() name="worker" required aria-describedby=format!("{select_id}-error")>
                                    <option value="">{t!(i18n, common.choose_option)}</option>
                                    {candidates.into_iter().map(|w| view! { <option value=w.account.to_string()>{w.name}</option> }).collect_view()}
                                </select>
                                <button type="submit">{t!(i18n, elections.assign_button)}</button>
                            </form>
                            <FieldError errors name="worker" id=select_id.clone() />
                        })}
                        <FormError errors />
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
