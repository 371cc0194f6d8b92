//! A consolidated proposal's (or motion's) public page: its text, every source proposal
//! with its event, and every version of its text with what changed.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use super::{EditionCrumb, ProposalList, Versions, conference_path, param, result_label};
use crate::conferences::public::api::{ConsolidatedPage, load_consolidated};
use crate::i18n::{t, t_string, use_i18n};
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{Fact, Facts, Loaded};

#[component]
pub fn ConsolidatedPageView() -> impl IntoView {
    let (org, conference, code) = (param("org"), param("conference"), param("code"));
    let page = Resource::new(
        move || (org(), conference(), code()),
        |(o, c, code)| load_consolidated(o, c, code),
    );
    view! { <Loaded resource=page show=|page| view! { <Consolidated page /> } /> }
}

#[component]
fn Consolidated(page: ConsolidatedPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let kind = if page.motion {
        t_string!(i18n, conferences.motion)
    } else {
        t_string!(i18n, conferences.consolidated_proposal)
    };
    let events = {
        let mut names: Vec<&str> = page.sources.iter().map(|s| s.event_name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names.len()
    };
    let sources_heading = t_string!(
        i18n,
        conferences.sources_heading,
        n = page.sources.len(),
        events = events
    )
    .to_string();
    view! {
        <Title text=format!("{} · {}", page.code, page.title) />
        <EditionCrumb head=page.head.clone() />
        <p class="eyebrow">{kind}</p>
        // The code and its title read as one line in the title's direction.
        <h1 dir="auto"><bdi>{page.code.clone()}</bdi> " " <bdi>{page.title.clone()}</bdi></h1>
        <Facts>
            <Fact term=t!(i18n, conferences.proposal_theme)>
                {format!("E{} · ", page.theme)}<TranslatedText labels=page.theme_names.clone() reader=reader />
            </Fact>
        </Facts>
        <div class="proposal-text" dir="auto" inner_html=page.body_html.clone()></div>
        {page.plenary.clone().map(|line| {
            let votes = t_string!(i18n, conferences.plenary_votes_line, approve = line.approve, reject = line.reject, abstain = line.abstain, priority = line.priority).to_string();
            view! {
                <h2>{t!(i18n, conferences.plenary_title)}</h2>
                <p><span class=format!("status proposal-{}", line.result) data-testid="plenary-result">{result_label(i18n, &line.result)}</span> " " {votes}</p>
            }
        })}
        {(!page.actions.is_empty()).then(|| {
            let links = page.actions.iter().map(|code| {
                let href = conference_path(&page.head, &format!("/plan#{code}"));
                view! { <li><a href=href dir="ltr">{code.clone()}</a></li> }
            }).collect_view();
            view! {
                <h2>{t!(i18n, conferences.plan_title)}</h2>
                <ul class="inline-links" data-testid="plan-actions">{links}</ul>
            }
        })}
        <h2 data-testid="sources-heading">{sources_heading}</h2>
        <ProposalList head=page.head.clone() proposals=page.sources.clone() with_event=true />
        <Versions versions=page.versions.clone() />
    }
}
