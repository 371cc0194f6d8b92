//! The online ballot and its receipt.
//!
//! The ballot is a plain HTML form that works before (or without) the browser bundle: the
//! review step is CSS only (`:has()`: a checked "review" switch hides the unchosen options
//! and shows what each segment will count as), and casting is a form post that answers
//! with a redirect to the receipt. Nothing chosen travels in a URL.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::elections::ballot::api::{CastBallotForm, my_receipt};
use crate::elections::calendar::rules::Phase;
use crate::elections::election::api::{ElectionPage, SegmentView, load_election};
use crate::elections::eligibility::Refusal;
use crate::elections::photo::ui::CandidatePhoto;
use crate::elections::ui::{election_path, route_keys};
use crate::error::{ErrorCode, ErrorMessage, error_text};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::results::count::ReceiptMode;
use crate::ui::kit::Loaded;

#[component]
pub fn BallotPage() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let page = Resource::new(
        move || (keys(), i18n.get_locale().as_str().to_owned()),
        |((org, election), locale)| load_election(org, election, locale),
    );
    let query = use_query_map();
    let error = move || {
        query
            .with(|q| q.get("error"))
            .and_then(|code| ErrorCode::from_query(&code))
    };
    view! {
        <Title text=t_string!(i18n, elections.ballot_title).to_string() />
        <Loaded resource=page show=move |page| view! {
                    // A refused ballot comes back here: the reason is announced and focused.
                    {error().map(|code| view! { <ErrorMessage code focus=true /> })}
                    <Ballot page />
                }.into_any()
        />
    }
}

#[component]
fn Ballot(page: ElectionPage) -> impl IntoView {
    let i18n = use_i18n();
    let back = election_path(&page.organization, &page.slug, "");
    let heading = view! {
        <p class="eyebrow"><a href=back>{page.title.clone()}</a></p>
        <h1>{t!(i18n, elections.ballot_title)}</h1>
    };
    if page.phase != Phase::Voting {
        return view! { {heading} <ErrorMessage code=ErrorCode::VotingClosed /> }.into_any();
    }
    let Some(me) = page.me.clone() else {
        let sign_in = localized_path(i18n.get_locale_untracked(), "/sign-in");
        let code = localized_path(i18n.get_locale_untracked(), "/code");
        return view! {
            {heading}
            <p class="lead">{t!(i18n, elections.ballot_sign_in_first)}</p>
            <p><a class="button primary" href=sign_in>{t!(i18n, accounts.sign_in_passkey)}</a></p>
            <p><a href=code>{t!(i18n, accounts.code_link)}</a></p>
        }
        .into_any();
    };
    if me.voted {
        // Cast from this device in this session: its receipt is one link away.
        let receipt = election_path(&page.organization, &page.slug, "/voted");
        return view! {
            {heading}
            <p class="notice">{t!(i18n, common.error_already_voted)}</p>
            <p><a href=receipt>{t!(i18n, elections.receipt_again)}</a></p>
        }
        .into_any();
    }
    if let Some(refusal) = me.refusal {
        // The one eligibility rule said no: say why (not verified, too young, not open).
        let message = match refusal {
            Refusal::NotRegistered | Refusal::NotVerified => {
                t_string!(i18n, elections.ballot_not_enabled).to_string()
            }
            other => error_text(other.error_code()),
        };
        return view! { {heading} <p class="notice" role="status">{message}</p> }.into_any();
    }
    let keys = Some((page.organization.clone(), page.slug.clone()));
    view! {
        {heading}
        <BallotForm segments=page.segments keys action=CastBallotForm::PATH />
    }
    .into_any()
}

/// The ballot form itself; `action` is the server function it posts to (online, with the
/// election's `keys`, or a kiosk, which knows its election). Nothing typed or chosen is
/// remembered by the browser (`autocomplete="off"`): the next person at a shared device
/// must not find the last one's choices.
#[component]
pub fn BallotForm(
    segments: Vec<SegmentView>,
    keys: Option<(String, String)>,
    action: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked().as_str();
    view! {
        <form class="ballot" method="post" action=action autocomplete="off">
            {keys.map(|(organization, election)| view! {
                <input type="hidden" name="organization" value=organization />
                <input type="hidden" name="election" value=election />
            })}
            <input type="hidden" name="locale" value=locale />
            <p class="lead only-choosing">{t!(i18n, elections.ballot_intro)}</p>
            <div class="only-reviewing review-banner" role="status">
                <h2>{t!(i18n, elections.ballot_review_title)}</h2>
                <p>{t!(i18n, elections.ballot_review_intro)}</p>
            </div>
            {segments.into_iter().map(|segment| view! { <SegmentChoices segment /> }).collect_view()}
            // After the choices, so that the keyboard meets it when done choosing: Space
            // turns to the review step (and back); the visible labels below work it by touch.
            <input type="checkbox" id="review-step" class="review-switch"
                aria-label=t_string!(i18n, elections.ballot_review_button) />
            <div class="only-choosing actions">
                <label for="review-step" class="button primary">{t!(i18n, elections.ballot_review_button)}</label>
            </div>
            <div class="only-reviewing actions">
                <button type="submit" class="primary">{t!(i18n, elections.ballot_cast_button)}</button>
                <label for="review-step" class="button">{t!(i18n, elections.ballot_change_button)}</label>
            </div>
        </form>
    }
}

