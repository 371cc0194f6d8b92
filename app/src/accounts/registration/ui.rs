//! Registering with an organization: the form, then a passkey on this device.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::accounts::passkey::client as passkey_client;
use crate::accounts::registration::api::{
    RegistrationSetup, correct_registration, finish_registration, load_registration_setup,
    nationality_options, start_registration,
};
use crate::accounts::staff::api::helpdesk::{AccessCard, helpdesk_register};
use crate::accounts::types::NationalityOption;
use crate::accounts::types::{GenderIdentity, RegistrationForm, ResidenceProof};
use crate::accounts::ui::labels;
use crate::error::{AppError, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{SWITCHER_ORDER, autonym, localized_path};
use crate::ui::kit::{Field, FormError};

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("org").unwrap_or_default());
    let query = use_query_map();
    // `?correct` when reviewers sent the registration back for a correction.
    let correcting = move || query.with(|q| q.get("correct").is_some());
    let setup = Resource::new(slug, load_registration_setup);
    let countries = Resource::new(
        move || i18n.get_locale().as_str().to_owned(),
        nationality_options,
    );
    view! {
        <Title text=move || t_string!(i18n, accounts.register_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.register_title)}</h1>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match (setup.await, countries.await) {
                        (Ok(setup), Ok(countries)) => {
                            let mode = if correcting() { FormMode::Correction } else { FormMode::SelfService };
                            view! { <RegistrationFormView setup countries mode /> }.into_any()
                        }
                        (Err(error), _) | (_, Err(error)) => {
                            view! { <ErrorMessage code=error.code /> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </article>
    }
}

/// Who fills the form in: the person themselves (then a passkey is made on their device),
/// or staff at a help desk (then a printed access code is the way in).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormMode {
    SelfService,
    HelpDesk,
    /// The person corrects a registration that reviewers sent back.
    Correction,
}

