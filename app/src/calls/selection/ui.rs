//! A call's published selection: per category its winners and reserve, the full ranking
//! with jury, public and final scores, and the jury record — each juror's score per
//! criterion (numbered when the call keeps jurors anonymous); the three files that let
//! anyone recount it with `voz select`; and the awards' payments. Tables wider than a phone
//! scroll in a focusable region, so a keyboard can scroll them too.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::calls::labels::money;
use crate::calls::selection::PublishedSelection;
use crate::calls::selection::api::{ResultsPage, load_results_page};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{Loaded, route_param};

#[component]
pub fn SelectionPageView() -> impl IntoView {
    let (org, call) = (route_param("org"), route_param("call"));
    let page = Resource::new(move || (org(), call()), |(o, c)| load_results_page(o, c));
    view! { <Loaded resource=page show=|page| view! { <Results page /> } /> }
}

fn score(n: f64) -> String {
    format!("{n:.2}")
}

#[component]
fn Results(page: ResultsPage) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let title = t_string!(i18n, calls.results_title).to_string();
    let Some(record) = page.record.clone() else {
        return view! {
            <Title text=title.clone() />
            <h1>{title}</h1>
            <p class="notice">{t!(i18n, calls.results_not_yet)}</p>
        }
        .into_any();
    };
    let base = format!("/export/{}/calls/{}", page.organization, page.call.slug);
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><TranslatedText labels=page.call.titles.clone() reader=reader.clone() /></p>
        <h1>{title}</h1>
        <p class="hint">{t!(i18n, calls.results_recount)}</p>
        {(!page.awards.is_empty()).then(|| view! {
            <p><a href=localized_path(i18n.get_locale_untracked(), &format!("/o/{}/calls/{}/winners", page.organization, page.call.slug))>{t!(i18n, calls.winners_title)}</a></p>
        })}
        <ul class="plain downloads">
            {["call.json", "scores.jsonl", "votes.json"].into_iter().map(|f| view! { <li><a href=format!("{base}/{f}") download="">{f}</a></li> }).collect_view()}
        </ul>
        {page.call.categories.iter().map(|c| {
            let result = record.result.categories.get(&c.code).cloned();
            view! {
                <section class="results-category" aria-labelledby=format!("results-{}", c.code)>
                    <h2 id=format!("results-{}", c.code)><TranslatedText labels=c.names.clone() reader=reader.clone() /></h2>
                    {result.map(|r| view! { <Category record=record.clone() page=page.clone() result=r /> })}
                </section>
            }
        }).collect_view()}
    }
    .into_any()
}

#[component]
fn Category(
    record: PublishedSelection,
    page: ResultsPage,
    result: crate::calls::select::CategorySelection,
) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let title_of = |id: &str| record.titles.get(id).cloned().unwrap_or_default();
    let award = |id: &str| page.awards.iter().find(|a| a.receipt == id).cloned();
    let criteria = page.call.rubric.criteria.clone();
    view! {
        <h3>{t!(i18n, calls.results_winners)}</h3>
        {result.winners.is_empty().then(|| view! { <p class="hint">{t!(i18n, calls.results_none)}</p> })}
        <ol class="winners">
            {result.winners.iter().map(|id| {
                let paid = award(id).map(|a| match a.paid_on {
                    Some(day) => t_string!(i18n, calls.results_paid, amount = money(&page.call.currency, a.amount), day = day).to_string(),
                    None => t_string!(i18n, calls.results_unpaid, amount = money(&page.call.currency, a.amount)).to_string(),
                });
                view! { <li><strong dir="auto">{title_of(id)}</strong> " · " <bdi>{id.clone()}</bdi> {paid.map(|p| view! { <span class="hint">" · " {p}</span> })}</li> }
            }).collect_view()}
        </ol>
        {(!result.reserve.is_empty()).then(|| view! {
            <h3>{t!(i18n, calls.results_reserve)}</h3>
            <ol>{result.reserve.iter().map(|id| view! { <li><span dir="auto">{title_of(id)}</span> " · " <bdi>{id.clone()}</bdi></li> }).collect_view()}</ol>
        })}
        <div class="table-scroll" tabindex="0" role="region" aria-label=t_string!(i18n, calls.results_ranking).to_string()>
            <table class="scores">
                <caption>{t!(i18n, calls.results_ranking)}</caption>
                <thead><tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{t!(i18n, calls.project_title)}</th>
                    <th scope="col">{t!(i18n, calls.results_jury)}</th>
                    <th scope="col">{t!(i18n, calls.results_public)}</th>
                    <th scope="col">{t!(i18n, calls.results_final)}</th>
                </tr></thead>
                <tbody>
                    {result.ranking.iter().enumerate().map(|(n, r)| view! {
                        <tr>
                            <td>{n + 1}</td>
                            <td><span dir="auto">{title_of(&r.id)}</span> " " <bdi class="hint">{r.id.clone()}</bdi></td>
                            <td>{score(r.jury)}</td>
                            <td>{score(r.public)}</td>
                            <td><strong>{score(r.final_score)}</strong></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <details class="acta">
            <summary>{t!(i18n, calls.results_acta)}</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label=t_string!(i18n, calls.results_acta).to_string()>
                <table class="scores">
                    <thead><tr>
                        <th scope="col">{t!(i18n, calls.receipt)}</th>
                        <th scope="col">{t!(i18n, calls.room_juror)}</th>
                        {criteria.iter().map(|c| view! { <th scope="col">{c.names.text_or(&reader, &c.code)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {record.scores.iter().filter(|l| result.ranking.iter().any(|r| r.id == l.application)).map(|l| view! {
                            <tr>
                                <td><bdi>{l.application.clone()}</bdi></td>
                                <td>{l.juror.clone()}</td>
                                {criteria.iter().map(|c| view! { <td>{l.scores.get(&c.code).copied().unwrap_or_default()}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