/// One segment: radio buttons when one choice is allowed (with an explicit "blank"),
/// checkboxes when several are.
#[component]
pub fn SegmentChoices(segment: SegmentView) -> impl IntoView {
    let i18n = use_i18n();
    let single = segment.max_choices <= 1;
    let id = segment.id.clone();
    let hint = t_string!(
        i18n,
        elections.ballot_choose_up_to,
        count = segment.max_choices
    )
    .to_string();
    view! {
        <fieldset class="segment-choices" data-max=segment.max_choices>
            <legend>{segment.label.clone()}</legend>
            <p class="hint only-choosing">{hint}</p>
            // Always sent, so a segment left alone arrives as blank rather than missing.
            <input type="hidden" name=format!("pick[{id}][none]") value="" />
            <ul class="plain choices">
                {segment.candidates.into_iter().map(|c| {
                    let input_id = format!("pick-{}", c.id);
                    let name = if single { format!("pick[{id}][one]") } else { format!("pick[{id}][{}]", c.id) };
                    let details = [c.representative.clone(), Some(c.nationality.clone())]
                        .into_iter().flatten().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                    view! {
                        <li class="choice">
                            <input type=if single { "radio" } else { "checkbox" } id=input_id.clone() name=name value=c.id.clone() />
                            <label for=input_id>
                                <CandidatePhoto photo=c.photo.clone() name=c.name.clone() />
                                <span class="choice-text">
                                    <span class="candidate-name" dir="auto">{c.name.clone()}</span>
                                    <span class="hint">{details}</span>
                                </span>
                            </label>
                        </li>
                    }
                    // Erased: the ballot's nested view type otherwise outgrows the compiler's
                    // query depth in the browser build.
                    .into_any()
                }).collect_view()}
                {single.then(|| {
                    let input_id = format!("pick-blank-{id}");
                    view! {
                        <li class="choice blank-choice">
                            <input type="radio" id=input_id.clone() name=format!("pick[{id}][one]") value="" />
                            <label for=input_id>{t!(i18n, elections.ballot_blank_option)}</label>
                        </li>
                    }
                })}
            </ul>
            <p class="only-reviewing undervote">{t!(i18n, elections.ballot_nothing_chosen)}</p>
        </fieldset>
    }
}

/// The tracking code just handed over (the online and kiosk receipts).
#[component]
pub fn TrackingCode(code: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="lead">{t!(i18n, elections.receipt_intro)}</p>
        <p class="tracking-code" data-testid="tracking-code">{code}</p>
    }
}

/// After casting online: the tracking code, what is published and when. Shown again on
/// the device that cast it until its session ends (the code is kept there only).
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let receipt = Resource::new(keys, |(org, election)| my_receipt(org, election));
    let page = Resource::new(
        move || (keys(), i18n.get_locale_untracked().as_str().to_owned()),
        |((org, election), locale)| load_election(org, election, locale),
    );
    view! {
        <Title text=t_string!(i18n, elections.receipt_title).to_string() />
        <h1>{t!(i18n, elections.receipt_title)}</h1>
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                let (org, election) = keys();
                let back = election_path(&org, &election, "");
                let page = page.await;
                match receipt.await {
                    Ok(Some(code)) => view! {
                        <TrackingCode code />
                        {page.ok().map(|page| view! { <WhatIsPublished page /> })}
                        <p>{t!(i18n, elections.receipt_kept)}</p>
                        <p><a href=election_path(&org, &election, "/check")>{t!(i18n, elections.check_link)}</a></p>
                        <p><a href=back>{t!(i18n, elections.receipt_back)}</a></p>
                    }.into_any(),
                    Ok(None) => view! {
                        <p>{t!(i18n, elections.receipt_gone)}</p>
                        <p><a href=back>{t!(i18n, elections.receipt_back)}</a></p>
                    }.into_any(),
                    Err(e) => view! { <ErrorMessage code=e.code /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What the bulletin board will say about this ballot, and from when: the codes once
/// voting closes (its last day), with or apart from the ballots as the election chose.
#[component]
fn WhatIsPublished(page: ElectionPage) -> impl IntoView {
    let i18n = use_i18n();
    let closes = page
        .deadlines
        .iter()
        .find(|(phase, _)| *phase == Phase::Voting)
        .map(|(_, date)| {
            crate::platform::text::dates::long_date(*date, i18n.get_locale_untracked())
        });
    let when = match closes {
        Some(date) => t_string!(i18n, elections.receipt_published_on, date = date).to_string(),
        None => t_string!(i18n, elections.receipt_published).to_string(),
    };
    let mode = match page.receipts {
        ReceiptMode::Separate => t_string!(i18n, results.board_mode_separate),
        ReceiptMode::Paired => t_string!(i18n, results.board_mode_paired),
    };
    view! {
        <section class="notice" data-testid="receipt-published">
            <p>{when}</p>
            <p>{mode}</p>
        </section>
    }
}
