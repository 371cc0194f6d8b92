//! Registering with an organization: the form, then a passkey on this device.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::accounts::passkey::island::{Ceremony, PasskeyForm};
use crate::accounts::passkey::ui::ceremony_texts;
use crate::accounts::registration::api::{
    CorrectRegistration, RegistrationSetup, StartRegistration, load_registration_setup,
    nationality_options,
};
use crate::accounts::registration::form::{self, take_registration_draft};
use crate::accounts::staff::api::helpdesk::HelpdeskRegister;
use crate::accounts::types::NationalityOption;
use crate::accounts::types::{GenderIdentity, RegistrationForm, ResidenceProof};
use crate::accounts::ui::labels;
use crate::error::ErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{SWITCHER_ORDER, autonym, localized_path};
use crate::ui::kit::{ErrorSummary, Field, FormError, FormFields, query_errors};

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
    let draft = Resource::new(|| (), |()| take_registration_draft());
    view! {
        <Title text=t_string!(i18n, accounts.register_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.register_title)}</h1>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    let draft = draft.await.ok().flatten();
                    match (setup.await, countries.await) {
                        (Ok(setup), Ok(countries)) => {
                            let mode = if correcting() { FormMode::Correction } else { FormMode::SelfService };
                            view! { <RegistrationFormView setup countries mode draft=draft.unwrap_or_default() /> }.into_any()
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

/// The form, as server HTML. The help desk and a correction post it as a plain form (it
/// comes back with the reason and with what was typed); joining needs a passkey made on this
/// device, so there the [`PasskeyForm`] island takes the submit over.
#[component]
pub fn RegistrationFormView(
    setup: RegistrationSetup,
    countries: Vec<NationalityOption>,
    #[prop(default = FormMode::SelfService)] mode: FormMode,
    /// What a refused post typed, shown again.
    #[prop(optional)]
    draft: RegistrationForm,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = query_errors();
    let fields = FormFields::provide();
    let self_service = mode == FormMode::SelfService;
    // At the help desk the form is about the person in front of the staff member.
    let staff = mode == FormMode::HelpDesk;
    let current = i18n.get_locale_untracked();
    let chosen_locale = if draft.preferred_locale.is_empty() {
        current.as_str().to_owned()
    } else {
        draft.preferred_locale.clone()
    };
    let by_declaration = setup.residence_proof == ResidenceProof::SelfDeclaration;
    let districts = setup.districts.clone();
    let documents = setup.accepted_documents.clone();
    let chosen_nationalities = draft.nationalities.clone();
    let nationality_select = move |index: usize, required: bool| {
        let id = format!("nationality_{}", index + 1);
        let chosen = chosen_nationalities.get(index).cloned().unwrap_or_default();
        let options = countries
            .iter()
            .map(|c| view! { <option value=c.code.clone() selected=c.code == chosen>{c.name.clone()}</option> })
            .collect_view();
        view! {
            <select id=id name=form::nationality_name(index) required=required aria-describedby="nationalities-error">
                <option value="">{t!(i18n, common.choose_option)}</option>
                {options}
            </select>
        }
    };
    let action = match mode {
        FormMode::SelfService => StartRegistration::url(),
        FormMode::Correction => CorrectRegistration::url(),
        FormMode::HelpDesk => HelpdeskRegister::url(),
    };
    let duplicate_flagged = errors.with_untracked(|e| {
        e.as_ref()
            .is_some_and(|e| e.code == crate::error::ErrorCode::PossibleDuplicate)
    });
    let submit_text = match mode {
        FormMode::SelfService => t_string!(i18n, accounts.register_submit),
        FormMode::HelpDesk => t_string!(i18n, accounts.helpdesk_submit),
        FormMode::Correction => t_string!(i18n, accounts.correction_submit),
    };
    let d = draft.clone();
    let form = view! {
        <form method="post" action=action novalidate class="registration-form">
            <ErrorSummary errors fields />
            <input type="hidden" name="organization" value=setup.slug.clone() />
            <Field name="display_name" label=Signal::derive(move || if staff { t_string!(i18n, common.field_display_name_staff) } else { t_string!(i18n, common.field_display_name) }.to_string()) errors>
                <input id="display_name" name=form::name("display_name") value=d.display_name.clone() type="text" autocomplete="name" maxlength="80" required aria-describedby="display_name-error" />
            </Field>
            <Field name="preferred_locale" label=Signal::derive(move || if staff { t_string!(i18n, common.field_preferred_locale_staff) } else { t_string!(i18n, common.field_preferred_locale) }.to_string()) errors>
                <select id="preferred_locale" name=form::name("preferred_locale") aria-describedby="preferred_locale-error">
                    {SWITCHER_ORDER
                        .into_iter()
                        .map(|l| view! { <option value=l.as_str() lang=l.as_str() selected=l.as_str() == chosen_locale>{autonym(l)}</option> })
                        .collect_view()}
                </select>
            </Field>
            <Field name="nationalities" control="nationality_1" label=Signal::derive(move || t_string!(i18n, common.field_nationalities).to_string()) errors>
                {nationality_select(0, true)}
                <label for="nationality_2" class="secondary">{t!(i18n, common.field_other_nationality)}</label>
                {nationality_select(1, false)}
            </Field>
            <Field name="birth_date" label=Signal::derive(move || t_string!(i18n, common.field_birth_date).to_string()) errors>
                <input id="birth_date" name=form::name("birth_date") value=d.birth_date.clone() type="date" required autocomplete="bday" aria-describedby="birth_date-error" />
            </Field>
            <Field name="district" label=Signal::derive(move || if staff { t_string!(i18n, common.field_district_staff) } else { t_string!(i18n, common.field_district) }.to_string()) errors>
                {if districts.is_empty() {
                    view! { <input id="district" name=form::name("district") value=d.district.clone() type="text" maxlength="80" required aria-describedby="district-error" /> }.into_any()
                } else {
                    let chosen = d.district.clone();
                    view! {
                        <select id="district" name=form::name("district") required aria-describedby="district-error">
                            <option value="">{t!(i18n, common.choose_option)}</option>
                            {districts.iter().map(|x| view! { <option value=x.clone() selected=*x == chosen>{x.clone()}</option> }).collect_view()}
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
                <select id="gender" name=form::name("gender") required aria-describedby="gender-hint gender-error">
                    <option value="">{t!(i18n, common.choose_option)}</option>
                    {GenderIdentity::ALL
                        .into_iter()
                        .map(|g| view! { <option value=g.code() selected=g.code() == d.gender>{move || labels::gender(i18n, g)}</option> })
                        .collect_view()}
                </select>
            </Field>
            <Field name="document_type" label=Signal::derive(move || t_string!(i18n, common.field_document_type).to_string())
                hint=Signal::derive(move || if staff { t_string!(i18n, common.field_document_hint_staff) } else { t_string!(i18n, common.field_document_hint) }.to_string()) errors>
                <select id="document_type" name=form::name("document_type") required aria-describedby="document_type-hint document_type-error">
                    <option value="">{t!(i18n, common.choose_option)}</option>
                    {documents
                        .into_iter()
                        .map(|x| view! { <option value=x.code() selected=x.code() == d.document_type>{move || labels::document_type(i18n, x)}</option> })
                        .collect_view()}
                </select>
            </Field>
            <Field name="document_number" label=Signal::derive(move || t_string!(i18n, common.field_document_number).to_string())
                hint=Signal::derive(move || t_string!(i18n, common.field_document_number_hint).to_string()) errors>
                <input id="document_number" name=form::name("document_number") value=d.document_number.clone() type="text" autocomplete="off" maxlength="40" required aria-describedby="document_number-hint document_number-error" />
            </Field>
            <Field name="phone" label=Signal::derive(move || t_string!(i18n, common.field_phone).to_string()) errors>
                <input id="phone" name=form::name("phone") value=d.phone.clone() type="tel" autocomplete="tel" maxlength="30" aria-describedby="phone-error" />
            </Field>
            <Field name="email" label=Signal::derive(move || t_string!(i18n, common.field_email).to_string()) errors>
                <input id="email" name=form::name("email") value=d.email.clone() type="email" autocomplete="email" maxlength="254" aria-describedby="email-error" />
            </Field>
            {by_declaration.then(|| view! {
                <Field name="residence_declared" label=Signal::derive(move || t_string!(i18n, common.field_residence_title).to_string()) errors>
                    <label class="checkbox">
                        <input id="residence_declared" name=form::name("residence_declared") type="checkbox" value="true" checked=d.residence_declared aria-describedby="residence_declared-error" />
                        <span>{move || if staff { t_string!(i18n, common.field_residence_staff) } else { t_string!(i18n, common.field_residence) }}</span>
                    </label>
                </Field>
            })}
            <FormError errors />
            // The desk was told this may be someone already registered: after checking the
            // documents, staff say it is another person and send again.
            {duplicate_flagged.then(|| view! {
                <label class="checkbox not-duplicate">
                    <input id="not_a_duplicate" name=form::name("not_a_duplicate") type="checkbox" value="true" />
                    <span>{t!(i18n, accounts.helpdesk_not_duplicate)}</span>
                </label>
            })}
            {self_service.then(|| view! { <p class="hint">{t!(i18n, accounts.passkey_explainer)}</p> })}
            <button type="submit" class="primary">{submit_text}</button>
            {self_service.then(|| view! { <p class="hint">{t!(i18n, common.no_passkey_device)}</p> })}
        </form>
    };
    let intro = match mode {
        FormMode::SelfService => t_string!(i18n, accounts.register_intro),
        FormMode::HelpDesk => t_string!(i18n, accounts.helpdesk_intro),
        FormMode::Correction => t_string!(i18n, accounts.correction_intro),
    };
    view! {
        <p class="lead">{setup.names.text_or(i18n.get_locale_untracked().as_str(), &setup.name)}</p>
        <p class="notice">{intro}</p>
        {if self_service {
            let done = format!("{}?welcome=1", localized_path(current, "/account"));
            view! {
                <noscript>
                    <p class="error">{t!(i18n, common.needs_javascript)}</p>
                </noscript>
                <PasskeyForm
                    ceremony=Ceremony::Join { organization: setup.slug.clone() }
                    done
                    locale=current.as_str().to_owned()
                    texts=ceremony_texts(i18n)
                >
                    {form}
                </PasskeyForm>
            }.into_any()
        } else {
            form.into_any()
        }}
    }
}
