//! The conference team's room and the public free-conference form, as plain forms.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::conferences::event::rules::{EventForm, EventStatus};
use crate::conferences::organize::api::{
    EditionRoom, FreeConferencePage, MovePhase, RegisterFreeConference, Registered,
    ResubmitFreeConference, Review, load_free_conference, load_room,
};
use crate::conferences::public::ui::{language_name, phase};
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::{SWITCHER_ORDER, autonym, localized_path};
use crate::platform::text::dates::long_date;
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{
    ConfirmForm, ErrorSummary, Fact, Facts, Field, FieldError, FormError, FormFields, Loaded,
    query_errors,
};
use leptos::server_fn::ServerFn as _;

fn status(i18n: leptos_i18n::I18nContext<Locale>, status: EventStatus) -> &'static str {
    match status {
        EventStatus::Pending => t_string!(i18n, conferences.free_pending),
        EventStatus::Approved => t_string!(i18n, conferences.free_approved),
        EventStatus::Returned => t_string!(i18n, conferences.free_returned),
        EventStatus::Refused => t_string!(i18n, conferences.free_refused),
    }
}

/// What a group registered, as the team and the group read it.
#[component]
fn RegisteredFacts(event: Registered) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let languages = event
        .languages
        .iter()
        .map(|l| language_name(l))
        .collect::<Vec<_>>()
        .join(", ");
    let audience =
        t_string!(i18n, conferences.free_audience, n = event.expected_audience).to_string();
    view! {
        <Facts>
            <Fact term=t!(i18n, conferences.event_organizer)>{event.organizer.clone()}</Fact>
            <Fact term=t!(i18n, conferences.event_date)>
                <time datetime=event.held_on.to_string()>{long_date(event.held_on, locale)}</time>
            </Fact>
            {event.place.clone().map(|place| view! { <Fact term=t!(i18n, conferences.event_place)>{place}</Fact> })}
            {event.online_link.clone().map(|link| view! { <Fact term=t!(i18n, conferences.event_online)><span dir="ltr">{link}</span></Fact> })}
            <Fact term=t!(i18n, conferences.free_expected)>{audience}</Fact>
            <Fact term=t!(i18n, conferences.event_languages)>{languages}</Fact>
        </Facts>
    }
}

#[component]
pub fn OrganizeRoomPage() -> impl IntoView {
    let params = use_params_map();
    let org = move || params.with(|p| p.get("org").unwrap_or_default());
    let rooms = Resource::new(org, load_room);
    let i18n = use_i18n();
    view! {
        <Title text=t_string!(i18n, conferences.organize_title).to_string() />
        <h1>{t!(i18n, conferences.organize_title)}</h1>
        <FormError errors=query_errors() />
        <p><a class="button" href=localized_path(i18n.get_locale_untracked(), &format!("/staff/{}/conferences/new", org()))>{t!(i18n, conferences.new_edition_title)}</a></p>
        <Loaded resource=rooms show=move |rooms| {
            let org = org();
            if rooms.is_empty() {
                return view! { <p class="hint">{t!(i18n, conferences.organize_none)}</p> }.into_any();
            }
            rooms.into_iter().map(|room| view! { <Room room org=org.clone() /> }).collect_view().into_any()
        } />
    }
}

