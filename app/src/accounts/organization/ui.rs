//! The settings page: one plain form (it works without JavaScript), each problem under
//! its field and in a summary at the top, what was typed kept after a refusal.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::accounts::organization::api::{
    SaveOrganizationSettings, SettingsPage, organization_settings,
};
use crate::accounts::staff::ui::org_slug;
use crate::accounts::types::DocumentType;
use crate::accounts::ui::labels;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::{SWITCHER_ORDER, autonym, direction};

use crate::ui::kit::{
    ErrorSummary, Field, FieldError, FormError, FormFields, Loaded, query_errors,
};

#[component]
pub fn SettingsPageView() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let page = Resource::new(slug, organization_settings);
    let query = leptos_router::hooks::use_query_map();
    let outcome = query.with_untracked(|q| {
        if q.get_str("saved").is_some() {
            Some(t_string!(i18n, accounts.settings_saved).to_string())
        } else if q.get_str("unchanged").is_some() {
            Some(t_string!(i18n, accounts.settings_unchanged).to_string())
        } else {
            None
        }
    });
    view! {
        <Title text=t_string!(i18n, accounts.settings_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.settings_title)}</h1>
            <p class="hint">{t!(i18n, accounts.settings_intro)}</p>
            {outcome.map(|text| view! { <p class="success" role="status" data-testid="settings-outcome">{text}</p> })}
            <Loaded resource=page show=|page| view! { <SettingsForm page /> } />
        </article>
    }
}

/// The control id (and problem field) of the name in `locale`.
fn name_field(locale: Locale) -> &'static str {
    match locale {
        Locale::pt_BR => "name-pt-BR",
        Locale::es => "name-es",
        Locale::en => "name-en",
        Locale::fr => "name-fr",
        Locale::ht => "name-ht",
        Locale::ar => "name-ar",
    }
}

#[component]
fn SettingsForm(page: SettingsPage) -> impl IntoView {
    let i18n = use_i18n();
    let errors = query_errors();
    let fields = FormFields::provide();
    let form = page.form;
    let label =
        |key: fn(leptos_i18n::I18nContext<Locale>) -> String| Signal::derive(move || key(i18n));
    let own = form.default_locale.clone();
    let residence = form.residence.clone();
    // A group of boxes has no one control to label: the summary links to the group.
    fields.register(
        "documents",
        "documents",
        label(|i| t_string!(i, accounts.settings_documents).to_string()),
    );
    let clock_hint = match page.clock_held_by {
        Some(election) => Signal::derive(move || {
            t_string!(
                i18n,
                accounts.settings_clock_held,
                election = election.clone()
            )
            .to_string()
        }),
        None => label(|i| t_string!(i, accounts.settings_time_zone_hint).to_string()),
    };
    view! {
        <form method="post" action=SaveOrganizationSettings::PATH novalidate class="settings-form">
            <ErrorSummary errors fields />
            <input type="hidden" name="organization" value=page.slug.clone() />
            <p class="hint">{t_string!(i18n, accounts.settings_address, slug = page.slug).to_string()}</p>
            <fieldset>
                <legend>{t!(i18n, accounts.settings_names)}</legend>
                <p class="hint">{t!(i18n, accounts.settings_names_hint)}</p>
                {SWITCHER_ORDER.into_iter().map(|locale| {
                    let lang = locale.as_str();
                    let name = name_field(locale);
                    let value = form.names.get(lang).cloned().unwrap_or_default();
                    view! {
                        <Field name label=Signal::derive(move || autonym(locale).to_string()) errors>
                            <input id=name name=format!("form[names][{lang}]") type="text" maxlength="200"
                                lang=lang dir=direction(locale) value=value aria-describedby=format!("{name}-error") />
                        </Field>
                    }
                }).collect_view()}
                <FieldError errors name="names" />
            </fieldset>
            <Field name="default_locale" label=label(|i| t_string!(i, accounts.settings_default_locale).to_string()) errors>
                <select id="default_locale" name="form[default_locale]" aria-describedby="default_locale-error">
                    {SWITCHER_ORDER.into_iter().map(|locale| view! {
                        <option value=locale.as_str() selected=locale.as_str() == own lang=locale.as_str()>{autonym(locale)}</option>
                    }).collect_view()}
                </select>
            </Field>
            <fieldset id="documents" tabindex="-1" aria-describedby="documents-error">
                <legend>{t!(i18n, accounts.settings_documents)}</legend>
                {DocumentType::ALL.iter().map(|document| {
                    let code = document.code();
                    let id = format!("document-{code}");
                    view! {
                        <label class="checkbox" for=id.clone()>
                            <input type="checkbox" id=id.clone() name=format!("form[documents][{code}]") value="on"
                                checked=form.documents.contains_key(code) />
                            <span>{labels::document_type(i18n, *document)}</span>
                        </label>
                    }
                }).collect_view()}
                <FieldError errors name="documents" />
            </fieldset>
            <Field name="min_age" label=label(|i| t_string!(i, accounts.settings_min_age).to_string()) errors>
                <input id="min_age" name="form[min_age]" type="number" min="14" max="21" value=form.min_age.clone() aria-describedby="min_age-error" />
            </Field>
            <Field name="residence" label=label(|i| t_string!(i, accounts.settings_residence).to_string()) errors>
                <select id="residence" name="form[residence]" aria-describedby="residence-error">
                    <option value="self_declaration" selected=residence == "self_declaration">{t!(i18n, accounts.settings_residence_self)}</option>
                    <option value="document" selected=residence == "document">{t!(i18n, accounts.settings_residence_document)}</option>
                </select>
            </Field>
            <Field name="districts" label=label(|i| t_string!(i, accounts.settings_districts).to_string())
                hint=label(|i| t_string!(i, accounts.settings_districts_hint).to_string()) errors>
                <textarea id="districts" name="form[districts]" rows="8" aria-describedby="districts-hint districts-error">{form.districts.clone()}</textarea>
            </Field>
            <Field name="time_zone" label=label(|i| t_string!(i, accounts.settings_time_zone).to_string()) hint=clock_hint errors>
                <input id="time_zone" name="form[time_zone]" type="text" maxlength="64" dir="ltr" autocomplete="off" spellcheck="false"
                    list="time-zones" value=form.time_zone.clone() aria-describedby="time_zone-hint time_zone-error" />
                <datalist id="time-zones">
                    {page.time_zones.into_iter().map(|zone| view! { <option value=zone></option> }).collect_view()}
                </datalist>
            </Field>
            <label class="checkbox" for="voter_list_public">
                <input type="checkbox" id="voter_list_public" name="form[voter_list_public]" value="on"
                    checked=!form.voter_list_public.is_empty() />
                <span>{t!(i18n, accounts.settings_voter_list_public)}</span>
            </label>
            <FormError errors />
            <button type="submit" class="primary">{t!(i18n, accounts.settings_save)}</button>
        </form>
    }
}
