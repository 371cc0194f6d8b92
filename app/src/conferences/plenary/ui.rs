//! The plenary's two screens: the conference team's room (open the votes, credential
//! delegates at the door, call a reserve for an absent delegate, count each theme) and a
//! delegate's ballot, a theme at a time. Plain forms, no script.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::conferences::plenary::ballot::{
    BallotTheme, CastPlenaryBallot, PlenaryBallotPage, load_plenary_ballot,
};
use crate::conferences::plenary::room::{
    CountPlenaryTheme, CredentialDelegate, OpenPlenaryVotes, PlenaryRoom, ReplaceDelegate, SeatRow,
    ThemeRow, load_plenary_room,
};
use crate::conferences::public::ui::param;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::text::labels::Labels;
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{ConfirmForm, FieldError, FormError, Loaded, query_errors};
use leptos::server_fn::ServerFn as _;

fn keys(organization: &str, conference: &str) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="organization" value=organization.to_owned() />
        <input type="hidden" name="conference" value=conference.to_owned() />
    }
}

/// A theme's heading: `E3 · name`, or the motions.
#[component]
fn ThemeName(theme: i64, names: Labels) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    if theme == 0 {
        return t_string!(i18n, conferences.plenary_motions)
            .to_string()
            .into_any();
    }
    view! { <span class="theme-code">{format!("E{theme}")}</span> " " <TranslatedText labels=names reader /> }
        .into_any()
}

#[component]
pub fn PlenaryRoomView() -> impl IntoView {
    let (org, conference) = (param("org"), param("conference"));
    let page = Resource::new(
        move || (org(), conference()),
        |(o, c)| load_plenary_room(o, c),
    );
    view! { <Loaded resource=page show=|room| view! { <Room room /> } /> }
}

#[component]
fn Room(room: PlenaryRoom) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let errors = query_errors();
    let title = t_string!(i18n, conferences.plenary_room_title).to_string();
    let public = localized_path(
        locale,
        &format!("/o/{}/c/{}/plenary", room.organization, room.conference),
    );
    let opening = (room.priorities.is_none() && room.open).then(|| {
        view! {
            <form method="post" action=OpenPlenaryVotes::PATH class="plenary-open-form" novalidate>
                {keys(&room.organization, &room.conference)}
                <label for="priorities">{t!(i18n, conferences.plenary_room_priorities)}</label>
                <input id="priorities" name="priorities" type="number" min="1" max="20" value="3" aria-describedby="priorities-error" />
                <FieldError errors name="priorities" />
                <button type="submit" class="primary">{t!(i18n, conferences.plenary_room_open)}</button>
            </form>
        }
    });
    let rule = room.priorities.map(|n| {
        view! { <p>{t_string!(i18n, conferences.plenary_room_rule, n = n).to_string()}</p> }
    });
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><TranslatedText labels=room.names.clone() reader=reader.clone() /></p>
        <h1>{title}</h1>
        {(!room.open).then(|| view! { <p class="notice">{t!(i18n, conferences.plenary_room_closed)}</p> })}
        <FormError errors />
        <p><a href=public>{t!(i18n, conferences.plenary_room_public)}</a></p>
        <h2>{t!(i18n, conferences.plenary_room_votes)}</h2>
        {room.themes.is_empty().then(|| view! { <p class="hint">{t!(i18n, conferences.plenary_none)}</p> })}
        {rule}
        <ul class="plain plenary-themes">
            {room.themes.iter().map(|row| view! { <ThemeLine row=row.clone() room=room.clone() /> }).collect_view()}
        </ul>
        {opening}
        <Credentials room=room.clone() />
    }
}

#[component]
fn ThemeLine(row: ThemeRow, room: PlenaryRoom) -> impl IntoView {
    let i18n = use_i18n();
    let facts = t_string!(
        i18n,
        conferences.plenary_room_theme_facts,
        items = row.items,
        ballots = row.ballots.unwrap_or(0)
    )
    .to_string();
    let status = if row.counted {
        t_string!(i18n, conferences.plenary_room_counted).to_string()
    } else if row.ballots.is_some() {
        t_string!(i18n, conferences.plenary_room_voting).to_string()
    } else {
        t_string!(i18n, conferences.plenary_room_not_open).to_string()
    };
    let countable = room.open && row.ballots.is_some() && !row.counted;
    let label = t_string!(i18n, conferences.plenary_room_count).to_string();
    view! {
        <li class="plenary-theme" id=format!("theme-{}", row.theme) data-counted=row.counted.to_string()>
            <h3><ThemeName theme=row.theme names=row.names.clone() /></h3>
            <p>{facts} " · " <strong>{status}</strong></p>
            {countable.then(|| view! {
                <ConfirmForm label=label.clone() question=t_string!(i18n, conferences.count_question).to_string() yes=label.clone() action=CountPlenaryTheme::PATH>
                    {keys(&room.organization, &room.conference)}
                    <input type="hidden" name="theme" value=row.theme />
                </ConfirmForm>
            })}
        </li>
    }
}

