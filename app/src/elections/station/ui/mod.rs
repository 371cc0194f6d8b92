//! The poll-worker screen of one polling station (open; pair the station's kiosks; find a
//! person by document; mark them for a kiosk ballot or a paper one; enter the paper
//! ballots; count the sheets and sign the closure; the commission may reopen it), and the
//! list of stations. The kiosk itself is `kiosk::ui`.
//!
//! Every action is a plain form: it posts, the server answers with a redirect back here,
//! and what the page must show once (the person a search found, a pairing code, which
//! form a refusal is about) comes from the station's notes
//! ([`crate::elections::station::api::notes`]), never from the address.

pub mod closure;
pub(crate) mod fields;
pub mod voters;

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::elections::station::api::kiosks::{KioskPairingCode, UnpairKiosk};
use crate::elections::station::api::notes::{StationNotes, StationSection, take_station_notes};
use crate::elections::station::api::{
    KioskView, OpenStation, StationPage, list_stations, load_station,
};
use crate::elections::station::ui::closure::{Closure, ClosureSummary};
use crate::elections::station::ui::voters::{FindAndMark, PaperBallots};
use crate::elections::ui::route_keys;
use crate::error::{AppError, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{FormError, Loaded, query_errors};
use fields::StationFields;

#[component]
pub fn StationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let org = move || params.with(|p| p.get("org").unwrap_or_default());
    let list = Resource::new(org, list_stations);
    view! {
        <Title text=t_string!(i18n, elections.station_list_title).to_string() />
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

/// The refusal the page came back with, for the section `section` of the page: only when
/// the last form was that section's (a refusal about nothing in particular shows at the top).
pub(crate) fn errors_for(
    errors: Option<AppError>,
    notes: &StationNotes,
    section: StationSection,
) -> RwSignal<Option<AppError>> {
    RwSignal::new(errors.filter(|_| notes.failed == Some(section)))
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
        |((org, election), station, locale)| async move {
            let page = load_station(org.clone(), election.clone(), station, locale).await?;
            let notes = take_station_notes(org, election, station).await?;
            Ok::<_, AppError>((page, notes))
        },
    );
    let errors = query_errors().get_untracked();
    let entered = use_query_map().with_untracked(|q| q.get("entered").is_some());
    view! {
        <Loaded resource=data show=move |(page, notes)| {
                    // A refusal the sections do not show themselves goes at the top.
                    let general = errors.clone().filter(|_| notes.failed.is_none());
                    view! {
                        {general.map(|e| view! { <ErrorMessage code=e.code /> })}
                        {entered.then(|| view! { <p class="success" role="status">{t!(i18n, elections.station_paper_entered)}</p> })}
                        <Station page notes keys=keys() station=station() errors=errors.clone() />
                    }.into_any()
                }
        />
    }
}

#[component]
fn Station(
    page: StationPage,
    notes: StationNotes,
    keys: (String, String),
    station: i64,
    errors: Option<AppError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = page.state.clone();
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
    let kiosk_errors = errors_for(errors.clone(), &notes, StationSection::Kiosks);
    let voter_errors = errors_for(errors.clone(), &notes, StationSection::Voters);
    let closure_errors = errors_for(errors, &notes, StationSection::Closure);
    view! {
        <Title text=page.station.name.clone() />
        <p class="eyebrow">{page.title.clone()}</p>
        <h1>{page.station.name.clone()}</h1>
        <p class="lead">{page.station.address.clone()} " · " {page.station.region.clone()}</p>
        <p class="station-counts" data-testid="station-counts">{counts}</p>
        {if state.closed {
            view! { <ClosureSummary page keys station errors=closure_errors /> }.into_any()
        } else if !state.opened {
            view! {
                <form method="post" action=OpenStation::url()>
                    <StationFields keys station />
                    <button type="submit" class="primary">{t!(i18n, elections.station_open)}</button>
                </form>
            }.into_any()
        } else {
            view! {
                <Kiosks kiosks=page.kiosks.clone() keys=keys.clone() station pairing_code=notes.pairing_code.clone() errors=kiosk_errors />
                <FindAndMark keys=keys.clone() station notes=notes.clone() errors=voter_errors />
                <PaperBallots page=page.clone() keys=keys.clone() station />
                <Closure page keys station sheets=notes.sheets_found.clone() errors=closure_errors />
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
    pairing_code: Option<String>,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
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
                            let status = if k.ready { t_string!(i18n, elections.kiosk_status_ready) } else { t_string!(i18n, elections.kiosk_status_free) };
                            view! {
                                <li class="kiosk-row">
                                    <span>{t_string!(i18n, elections.kiosk_label, number = k.number).to_string()} " — " {status}</span>
                                    <form method="post" action=UnpairKiosk::url() class="inline">
                                        <StationFields keys=keys.clone() station />
                                        <input type="hidden" name="kiosk" value=k.number.to_string() />
                                        <button type="submit" class="link">{t!(i18n, elections.kiosk_unpair)}</button>
                                    </form>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <FormError errors />
            {match pairing_code {
                Some(c) => view! {
                    <div class="notice pairing" role="status">
                        <p>{t!(i18n, elections.kiosk_pairing_intro)} " " <strong dir="ltr">{kiosk_address}</strong></p>
                        <p class="tracking-code" data-testid="pairing-code" dir="ltr">{c}</p>
                        <p class="hint">{t!(i18n, elections.kiosk_pairing_expiry)}</p>
                    </div>
                }.into_any(),
                None => view! {
                    <form method="post" action=KioskPairingCode::url()>
                        <StationFields keys station />
                        <button type="submit">{t!(i18n, elections.kiosk_pair_button)}</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
