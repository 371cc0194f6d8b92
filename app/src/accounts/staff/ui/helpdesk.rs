//! The help desk: registering someone in person and printing their access card.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::accounts::registration::api::{load_registration_setup, nationality_options};
use crate::accounts::registration::form::take_registration_draft;
use crate::accounts::registration::ui::{FormMode, RegistrationFormView};
use crate::accounts::staff::api::helpdesk::{AccessCard, take_access_card};
use crate::accounts::staff::ui::{org_slug, staff_path};
use crate::error::ErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::PrintButton;

/// A printable card: the person's name, the code in large type, and a QR code of the
/// sign-in link. Shown once; the code is not stored anywhere in readable form.
#[component]
pub fn AccessCardView(card: AccessCard) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="access-card" aria-live="polite">
            <p class="card-org">{card.organization.clone()}</p>
            <p class="card-name">{card.display_name.clone()}</p>
            <p class="card-label">{t!(i18n, accounts.code_label)}</p>
            <p class="card-code" lang="en" dir="ltr">{card.code.clone()}</p>
            <div class="card-qr" inner_html=card.qr_svg.clone()></div>
            <p class="card-how">{t_string!(i18n, accounts.code_how, address = format!("\u{2066}{}\u{2069}", card.address)).to_string()}</p>
            <p class="card-valid">{move || t_string!(i18n, accounts.code_valid_until, date = card.valid_until.clone()).to_string()}</p>
            <PrintButton class="no-print">{t!(i18n, accounts.code_print)}</PrintButton>
        </section>
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