/// The door: every delegate and reserve by event, credentialled or not, with a name filter.
#[component]
fn Credentials(room: PlenaryRoom) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = query.with_untracked(|q| q.get("q").unwrap_or_default());
    let wanted = filter.trim().to_lowercase();
    let here = localized_path(
        i18n.get_locale_untracked(),
        &format!(
            "/staff/{}/conferences/{}/plenary",
            room.organization, room.conference
        ),
    );
    let counts = t_string!(
        i18n,
        conferences.plenary_credentials,
        credentialled = room.credentialled,
        replacements = room.replacements
    )
    .to_string();
    let seats: Vec<SeatRow> = room
        .seats
        .iter()
        .filter(|s| wanted.is_empty() || s.name.to_lowercase().contains(&wanted))
        .cloned()
        .collect();
    view! {
        <h2 id="credentials">{t!(i18n, conferences.plenary_room_credentials)}</h2>
        <p data-testid="credential-counts">{counts}</p>
        <form method="get" action=here class="filters">
            <label for="q">{t!(i18n, conferences.door_search)}</label>
            <input id="q" name="q" type="search" value=filter dir="auto" />
            <button type="submit">{t!(i18n, conferences.door_search_button)}</button>
        </form>
        {room.seats.is_empty().then(|| view! { <p class="hint">{t!(i18n, conferences.plenary_room_no_delegates)}</p> })}
        <ul class="plain seats">
            {seats.into_iter().map(|seat| view! { <Seat seat room=room.clone() /> }).collect_view()}
        </ul>
    }
}

#[component]
fn Seat(seat: SeatRow, room: PlenaryRoom) -> impl IntoView {
    let i18n = use_i18n();
    let role = if seat.delegate {
        t_string!(i18n, conferences.plenary_room_delegate).to_string()
    } else {
        t_string!(i18n, conferences.plenary_room_reserve, rank = seat.rank).to_string()
    };
    let status = match (&seat.replaces, &seat.replaced_by, seat.credentialled) {
        (Some(absent), _, _) => t_string!(
            i18n,
            conferences.plenary_room_in_place_of,
            name = absent.clone()
        )
        .to_string(),
        (_, Some(reserve), _) => t_string!(
            i18n,
            conferences.plenary_room_replaced_by,
            name = reserve.clone()
        )
        .to_string(),
        (_, _, true) => t_string!(i18n, conferences.plenary_room_credentialled).to_string(),
        _ => t_string!(i18n, conferences.plenary_room_not_credentialled).to_string(),
    };
    let waiting = room.open && seat.delegate && !seat.credentialled && seat.replaced_by.is_none();
    let replace = t_string!(i18n, conferences.plenary_room_replace).to_string();
    view! {
        <li class="seat" id=format!("seat-{}", seat.account) data-credentialled=seat.credentialled.to_string()>
            <p><strong dir="auto">{seat.name.clone()}</strong></p>
            <p class="hint" dir="auto">{seat.event.clone()}</p>
            <p class="hint">{role} {seat.migrant.then(|| view! { " · " {t!(i18n, conferences.plenary_room_migrant)} })} " · " {status}</p>
            {waiting.then(|| view! {
                <div class="actions">
                    <form method="post" action=CredentialDelegate::PATH>
                        {keys(&room.organization, &room.conference)}
                        <input type="hidden" name="account" value=seat.account />
                        <button type="submit" class="primary">{t!(i18n, conferences.plenary_room_credential)}</button>
                    </form>
                    <ConfirmForm label=replace.clone() question=t_string!(i18n, conferences.plenary_room_replace_question).to_string() yes=replace.clone() action=ReplaceDelegate::PATH>
                        {keys(&room.organization, &room.conference)}
                        <input type="hidden" name="account" value=seat.account />
                    </ConfirmForm>
                </div>
            })}
        </li>
    }
}

