//! The verification queue: each registration of a tab (pending, to fix, verified, refused)
//! with what a reviewer needs, and the decision (accept, send back to fix, refuse with a
//! reason). Server HTML with plain forms: every button posts and comes back here, with a
//! refusal shown under the person it concerns (`?item=`), so a help-desk laptop with a
//! slow connection or scripts off works the same.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::accounts::registration::api::nationality_options;
use crate::accounts::staff::api::helpdesk::{IssueAccessCodeForm, take_access_card};
use crate::accounts::staff::api::review::{
    DecideForm, NotDuplicateForm, UndoDecisionForm, decided, review_queue,
};
use crate::accounts::staff::ui::helpdesk::AccessCardView;
use crate::accounts::staff::ui::{org_slug, staff_path};
use crate::accounts::types::{RegistrationStatus, RegistrationSummary};
use crate::accounts::ui::labels;
use crate::calendar::Date;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{FieldError, FormError, Loaded, Pager, query_errors};

const TABS: [RegistrationStatus; 4] = [
    RegistrationStatus::Pending,
    RegistrationStatus::NeedsCorrection,
    RegistrationStatus::Verified,
    RegistrationStatus::Rejected,
];

#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let query = use_query_map();
    let tab = query.with_untracked(|q| {
        q.get_str("status")
            .and_then(RegistrationStatus::from_code)
            .unwrap_or(RegistrationStatus::Pending)
    });
    // The person a refused form was about, and the card printed just before (`?card=`).
    let item = query.with_untracked(|q| q.get_str("item").and_then(|i| i.parse::<i64>().ok()));
    let card_for = query.with_untracked(|q| q.get_str("card").and_then(|i| i.parse::<i64>().ok()));
    // The registration a decision was just made on (`?decided=`) or taken back (`?undone=`).
    let done = query.with_untracked(|q| {
        let id = |key| q.get_str(key).and_then(|i| i.parse::<i64>().ok());
        id("decided")
            .map(|i| (i, false))
            .or_else(|| id("undone").map(|i| (i, true)))
    });
    let page_number = query.with_untracked(|q| {
        q.get_str("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
    });
    let errors = query_errors();
    let queue = Resource::new(slug, move |slug| review_queue(slug, tab, page_number));
    let countries = Resource::new(
        move || i18n.get_locale().as_str().to_owned(),
        nationality_options,
    );
    let confirmation = Resource::new(slug, move |slug| async move {
        match done {
            Some((id, _)) => decided(slug, id).await,
            None => Ok(None),
        }
    });
    let card = Resource::new(slug, move |slug| async move {
        match card_for {
            Some(id) => take_access_card(slug, id).await,
            None => Ok(None),
        }
    });
    let page = Resource::new(
        || (),
        move |()| async move {
            let names = countries.await.unwrap_or_default();
            queue.await.map(|page| {
                let items = page
                    .items
                    .iter()
                    .cloned()
                    .map(|item| {
                        let nationality = item
                            .nationalities
                            .iter()
                            .map(|code| {
                                names
                                    .iter()
                                    .find(|n| &n.code == code)
                                    .map_or(code.clone(), |n| n.name.clone())
                            })
                            .collect::<Vec<_>>()
                            .join(", ");
                        (item, nationality)
                    })
                    .collect::<Vec<_>>();
                (page, items)
            })
        },
    );
    view! {
        <Title text=t_string!(i18n, accounts.staff_review).to_string() />
        <h1>{t!(i18n, accounts.staff_review)}</h1>
        <nav class="tabs" aria-label=move || t_string!(i18n, accounts.staff_review)>
            {TABS.into_iter().map(|s| {
                let href = staff_path(&slug(), &format!("/review?status={}", s.code()));
                view! {
                    <a href=href aria-current=(s == tab).then_some("page")>{move || labels::status(i18n, s)}</a>
                }
            }).collect_view()}
        </nav>
        <Loaded resource=confirmation show=move |person| person.map(|person| {
            let undone = done.is_some_and(|(_, undone)| undone);
            view! { <Confirmation person undone slug=slug() tab /> }
        }) />
        {(tab == RegistrationStatus::Pending).then(|| view! {
            <details class="checklist">
                <summary>{t!(i18n, accounts.review_checklist_title)}</summary>
                <ul>
                    <li>{t!(i18n, accounts.review_check_document)}</li>
                    <li>{t!(i18n, accounts.review_check_name)}</li>
                    <li>{t!(i18n, accounts.review_check_district)}</li>
                    <li>{t!(i18n, accounts.review_check_duplicate)}</li>
                </ul>
            </details>
        })}
        <Loaded resource=card show=|card| card.map(|card| view! { <AccessCardView card /> }) />
        <Loaded resource=page show=move |(page, items)| {
            if items.is_empty() {
                return view! { <p>{t!(i18n, accounts.staff_queue_empty)}</p> }.into_any();
            }
            let base = staff_path(&slug(), &format!("/review?status={}", tab.code()));
            view! {
                <p>{move || t_string!(i18n, accounts.queue_total, count = page.total).to_string()}</p>
                <ul class="plain queue">
                    {items.into_iter().map(|(summary, nationality)| {
                        let errors = if item == Some(summary.id.0) { errors } else { RwSignal::new(None) };
                        view! { <ReviewItem item=summary nationality slug=slug() tab errors /> }
                    }).collect_view()}
                </ul>
                <Pager page=page.page pages=page.pages() base />
            }.into_any()
        } />
    }
}

