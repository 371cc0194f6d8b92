//! The systematization team's room: a theme at a time (a plain GET choice), its
//! consolidated proposals with an edit form each, the form that merges chosen proposals,
//! and the theme's proposals from every event to choose from (or mark out of scope).

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::conferences::consolidation::api::{
    Consolidate, ConsolidatedRow, ConsolidationRoom, EditConsolidated, SetProposalOutcome,
    load_consolidation,
};
use crate::conferences::consolidation::rules::ConsolidatedForm;
use crate::conferences::proposal::rules::ProposalStatus;
use crate::conferences::public::ui::{param, status};
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{
    ErrorSummary, Field, FieldError, FormError, FormFields, Loaded, query_errors,
};
use leptos::server_fn::ServerFn as _;

#[component]
pub fn ConsolidationPageView() -> impl IntoView {
    let (org, conference) = (param("org"), param("conference"));
    let query = use_query_map();
    let theme = move || query.with(|q| q.get("theme").unwrap_or_default());
    let page = Resource::new(
        move || (org(), conference(), theme()),
        |(o, c, t)| load_consolidation(o, c, t),
    );
    view! { <Loaded resource=page show=|room| view! { <Room room /> } /> }
}

fn keys(room: &ConsolidationRoom) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="organization" value=room.organization.clone() />
        <input type="hidden" name="conference" value=room.conference.clone() />
    }
}

#[component]
fn Room(room: ConsolidationRoom) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let errors = query_errors();
    let fields = FormFields::provide();
    let label =
        |key: fn(leptos_i18n::I18nContext<Locale>) -> String| Signal::derive(move || key(i18n));
    let here = localized_path(
        locale,
        &format!(
            "/staff/{}/conferences/{}/consolidation",
            room.organization, room.conference
        ),
    );
    let title = t_string!(i18n, conferences.consolidation_title).to_string();
    let totals = t_string!(
        i18n,
        conferences.consolidation_totals,
        proposals = room.totals.0,
        consolidated = room.totals.1,
        motions = room.totals.2
    )
    .to_string();
    let draft = room.draft.clone().unwrap_or_else(|| ConsolidatedForm {
        theme: room.theme.to_string(),
        motion: false,
        title: String::new(),
        body: String::new(),
        sources: Vec::new(),
    });
    let chosen = |id: i64| draft.sources.iter().any(|s| s.trim() == id.to_string());
    let theme_options: Vec<(String, String)> = room
        .themes
        .iter()
        .map(|(n, names)| {
            (
                n.to_string(),
                format!("E{n} · {}", names.text_or(&reader, "")),
            )
        })
        .collect();
    let selected = room.theme.to_string();
    fields.register(
        "sources",
        "sources",
        label(|i| t_string!(i, conferences.consolidation_sources).to_string()),
    );
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><TranslatedText labels=room.names.clone() reader=reader.clone() /></p>
        <h1>{title}</h1>
        <p data-testid="consolidation-totals">{totals}</p>
        {(!room.open).then(|| view! { <p class="notice">{t!(i18n, conferences.consolidation_closed)}</p> })}
        <FormError errors />
        <form method="get" action=here class="filters">
            <label for="theme-choice">{t!(i18n, conferences.proposal_theme)}</label>
            <select id="theme-choice" name="theme">
                {theme_options.iter().map(|(value, name)| view! { <option value=value.clone() selected=*value == selected>{name.clone()}</option> }).collect_view()}
            </select>
            <button type="submit">{t!(i18n, conferences.consolidation_show)}</button>
        </form>
        <h2>{t_string!(i18n, conferences.consolidation_existing, n = room.consolidated.len()).to_string()}</h2>
        <ul class="plain consolidated-rows">
            {room.consolidated.iter().map(|row| view! { <Row row=row.clone() room=room.clone() /> }).collect_view()}
        </ul>
        <h2>{t!(i18n, conferences.consolidation_new)}</h2>
        <form method="post" action=Consolidate::PATH novalidate class="consolidate-form">
            <ErrorSummary errors fields />
            {keys(&room)}
            <input type="hidden" name="form[theme]" value=room.theme />
            <Field name="title" label=label(|i| t_string!(i, conferences.write_title).to_string()) errors>
                <input id="title" name="form[title]" type="text" maxlength="200" dir="auto" value=draft.title.clone() aria-describedby="title-error" />
            </Field>
            <Field name="body" label=label(|i| t_string!(i, conferences.write_body).to_string()) errors>
                <textarea id="body" name="form[body]" rows="6" maxlength="5000" dir="auto" aria-describedby="body-error">{draft.body.clone()}</textarea>
            </Field>
            <label class="checkbox" for="motion">
                <input type="checkbox" id="motion" name="form[motion]" value="true" checked=draft.motion />
                {t!(i18n, conferences.consolidation_motion)}
            </label>
            <fieldset id="sources" tabindex="-1" aria-describedby="sources-error">
                <legend>{t!(i18n, conferences.consolidation_sources)}</legend>
                <p class="hint">{t!(i18n, conferences.consolidation_sources_hint)}</p>
                {room.proposals.iter().enumerate().map(|(n, p)| {
                    let usable = !matches!(p.status, ProposalStatus::Hidden | ProposalStatus::Withdrawn);
                    let id = format!("source-{}", p.id);
                    let into = (!p.into.is_empty()).then(|| format!(" → {}", p.into.join(", ")));
                    view! {
                        <label class="checkbox source" for=id.clone()>
                            <input type="checkbox" id=id.clone() name=format!("form[sources][{n}]") value=p.id checked=chosen(p.id) disabled=!usable />
                            <span>
                                <strong>{format!("#{} ", p.id)}</strong><bdi>{p.title.clone()}</bdi>
                                <span class="hint">" · " <bdi>{p.event.clone()}</bdi> " · " {status(i18n, p.status)} {into}</span>
                            </span>
                        </label>
                    }
                }).collect_view()}
                <FieldError errors name="sources" />
            </fieldset>
            <button type="submit" class="primary">{t!(i18n, conferences.consolidation_create)}</button>
        </form>
        <h2>{t!(i18n, conferences.consolidation_scope)}</h2>
        <form method="post" action=SetProposalOutcome::PATH class="outcome-form">
            {keys(&room)}
            <label for="scope-proposal">{t!(i18n, conferences.consolidation_scope_number)}</label>
            <input id="scope-proposal" name="proposal" type="number" min="1" />
            <div class="actions">
                <button type="submit" name="outcome" value="out_of_scope">{t!(i18n, conferences.consolidation_out_of_scope)}</button>
                <button type="submit" name="outcome" value="open">{t!(i18n, conferences.consolidation_reopen)}</button>
            </div>
        </form>
    }
}

