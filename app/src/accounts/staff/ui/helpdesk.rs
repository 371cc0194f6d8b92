//! The help desk: registering someone in person and printing their access card.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::accounts::registration::api::{load_registration_setup, nationality_options};
use crate::accounts::registration::form::take_registration_draft;
use crate::accounts::registration::ui::{FormMode, RegistrationFormView};
use crate::accounts::staff::api::helpdesk::{
    AccessCard, IssueAccessCodeForm, find_people, take_access_card,
};
use crate::accounts::staff::ui::{org_slug, staff_path};
use crate::accounts::types::{RegistrationStatus, RegistrationSummary};
use crate::accounts::ui::labels;
use crate::error::ErrorMessage;
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::platform::text::dates::written_day;
use crate::ui::kit::{Field, Pager, PrintButton, query_value};
use leptos::server_fn::ServerFn as _;

/// A printable card: the person's name, the code in large type, and a QR code of the
/// sign-in link. Shown once; the code is not stored anywhere in readable form. It is
/// written in its holder's language, whatever the language of the staff printing it.
#[component]
pub fn AccessCardView(card: AccessCard) -> impl IntoView {
    let locale = card.locale.parse::<Locale>().unwrap_or_default();
    let dir = if locale == Locale::ar { "rtl" } else { "ltr" };
    let address = format!("\u{2066}{}\u{2069}", card.address);
    let valid_until = written_day(&card.valid_until, locale);
    view! {
        <section class="access-card" aria-live="polite" lang=locale.as_str() dir=dir>
            <p class="card-org">{card.organization.clone()}</p>
            <p class="card-name" dir="auto">{card.display_name.clone()}</p>
            <p class="card-label">{td_string!(locale, accounts.code_label).to_string()}</p>
            <p class="card-code" lang="en" dir="ltr">{card.code.clone()}</p>
            <div class="card-qr" inner_html=card.qr_svg.clone()></div>
            <p class="card-how">{td_string!(locale, accounts.code_how, address = address).to_string()}</p>
            <p class="card-valid">{td_string!(locale, accounts.code_valid_until, date = valid_until).to_string()}</p>
            <PrintButton class="no-print">{td_string!(locale, accounts.code_print).to_string()}</PrintButton>
        </section>
    }
}