#[component]
fn Room(room: EditionRoom, org: String) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let public = localized_path(
        i18n.get_locale_untracked(),
        &format!("/o/{org}/c/{}", room.slug),
    );
    view! {
        <section class="segment" id=format!("edition-{}", room.slug)>
            <h2><a href=public><TranslatedText labels=room.names.clone() reader=reader /></a></h2>
            <p>{t!(i18n, conferences.phase_now)} " " <strong class="phase-now">{phase(i18n, room.phase)}</strong>
                " · " {t_string!(i18n, conferences.organize_approved, n = room.approved).to_string()}</p>
            {room.next.map(|next| {
                let (org, slug) = (org.clone(), room.slug.clone());
                let label = t_string!(i18n, conferences.organize_move, phase = phase(i18n, next)).to_string();
                view! {
                    <ConfirmForm label=label.clone() question=t_string!(i18n, conferences.organize_move_question).to_string()
                        yes=label action=MovePhase::PATH>
                        <input type="hidden" name="organization" value=org />
                        <input type="hidden" name="conference" value=slug />
                        <input type="hidden" name="to" value=next.code() />
                    </ConfirmForm>
                }
            })}
            <ul class="inline-links">
                <li><a href=localized_path(i18n.get_locale_untracked(), &format!("/staff/{org}/conferences/{}/texts", room.slug))>{t!(i18n, conferences.texts_link)}</a></li>
                <li><a href=localized_path(i18n.get_locale_untracked(), &format!("/staff/{org}/conferences/{}/pre-conference", room.slug))>{t!(i18n, conferences.pre_title)}</a></li>
                <li><a href=localized_path(i18n.get_locale_untracked(), &format!("/staff/{org}/conferences/{}/consolidation", room.slug))>{t!(i18n, conferences.consolidation_title)}</a></li>
                <li><a href=localized_path(i18n.get_locale_untracked(), &format!("/staff/{org}/conferences/{}/reports", room.slug))>{t!(i18n, conferences.reports_title)}</a></li>
                <li><a href=localized_path(i18n.get_locale_untracked(), &format!("/staff/{org}/conferences/{}/plenary", room.slug))>{t!(i18n, conferences.plenary_room_title)}</a></li>
                <li><a href=localized_path(i18n.get_locale_untracked(), &format!("/staff/{org}/conferences/{}/plan", room.slug))>{t!(i18n, conferences.plan_room_title)}</a></li>
            </ul>
            <h3>{t_string!(i18n, conferences.organize_pending, n = room.pending.len()).to_string()}</h3>
            <ul class="plain pending-events">
                {room.pending.into_iter().map(|event| {
                    let reason_id = format!("reason-{}", event.slug);
                    view! {
                        <li class="pending-event" data-event=event.slug.clone()>
                            <strong dir="auto">{event.name.clone()}</strong>
                            <RegisteredFacts event=event.clone() />
                            <form method="post" action=Review::PATH class="review-form">
                                <input type="hidden" name="organization" value=org.clone() />
                                <input type="hidden" name="conference" value=room.slug.clone() />
                                <input type="hidden" name="event" value=event.slug.clone() />
                                <label for=reason_id.clone()>{t!(i18n, conferences.organize_reason)}</label>
                                <textarea id=reason_id name="reason" rows="2" maxlength="1000" dir="auto"></textarea>
                                <div class="actions">
                                    <button type="submit" name="verdict" value="accept" class="primary">{t!(i18n, conferences.organize_accept)}</button>
                                    <button type="submit" name="verdict" value="fix">{t!(i18n, conferences.organize_fix)}</button>
                                    <button type="submit" name="verdict" value="refuse">{t!(i18n, conferences.organize_refuse)}</button>
                                </div>
                            </form>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn FreeConferencePageView() -> impl IntoView {
    let params = use_params_map();
    let keys = move || {
        params.with(|p| {
            (
                p.get("org").unwrap_or_default(),
                p.get("conference").unwrap_or_default(),
            )
        })
    };
    let page = Resource::new(keys, |(o, c)| load_free_conference(o, c));
    view! { <Loaded resource=page show=|page| view! { <FreeConference page /> }.into_any() /> }
}

#[component]
fn FreeConference(page: FreeConferencePage) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let query = use_query_map();
    let sent = query.with_untracked(|q| q.get("sent").is_some());
    // `?fix=<address>`: the form corrects that sent-back registration of the reader's.
    let fixing = query.with_untracked(|q| q.get("fix")).and_then(|slug| {
        page.mine
            .iter()
            .find(|e| e.slug == slug && e.status == EventStatus::Returned)
            .cloned()
    });
    let errors = query_errors();
    let fields = FormFields::provide();
    let form = page
        .draft
        .clone()
        .unwrap_or_else(|| fixing.as_ref().map(as_form).unwrap_or_default());
    let label =
        |key: fn(leptos_i18n::I18nContext<Locale>) -> String| Signal::derive(move || key(i18n));
    let sign_in = localized_path(i18n.get_locale_untracked(), "/sign-in");
    fields.register(
        "languages",
        "languages",
        label(|i| t_string!(i, conferences.event_languages).to_string()),
    );
    view! {
        <Title text=t_string!(i18n, conferences.free_title).to_string() />
        <p class="eyebrow"><TranslatedText labels=page.names.clone() reader=reader /></p>
        <h1>{t!(i18n, conferences.free_title)}</h1>
        <p class="lead">{t!(i18n, conferences.free_lead)}</p>
        {sent.then(|| view! { <p class="notice" role="status" data-testid="free-sent">{t!(i18n, conferences.free_sent)}</p> })}
        {(!page.mine.is_empty()).then(|| view! {
            <h2>{t!(i18n, conferences.free_mine)}</h2>
            <ul class="plain">
                {page.mine.clone().into_iter().map(|event| view! {
                    <li class="event">
                        <strong dir="auto">{event.name.clone()}</strong> " "
                        <span class=format!("status free-{}", event.status.code()) data-testid="free-status">{status(i18n, event.status)}</span>
                        {event.reason.clone().map(|reason| view! { <p class="notice" dir="auto">{reason}</p> })}
                        {(event.status == EventStatus::Returned).then(|| view! {
                            <p><a href=format!("?fix={}", event.slug)>{t!(i18n, conferences.free_fix_link)}</a></p>
                        })}
                    </li>
                }).collect_view()}
            </ul>
        })}
        {if !page.open {
            view! { <p class="notice">{t!(i18n, conferences.free_closed)}</p> }.into_any()
        } else if !page.signed_in {
            view! { <p><a class="button primary" href=sign_in>{t!(i18n, conferences.free_sign_in)}</a></p> }.into_any()
        } else {
            view! {
                {fixing.as_ref().map(|e| view! { <h2 dir="auto">{t_string!(i18n, conferences.free_fix_heading, name = e.name.clone()).to_string()}</h2> })}
                <form method="post" action=if fixing.is_some() { ResubmitFreeConference::PATH } else { RegisterFreeConference::PATH } novalidate class="free-form">
                    <ErrorSummary errors fields />
                    <input type="hidden" name="organization" value=page.organization.clone() />
                    <input type="hidden" name="conference" value=page.slug.clone() />
                    {fixing.as_ref().map(|e| view! { <input type="hidden" name="event" value=e.slug.clone() /> })}
                    <EventFields form=form.clone() starts_on=page.starts_on.clone() ends_on=page.ends_on.clone() errors fields />
                    <button type="submit" class="primary">{t!(i18n, conferences.free_submit)}</button>
                </form>
            }.into_any()
        }}
    }
}

/// An event's fields (a free conference's public form, a pre-conference's form): name,
/// organizer, day within the edition, place and/or link, expected audience, languages.
#[component]
pub(super) fn EventFields(
    form: EventForm,
    starts_on: String,
    ends_on: String,
    errors: RwSignal<Option<crate::error::AppError>>,
    fields: FormFields,
) -> impl IntoView {
    let i18n = use_i18n();
    let label =
        |key: fn(leptos_i18n::I18nContext<Locale>) -> String| Signal::derive(move || key(i18n));
    let page = (starts_on, ends_on);
    view! {
                    <Field name="name" label=label(|i| t_string!(i, conferences.free_name).to_string()) errors>
                        <input id="name" name="form[name]" type="text" maxlength="120" dir="auto" value=form.name.clone() aria-describedby="name-error" />
                    </Field>
                    <Field name="organizer" label=label(|i| t_string!(i, conferences.event_organizer).to_string()) errors>
                        <input id="organizer" name="form[organizer]" type="text" maxlength="120" dir="auto" value=form.organizer.clone() aria-describedby="organizer-error" />
                    </Field>
                    <Field name="held_on" label=label(|i| t_string!(i, conferences.event_date).to_string()) errors>
                        <input id="held_on" name="form[held_on]" type="date" min=page.0.clone() max=page.1.clone() value=form.held_on.clone() aria-describedby="held_on-error" />
                    </Field>
                    <Field name="place" label=label(|i| t_string!(i, conferences.event_place).to_string())
                        hint=label(|i| t_string!(i, conferences.free_place_hint).to_string()) errors>
                        <input id="place" name="form[place]" type="text" maxlength="200" dir="auto" value=form.place.clone() aria-describedby="place-hint place-error" />
                    </Field>
                    <Field name="online_link" label=label(|i| t_string!(i, conferences.event_online).to_string()) errors>
                        <input id="online_link" name="form[online_link]" type="url" maxlength="300" dir="ltr" value=form.online_link.clone() aria-describedby="online_link-error" />
                    </Field>
                    <Field name="expected_audience" label=label(|i| t_string!(i, conferences.free_expected).to_string()) errors>
                        <input id="expected_audience" name="form[expected_audience]" type="number" min="1" max="10000" value=form.expected_audience.clone() aria-describedby="expected_audience-error" />
                    </Field>
                    // A group of boxes has no one control to label: the summary links to the
                    // group, after the fields above it.
                    {fields.register("languages", "languages", label(|i| t_string!(i, conferences.event_languages).to_string()))}
                    <fieldset id="languages" tabindex="-1" aria-describedby="languages-error">
                        <legend>{t!(i18n, conferences.event_languages)}</legend>
                        {SWITCHER_ORDER.into_iter().enumerate().map(|(n, locale)| {
                            let code = locale.as_str();
                            let id = format!("language-{code}");
                            view! {
                                <label class="checkbox" for=id.clone()>
                                    <input type="checkbox" id=id.clone() name=format!("form[languages][{n}]") value=code
                                        checked=form.languages.iter().any(|l| l == code) />
                                    <span lang=code>{autonym(locale)}</span>
                                </label>
                            }
                        }).collect_view()}
                        <FieldError errors name="languages" />
                    </fieldset>
    }
}

/// A registration as its form shows it again, to be corrected.
fn as_form(event: &Registered) -> EventForm {
    EventForm {
        name: event.name.clone(),
        organizer: event.organizer.clone(),
        held_on: event.held_on.to_string(),
        place: event.place.clone().unwrap_or_default(),
        online_link: event.online_link.clone().unwrap_or_default(),
        expected_audience: event.expected_audience.to_string(),
        languages: event.languages.clone(),
    }
}