/// A consolidated proposal of the theme, with its edit form folded.
#[component]
fn Row(row: ConsolidatedRow, room: ConsolidationRoom) -> impl IntoView {
    let i18n = use_i18n();
    let public = localized_path(
        i18n.get_locale_untracked(),
        &format!(
            "/o/{}/c/{}/consolidated/{}",
            room.organization, room.conference, row.code
        ),
    );
    let sources = row
        .sources
        .iter()
        .map(|s| format!("#{s}"))
        .collect::<Vec<_>>()
        .join(" ");
    let typed = row
        .sources
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    let (title_id, body_id, sources_id) = (
        format!("title-{}", row.code),
        format!("body-{}", row.code),
        format!("sources-{}", row.code),
    );
    view! {
        <li class="consolidated-row" id=row.code.clone()>
            <a href=public dir="auto"><strong><bdi>{row.code.clone()}</bdi></strong> " " <bdi>{row.title.clone()}</bdi></a>
            <span class="hint">" · " {sources}</span>
            <details class="edit-consolidated">
                <summary>{t!(i18n, conferences.consolidation_edit)}</summary>
                <form method="post" action=EditConsolidated::PATH class="consolidate-form">
                    {keys(&room)}
                    <input type="hidden" name="code" value=row.code.clone() />
                    <input type="hidden" name="form[theme]" value=room.theme />
                    {row.motion.then(|| view! { <input type="hidden" name="form[motion]" value="true" /> })}
                    <label for=title_id.clone()>{t!(i18n, conferences.write_title)}</label>
                    <input id=title_id name="form[title]" type="text" maxlength="200" dir="auto" value=row.title.clone() />
                    <label for=body_id.clone()>{t!(i18n, conferences.write_body)}</label>
                    <textarea id=body_id name="form[body]" rows="6" maxlength="5000" dir="auto">{row.body.clone()}</textarea>
                    <label for=sources_id.clone()>{t!(i18n, conferences.consolidation_sources_numbers)}</label>
                    <input id=sources_id name="form[sources][0]" type="text" dir="ltr" value=typed />
                    <button type="submit" class="primary">{t!(i18n, conferences.consolidation_save)}</button>
                </form>
            </details>
        </li>
    }
}
