//! The poll-worker screen of one polling station (open; pair the station's kiosks; find a
//! person by document; mark them for a kiosk ballot or a paper one; enter the paper
//! ballots; count the sheets and sign the closure; the commission may reopen it), and the
//! list of stations. The kiosk itself is `ui::kiosk`.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::accounts::registration_api::load_registration_setup;
use crate::accounts::types::{DocumentType, RegistrationStatus};
use crate::accounts::ui::labels as account_labels;
use crate::elections::station::{
    HandOver, KioskView, StationPage, VoterLookup, close_station, list_stations, load_station,
    open_station, reopen_station,
};
use crate::elections::station_kiosks::{kiosk_pairing_code, unpair_kiosk};
use crate::elections::station_types::reconcile;
use crate::elections::station_voters::{EnterPaperBallot, find_voter, mark_voter};
use crate::elections::ui::ballot::SegmentChoices;
use crate::elections::ui::route_keys;
use crate::error::{AppError, ErrorCode, ErrorMessage, problem_text};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::Loaded;

#[component]
pub fn StationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let org = move || params.with(|p| p.get("org").unwrap_or_default());
    let list = Resource::new(org, list_stations);
    view! {
        <Title text=move || t_string!(i18n, elections.station_list_title).to_string() />
        <h1>{t!(i18n, elections.station_list_title)}</h1>
        <Loaded resource=list show=move |loaded| match loaded {
                items if items.is_empty() => view! { <p>{t!(i18n, elections.station_none_voting)}</p> }.into_any(),
                items => {
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
            } />
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
    // Outlives the page's reloads: which kiosk the last person was sent to.
    let handed = RwSignal::new(None::<Option<i64>>);
    let notice = move || {
        query.with(|q| {
            let error = q.get("error").and_then(|c| ErrorCode::from_query(&c));
            (error, q.get("entered").is_some())
        })
    };
    view! {
        <Loaded resource=data show=move |page| {
                    let (error, entered) = notice();
                    view! {
                        {error.map(|code| view! { <ErrorMessage code /> })}
                        {entered.then(|| view! { <p class="success" role="status">{t!(i18n, elections.station_paper_entered)}</p> })}
                        <Station page keys=keys() station=station() handed reload=Callback::new(move |_| data.refetch()) />
                    }.into_any()
                }
        />
    }
}

#[component]
fn Station(
    page: StationPage,
    keys: (String, String),
    station: i64,
    handed: RwSignal<Option<Option<i64>>>,
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
    // Counts only: how many people and how many ballots, never what the ballots say.
    let counts = if state.marked == 0 && state.ballots() == 0 {
        t_string!(i18n, elections.station_nobody_yet).to_string()
    } else {
        format!(
            "{} · {}",
            t_string!(i18n, elections.station_marked_count, count = state.marked),
            t_string!(
                i18n,
                elections.station_ballots_count,
                count = state.ballots()
            )
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
            view! { <ClosureSummary page keys station reload /> }.into_any()
        } else if !state.opened {
            view! { <button type="button" class="primary" on:click=open>{t!(i18n, elections.station_open)}</button> }.into_any()
        } else {
            view! {
                <Kiosks kiosks=page.kiosks.clone() keys=keys.clone() station reload />
                <FindAndMark keys=keys.clone() station handed reload />
                <PaperBallots page=page.clone() keys=keys.clone() station />
                <Closure page keys station reload />
            }.into_any()
        }}
    }
}

