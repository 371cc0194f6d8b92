//! On an event's page: register (with the quota's one question), what the reader's
//! registration allows, the door's list for whoever runs the event, and the proposal form
//! for those checked in.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_router::hooks::use_query_map;

use crate::conferences::edition::rules::Level;
use crate::conferences::participate::api::{JoinEvent, MyPart, SubmitProposal};
use crate::conferences::public::api::ThemeCount;
use crate::conferences::public::ui::language_name;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{ErrorSummary, Field, FieldError, FormError, FormFields, query_errors};
use leptos::server_fn::ServerFn as _;

/// The event's "take part" section.
#[component]
pub fn TakePart(
    part: MyPart,
    organization: String,
    conference: String,
    event: String,
    themes: Vec<ThemeCount>,
    levels: Vec<Level>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let joined = use_query_map().with_untracked(|q| q.get("joined").is_some());
    let errors = query_errors();
    let sign_in = localized_path(locale, "/sign-in");
    let door = localized_path(
        locale,
        &format!("/o/{organization}/c/{conference}/events/{event}/check-in"),
    );
    let hidden = {
        let (o, c, e) = (organization.clone(), conference.clone(), event.clone());
        move || {
            view! {
                <input type="hidden" name="organization" value=o.clone() />
                <input type="hidden" name="conference" value=c.clone() />
                <input type="hidden" name="event" value=e.clone() />
            }
        }
    };
    let status = if !part.signed_in {
        part.registration_open.then(|| {
            view! { <p><a class="button primary" href=sign_in>{t!(i18n, conferences.part_sign_in)}</a></p> }.into_any()
        })
    } else if part.checked_in {
        Some(view! { <p class="notice" data-testid="part-status">{t!(i18n, conferences.part_checked_in)}</p> }.into_any())
    } else if part.registered {
        Some(view! { <p class="notice" data-testid="part-status">{t!(i18n, conferences.part_registered)}</p> }.into_any())
    } else if part.registration_open {
        Some(view! {
            <form method="post" action=JoinEvent::PATH class="join-form">
                {hidden()}
                <fieldset id="migrant" tabindex="-1" aria-describedby="migrant-hint migrant-error">
                    <legend>{t!(i18n, conferences.part_migrant_legend)}</legend>
                    <p class="hint" id="migrant-hint">{t!(i18n, conferences.part_migrant_hint)}</p>
                    <label class="radio" for="migrant-yes"><input type="radio" id="migrant-yes" name="migrant" value="yes" />{t!(i18n, conferences.part_yes)}</label>
                    <label class="radio" for="migrant-no"><input type="radio" id="migrant-no" name="migrant" value="no" />{t!(i18n, conferences.part_no)}</label>
                    <FieldError errors name="migrant" />
                </fieldset>
                <button type="submit" class="primary">{t!(i18n, conferences.part_register)}</button>
            </form>
        }.into_any())
    } else {
        None
    };
    view! {
        <section class="segment take-part" id="take-part">
            <h2>{t!(i18n, conferences.part_heading)}</h2>
            <FormError errors />
            {joined.then(|| view! { <p class="notice" role="status">{t!(i18n, conferences.part_joined)}</p> })}
            {status}
            {part.runs_event.then(|| view! { <p><a class="button" href=door>{t!(i18n, conferences.door_link)}</a></p> })}
            {(part.checked_in && part.writing_open).then(|| view! {
                <ProposalForm draft=part.draft.clone().unwrap_or_default() themes=themes.clone() levels=levels.clone() locale errors>
                    {hidden()}
                </ProposalForm>
            })}
        </section>
    }
}

/// The proposal form: theme, level, the language it is written in (the reader's by
/// default), title and text; a refused form comes back as typed.
#[component]
fn ProposalForm(
    draft: crate::conferences::proposal::ProposalForm,
    themes: Vec<ThemeCount>,
    levels: Vec<Level>,
    locale: Locale,
    errors: RwSignal<Option<crate::error::AppError>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let reader = locale.as_str().to_owned();
    let fields = FormFields::provide();
    let label =
        |key: fn(leptos_i18n::I18nContext<Locale>) -> String| Signal::derive(move || key(i18n));
    // The options' words, in the reader's language (an option holds text only).
    let themes: Vec<(String, String)> = themes
        .iter()
        .map(|t| {
            (
                t.number.to_string(),
                format!("E{} · {}", t.number, t.names.text_or(&reader, "")),
            )
        })
        .collect();
    let levels: Vec<(String, String)> = levels
        .iter()
        .map(|l| (l.code.clone(), l.names.text_or(&reader, &l.code)))
        .collect();
    let language = if draft.language.is_empty() {
        reader.clone()
    } else {
        draft.language.clone()
    };
    view! {
        <h3>{t!(i18n, conferences.write_heading)}</h3>
        <form method="post" action=SubmitProposal::PATH novalidate class="proposal-form">
            <ErrorSummary errors fields />
            {children()}
            <Field name="theme" label=label(|i| t_string!(i, conferences.proposal_theme).to_string()) errors>
                <select id="theme" name="form[theme]" aria-describedby="theme-error">
                    <option value="">{t!(i18n, conferences.write_choose)}</option>
                    {themes.into_iter().map(|(value, name)| view! {
                        <option value=value.clone() selected=draft.theme == value>{name}</option>
                    }).collect_view()}
                </select>
            </Field>
            <Field name="level" label=label(|i| t_string!(i, conferences.proposal_level).to_string()) errors>
                <select id="level" name="form[level]" aria-describedby="level-error">
                    <option value="">{t!(i18n, conferences.write_choose)}</option>
                    {levels.into_iter().map(|(code, name)| view! {
                        <option value=code.clone() selected=draft.level == code>{name}</option>
                    }).collect_view()}
                </select>
            </Field>
            <Field name="language" label=label(|i| t_string!(i, conferences.proposal_language).to_string()) errors>
                <select id="language" name="form[language]" aria-describedby="language-error">
                    {Locale::get_all().iter().map(|l| {
                        let code = l.as_str();
                        view! { <option value=code selected=language == code lang=code>{language_name(code)}</option> }
                    }).collect_view()}
                </select>
            </Field>
            <Field name="title" label=label(|i| t_string!(i, conferences.write_title).to_string()) errors>
                <input id="title" name="form[title]" type="text" maxlength="200" dir="auto" value=draft.title.clone() aria-describedby="title-error" />
            </Field>
            <Field name="body" label=label(|i| t_string!(i, conferences.write_body).to_string())
                hint=label(|i| t_string!(i, conferences.write_body_hint).to_string()) errors>
                <textarea id="body" name="form[body]" rows="8" maxlength="5000" dir="auto" aria-describedby="body-hint body-error">{draft.body.clone()}</textarea>
            </Field>
            <button type="submit" class="primary">{t!(i18n, conferences.write_submit)}</button>
        </form>
    }
}
