//! An edition's texts page: the levels' codes, then a group per language (the edition's
//! own first, required; the others optional) with the edition's name, its themes and its
//! levels, one per line. A plain form; problems under each field and in the summary.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::conferences::organize::texts::{SaveEditionTexts, TextsPage, load_edition_texts};
use crate::conferences::public::ui::param;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::{SWITCHER_ORDER, autonym};
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{ErrorSummary, Field, FormFields, Loaded, query_errors};
use leptos::server_fn::ServerFn as _;

macro_rules! language_fields {
    ($($lang:literal),*) => {
        [$([concat!("names-", $lang), concat!("themes-", $lang), concat!("levels-", $lang)]),*]
    };
}

/// Each language's three fields, as refusals name them, in `SWITCHER_ORDER`.
const FIELDS: [[&str; 3]; 6] = language_fields!("pt-BR", "es", "en", "fr", "ht", "ar");

#[component]
pub fn EditionTextsPageView() -> impl IntoView {
    let (org, conference) = (param("org"), param("conference"));
    let page = Resource::new(
        move || (org(), conference()),
        |(o, c)| load_edition_texts(o, c),
    );
    view! { <Loaded resource=page show=|page| view! { <Texts page /> } /> }
}

#[component]
fn Texts(page: TextsPage) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let errors = query_errors();
    let fields = FormFields::provide();
    let label =
        |key: fn(leptos_i18n::I18nContext<Locale>) -> String| Signal::derive(move || key(i18n));
    let title = t_string!(i18n, conferences.texts_title).to_string();
    let mut order: Vec<(usize, Locale)> = SWITCHER_ORDER.into_iter().enumerate().collect();
    order.sort_by_key(|(_, l)| l.as_str() != page.original);
    let in_use = if page.codes_in_use.is_empty() {
        String::new()
    } else {
        t_string!(
            i18n,
            conferences.texts_codes_in_use,
            codes = page.codes_in_use.join(", ")
        )
        .to_string()
    };
    let codes_hint = Signal::derive(move || {
        format!("{} {in_use}", t_string!(i18n, conferences.texts_codes_hint))
            .trim()
            .to_owned()
    });
    let form = page.form.clone();
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><TranslatedText labels=page.names.clone() reader=reader /></p>
        <h1>{title}</h1>
        <p class="lead">{t!(i18n, conferences.texts_lead)}</p>
        {page.saved.then(|| view! { <p class="notice" role="status" data-testid="texts-saved">{t!(i18n, conferences.texts_saved)}</p> })}
        <form method="post" action=SaveEditionTexts::PATH novalidate class="texts-form">
            <ErrorSummary errors fields />
            <input type="hidden" name="organization" value=page.organization.clone() />
            <input type="hidden" name="conference" value=page.conference.clone() />
            <Field name="codes" label=label(|i| t_string!(i, conferences.texts_codes).to_string()) hint=codes_hint errors>
                <textarea id="codes" name="form[codes]" rows="4" dir="ltr" aria-describedby="codes-hint codes-error">{form.codes.clone()}</textarea>
            </Field>
            {order.into_iter().map(|(at, locale)| {
                let lang = locale.as_str();
                let [name, themes, levels] = FIELDS[at];
                let value = |map: &std::collections::BTreeMap<String, String>| map.get(lang).cloned().unwrap_or_default();
                let (name_value, themes_value, levels_value) = (value(&form.names), value(&form.themes), value(&form.levels));
                let legend = if lang == page.original {
                    t_string!(i18n, conferences.texts_original, language = autonym(locale)).to_string()
                } else {
                    autonym(locale).to_owned()
                };
                let named = move |what: String| Signal::derive(move || format!("{what} · {}", autonym(locale)));
                view! {
                    <fieldset class="language-texts" lang=lang>
                        <legend>{legend}</legend>
                        <Field name=name label=label(|i| t_string!(i, conferences.new_edition_name).to_string())
                            summary=named(t_string!(i18n, conferences.new_edition_name).to_string()) errors>
                            <input id=name name=format!("form[names][{lang}]") type="text" maxlength="120" dir="auto" value=name_value aria-describedby=format!("{name}-error") />
                        </Field>
                        <Field name=themes label=label(|i| t_string!(i, conferences.texts_themes).to_string())
                            summary=named(t_string!(i18n, conferences.texts_themes).to_string()) errors>
                            <textarea id=themes name=format!("form[themes][{lang}]") rows=page.themes.max(2) dir="auto" aria-describedby=format!("{themes}-error")>{themes_value}</textarea>
                        </Field>
                        <Field name=levels label=label(|i| t_string!(i, conferences.texts_levels).to_string())
                            summary=named(t_string!(i18n, conferences.texts_levels).to_string()) errors>
                            <textarea id=levels name=format!("form[levels][{lang}]") rows="3" dir="auto" aria-describedby=format!("{levels}-error")>{levels_value}</textarea>
                        </Field>
                    </fieldset>
                }
            }).collect_view()}
            <button type="submit" class="primary">{t!(i18n, conferences.texts_save)}</button>
        </form>
    }
}
