//! The call team's room: the calendar's next step (asked twice), the counts, and every
//! submitted application with its people, its documents (downloads) and, while documents
//! are checked, the three-way verdict form. `?status=` narrows the list.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::calls::apply::http::document_url;
use crate::calls::apply::types::{Application, Status};
use crate::calls::awards::ui::RoomAwards;
use crate::calls::call::rules::Phase;
use crate::calls::jury::api::AssignCallJuror;
use crate::calls::labels::{applicant_type, phase, size, status};
use crate::calls::room::api::{CallRoom, CheckApplication, MoveCallPhase, load_call_room};
use crate::calls::selection::api::PublishCallSelection;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{ConfirmForm, FieldError, FormError, Loaded, query_errors, route_param};

#[component]
pub fn CallRoomView() -> impl IntoView {
    let (org, call) = (route_param("org"), route_param("call"));
    let page = Resource::new(move || (org(), call()), |(o, c)| load_call_room(o, c));
    view! { <Loaded resource=page show=|room| view! { <Room room /> } /> }
}

fn keys(room: &CallRoom) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="organization" value=room.organization.clone() />
        <input type="hidden" name="call" value=room.call.slug.clone() />
    }
}

#[component]
fn Room(room: CallRoom) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let errors = query_errors();
    let wanted =
        use_query_map().with_untracked(|q| q.get("status").and_then(|s| Status::from_code(&s)));
    let title = t_string!(i18n, calls.room_title).to_string();
    let public = localized_path(
        locale,
        &format!("/o/{}/calls/{}", room.organization, room.call.slug),
    );
    let base = localized_path(
        locale,
        &format!("/staff/{}/calls/{}", room.organization, room.call.slug),
    );
    let counts: Vec<(Status, usize)> = Status::ALL
        .into_iter()
        .map(|s| {
            (
                s,
                room.applications.iter().filter(|a| a.status == s).count(),
            )
        })
        .collect();
    let count = move |s: Status| counts.iter().find(|(c, _)| *c == s).map_or(0, |(_, n)| *n);
    let shown: Vec<Application> = room
        .applications
        .iter()
        .filter(|a| wanted.is_none_or(|w| a.status == w))
        .cloned()
        .collect();
    let checking = room.call.phase.checks_documents();
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><TranslatedText labels=room.call.titles.clone() reader=reader.clone() /></p>
        <h1>{title}</h1>
        <FormError errors />
        <p><a href=public>{t!(i18n, calls.room_public)}</a></p>
        <h2 id="calendar">{t!(i18n, calls.room_phase)} ": " {phase(i18n, room.call.phase)}</h2>
        {room.next.map(|to| { let room = room.clone(); view! {
            <ConfirmForm
                label=t_string!(i18n, calls.room_move, phase = phase(i18n, to)).to_string()
                question=t_string!(i18n, calls.room_move_question).to_string()
                yes=t_string!(i18n, calls.room_move_yes).to_string()
                action=MoveCallPhase::PATH
            >
                {keys(&room)}
                <input type="hidden" name="to" value=to.code() />
            </ConfirmForm>
        }})}
        <Jurors room=room.clone() />
        <Selection room=room.clone() />
        <h2>{t!(i18n, calls.room_applications)}</h2>
        <nav class="tabs" aria-label=t_string!(i18n, calls.room_filter).to_string()>
            <a href=base.clone() aria-current=wanted.is_none().then_some("page")>{t_string!(i18n, calls.room_all, n = room.applications.len()).to_string()}</a>
            {[Status::Submitted, Status::FixRequested, Status::Eligible, Status::Rejected].into_iter().map(|s| view! {
                <a href=format!("{base}?status={}", s.code()) aria-current=(wanted == Some(s)).then_some("page")>
                    {status(i18n, s)} " (" {count(s)} ")"
                </a>
            }).collect_view()}
        </nav>
        <p class="hint">{t_string!(i18n, calls.room_drafts, n = room.drafts).to_string()}</p>
        <ol class="plain applications">
            {shown.into_iter().map(|a| view! { <Entry room=room.clone() application=a checking /> }).collect_view()}
        </ol>
    }
}

