//! The poll-worker screen of one polling station (open; find a person by document; mark
//! them and hand over the kiosk ballot or a paper one; enter the paper ballots; sign the
//! closure), the list of stations, and the station's kiosk ballot.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::accounts::server::load_registration_setup;
use crate::accounts::types::{DocumentType, RegistrationStatus};
use crate::accounts::ui::labels as account_labels;
use crate::elections::public::load_election;
use crate::elections::station::{
    CastKioskBallot, EnterPaperBallot, HandOver, StationPage, VoterLookup, close_station,
    find_voter, kiosk_ready, list_stations, load_station, mark_voter, open_station,
};
use crate::elections::ui::ballot::{BallotForm, SegmentChoices};
use crate::elections::ui::{election_path, route_keys};
use crate::error::{AppError, ErrorCode, ErrorMessage, problem_text};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;

#[component]
pub fn StationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let org = move || params.with(|p| p.get("org").unwrap_or_default());
    let list = Resource::new(org, list_stations);
    view! {
        <Title text=move || t_string!(i18n, station_list_title).to_string() />
        <h1>{t!(i18n, station_list_title)}</h1>
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => view! { <ErrorMessage code=e.code /> }.into_any(),
                    Ok(items) if items.is_empty() => view! { <p>{t!(i18n, station_none_voting)}</p> }.into_any(),
                    Ok(items) => {
                        let org = org();
                        items.into_iter().map(|e| view! {
                            <h2>{e.title.clone()}</h2>
                            <ul class="cards">
                                {e.stations.iter().map(|s| {
                                    let href = localized_path(i18n.get_locale_untracked(), &format!("/staff/{org}/elections/{}/stations/{}", e.slug, s.id));
                                    view! { <li class="card"><a href=href>{s.name.clone()}</a><p>{s.address.clone()} " · " {s.region.clone()}</p></li> }
                                }).collect_view()}
                            </ul>
                        }).collect_view().into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn StationPageView() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let params = use_params_map();
    let station = move || {
        params.with(|p| {
            p.get("station")
                .and_then(|s| s.parse::<i64>().ok())
                .unwrap_or(0)
        })
    };
    let data = Resource::new(
        move || (keys(), station(), i18n.get_locale().as_str().to_owned()),
        |((org, election), station, locale)| load_station(org, election, station, locale),
    );
    let query = use_query_map();
    let notice = move || {
        query.with(|q| {
            let error = q.get("error").and_then(|c| ErrorCode::from_query(&c));
            (error, q.get("entered").is_some())
        })
    };
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorMessage code=e.code /> }.into_any(),
                    Ok(page) => {
                        let (error, entered) = notice();
                        view! {
                            {error.map(|code| view! { <ErrorMessage code /> })}
                            {entered.then(|| view! { <p class="success" role="status">{t!(i18n, station_paper_entered)}</p> })}
                            <Station page keys=keys() station=station() reload=Callback::new(move |_| data.refetch()) />
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Station(
    page: StationPage,
    keys: (String, String),
    station: i64,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<AppError>);
    let (org, election) = keys.clone();
    let state = page.state.clone();
    let open = {
        let (org, election) = (org.clone(), election.clone());
        move |_| {
            let (org, election) = (org.clone(), election.clone());
            spawn_local(async move {
                match open_station(org, election, station).await {
                    Ok(()) => reload.run(()),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let counts = if state.marked == 0 && state.ballots == 0 {
        t_string!(i18n, station_nobody_yet).to_string()
    } else {
        format!(
            "{} · {}",
            t_string!(i18n, station_marked_count, count = state.marked),
            t_string!(i18n, station_ballots_count, count = state.ballots)
        )
    };
    view! {
        <Title text=page.station.name.clone() />
        <p class="eyebrow">{page.title.clone()}</p>
        <h1>{page.station.name.clone()}</h1>
        <p class="lead">{page.station.address.clone()} " · " {page.station.region.clone()}</p>
        <p class="station-counts" data-testid="station-counts">{counts}</p>
        {move || error.get().map(|e| view! { <ErrorMessage code=e.code /> })}
        {if state.closed {
            view! { <ClosureSummary page /> }.into_any()
        } else if !state.opened {
            view! { <button type="button" class="primary" on:click=open>{t!(i18n, station_open)}</button> }.into_any()
        } else {
            view! {
                <FindAndMark keys=keys.clone() station reload kiosk_here=page.kiosk_here waiting_kiosk=state.waiting_kiosk />
                <PaperBallots page=page.clone() keys=keys.clone() station />
                <Closure page keys station reload />
            }.into_any()
        }}
    }
}

#[component]
fn FindAndMark(
    keys: (String, String),
    station: i64,
    reload: Callback<()>,
    kiosk_here: bool,
    waiting_kiosk: u64,
) -> impl IntoView {
    let i18n = use_i18n();
    let (org, election) = keys;
    let setup = Resource::new(
        {
            let org = org.clone();
            move || org.clone()
        },
        load_registration_setup,
    );
    let document_type = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Option<VoterLookup>>);
    let error = RwSignal::new(None::<AppError>);
    let search = {
        let (org, election) = (org.clone(), election.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let (org, election) = (org.clone(), election.clone());
            error.set(None);
            spawn_local(async move {
                match find_voter(
                    org,
                    election,
                    document_type.get_untracked(),
                    number.get_untracked(),
                )
                .await
                {
                    Ok(person) => found.set(Some(person)),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let mark = {
        let (org, election) = (org.clone(), election.clone());
        move |account: i64, hand_over: HandOver| {
            let (org, election) = (org.clone(), election.clone());
            spawn_local(async move {
                match mark_voter(org, election, station, account, hand_over).await {
                    Ok(()) => {
                        found.set(None);
                        reload.run(());
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
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
    let kiosk = election_path(&org, &election, "/kiosk");
    let helpdesk = localized_path(
        i18n.get_locale_untracked(),
        &format!("/staff/{org}/helpdesk"),
    );
    view! {
        <section class="station-find">
            <h2>{t!(i18n, station_find_title)}</h2>
            <form on:submit=search novalidate>
                <div class="field">
                    <label for="document_type">{t!(i18n, field_document_type)}</label>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            let documents = setup.await.map(|s| s.accepted_documents).unwrap_or_else(|_| DocumentType::ALL.to_vec());
                            view! {
                                <select id="document_type" on:change=move |ev| document_type.set(event_target_value(&ev)) aria-describedby="document_type-error">
                                    <option value="">{t!(i18n, choose_option)}</option>
                                    {documents.into_iter().map(|d| view! { <option value=d.code()>{move || account_labels::document_type(i18n, d)}</option> }).collect_view()}
                                </select>
                            }
                        })}
                    </Suspense>
                    <p class="field-error" id="document_type-error" role="alert">{problem("document_type")}</p>
                </div>
                <div class="field">
                    <label for="document_number">{t!(i18n, field_document_number)}</label>
                    <input id="document_number" type="text" autocomplete="off" maxlength="40" aria-describedby="document_number-error"
                        on:input=move |ev| number.set(event_target_value(&ev)) />
                    <p class="field-error" id="document_number-error" role="alert">{problem("document_number")}</p>
                </div>
                {move || general().map(|code| view! { <ErrorMessage code /> })}
                <button type="submit" class="primary">{t!(i18n, station_find_button)}</button>
            </form>
            // A kiosk ballot handed over and not cast yet: on the device that holds it, the
            // way to hand it over; on the station's other devices, only that one is waiting.
            {if kiosk_here {
                Some(view! {
                    <div class="notice kiosk-ready" role="status">
                        <p>{t!(i18n, station_kiosk_ready)}</p>
                        <a class="button primary" href=kiosk.clone()>{t!(i18n, station_kiosk_hand_over)}</a>
                    </div>
                }.into_any())
            } else if waiting_kiosk > 0 {
                Some(view! {
                    <p class="notice kiosk-elsewhere" role="status">{t_string!(i18n, station_waiting_kiosk, count = waiting_kiosk).to_string()}</p>
                }.into_any())
            } else {
                None
            }}
            {move || found.get().map(|person| match person {
                None => view! {
                    <div class="notice person-not-found">
                        <p>{t!(i18n, station_not_found)}</p>
                        <a href=helpdesk.clone()>{t!(i18n, station_register_here)}</a>
                    </div>
                }.into_any(),
                Some(person) => {
                    let can_vote = person.status == RegistrationStatus::Verified && person.old_enough && !person.voted;
                    let reason = if person.voted {
                        Some(t_string!(i18n, error_already_voted))
                    } else if person.status != RegistrationStatus::Verified {
                        Some(t_string!(i18n, station_not_verified))
                    } else if !person.old_enough {
                        Some(t_string!(i18n, station_too_young))
                    } else {
                        None
                    };
                    let account = person.account;
                    let mark = mark.clone();
                    let mark_paper = mark.clone();
                    view! {
                        <div class="card person-found">
                            <h3>{person.name.clone()}</h3>
                            <p>{account_labels::status(i18n, person.status)}</p>
                            {reason.map(|r| view! { <p class="error" role="alert">{r}</p> })}
                            {can_vote.then(|| view! {
                                <div class="actions">
                                    <button type="button" class="primary" on:click=move |_| mark(account, HandOver::Kiosk)>{t!(i18n, station_mark_kiosk)}</button>
                                    <button type="button" on:click=move |_| mark_paper(account, HandOver::Paper)>{t!(i18n, station_mark_paper)}</button>
                                </div>
                            })}
                        </div>
                    }.into_any()
                }
            })}
        </section>
    }
}

/// Paper ballots from the box, entered one by one at closing (a plain form post).
#[component]
fn PaperBallots(page: StationPage, keys: (String, String), station: i64) -> impl IntoView {
    let i18n = use_i18n();
    let (org, election) = keys;
    let locale = i18n.get_locale_untracked().as_str();
    view! {
        <details class="paper-ballots">
            <summary>{t!(i18n, station_paper_title)}</summary>
            <p class="hint">{t!(i18n, station_paper_hint)}</p>
            <form class="ballot paper" method="post" action=EnterPaperBallot::PATH>
                <input type="hidden" name="organization" value=org />
                <input type="hidden" name="election" value=election />
                <input type="hidden" name="station" value=station.to_string() />
                <input type="hidden" name="locale" value=locale />
                {page.segments.into_iter().map(|segment| view! { <SegmentChoices segment /> }).collect_view()}
                <label class="checkbox">
                    <input type="checkbox" name="null" value="yes" />
                    <span>{t!(i18n, station_paper_null)}</span>
                </label>
                <button type="submit" class="primary">{t!(i18n, station_paper_submit)}</button>
            </form>
        </details>
    }
}

#[component]
fn Closure(
    page: StationPage,
    keys: (String, String),
    station: i64,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let justification = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let s = page.state;
    let (org, election) = keys;
    let sign = move |_| {
        let (org, election) = (org.clone(), election.clone());
        spawn_local(async move {
            match close_station(org, election, station, justification.get_untracked()).await {
                Ok(_) => reload.run(()),
                Err(e) => {
                    confirming.set(false);
                    error.set(Some(e));
                }
            }
        });
    };
    let problem = move || {
        error.with(|e| {
            e.as_ref()
                .and_then(|e| e.problem_of("justification"))
                .map(problem_text)
        })
    };
    let general =
        move || error.with(|e| e.as_ref().filter(|e| e.fields.is_empty()).map(|e| e.code));
    let mismatch = s.ballots != s.marked;
    view! {
        <section class="closure">
            <h2>{t!(i18n, station_closure_title)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, station_marked)}</dt><dd>{s.marked}</dd>
                <dt>{t!(i18n, station_ballots)}</dt><dd>{s.ballots}</dd>
                <dt>{t!(i18n, results_valid)}</dt><dd>{s.valid}</dd>
                <dt>{t!(i18n, results_blank)}</dt><dd>{s.blank}</dd>
                <dt>{t!(i18n, results_null)}</dt><dd>{s.null}</dd>
            </dl>
            {(s.waiting_kiosk > 0).then(|| view! { <p class="notice">{t_string!(i18n, station_waiting_kiosk, count = s.waiting_kiosk).to_string()}</p> })}
            {mismatch.then(|| view! { <p class="notice">{t!(i18n, station_mismatch)}</p> })}
            <div class="field" class:invalid=move || problem().is_some()>
                <label for="justification">{t!(i18n, station_justification)}</label>
                <textarea id="justification" rows="3" maxlength="2000" aria-describedby="justification-error"
                    on:input=move |ev| justification.set(event_target_value(&ev))></textarea>
                <p class="field-error" id="justification-error" role="alert">{problem}</p>
            </div>
            {move || general().map(|code| view! { <ErrorMessage code /> })}
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="primary" on:click=move |_| confirming.set(true)>{t!(i18n, station_close)}</button>
            }>
                <p class="notice">{t!(i18n, station_close_confirm)}</p>
                <button type="button" class="primary" on:click=sign.clone()>{t!(i18n, station_close_yes)}</button>
                <button type="button" on:click=move |_| confirming.set(false)>{t!(i18n, commission_move_no)}</button>
            </Show>
        </section>
    }
}

#[component]
fn ClosureSummary(page: StationPage) -> impl IntoView {
    let i18n = use_i18n();
    let s = page.state;
    view! {
        <section class="closure signed">
            <h2>{t!(i18n, station_closed_title)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, station_marked)}</dt><dd>{s.marked}</dd>
                <dt>{t!(i18n, station_ballots)}</dt><dd>{s.ballots}</dd>
                <dt>{t!(i18n, results_valid)}</dt><dd>{s.valid}</dd>
                <dt>{t!(i18n, results_blank)}</dt><dd>{s.blank}</dd>
                <dt>{t!(i18n, results_null)}</dt><dd>{s.null}</dd>
                {s.justification.map(|j| view! { <dt>{t!(i18n, station_justification)}</dt><dd dir="auto">{j}</dd> })}
            </dl>
        </section>
    }
}

/// The station device's ballot, after the poll worker marked someone "kiosk".
#[component]
pub fn KioskPage() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let data = Resource::new(
        move || (keys(), i18n.get_locale().as_str().to_owned()),
        |((org, election), locale)| async move {
            let ready = kiosk_ready().await?;
            Ok::<_, AppError>((ready, load_election(org, election, locale).await?))
        },
    );
    let query = use_query_map();
    let error = move || {
        query
            .with(|q| q.get("error"))
            .and_then(|c| ErrorCode::from_query(&c))
    };
    view! {
        <Title text=move || t_string!(i18n, ballot_title).to_string() />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorMessage code=e.code /> }.into_any(),
                    Ok((false, _)) => view! { <h1>{t!(i18n, ballot_title)}</h1> <p class="notice">{t!(i18n, kiosk_not_ready)}</p> }.into_any(),
                    Ok((true, page)) => view! {
                        <p class="eyebrow">{page.title.clone()}</p>
                        <h1>{t!(i18n, ballot_title)}</h1>
                        {error().map(|code| view! { <ErrorMessage code /> })}
                        <BallotForm page action=CastKioskBallot::PATH />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