#[component]
pub fn RegistrationFormView(
    setup: RegistrationSetup,
    countries: Vec<NationalityOption>,
    #[prop(default = FormMode::SelfService)] mode: FormMode,
    /// Called with the printed card after a help-desk registration.
    #[prop(optional)]
    on_card: Option<Callback<AccessCard>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let supported = RwSignal::new(true);
    let self_service = mode == FormMode::SelfService;
    // A help desk needs no passkey on the staff's device for the person.
    Effect::new(move |_| supported.set(!self_service || passkey_client::supported()));
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let navigate = use_navigate();
    let slug = setup.slug.clone();

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(form) = form_ref.get() else { return };
        let values = read_form(&form);
        let slug = slug.clone();
        let navigate = navigate.clone();
        busy.set(true);
        errors.set(None);
        spawn_local(async move {
            match mode {
                FormMode::SelfService => match register(slug, values).await {
                    Ok(()) => {
                        let path = localized_path(i18n.get_locale_untracked(), "/account");
                        navigate(&format!("{path}?welcome=1"), Default::default());
                    }
                    Err(error) => errors.set(Some(error)),
                },
                FormMode::Correction => match correct_registration(slug, values).await {
                    Ok(()) => {
                        navigate(
                            &localized_path(i18n.get_locale_untracked(), "/account"),
                            Default::default(),
                        );
                    }
                    Err(error) => errors.set(Some(error)),
                },
                FormMode::HelpDesk => match helpdesk_register(slug, values).await {
                    Ok(card) => {
                        if let Some(on_card) = on_card {
                            on_card.run(card);
                        }
                    }
                    Err(error) => errors.set(Some(error)),
                },
            }
            busy.set(false);
        });
    };

    let nationality_select = move |name: &'static str,
                                   required: bool,
                                   countries: &[NationalityOption]| {
        let options = countries
            .iter()
            .map(|c| view! { <option value=c.code.clone()>{c.name.clone()}</option> })
            .collect_view();
        view! {
            <select id=name name="nationalities" required=required aria-describedby="nationalities-error">
                <option value="">{t!(i18n, common.choose_option)}</option>
                {options}
            </select>
        }
    };
    let current = i18n.get_locale_untracked();
    let by_declaration = setup.residence_proof == ResidenceProof::SelfDeclaration;
    let districts = setup.districts.clone();
    let documents = setup.accepted_documents.clone();

    view! {
        <p class="lead">{setup.name.clone()}</p>
        <p class="notice">
            {move || match mode {
                FormMode::SelfService => t_string!(i18n, accounts.register_intro),
                FormMode::HelpDesk => t_string!(i18n, accounts.helpdesk_intro),
                FormMode::Correction => t_string!(i18n, accounts.correction_intro),
            }}
        </p>
        <Show when=move || !supported.get()>
            <p class="error" role="alert">{t!(i18n, accounts.passkeys_unsupported)}</p>
        </Show>
        <noscript>
            <p class="error">{t!(i18n, common.needs_javascript)}</p>
        </noscript>
        <form node_ref=form_ref on:submit=on_submit novalidate>
            <Field name="display_name" label=Signal::derive(move || t_string!(i18n, common.field_display_name).to_string()) errors>
                <input id="display_name" name="display_name" type="text" autocomplete="name" maxlength="80" required aria-describedby="display_name-error" />
            </Field>
            <Field name="preferred_locale" label=Signal::derive(move || t_string!(i18n, common.field_preferred_locale).to_string()) errors>
                <select id="preferred_locale" name="preferred_locale" aria-describedby="preferred_locale-error">
                    {SWITCHER_ORDER
                        .into_iter()
                        .map(|l| view! { <option value=l.as_str() lang=l.as_str() selected=l == current>{autonym(l)}</option> })
                        .collect_view()}
                </select>
            </Field>
            <Field name="nationalities" control="nationality_1" label=Signal::derive(move || t_string!(i18n, common.field_nationalities).to_string()) errors>
                {nationality_select("nationality_1", true, &countries)}
                <label for="nationality_2" class="secondary">{t!(i18n, common.field_other_nationality)}</label>
                {nationality_select("nationality_2", false, &countries)}
            </Field>
            <Field name="birth_date" label=Signal::derive(move || t_string!(i18n, common.field_birth_date).to_string()) errors>
                <input id="birth_date" name="birth_date" type="date" required autocomplete="bday" aria-describedby="birth_date-error" />
            </Field>
            <Field name="district" label=Signal::derive(move || t_string!(i18n, common.field_district).to_string()) errors>
                {if districts.is_empty() {
                    view! { <input id="district" name="district" type="text" maxlength="80" required aria-describedby="district-error" /> }.into_any()
                } else {
                    view! {
                        <select id="district" name="district" required aria-describedby="district-error">
                            <option value="">{t!(i18n, common.choose_option)}</option>
                            {districts.iter().map(|d| view! { <option value=d.clone()>{d.clone()}</option> }).collect_view()}
                        </select>
                    }.into_any()
                }}
            </Field>
            <Field
                name="gender"
                label=Signal::derive(move || t_string!(i18n, common.field_gender).to_string())
                hint=Signal::derive(move || t_string!(i18n, common.field_gender_hint).to_string())
                errors
            >
                <select id="gender" name="gender" required aria-describedby="gender-hint gender-error">
                    <option value="">{t!(i18n, common.choose_option)}</option>
                    {GenderIdentity::ALL
                        .into_iter()
                        .map(|g| view! { <option value=g.code()>{move || labels::gender(i18n, g)}</option> })
                        .collect_view()}
                </select>
            </Field>
            <Field name="document_type" label=Signal::derive(move || t_string!(i18n, common.field_document_type).to_string())
                hint=Signal::derive(move || t_string!(i18n, common.field_document_hint).to_string()) errors>
                <select id="document_type" name="document_type" required aria-describedby="document_type-hint document_type-error">
                    <option value="">{t!(i18n, common.choose_option)}</option>
                    {documents
                        .into_iter()
                        .map(|d| view! { <option value=d.code()>{move || labels::document_type(i18n, d)}</option> })
                        .collect_view()}
                </select>
            </Field>
            <Field name="document_number" label=Signal::derive(move || t_string!(i18n, common.field_document_number).to_string())
                hint=Signal::derive(move || t_string!(i18n, common.field_document_number_hint).to_string()) errors>
                <input id="document_number" name="document_number" type="text" autocomplete="off" maxlength="40" required aria-describedby="document_number-hint document_number-error" />
            </Field>
            <Field name="phone" label=Signal::derive(move || t_string!(i18n, common.field_phone).to_string()) errors>
                <input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="30" aria-describedby="phone-error" />
            </Field>
            <Field name="email" label=Signal::derive(move || t_string!(i18n, common.field_email).to_string()) errors>
                <input id="email" name="email" type="email" autocomplete="email" maxlength="254" aria-describedby="email-error" />
            </Field>
            {by_declaration.then(|| view! {
                <Field name="residence_declared" label=Signal::derive(move || t_string!(i18n, common.field_residence_title).to_string()) errors>
                    <label class="checkbox">
                        <input id="residence_declared" name="residence_declared" type="checkbox" value="yes" aria-describedby="residence_declared-error" />
                        <span>{t!(i18n, common.field_residence)}</span>
                    </label>
                </Field>
            })}
            <FormError errors />
            // The desk was told this may be someone already registered: after checking the
            // documents, staff say it is another person and send again.
            {move || errors
                .with(|e| e.as_ref().is_some_and(|e| e.code == crate::error::ErrorCode::PossibleDuplicate))
                .then(|| view! {
                    <label class="checkbox not-duplicate">
                        <input id="not_a_duplicate" name="not_a_duplicate" type="checkbox" value="yes" />
                        <span>{t!(i18n, accounts.helpdesk_not_duplicate)}</span>
                    </label>
                })}
            {self_service.then(|| view! { <p class="hint">{t!(i18n, accounts.passkey_explainer)}</p> })}
            <button type="submit" class="primary" disabled=move || busy.get() || !supported.get()>
                {move || match (busy.get(), mode) {
                    (true, _) => t_string!(i18n, common.working),
                    (false, FormMode::SelfService) => t_string!(i18n, accounts.register_submit),
                    (false, FormMode::HelpDesk) => t_string!(i18n, accounts.helpdesk_submit),
                    (false, FormMode::Correction) => t_string!(i18n, accounts.correction_submit),
                }}
            </button>
            {self_service.then(|| view! { <p class="hint">{t!(i18n, common.no_passkey_device)}</p> })}
        </form>
    }
}

