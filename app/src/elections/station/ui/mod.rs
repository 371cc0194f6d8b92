//! The poll-worker screen of one polling station (open; pair the station's kiosks; find a
//! person by document; mark them for a kiosk ballot or a paper one; enter the paper
//! ballots; count the sheets and sign the closure; the commission may reopen it), and the
//! list of stations. The kiosk itself is `kiosk::ui`.

pub mod closure;
pub mod voters;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::elections::station::api::kiosks::{kiosk_pairing_code, unpair_kiosk};
use crate::elections::station::api::{
    KioskView, StationPage, list_stations, load_station, open_station,
};
use crate::elections::station::ui::closure::{Closure, ClosureSummary};
use crate::elections::station::ui::voters::{FindAndMark, PaperBallots};
use crate::elections::ui::route_keys;
use crate::error::{AppError, ErrorCode, ErrorMessage};
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
