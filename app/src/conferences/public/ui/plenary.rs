//! The plenary's results, theme by theme, with every item's votes; printable as the
//! plenary's report.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use super::{EditionCrumb, conference_path, param, result_label};
use crate::conferences::edition::rules::Phase;
use crate::conferences::public::api::{PlenaryPage, load_plenary};
use crate::i18n::{t, t_string, use_i18n};
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{Loaded, PrintButton};

#[component]
pub fn PlenaryPageView() -> impl IntoView {
    let (org, conference) = (param("org"), param("conference"));
    let page = Resource::new(move || (org(), conference()), |(o, c)| load_plenary(o, c));
    view! { <Loaded resource=page show=|page| view! { <Plenary page /> } /> }
}

#[component]
fn Plenary(page: PlenaryPage) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let title = t_string!(i18n, conferences.plenary_title).to_owned();
    // Narrow screens show each row as a card, each number after its column's name.
    let labels = (
        t_string!(i18n, conferences.plenary_approve),
        t_string!(i18n, conferences.plenary_reject),
        t_string!(i18n, conferences.plenary_abstain),
        t_string!(i18n, conferences.plenary_priority),
    );
    let credentials = t_string!(
        i18n,
        conferences.plenary_credentials,
        credentialled = page.credentialled,
        replacements = page.replacements
    )
    .to_string();
    view! {
        <Title text=title.clone() />
        <EditionCrumb head=page.head.clone() />
        <h1>{title}</h1>
        <p>{credentials}</p>
        <PrintButton class="print-button no-print">{t!(i18n, conferences.plenary_print)}</PrintButton>
        {(page.head.phase == Phase::Plenary).then(|| view! {
            <p class="no-print"><a href=conference_path(&page.head, "/plenary/vote")>{t!(i18n, conferences.plenary_ballot_link)}</a></p>
        })}
        {page.themes.is_empty().then(|| view! { <p class="hint">{t!(i18n, conferences.plenary_none)}</p> })}
        {page.themes.into_iter().map(|(theme, names, lines)| {
            let heading = if theme == 0 {
                view! { <h2>{t!(i18n, conferences.plenary_motions)}</h2> }.into_any()
            } else {
                view! { <h2><span class="theme-code">{format!("E{theme}")}</span> " " <TranslatedText labels=names reader=reader.clone() /></h2> }.into_any()
            };
            view! {
                <section class="segment-results">
                    {heading}
                    <div class="table-scroll">
                        <table class="plenary-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, conferences.plenary_item)}</th>
                                    <th scope="col" class="num">{t!(i18n, conferences.plenary_approve)}</th>
                                    <th scope="col" class="num">{t!(i18n, conferences.plenary_reject)}</th>
                                    <th scope="col" class="num">{t!(i18n, conferences.plenary_abstain)}</th>
                                    <th scope="col" class="num">{t!(i18n, conferences.plenary_priority)}</th>
                                    <th scope="col">{t!(i18n, conferences.plenary_result)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {lines.into_iter().map(|line| {
                                    let href = conference_path(&page.head, &format!("/consolidated/{}", line.code));
                                    view! {
                                        <tr class=format!("result-{}", line.result)>
                                            <th scope="row" dir="auto"><a href=href><bdi>{line.code.clone()}</bdi></a> " " <bdi>{line.title.clone()}</bdi></th>
                                            <td class="num" data-label=labels.0>{line.approve}</td>
                                            <td class="num" data-label=labels.1>{line.reject}</td>
                                            <td class="num" data-label=labels.2>{line.abstain}</td>
                                            <td class="num" data-label=labels.3>{line.priority}</td>
                                            <td><span class=format!("status proposal-{}", line.result)>{result_label(i18n, &line.result)}</span></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        }).collect_view()}
    }
}