#[component]
pub fn PlenaryBallotView() -> impl IntoView {
    let (org, conference) = (param("org"), param("conference"));
    let page = Resource::new(
        move || (org(), conference()),
        |(o, c)| load_plenary_ballot(o, c),
    );
    view! { <Loaded resource=page show=|page| view! { <Ballot page /> } /> }
}

#[component]
fn Ballot(page: PlenaryBallotPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let errors = query_errors();
    let title = t_string!(i18n, conferences.plenary_ballot_title).to_string();
    let results = localized_path(
        locale,
        &format!("/o/{}/c/{}/plenary", page.organization, page.conference),
    );
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><TranslatedText labels=page.names.clone() reader=reader.clone() /></p>
        <h1>{title}</h1>
        {(!page.credentialled).then(|| view! { <p class="notice" data-testid="not-credentialled">{t!(i18n, conferences.plenary_ballot_not_credentialled)}</p> })}
        {page.themes.is_empty().then(|| view! { <p class="hint">{t!(i18n, conferences.plenary_ballot_none)}</p> })}
        <FormError errors />
        <FieldError errors name="marks" />
        <FieldError errors name="priorities" />
        {page.themes.iter().map(|theme| view! { <ThemeBallot theme=theme.clone() page=page.clone() /> }).collect_view()}
        <p><a href=results>{t!(i18n, conferences.plenary_room_public)}</a></p>
    }
}

#[component]
fn ThemeBallot(theme: BallotTheme, page: PlenaryBallotPage) -> impl IntoView {
    let i18n = use_i18n();
    let state = if theme.counted {
        Some(view! { <p class="hint">{t!(i18n, conferences.plenary_room_counted)}</p> }.into_any())
    } else if theme.voted {
        Some(view! { <p class="notice" data-testid="plenary-voted">{t!(i18n, conferences.voted_notice)}</p> }.into_any())
    } else if !(page.credentialled && page.open) {
        None
    } else {
        let choose = (theme.theme != 0).then(|| {
            t_string!(i18n, conferences.plenary_ballot_choose, n = page.priorities).to_string()
        });
        let options = [
            (
                "approve",
                t_string!(i18n, conferences.plenary_ballot_approve).to_string(),
            ),
            (
                "reject",
                t_string!(i18n, conferences.plenary_ballot_reject).to_string(),
            ),
            (
                "abstain",
                t_string!(i18n, conferences.plenary_ballot_abstain).to_string(),
            ),
        ];
        let priority = t_string!(i18n, conferences.plenary_ballot_priority).to_string();
        Some(view! {
            <form method="post" action=CastPlenaryBallot::PATH class="ballot plenary-ballot">
                {keys(&page.organization, &page.conference)}
                <input type="hidden" name="theme" value=theme.theme />
                {choose.map(|c| view! { <p>{c}</p> })}
                {theme.items.iter().enumerate().map(|(n, item)| {
                    let radios = options.iter().map(|(value, label)| {
                        let id = format!("mark-{}-{value}", item.code);
                        view! {
                            <label class="radio" for=id.clone()>
                                <input type="radio" id=id.clone() name=format!("marks[{n}]") value=format!("{value}:{}", item.code) checked=*value == "abstain" />
                                {label.clone()}
                            </label>
                        }
                    }).collect_view();
                    let star = (!item.motion).then(|| {
                        let id = format!("priority-{}", item.code);
                        view! {
                            <label class="checkbox" for=id.clone()>
                                <input type="checkbox" id=id.clone() name=format!("priorities[{n}]") value=item.code.clone() />
                                {priority.clone()}
                            </label>
                        }
                    });
                    view! {
                        <fieldset class="plenary-item">
                            <legend dir="auto"><bdi>{item.code.clone()}</bdi> " " <bdi>{item.title.clone()}</bdi></legend>
                            {radios}
                            {star}
                        </fieldset>
                    }
                }).collect_view()}
                <button type="submit" class="primary">{t!(i18n, conferences.plenary_ballot_cast)}</button>
            </form>
        }.into_any())
    };
    view! {
        <section class="segment plenary-ballot-theme" id=format!("theme-{}", theme.theme)>
            <h2><ThemeName theme=theme.theme names=theme.names.clone() /></h2>
            {state}
        </section>
    }
}
