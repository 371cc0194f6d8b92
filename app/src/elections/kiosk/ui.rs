//! A polling station's kiosk: a device people vote on, paired to one station with a code
//! from the poll-worker screen. Server HTML only (no browser bundle, no navigation): the
//! pairing form, "waiting for the next voter" (the page reloads itself every few
//! seconds), the ballot once a poll worker readied it, and the receipt, which returns to
//! waiting on its own so nothing is left for the next person.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::elections::ballot::api::take_receipt;
use crate::elections::ballot::ui::{BallotForm, TrackingCode};
use crate::elections::kiosk::api::{
    CastKioskBallot, KioskDisplay, PairKiosk, kiosk_home, kiosk_screen,
};
use crate::error::{ErrorCode, ErrorMessage};
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::localized_path;

/// Seconds between reloads of the waiting screen.
const WAITING_REFRESH: &str = "3";
/// Seconds the receipt stays before the screen returns to waiting.
const RECEIPT_SECONDS: &str = "60";

#[component]
pub fn KioskPage() -> impl IntoView {
    let i18n = use_i18n();
    let screen = Resource::new(move || i18n.get_locale().as_str().to_owned(), kiosk_screen);
    let query = use_query_map();
    let error = move || {
        query
            .with(|q| q.get("error"))
            .and_then(|c| ErrorCode::from_query(&c))
    };
    view! {
        <Title text=t_string!(i18n, elections.kiosk_title).to_string() />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                let error = error().map(|code| view! { <ErrorMessage code /> });
                match screen.await {
                    Err(e) => view! { <h1>{t!(i18n, elections.kiosk_title)}</h1> <ErrorMessage code=e.code /> }.into_any(),
                    Ok(KioskDisplay::Unpaired) => view! {
                        <h1>{t!(i18n, elections.kiosk_title)}</h1>
                        {error}
                        <PairingForm />
                    }.into_any(),
                    Ok(KioskDisplay::Waiting { title, station, number }) => view! {
                        <Meta http_equiv="refresh" content=WAITING_REFRESH />
                        <KioskHeading title station number />
                        {error}
                        <p class="lead kiosk-waiting" data-testid="kiosk-waiting">{t!(i18n, elections.kiosk_waiting)}</p>
                    }.into_any(),
                    Ok(KioskDisplay::Ballot { title, station, number, segments }) => view! {
                        <KioskHeading title station number />
                        {error}
                        <BallotForm segments keys=None action=CastKioskBallot::PATH />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn KioskHeading(title: String, station: String, number: i64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="eyebrow">{title} " · " {station} " · " {t_string!(i18n, elections.kiosk_label, number = number).to_string()}</p>
        <h1>{t!(i18n, elections.ballot_title)}</h1>
    }
}

#[component]
fn PairingForm() -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked().as_str();
    view! {
        <p class="lead">{t!(i18n, elections.kiosk_pair_intro)}</p>
        <form method="post" action=PairKiosk::PATH autocomplete="off" class="kiosk-pairing">
            <input type="hidden" name="locale" value=locale />
            <div class="field">
                <label for="pairing-code">{t!(i18n, elections.kiosk_code_label)}</label>
                <input id="pairing-code" name="code" type="text" required maxlength="20"
                    autocomplete="off" autocapitalize="characters" spellcheck="false" dir="ltr" />
            </div>
            <button type="submit" class="primary">{t!(i18n, elections.kiosk_pair_submit)}</button>
        </form>
    }
}

/// After a kiosk ballot: the tracking code, once, then back to waiting.
#[component]
pub fn KioskReceiptPage() -> impl IntoView {
    let i18n = use_i18n();
    let receipt = Resource::new(|| (), |_| take_receipt());
    // Back to waiting in the kiosk's own language, whatever the voter read the ballot in.
    let home = Resource::new(|| (), |_| kiosk_home());
    let here = i18n.get_locale_untracked();
    view! {
        <Title text=t_string!(i18n, elections.receipt_title).to_string() />
        <h1>{t!(i18n, elections.kiosk_done)}</h1>
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
            {move || {
                Suspend::new(async move {
                    let home = home.await.ok().flatten().and_then(|l| l.parse::<Locale>().ok()).unwrap_or(here);
                    let waiting = localized_path(home, "/kiosk");
                    let refresh = format!("{RECEIPT_SECONDS}; url={waiting}");
                    let code = receipt.await.ok().flatten().map(|code| view! {
                        <TrackingCode code />
                        <p>{t!(i18n, elections.receipt_explain)}</p>
                    });
                    view! {
                        <Meta http_equiv="refresh" content=refresh />
                        {code}
                        <p><a class="button primary" href=waiting>{t!(i18n, elections.kiosk_next_voter)}</a></p>
                    }
                })
            }}
        </Suspense>
    }
}
