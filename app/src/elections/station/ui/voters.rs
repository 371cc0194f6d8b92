//! The poll book on the poll-worker screen: find a person by the document in front of the
//! poll worker, mark them for a kiosk or a paper ballot, and type in paper ballots.

use crate::accounts::registration::api::load_registration_setup;
use crate::accounts::types::{DocumentType, RegistrationStatus};
use crate::accounts::ui::labels as account_labels;
use crate::elections::ballot::ui::SegmentChoices;
use crate::elections::station::api::StationPage;
use crate::elections::station::api::notes::{Handed, StationNotes};
use crate::elections::station::api::verify::VerifyAtStation;
use crate::elections::station::api::voters::{EnterPaperBallot, FindVoter, MarkVoter};
use crate::elections::station::ui::fields::StationFields;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{ConfirmForm, Field, FormError};
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;

#[component]
pub(crate) fn FindAndMark(
    keys: (String, String),
    station: i64,
    notes: StationNotes,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let org = keys.0.clone();
    let setup = Resource::new(
        {
            let org = org.clone();
            move || org.clone()
        },
        load_registration_setup,
    );
    let helpdesk = localized_path(
        i18n.get_locale_untracked(),
        &format!("/staff/{org}/helpdesk"),
    );
    let search = notes.search;
    let typed = search
        .as_ref()
        .map(|s| (s.document_type, s.document_number.clone()));
    let typed_type = typed.as_ref().map(|(t, _)| *t);
    let typed_number = typed.as_ref().map(|(_, n)| n.clone()).unwrap_or_default();
    view! {
        <section class="station-find">
            <h2>{t!(i18n, elections.station_find_title)}</h2>
            <form method="post" action=FindVoter::url() novalidate autocomplete="off">
                <StationFields keys=keys.clone() station />
                <Field name="document_type" label=Signal::derive(move || t_string!(i18n, common.field_document_type).to_string()) errors>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            let documents = setup.await.map(|s| s.accepted_documents).unwrap_or_else(|_| DocumentType::ALL.to_vec());
                            view! {
                                <select id="document_type" name="document_type" aria-describedby="document_type-error">
                                    <option value="">{t!(i18n, common.choose_option)}</option>
                                    {documents.into_iter().map(|d| view! {
                                        <option value=d.code() selected=typed_type == Some(d)>{move || account_labels::document_type(i18n, d)}</option>
                                    }).collect_view()}
                                </select>
                            }
                        })}
                    </Suspense>
                </Field>
                <Field name="document_number" label=Signal::derive(move || t_string!(i18n, common.field_document_number).to_string()) errors>
                    <input id="document_number" name="document_number" type="text" autocomplete="off" maxlength="40"
                        aria-describedby="document_number-error" value=typed_number />
                </Field>
                <FormError errors />
                <button type="submit" class="primary">{t!(i18n, elections.station_find_button)}</button>
            </form>
            {notes.handed.map(|handed| match handed {
                Handed::Kiosk { number } => view! {
                    <p class="notice kiosk-ready" role="status" data-testid="kiosk-ready">{t_string!(i18n, elections.station_go_to_kiosk, number = number).to_string()}</p>
                }.into_any(),
                Handed::Paper => view! { <p class="notice" role="status">{t!(i18n, elections.station_paper_handed)}</p> }.into_any(),
            })}
            {search.map(|search| match search.found {
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
                    let pending = !person.voted
                        && matches!(person.status, RegistrationStatus::Pending | RegistrationStatus::NeedsCorrection);
                    let verify = pending.then(|| (keys.clone(), search.document_type.code(), search.document_number.clone()));
                    // The mark names the document in front of the poll worker, never an account.
                    let mark = move |hand_over: &'static str, class: &'static str, label: String| {
                        view! {
                            <form method="post" action=MarkVoter::url() class="inline">
                                <StationFields keys=keys.clone() station />
                                <input type="hidden" name="document_type" value=search.document_type.code() />
                                <input type="hidden" name="document_number" value=search.document_number.clone() />
                                <input type="hidden" name="hand_over" value=hand_over />
                                <button type="submit" class=class>{label}</button>
                            </form>
                        }
                    };
                    view! {
                        <div class="card person-found">
                            <h3 dir="auto">{person.name.clone()}</h3>
                            <p>{account_labels::status(i18n, person.status)}</p>
                            {reason.map(|r| view! { <p class="error" role="alert">{r}</p> })}
                            {verify.map(|(keys, document_type, document_number)| view! {
                                <ConfirmForm action=VerifyAtStation::PATH
                                    label=t_string!(i18n, elections.station_verify).to_string()
                                    question=t_string!(i18n, elections.station_verify_question).to_string()
                                    yes=t_string!(i18n, elections.station_verify_yes).to_string()>
                                    <StationFields keys station />
                                    <input type="hidden" name="document_type" value=document_type />
                                    <input type="hidden" name="document_number" value=document_number />
                                </ConfirmForm>
                            })}
                            {can_vote.then(|| view! {
                                <div class="actions">
                                    {mark.clone()("kiosk", "primary", t_string!(i18n, elections.station_mark_kiosk).to_string())}
                                    {mark("paper", "", t_string!(i18n, elections.station_mark_paper).to_string())}
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
pub(crate) fn PaperBallots(
    page: StationPage,
    keys: (String, String),
    station: i64,
) -> impl IntoView {
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