/// What the last decision did, said back to the reviewer with its name, and a minute to
/// take it back (the server refuses later).
#[component]
fn Confirmation(
    person: RegistrationSummary,
    undone: bool,
    slug: String,
    tab: RegistrationStatus,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = person.status;
    let name = person.display_name.clone();
    let text = move || {
        if undone {
            t_string!(
                i18n,
                accounts.review_undone,
                name = name.clone(),
                status = labels::status(i18n, status)
            )
            .to_string()
        } else {
            t_string!(
                i18n,
                accounts.review_decided,
                name = name.clone(),
                status = labels::status(i18n, status)
            )
            .to_string()
        }
    };
    view! {
        <div class="notice decided" role="status" data-testid="review-confirmation">
            <p dir="auto">{text}</p>
            {(!undone).then(|| view! {
                <form method="post" action=UndoDecisionForm::PATH class="inline">
                    <BackTo slug registration=person.id.0 tab />
                    <button type="submit">{t!(i18n, accounts.review_undo)}</button>
                    <span class="hint">{t!(i18n, accounts.review_undo_hint)}</span>
                </form>
            })}
        </div>
    }
}

/// The hidden fields every form of the queue carries: whose registration, which tab to
/// come back to, in which language.
#[component]
fn BackTo(slug: String, registration: i64, tab: RegistrationStatus) -> impl IntoView {
    let locale = use_i18n().get_locale_untracked().as_str();
    view! {
        <input type="hidden" name="organization" value=slug />
        <input type="hidden" name="registration" value=registration />
        <input type="hidden" name="tab" value=tab.code() />
        <input type="hidden" name="locale" value=locale />
    }
}

#[component]
fn ReviewItem(
    item: RegistrationSummary,
    nationality: String,
    slug: String,
    tab: RegistrationStatus,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = item.id.0;
    let status = item.status;
    let document = item.document_type;
    let field_id = format!("reason-{id}");
    let verified = status == RegistrationStatus::Verified;
    // One person, several documents: the flagged registrations, each resolved here.
    let duplicates = if verified {
        Vec::new()
    } else {
        item.duplicates
    };
    let has_duplicates = !duplicates.is_empty();
    let duplicate_forms = {
        let slug = slug.clone();
        duplicates
            .into_iter()
            .map(|d| {
                let other = d.registration;
                let doc = d.document_type;
                let same = t_string!(i18n, accounts.review_duplicate_reason, id = other).to_string();
                view! {
                    <li>
                        <strong dir="auto">{d.name.clone()}</strong>
                        " · " {move || labels::document_type(i18n, doc)}
                        " · " {labels::status(i18n, d.status)}
                        <div class="actions">
                            <form method="post" action=NotDuplicateForm::PATH class="inline">
                                <BackTo slug=slug.clone() registration=id tab />
                                <input type="hidden" name="other" value=other />
                                <button type="submit">{t!(i18n, accounts.review_not_duplicate)}</button>
                            </form>
                            <form method="post" action=DecideForm::PATH class="inline">
                                <BackTo slug=slug.clone() registration=id tab />
                                <input type="hidden" name="decision" value="refuse" />
                                <input type="hidden" name="reason" value=same />
                                <button type="submit" class="secondary">{t!(i18n, accounts.review_refuse_duplicate)}</button>
                            </form>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <li class="review-item" id=format!("registration-{id}")>
            <div class="who">
                <strong>{item.display_name.clone()}</strong>
                <span>{nationality}</span>
                <span>{t!(i18n, common.field_birth_date)} ": " <bdi>{crate::platform::text::dates::written_day(&item.birth_date, i18n.get_locale_untracked())}</bdi></span>
                <span>{t!(i18n, common.field_district)} ": " {item.district.clone()}</span>
                <span>{t!(i18n, common.field_document_type)} ": " {move || labels::document_type(i18n, document)}</span>
                <span>{t!(i18n, accounts.staff_registered_on)} ": "
                    <bdi dir="ltr">{Date::from_unix_millis(item.created_at).to_string()}</bdi></span>
                {item.status_reason.clone().map(|r| view! { <span class="reason">{r}</span> })}
            </div>
            {has_duplicates.then(|| view! {
                <div class="notice duplicates" role="status" data-testid="possible-duplicate">
                    <p>{t!(i18n, accounts.review_possible_duplicate)}</p>
                    <ul class="plain">{duplicate_forms}</ul>
                </div>
            })}
            {(!verified).then(|| view! {
                <form method="post" action=DecideForm::PATH class="decide">
                    <BackTo slug=slug.clone() registration=id tab />
                    <label for=field_id.clone()>{t!(i18n, accounts.staff_reason)}</label>
                    <textarea id=field_id.clone() name="reason" maxlength="300" rows="2"
                        aria-describedby=format!("{field_id}-error")></textarea>
                    <FieldError errors name="reason" id=field_id.clone() />
                    <div class="actions">
                        <button type="submit" name="decision" value="accept" class="primary-inline">{t!(i18n, accounts.staff_approve)}</button>
                        <button type="submit" name="decision" value="fix">{t!(i18n, accounts.staff_ask_correction)}</button>
                        <button type="submit" name="decision" value="refuse" class="secondary">{t!(i18n, accounts.staff_reject)}</button>
                    </div>
                </form>
            })}
            {verified.then(|| view! {
                <form method="post" action=IssueAccessCodeForm::PATH>
                    <input type="hidden" name="organization" value=slug.clone() />
                    <input type="hidden" name="registration" value=id />
                    <input type="hidden" name="locale" value=i18n.get_locale_untracked().as_str() />
                    <button type="submit">{t!(i18n, accounts.staff_print_code)}</button>
                </form>
            })}
            <FormError errors />
        </li>
    }
}
