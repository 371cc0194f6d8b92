//! A proposal's public page: what it says (in the reader's language when translated, the
//! original one tap away), where it was written, and what became of it.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use super::{EditionCrumb, conference_path, language_name, param, status};
use crate::conferences::participate::api::{ProposalPart, load_proposal_part};
use crate::conferences::participate::ui::Deliberation;
use crate::conferences::proposal::rules::ProposalStatus;
use crate::conferences::public::api::{ProposalPage, load_proposal};
use crate::i18n::{t, t_string, use_i18n};
use crate::platform::text::labels::direction;
use crate::platform::text::ui::{Original, TranslatedText};
use crate::ui::kit::{Fact, Facts, Loaded};

#[component]
pub fn ProposalPageView() -> impl IntoView {
    let (org, conference, proposal) = (param("org"), param("conference"), param("proposal"));
    let page = Resource::new(
        move || (org(), conference(), proposal()),
        |(o, c, p)| async move {
            let id = p
                .parse::<i64>()
                .map_err(|_| crate::error::AppError::new(crate::error::ErrorCode::NotFound))?;
            let page = load_proposal(o.clone(), c.clone(), id).await?;
            Ok((page, load_proposal_part(o, c, id).await?))
        },
    );
    view! { <Loaded resource=page show=|(page, part)| view! { <Proposal page part /> } /> }
}

#[component]
fn Proposal(page: ProposalPage, part: ProposalPart) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let card = page.card.clone();
    let hidden = card.status == ProposalStatus::Hidden;
    let title = if hidden {
        t_string!(i18n, conferences.status_hidden).to_owned()
    } else {
        card.title.text_or(&reader, "")
    };
    let event_href = conference_path(&page.head, &format!("/events/{}", card.event));
    // The text in the reader's language, else the original; the original folded below.
    let body = page
        .body_html
        .iter()
        .find(|(lang, _)| *lang == reader)
        .or_else(|| page.body_html.first())
        .cloned();
    let original = page
        .body_html
        .first()
        .cloned()
        .filter(|(lang, _)| Some(lang) != body.as_ref().map(|(l, _)| l));
    let written_in = page.body_html.first().map(|(lang, _)| language_name(lang));
    let (theme_reader, level_reader) = (reader.clone(), reader.clone());
    let deliberation = view! { <Deliberation page=page.clone() part /> };
    view! {
        <Title text=title.clone() />
        <EditionCrumb head=page.head.clone() />
        <h1>
            {if hidden {
                view! { <em>{title}</em> }.into_any()
            } else {
                view! { <TranslatedText labels=card.title.clone() reader=reader.clone() /> }.into_any()
            }}
        </h1>
        <p><span class=format!("status proposal-{}", card.status.code()) data-testid="proposal-status">{status(i18n, card.status)}</span></p>
        <Facts>
            <Fact term=t!(i18n, conferences.proposal_event)><a href=event_href dir="auto">{card.event_name.clone()}</a></Fact>
            <Fact term=t!(i18n, conferences.proposal_theme)>
                {format!("E{} · ", card.theme)}<TranslatedText labels=page.theme.clone() reader=theme_reader />
            </Fact>
            <Fact term=t!(i18n, conferences.proposal_level)><TranslatedText labels=page.level.clone() reader=level_reader /></Fact>
            {written_in.map(|name| view! { <Fact term=t!(i18n, conferences.proposal_language)>{name}</Fact> })}
            <Fact term=t!(i18n, conferences.proposal_supports) testid="supports">{card.supports}</Fact>
        </Facts>
        {if hidden {
            view! {
                <p class="notice">
                    {t!(i18n, conferences.hidden_explained)}
                    {page.hidden_reason.clone().map(|reason| view! { " " <span dir="auto">{t_string!(i18n, conferences.hidden_reason, reason = reason).to_string()}</span> })}
                </p>
            }.into_any()
        } else {
            view! {
                {body.map(|(lang, html)| view! { <div class="proposal-text" lang=lang.clone() dir=direction(&lang) inner_html=html></div> })}
                {original.map(|(lang, html)| view! {
                    <details class="original">
                        <summary>{t!(i18n, common.text_original)}</summary>
                        <div lang=lang.clone() dir=direction(&lang) inner_html=html></div>
                    </details>
                })}
                <Original labels=card.title.clone() reader=reader.clone() />
            }.into_any()
        }}
        <h2>{t!(i18n, conferences.became_heading)}</h2>
        {if page.fed.is_empty() {
            let why = match card.status {
                ProposalStatus::OutOfScope => t_string!(i18n, conferences.became_out_of_scope),
                ProposalStatus::Withdrawn => t_string!(i18n, conferences.became_withdrawn),
                _ if page.head.phase.consolidated() => t_string!(i18n, conferences.became_nothing),
                _ => t_string!(i18n, conferences.became_not_yet),
            };
            view! { <p data-testid="became">{why}</p> }.into_any()
        } else {
            view! {
                <ul class="plain" data-testid="became">
                    {page.fed.iter().map(|f| {
                        let href = conference_path(&page.head, &format!("/consolidated/{}", f.code));
                        let kind = if f.motion { t_string!(i18n, conferences.motion) } else { t_string!(i18n, conferences.consolidated_proposal) };
                        view! {
                            <li><a href=href dir="auto"><strong><bdi>{f.code.clone()}</bdi></strong> " " <bdi>{f.title.clone()}</bdi></a>
                            <span class="hint">{kind}</span></li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {deliberation}
    }
}