/// The desk's search: anyone registered, by name or document number, a page at a time,
/// each with what the desk can do for them (a new card once verified).
#[component]
fn FindPeople(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let text = query.with_untracked(|q| q.get("q").unwrap_or_default());
    let page = query.with_untracked(|q| {
        q.get_str("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
    });
    let searched = !text.trim().is_empty();
    let found = {
        let (slug, text) = (slug.clone(), text.clone());
        Resource::new(
            || (),
            move |()| {
                let (slug, text) = (slug.clone(), text.clone());
                async move {
                    if searched {
                        find_people(slug, text, page).await.map(Some)
                    } else {
                        Ok(None)
                    }
                }
            },
        )
    };
    let locale = i18n.get_locale_untracked().as_str();
    let action = staff_path(&slug, "/helpdesk");
    let base = format!("{action}?q={}", query_value(&text));
    let from = format!("helpdesk?q={}&page={page}", query_value(&text));
    view! {
        <section class="find-people" aria-labelledby="find-title">
            <h2 id="find-title">{t!(i18n, accounts.helpdesk_find_title)}</h2>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
                {move || {
                    let (slug, text, action, base, from) =
                        (slug.clone(), text.clone(), action.clone(), base.clone(), from.clone());
                    Suspend::new(async move {
                        let found = found.await;
                        // A search refused for what was typed shows under the box.
                        let errors = RwSignal::new(found.as_ref().err().filter(|e| !e.fields.is_empty()).cloned());
                        let results = match found {
                            Ok(None) => ().into_any(),
                            Err(error) if !error.fields.is_empty() => ().into_any(),
                            Err(error) => view! { <ErrorMessage code=error.code /> }.into_any(),
                            Ok(Some(people)) if people.items.is_empty() => {
                                view! { <p role="status">{t!(i18n, accounts.helpdesk_found_none)}</p> }.into_any()
                            }
                            Ok(Some(people)) => view! {
                                <p role="status">{move || t_string!(i18n, accounts.helpdesk_found, count = people.total).to_string()}</p>
                                <ul class="plain people">
                                    {people.items.iter().cloned().map(|person| view! {
                                        <PersonFound person slug=slug.clone() from=from.clone() locale />
                                    }).collect_view()}
                                </ul>
                                <Pager page=people.page pages=people.pages() base />
                            }.into_any(),
                        };
                        view! {
                            <form method="get" action=action role="search">
                                <Field name="q" label=Signal::derive(move || t_string!(i18n, accounts.helpdesk_find_label).to_string())
                                    hint=Signal::derive(move || t_string!(i18n, accounts.helpdesk_find_hint).to_string()) errors>
                                    <input id="q" name="q" type="search" value=text maxlength="100" autocomplete="off"
                                        aria-describedby="q-hint q-error" />
                                </Field>
                                <button type="submit">{t!(i18n, accounts.helpdesk_find_submit)}</button>
                            </form>
                            {results}
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

/// One person the search found: who they are, where their registration stands, and a new
/// card when it is verified.
#[component]
fn PersonFound(
    person: RegistrationSummary,
    slug: String,
    from: String,
    locale: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = person.status;
    let document = person.document_type;
    view! {
        <li class="review-item" id=format!("person-{}", person.id.0)>
            <div class="who">
                <strong dir="auto">{person.display_name.clone()}</strong>
                <span>{t!(i18n, common.field_birth_date)} ": " <bdi>{written_day(&person.birth_date, i18n.get_locale_untracked())}</bdi></span>
                <span>{t!(i18n, common.field_district)} ": " {person.district.clone()}</span>
                <span>{t!(i18n, common.field_document_type)} ": " {move || labels::document_type(i18n, document)}</span>
                <span class="status">{move || labels::status(i18n, status)}</span>
                {person.status_reason.clone().map(|r| view! { <span class="reason" dir="auto">{r}</span> })}
            </div>
            {if status == RegistrationStatus::Verified {
                view! {
                    <form method="post" action=IssueAccessCodeForm::PATH>
                        <input type="hidden" name="organization" value=slug />
                        <input type="hidden" name="registration" value=person.id.0 />
                        <input type="hidden" name="locale" value=locale />
                        <input type="hidden" name="from" value=from />
                        <button type="submit">{t!(i18n, accounts.helpdesk_reprint)}</button>
                    </form>
                }.into_any()
            } else {
                view! { <p class="hint">{t!(i18n, accounts.helpdesk_not_verified)}</p> }.into_any()
            }}
        </li>
    }
}

/// The desk's form is a plain one: a registration comes back here with `?card=<id>` and the
/// card is shown once (kept on this device for a few minutes, never in the address); a
/// refusal comes back with the reason and what was typed.
#[component]
pub fn HelpDeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let query = use_query_map();
    let printed = query.with_untracked(|q| q.get("card").and_then(|id| id.parse::<i64>().ok()));
    let setup = Resource::new(slug, load_registration_setup);
    let countries = Resource::new(
        move || i18n.get_locale().as_str().to_owned(),
        nationality_options,
    );
    let card = Resource::new(slug, move |slug| async move {
        match printed {
            Some(id) => take_access_card(slug, id).await,
            None => Ok(None),
        }
    });
    let draft = Resource::new(|| (), |()| take_registration_draft());
    let next = staff_path(&slug(), "/helpdesk");
    view! {
        <Title text=t_string!(i18n, accounts.staff_helpdesk).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.staff_helpdesk)}</h1>
            {printed.is_none().then(|| view! { <FindPeople slug=slug() /> })}
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
                {move || {
                    let next = next.clone();
                    Suspend::new(async move {
                        if let Ok(Some(card)) = card.await {
                            return view! {
                                <AccessCardView card />
                                <p class="no-print"><a class="button" href=next>{t!(i18n, accounts.helpdesk_next)}</a></p>
                            }.into_any();
                        }
                        let draft = draft.await.ok().flatten().unwrap_or_default();
                        match (setup.await, countries.await) {
                            (Ok(setup), Ok(countries)) => view! {
                                <RegistrationFormView setup countries mode=FormMode::HelpDesk draft />
                            }.into_any(),
                            (Err(e), _) | (_, Err(e)) => view! { <ErrorMessage code=e.code /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </article>
    }
}