/// The three steps: the server checks the form, the device makes a passkey, the server
/// stores everything at once.
async fn register(slug: String, form: RegistrationForm) -> Result<(), AppError> {
    let ceremony = start_registration(slug, form).await?;
    let credential = passkey_client::create(&ceremony.options)
        .await
        .map_err(AppError::new)?;
    finish_registration(ceremony.id, credential).await
}

/// The form's values, as submitted (the server checks them all).
fn read_form(form: &leptos::web_sys::HtmlFormElement) -> RegistrationForm {
    let Ok(data) = leptos::web_sys::FormData::new_with_form(form) else {
        return RegistrationForm::default();
    };
    let text = |name: &str| data.get(name).as_string().unwrap_or_default();
    RegistrationForm {
        display_name: text("display_name"),
        preferred_locale: text("preferred_locale"),
        nationalities: data
            .get_all("nationalities")
            .iter()
            .filter_map(|v| v.as_string())
            .filter(|v| !v.is_empty())
            .collect(),
        birth_date: text("birth_date"),
        district: text("district"),
        gender: text("gender"),
        email: text("email"),
        phone: text("phone"),
        document_type: text("document_type"),
        document_number: text("document_number"),
        residence_declared: !text("residence_declared").is_empty(),
        not_a_duplicate: !text("not_a_duplicate").is_empty(),
    }
}
