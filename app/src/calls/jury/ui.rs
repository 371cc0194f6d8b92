//! The juror's page: the call's rubric, then each application of their categories — its
//! project, people and documents, their score form (a number per criterion and a
//! justification) and a form to declare a conflict of interest instead. Once the jury
//! closes, every juror's scores appear under each application. Plain forms, no script.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::calls::apply::http::document_url;
use crate::calls::apply::types::Application;
use crate::calls::jury::api::{
    DeclareApplicationConflict, JuryPage, ScoreApplication, ScoreView, load_jury_page,
};
use crate::calls::labels::{applicant_type, size};
use crate::i18n::{t, t_string, use_i18n};
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{FieldError, FormError, Loaded, problem, query_errors, route_param};

#[component]
pub fn JuryPageView() -> impl IntoView {
    let (org, call) = (route_param("org"), route_param("call"));
    let page = Resource::new(move || (org(), call()), |(o, c)| load_jury_page(o, c));
    view! { <Loaded resource=page show=|page| view! { <Jury page /> } /> }
}

fn keys(page: &JuryPage) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="organization" value=page.organization.clone() />
        <input type="hidden" name="call" value=page.call.slug.clone() />
    }
}

#[component]
fn Jury(page: JuryPage) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let errors = query_errors();
    let title = t_string!(i18n, calls.jury_title).to_string();
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><TranslatedText labels=page.call.titles.clone() reader=reader.clone() /></p>
        <h1>{title}</h1>
        <FormError errors />
        <p class="hint">{if page.closed { t!(i18n, calls.jury_closed_hint).into_any() } else { t!(i18n, calls.jury_hint).into_any() }}</p>
        {(!page.conflicted.is_empty()).then(|| view! {
            <p id="conflicts" class="notice">{t_string!(i18n, calls.jury_conflicts, receipts = page.conflicted.join(", ")).to_string()}</p>
        })}
        {page.applications.is_empty().then(|| view! { <p>{t!(i18n, calls.jury_none)}</p> })}
        <ol class="plain applications">
            {page.applications.iter().map(|a| view! { <Card page=page.clone() application=a.clone() /> }).collect_view()}
        </ol>
    }
}

#[component]
fn Card(page: JuryPage, application: Application) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let errors = query_errors();
    let id = application.id.0;
    let mine = page
        .mine
        .iter()
        .find(|s| s.application == application.id)
        .cloned();
    let others: Vec<ScoreView> = page
        .others
        .iter()
        .filter(|s| s.application == application.id)
        .cloned()
        .collect();
    let scale = page.call.rubric.scale_max;
    view! {
        <li class="card application" id=format!("application-{id}")>
            <h2 dir="auto"><bdi>{application.receipt.clone().unwrap_or_default()}</bdi> " · " <bdi>{application.draft.title.clone()}</bdi></h2>
            <p class="hint">{applicant_type(i18n, application.draft.applicant_type)} " · " {t_string!(i18n, calls.room_people, n = application.members().len(), migrants = application.members().iter().filter(|m| m.migrant).count()).to_string()}</p>
            <p dir="auto">{application.draft.summary.clone()}</p>
            <ul class="plain">
                {application.current_files().into_iter().map(|f| {
                    let name = crate::calls::labels::document_name(i18n, &page.call, &f.document, &reader);
                    view! { <li><a href=document_url(&page.organization, &page.call.slug, f.id) download="">{name}</a> " · " {size(f.size)}</li> }
                }).collect_view()}
            </ul>
            {mine.clone().map(|s| view! { <p class="notice" role="status">{t!(i18n, calls.jury_scored)} " " <ScoreLine score=s page=page.clone() /></p> })}
            {page.open.then(|| view! {
                <form method="post" action=ScoreApplication::PATH class="score-form" novalidate>
                    {keys(&page)}
                    <input type="hidden" name="application" value=id />
                    {page.call.rubric.criteria.iter().map(|c| {
                        let field = format!("scores.{}", c.code);
                        let input = format!("score-{id}-{}", c.code);
                        let value = mine.as_ref().and_then(|m| m.scores.get(&c.code)).map(|v| v.to_string()).unwrap_or_default();
                        let label = format!("{} ({} %) · 0–{scale}", c.names.text_or(&reader, &c.code), c.weight);
                        view! {
                            <label for=input.clone()>{label}</label>
                            <input id=input.clone() name=format!("scores[{}]", c.code) type="number" inputmode="numeric" min="0" max=scale value=value aria-describedby=format!("{input}-error") />
                            <p class="field-error" id=format!("{input}-error") role="alert">{move || problem(errors, &field)}</p>
                        }
                    }).collect_view()}
                    <label for=format!("justification-{id}")>{t!(i18n, calls.jury_justification)}</label>
                    <textarea id=format!("justification-{id}") name="justification" rows="4" maxlength="2000" dir="auto" aria-describedby="justification-error">{mine.as_ref().map(|m| m.justification.clone()).unwrap_or_default()}</textarea>
                    <FieldError errors name="justification" />
                    <button type="submit" class="primary">{t!(i18n, calls.jury_score)}</button>
                </form>
                <details class="conflict">
                    <summary>{t!(i18n, calls.jury_conflict)}</summary>
                    <form method="post" action=DeclareApplicationConflict::PATH class="conflict-form">
                        {keys(&page)}
                        <input type="hidden" name="application" value=id />
                        <label for=format!("conflict-{id}")>{t!(i18n, calls.jury_conflict_reason)}</label>
                        <textarea id=format!("conflict-{id}") name="reason" rows="2" maxlength="500" dir="auto"></textarea>
                        <button type="submit">{t!(i18n, calls.jury_conflict_yes)}</button>
                    </form>
                </details>
            })}
            {(!others.is_empty()).then(|| view! {
                <h3>{t!(i18n, calls.jury_others)}</h3>
                <ul>{others.into_iter().map(|s| view! { <li><ScoreLine score=s page=page.clone() /></li> }).collect_view()}</ul>
            })}
        </li>
    }
}

/// `j2: Impacto 4 · Viabilidad 3 — "justification"`.
#[component]
fn ScoreLine(score: ScoreView, page: JuryPage) -> impl IntoView {
    let reader = use_i18n().get_locale_untracked().as_str().to_owned();
    let parts: Vec<String> = page
        .call
        .rubric
        .criteria
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c.names.text_or(&reader, &c.code),
                score.scores.get(&c.code).copied().unwrap_or_default()
            )
        })
        .collect();
    view! {
        <span><strong>{score.juror.clone()}</strong> ": " <span dir="auto">{parts.join(" · ")}</span> " — " <q dir="auto">{score.justification.clone()}</q></span>
    }
}
