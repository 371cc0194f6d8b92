//! The pages that set an edition up: a new edition, and a pre-conference of one.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::conferences::organize::setup::{
    AddPreConference, CreateEdition, NewEditionPage, PreConferencePage, load_new_edition,
    load_pre_conference,
};
use crate::conferences::organize::ui::EventFields;
use crate::conferences::public::ui::param;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{ErrorSummary, Field, FormFields, Loaded, query_errors};
use leptos::server_fn::ServerFn as _;

#[component]
pub fn NewEditionPageView() -> impl IntoView {
    let org = param("org");
    let page = Resource::new(org, load_new_edition);
    view! { <Loaded resource=page show=|page| view! { <NewEdition page /> } /> }
}

#[component]
fn NewEdition(page: NewEditionPage) -> impl IntoView {
    let i18n = use_i18n();
    let errors = query_errors();
    let fields = FormFields::provide();
    let label =
        |key: fn(leptos_i18n::I18nContext<Locale>) -> String| Signal::derive(move || key(i18n));
    let form = page.draft.clone().unwrap_or_default();
    let title = t_string!(i18n, conferences.new_edition_title).to_string();
    let (name_lang, themes_lang) = (page.language.clone(), page.language.clone());
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{t!(i18n, conferences.new_edition_lead)}</p>
        <form method="post" action=CreateEdition::PATH novalidate class="edition-form">
            <ErrorSummary errors fields />
            <input type="hidden" name="organization" value=page.organization.clone() />
            <Field name="name" label=label(|i| t_string!(i, conferences.new_edition_name).to_string()) errors>
                <input id="name" name="form[name]" type="text" maxlength="120" dir="auto" lang=name_lang value=form.name.clone() aria-describedby="name-error" />
            </Field>
            <Field name="slug" label=label(|i| t_string!(i, conferences.new_edition_slug).to_string())
                hint=label(|i| t_string!(i, conferences.new_edition_slug_hint).to_string()) errors>
                <input id="slug" name="form[slug]" type="text" maxlength="40" dir="ltr" value=form.slug.clone() aria-describedby="slug-hint slug-error" />
            </Field>
            <Field name="starts_on" label=label(|i| t_string!(i, conferences.new_edition_starts).to_string()) errors>
                <input id="starts_on" name="form[starts_on]" type="date" value=form.starts_on.clone() aria-describedby="starts_on-error" />
            </Field>
            <Field name="ends_on" label=label(|i| t_string!(i, conferences.new_edition_ends).to_string()) errors>
                <input id="ends_on" name="form[ends_on]" type="date" value=form.ends_on.clone() aria-describedby="ends_on-error" />
            </Field>
            <Field name="themes" label=label(|i| t_string!(i, conferences.new_edition_themes).to_string())
                hint=label(|i| t_string!(i, conferences.new_edition_themes_hint).to_string()) errors>
                <textarea id="themes" name="form[themes]" rows="8" dir="auto" lang=themes_lang aria-describedby="themes-hint themes-error">{form.themes.clone()}</textarea>
            </Field>
            <button type="submit" class="primary">{t!(i18n, conferences.new_edition_submit)}</button>
        </form>
    }
}

#[component]
pub fn PreConferencePageView() -> impl IntoView {
    let (org, conference) = (param("org"), param("conference"));
    let page = Resource::new(
        move || (org(), conference()),
        |(o, c)| load_pre_conference(o, c),
    );
    view! { <Loaded resource=page show=|page| view! { <PreConference page /> } /> }
}

#[component]
fn PreConference(page: PreConferencePage) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let errors = query_errors();
    let fields = FormFields::provide();
    let form = page.draft.clone().unwrap_or_default();
    let title = t_string!(i18n, conferences.pre_title).to_string();
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><TranslatedText labels=page.names.clone() reader=reader /></p>
        <h1>{title}</h1>
        <form method="post" action=AddPreConference::PATH novalidate class="free-form">
            <ErrorSummary errors fields />
            <input type="hidden" name="organization" value=page.organization.clone() />
            <input type="hidden" name="conference" value=page.slug.clone() />
            <EventFields form starts_on=page.starts_on.to_string() ends_on=page.ends_on.to_string() errors fields />
            <button type="submit" class="primary">{t!(i18n, conferences.pre_submit)}</button>
        </form>
    }
}