#[component]
fn Entry(room: CallRoom, application: Application, checking: bool) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let errors = query_errors();
    let id = application.id.0;
    let category = room
        .call
        .category(application.category)
        .map(|c| c.names.text_or(&reader, &c.code))
        .unwrap_or_default();
    let migrants = application.members().iter().filter(|m| m.migrant).count();
    let people = t_string!(
        i18n,
        calls.room_people,
        n = application.members().len(),
        migrants = migrants
    )
    .to_string();
    let decide = checking && application.status == Status::Submitted;
    view! {
        <li class="card application" id=format!("application-{id}")>
            <h3 dir="auto"><bdi>{application.receipt.clone().unwrap_or_default()}</bdi> " · " <bdi>{application.draft.title.clone()}</bdi></h3>
            <p class="hint">
                <span dir="auto">{category}</span> " · " {applicant_type(i18n, application.draft.applicant_type)} " · " {people}
            </p>
            <p><strong>{status(i18n, application.status)}</strong></p>
            {application.check_reason.clone().map(|r| view! { <p dir="auto" class="notice">{r}</p> })}
            <details>
                <summary>{t!(i18n, calls.room_details)}</summary>
                <p dir="auto">{application.draft.summary.clone()}</p>
                <ul>
                    {application.members().iter().map(|m| view! {
                        <li><bdi>{m.name.clone()}</bdi> " · " <bdi>{m.document.clone()}</bdi> {m.migrant.then(|| view! { " · " {t!(i18n, calls.member_migrant)} })}</li>
                    }).collect_view()}
                </ul>
            </details>
            <ul class="plain">
                {application.current_files().into_iter().map(|f| {
                    let name = crate::calls::labels::document_name(i18n, &room.call, &f.document, &reader);
                    view! {
                        <li><a href=document_url(&room.organization, &room.call.slug, f.id) download="">{name}</a> " · " {f.kind.code().to_uppercase()} " · " {size(f.size)}</li>
                    }
                }).collect_view()}
            </ul>
            {decide.then(|| {
                let reason_id = format!("reason-{id}");
                let by_id = format!("by-{id}");
                view! {
                    <form method="post" action=CheckApplication::PATH class="verdict-form" novalidate>
                        {keys(&room)}
                        <input type="hidden" name="application" value=id />
                        <fieldset>
                            <legend>{t!(i18n, calls.room_verdict)}</legend>
                            {[("accept", t_string!(i18n, calls.verdict_accept)), ("fix", t_string!(i18n, calls.verdict_fix)), ("refuse", t_string!(i18n, calls.verdict_refuse))].into_iter().map(|(value, label)| {
                                let input = format!("verdict-{id}-{value}");
                                let label_for = input.clone();
                                view! {
                                    <label class="radio" for=label_for>
                                        <input type="radio" id=input name="verdict" value=value checked=value == "accept" />
                                        {label}
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                        <label for=reason_id.clone()>{t!(i18n, calls.room_reason)}</label>
                        <textarea id=reason_id name="reason" rows="3" maxlength="1000" dir="auto" aria-describedby="reason-error"></textarea>
                        <FieldError errors name="reason" />
                        <label for=by_id.clone()>{t!(i18n, calls.room_fix_by)}</label>
                        <input id=by_id name="by" type="date" min=room.today.clone() aria-describedby="by-error" />
                        <FieldError errors name="by" />
                        <button type="submit">{t!(i18n, calls.room_decide)}</button>
                    </form>
                }
            })}
        </li>
    }
}

/// Each category's jurors, and a form to assign one more (from those holding the role).
#[component]
fn Jurors(room: CallRoom) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    view! {
        <h2 id="jurors">{t!(i18n, calls.room_jurors)}</h2>
        {room.jurors.is_empty().then(|| view! { <p class="hint">{t!(i18n, calls.room_jurors_none)}</p> })}
        <ul class="plain">
            {room.call.categories.iter().map(|c| {
                let names = room.assigned.iter().find(|(id, _)| *id == c.id.0).map(|(_, n)| n.join(", ")).unwrap_or_default();
                let select = format!("juror-{}", c.code);
                view! {
                    <li class="category-jurors">
                        <h3><TranslatedText labels=c.names.clone() reader=reader.clone() /></h3>
                        <p dir="auto">{names}</p>
                        {(!room.jurors.is_empty()).then(|| view! {
                            <form method="post" action=AssignCallJuror::PATH class="juror-form">
                                {keys(&room)}
                                <input type="hidden" name="category" value=c.id.0 />
                                <label for=select.clone()>{t!(i18n, calls.room_juror)}</label>
                                <select id=select name="juror">
                                    {room.jurors.iter().map(|(id, name)| view! { <option value=*id>{name.clone()}</option> }).collect_view()}
                                </select>
                                <button type="submit">{t!(i18n, calls.room_assign)}</button>
                            </form>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The selection (published once, asked twice) and each award's follow-up.
#[component]
fn Selection(room: CallRoom) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let results = localized_path(
        locale,
        &format!("/o/{}/calls/{}/results", room.organization, room.call.slug),
    );
    view! {
        <h2 id="selection">{t!(i18n, calls.results_title)}</h2>
        {(room.call.phase == Phase::Selection && !room.published).then(|| { let room = room.clone(); view! {
            <ConfirmForm
                label=t_string!(i18n, calls.room_publish).to_string()
                question=t_string!(i18n, calls.room_publish_question).to_string()
                yes=t_string!(i18n, calls.room_publish_yes).to_string()
                action=PublishCallSelection::PATH
            >
                {keys(&room)}
            </ConfirmForm>
        }})}
        {room.published.then(|| view! { <p><a href=results.clone()>{t!(i18n, calls.room_results)}</a></p> })}
        {(!room.awards.is_empty()).then(|| view! {
            <RoomAwards organization=room.organization.clone() call=room.call.clone() awards=room.awards.clone() today=room.today.clone() />
        })}
    }
}
