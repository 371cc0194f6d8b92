//! The help desk: registering someone in person and printing their access card.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::accounts::registration::api::{load_registration_setup, nationality_options};
use crate::accounts::registration::ui::{FormMode, RegistrationFormView};
use crate::accounts::staff::api::helpdesk::AccessCard;
use crate::accounts::staff::ui::org_slug;
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
            <p class="card-how">{t!(i18n, accounts.code_how)}</p>
            <p class="card-valid">{move || t_string!(i18n, accounts.code_valid_until, date = card.valid_until.clone()).to_string()}</p>
            <PrintButton class="no-print">{t!(i18n, accounts.code_print)}</PrintButton>
        </section>
    }
}

#[component]
pub fn HelpDeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let setup = Resource::new(slug, load_registration_setup);
    let countries = Resource::new(
        move || i18n.get_locale().as_str().to_owned(),
        nationality_options,
    );
    let card = RwSignal::new(None::<AccessCard>);
    let form_key = RwSignal::new(0u32);
    view! {
        <Title text=move || t_string!(i18n, accounts.staff_helpdesk).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.staff_helpdesk)}</h1>
            {move || card.get().map(|c| view! {
                <AccessCardView card=c />
                <button type="button" class="no-print" on:click=move |_| { card.set(None); form_key.update(|k| *k += 1); }>
                    {t!(i18n, accounts.helpdesk_next)}
                </button>
            })}
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    let _ = form_key.get();
                    match (setup.await, countries.await) {
                        (Ok(setup), Ok(countries)) => view! {
                            <div class:hidden=move || card.with(Option::is_some)>
                                <RegistrationFormView setup countries mode=FormMode::HelpDesk
                                    on_card=Callback::new(move |c| card.set(Some(c))) />
                            </div>
                        }.into_any(),
                        (Err(e), _) | (_, Err(e)) => view! { <ErrorMessage code=e.code /> }.into_any(),
                    }
                })}
            </Suspense>
        </article>
    }
}
