//! The verification queue: each pending registration with what a reviewer needs, and the
//! decision (accept, refuse with a reason, send back to fix by a day).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::accounts::registration::api::nationality_options;
use crate::accounts::staff::api::helpdesk::{AccessCard, issue_access_code};
use crate::accounts::staff::api::review::{decide, not_duplicate, review_queue};
use crate::accounts::staff::ui::helpdesk::AccessCardView;
use crate::accounts::staff::ui::org_slug;
use crate::accounts::types::{Decision, RegistrationStatus, RegistrationSummary};
use crate::accounts::ui::labels;
use crate::calendar::Date;
use crate::error::{AppError, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{FieldError, FormError};

#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let status = RwSignal::new(RegistrationStatus::Pending);
    let queue = Resource::new(
        move || (slug(), status.get()),
        |(slug, status)| review_queue(slug, status),
    );
    let countries = Resource::new(
        move || i18n.get_locale().as_str().to_owned(),
        nationality_options,
    );
    let card = RwSignal::new(None::<AccessCard>);
    let tabs = [
        RegistrationStatus::Pending,
        RegistrationStatus::NeedsCorrection,
        RegistrationStatus::Verified,
        RegistrationStatus::Rejected,
    ];
    view! {
        <Title text=move || t_string!(i18n, accounts.staff_review).to_string() />
        <h1>{t!(i18n, accounts.staff_review)}</h1>
        <nav class="tabs" aria-label=move || t_string!(i18n, accounts.staff_review)>
            {tabs.into_iter().map(|s| view! {
                <button type="button" aria-pressed=move || (status.get() == s).to_string() on:click=move |_| status.set(s)>
                    {move || labels::status(i18n, s)}
                </button>
            }).collect_view()}
        </nav>
        {move || card.get().map(|c| view! { <AccessCardView card=c /> })}
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                let names = countries.await.unwrap_or_default();
                match queue.await {
                    Err(e) => view! { <ErrorMessage code=e.code /> }.into_any(),
                    Ok(items) if items.is_empty() => view! { <p>{t!(i18n, accounts.staff_queue_empty)}</p> }.into_any(),
                    Ok(items) => view! {
                        <ul class="plain queue">
                            {items.into_iter().map(|item| {
                                let nationality = item.nationalities.iter()
                                    .map(|code| names.iter().find(|n| &n.code == code).map_or(code.clone(), |n| n.name.clone()))
                                    .collect::<Vec<_>>().join(", ");
                                view! { <ReviewItem item nationality slug=slug() queue card /> }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReviewItem(
    item: RegistrationSummary,
    nationality: String,
    slug: String,
    queue: Resource<Result<Vec<RegistrationSummary>, AppError>>,
    card: RwSignal<Option<AccessCard>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let id = item.id.0;
    let status = item.status;
    let document = item.document_type;
    let act = {
        let slug = slug.clone();
        move |decision: Decision| {
            let slug = slug.clone();
            spawn_local(async move {
                match decide(slug, id, decision).await {
                    Ok(()) => queue.refetch(),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let approve = {
        let act = act.clone();
        move |_| act(Decision::Accept)
    };
    let refuse_duplicate = act.clone();
    let slug_for_duplicates = slug.clone();
    let reject = {
        let act = act.clone();
        move |_| {
            act(Decision::Refuse {
                reason: reason.get_untracked(),
            })
        }
    };
    let correct = move |_| {
        act(Decision::FixBy {
            reason: reason.get_untracked(),
            by: None,
        })
    };
    let print = move |_| {
        let slug = slug.clone();
        spawn_local(async move {
            match issue_access_code(slug, id).await {
                Ok(c) => card.set(Some(c)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let field_id = format!("reason-{id}");
    // One person, several documents: the flagged registrations, each resolved here.
    let duplicates = item.duplicates.clone();
    let not_same = {
        let slug = slug_for_duplicates.clone();
        move |other: i64| {
            let slug = slug.clone();
            spawn_local(async move {
                match not_duplicate(slug, id, other).await {
                    Ok(()) => queue.refetch(),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let refuse_same = move |other: i64| {
        let reason = t_string!(i18n, accounts.review_duplicate_reason, id = other).to_string();
        refuse_duplicate(Decision::Refuse { reason });
    };
    view! {
        <li class="review-item">
            <div class="who">
                <strong>{item.display_name.clone()}</strong>
                <span>{nationality}</span>
                <span>{t!(i18n, common.field_birth_date)} ": " <bdi dir="ltr">{item.birth_date.clone()}</bdi></span>
                <span>{t!(i18n, common.field_district)} ": " {item.district.clone()}</span>
                <span>{t!(i18n, common.field_document_type)} ": " {move || labels::document_type(i18n, document)}</span>
                <span>{t!(i18n, accounts.staff_registered_on)} ": "
                    <bdi dir="ltr">{Date::from_unix_millis(item.created_at).to_string()}</bdi></span>
                {item.status_reason.clone().map(|r| view! { <span class="reason">{r}</span> })}
            </div>
            {(!duplicates.is_empty() && status != RegistrationStatus::Verified).then(|| view! {
                <div class="notice duplicates" role="status" data-testid="possible-duplicate">
                    <p>{t!(i18n, accounts.review_possible_duplicate)}</p>
                    <ul class="plain">
                        {duplicates.into_iter().map(|d| {
                            let not_same = not_same.clone();
                            let refuse_same = refuse_same.clone();
                            let other = d.registration;
                            let doc = d.document_type;
                            view! {
                                <li>
                                    <strong dir="auto">{d.name.clone()}</strong>
                                    " · " {move || labels::document_type(i18n, doc)}
                                    " · " {labels::status(i18n, d.status)}
                                    <div class="actions">
                                        <button type="button" on:click=move |_| not_same(other)>{t!(i18n, accounts.review_not_duplicate)}</button>
                                        <button type="button" class="secondary" on:click=move |_| refuse_same(other)>{t!(i18n, accounts.review_refuse_duplicate)}</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {(status != RegistrationStatus::Verified).then(|| view! {
                <div class="decide">
                    <label for=field_id.clone()>{t!(i18n, accounts.staff_reason)}</label>
                    <textarea id=field_id.clone() maxlength="300" rows="2" aria-describedby=format!("{field_id}-error")
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <FieldError errors=error name="reason" id=field_id.clone() />
                    <div class="actions">
                        <button type="button" class="primary-inline" on:click=approve>{t!(i18n, accounts.staff_approve)}</button>
                        <button type="button" on:click=correct>{t!(i18n, accounts.staff_ask_correction)}</button>
                        <button type="button" class="secondary" on:click=reject>{t!(i18n, accounts.staff_reject)}</button>
                    </div>
                </div>
            })}
            {(status == RegistrationStatus::Verified).then(|| view! {
                <button type="button" on:click=print>{t!(i18n, accounts.staff_print_code)}</button>
            })}
            <FormError errors=error />
        </li>
    }
}
