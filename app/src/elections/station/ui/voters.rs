//! The poll book on the poll-worker screen: find a person by the document in front of the
//! poll worker, mark them for a kiosk or a paper ballot, and type in paper ballots.

use crate::accounts::registration::api::load_registration_setup;
use crate::accounts::types::{DocumentType, RegistrationStatus};
use crate::accounts::ui::labels as account_labels;
use crate::elections::ballot::ui::SegmentChoices;
use crate::elections::station::api::voters::{EnterPaperBallot, find_voter, mark_voter};
use crate::elections::station::api::{HandOver, StationPage, VoterLookup};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{Field, FormError};
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;

#[component]
pub(crate) fn FindAndMark(
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
    let helpdesk = localized_path(
        i18n.get_locale_untracked(),
        &format!("/staff/{org}/helpdesk"),
    );
    view! {
        <section class="station-find">
            <h2>{t!(i18n, elections.station_find_title)}</h2>
            <form on:submit=search novalidate autocomplete="off">
                <Field name="document_type" label=Signal::derive(move || t_string!(i18n, common.field_document_type).to_string()) errors=error>
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
                </Field>
                <Field name="document_number" label=Signal::derive(move || t_string!(i18n, common.field_document_number).to_string()) errors=error>
                    <input id="document_number" type="text" autocomplete="off" maxlength="40" aria-describedby="document_number-error"
                        on:input=move |ev| number.set(event_target_value(&ev)) />
                </Field>
                <FormError errors=error />
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