/// The station's kiosks: pair a device with a one-time code, see which hold a ballot,
/// unpair one.
#[component]
fn Kiosks(
    kiosks: Vec<KioskView>,
    keys: (String, String),
    station: i64,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (org, election) = keys;
    let code = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<AppError>);
    let pair = {
        let (org, election) = (org.clone(), election.clone());
        move |_| {
            let (org, election) = (org.clone(), election.clone());
            spawn_local(async move {
                match kiosk_pairing_code(org, election, station).await {
                    Ok(c) => code.set(Some(c)),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let unpair = move |number: i64| {
        let (org, election) = (org.clone(), election.clone());
        spawn_local(async move {
            match unpair_kiosk(org, election, station, number).await {
                Ok(()) => reload.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let kiosk_address = localized_path(i18n.get_locale_untracked(), "/kiosk");
    view! {
        <section class="kiosks">
            <h2>{t!(i18n, elections.kiosk_section_title)}</h2>
            {if kiosks.is_empty() {
                view! { <p class="hint">{t!(i18n, elections.kiosk_none_paired)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain kiosk-list" data-testid="kiosks">
                        {kiosks.into_iter().map(|k| {
                            let unpair = unpair.clone();
                            let status = if k.ready { t_string!(i18n, elections.kiosk_status_ready) } else { t_string!(i18n, elections.kiosk_status_free) };
                            view! {
                                <li class="kiosk-row">
                                    <span>{t_string!(i18n, elections.kiosk_label, number = k.number).to_string()} " — " {status}</span>
                                    <button type="button" class="link" on:click=move |_| unpair(k.number)>{t!(i18n, elections.kiosk_unpair)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {move || error.get().map(|e| view! { <ErrorMessage code=e.code /> })}
            {move || match code.get() {
                Some(c) => view! {
                    <div class="notice pairing" role="status">
                        <p>{t!(i18n, elections.kiosk_pairing_intro)} " " <strong dir="ltr">{kiosk_address.clone()}</strong></p>
                        <p class="tracking-code" data-testid="pairing-code" dir="ltr">{c}</p>
                        <p class="hint">{t!(i18n, elections.kiosk_pairing_expiry)}</p>
                    </div>
                }.into_any(),
                None => view! {
                    <button type="button" on:click=pair.clone()>{t!(i18n, elections.kiosk_pair_button)}</button>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn FindAndMark(
    keys: (String, String),
    station: i64,
    handed: RwSignal<Option<Option<i64>>>,
    reload: Callback<()>,
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
            handed.set(None);
            spawn_local(async move {
                match find_voter(
                    org,
                    election,
                    station,
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
    // The mark names the document in front of the poll worker, never an account.
    let mark = {
        let (org, election) = (org.clone(), election.clone());
        move |hand_over: HandOver| {
            let (org, election) = (org.clone(), election.clone());
            spawn_local(async move {
                match mark_voter(
                    org,
                    election,
                    station,
                    document_type.get_untracked(),
                    number.get_untracked(),
                    hand_over,
                )
                .await
                {
                    Ok(kiosk) => {
                        found.set(None);
                        handed.set(Some(kiosk));
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
    let helpdesk = localized_path(
        i18n.get_locale_untracked(),
        &format!("/staff/{org}/helpdesk"),
    );
    view! {
        <section class="station-find">
            <h2>{t!(i18n, elections.station_find_title)}</h2>
            <form on:submit=search novalidate autocomplete="off">
                <div class="field">
                    <label for="document_type">{t!(i18n, common.field_document_type)}</label>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            let documents = setup.await.map(|s| s.accepted_documents).unwrap_or_else(|_| DocumentType::ALL.to_vec());
                            view! {
                                <select id="document_type" on:change=move |ev| document_type.set(event_target_value(&ev)) aria-describedby="document_type-error">
                                    <option value="">{t!(i18n, common.choose_option)}</option>
                                    {documents.into_iter().map(|d| view! { <option value=d.code()>{move || account_labels::document_type(i18n, d)}</option> }).collect_view()}
                                </select>
                            }
                        })}
                    </Suspense>
                    <p class="field-error" id="document_type-error" role="alert">{problem("document_type")}</p>
                </div>
                <div class="field">
                    <label for="document_number">{t!(i18n, common.field_document_number)}</label>
                    <input id="document_number" type="text" autocomplete="off" maxlength="40" aria-describedby="document_number-error"
                        on:input=move |ev| number.set(event_target_value(&ev)) />
                    <p class="field-error" id="document_number-error" role="alert">{problem("document_number")}</p>
                </div>
                {move || general().map(|code| view! { <ErrorMessage code /> })}
                <button type="submit" class="primary">{t!(i18n, elections.station_find_button)}</button>
            </form>
            {move || handed.get().map(|kiosk| match kiosk {
                Some(number) => view! {
                    <p class="notice kiosk-ready" role="status" data-testid="kiosk-ready">{t_string!(i18n, elections.station_go_to_kiosk, number = number).to_string()}</p>
                }.into_any(),
                None => view! { <p class="notice" role="status">{t!(i18n, elections.station_paper_handed)}</p> }.into_any(),
            })}
            {move || found.get().map(|person| match person {
                None => view! {
                    <div class="notice person-not-found">
                        <p>{t!(i18n, elections.station_not_found)}</p>
                        <a href=helpdesk.clone()>{t!(i18n, elections.station_register_here)}</a>
                    </div>
                }.into_any(),
                Some(person) => {
                    let can_vote = person.status == RegistrationStatus::Verified && person.old_enough && !person.voted;
                    let reason = if person.voted {
                        Some(t_string!(i18n, elections.station_already_voted))
                    } else if person.status != RegistrationStatus::Verified {
                        Some(t_string!(i18n, elections.station_not_verified))
                    } else if !person.old_enough {
                        Some(t_string!(i18n, elections.station_too_young))
                    } else {
                        None
                    };
                    let mark_kiosk = mark.clone();
                    let mark_paper = mark.clone();
                    view! {
                        <div class="card person-found">
                            <h3 dir="auto">{person.name.clone()}</h3>
                            <p>{account_labels::status(i18n, person.status)}</p>
                            {reason.map(|r| view! { <p class="error" role="alert">{r}</p> })}
                            {can_vote.then(|| view! {
                                <div class="actions">
                                    <button type="button" class="primary" on:click=move |_| mark_kiosk(HandOver::Kiosk)>{t!(i18n, elections.station_mark_kiosk)}</button>
                                    <button type="button" on:click=move |_| mark_paper(HandOver::Paper)>{t!(i18n, elections.station_mark_paper)}</button>
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
            <summary>{t!(i18n, elections.station_paper_title)}</summary>
            <p class="hint">{t!(i18n, elections.station_paper_hint)}</p>
            <form class="ballot paper" method="post" action=EnterPaperBallot::PATH autocomplete="off">
                <input type="hidden" name="organization" value=org />
                <input type="hidden" name="election" value=election />
                <input type="hidden" name="station" value=station.to_string() />
                <input type="hidden" name="locale" value=locale />
                {page.segments.into_iter().map(|segment| view! { <SegmentChoices segment /> }).collect_view()}
                <label class="checkbox">
                    <input type="checkbox" name="null" value="yes" />
                    <span>{t!(i18n, elections.station_paper_null)}</span>
                </label>
                <button type="submit" class="primary">{t!(i18n, elections.station_paper_submit)}</button>
            </form>
        </details>
    }
}

/// The station's counts as the closure records them.
#[component]
fn StationFacts(state: crate::elections::station::StationState) -> impl IntoView {
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
fn Closure(
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
fn ClosureSummary(
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
