//! A call's public page: what it is, its categories and awards, who may apply and with
//! which documents, how the jury scores, its calendar, and the way to apply.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::calls::call::rules::{ApplicantType, Phase};
use crate::calls::labels::{applicant_type, money, phase};
use crate::calls::public::api::{CallPage, load_call_page};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::text::ui::TranslatedText;
use crate::platform::timeline::ui::Calendar;
use crate::ui::kit::{Loaded, route_param};

#[component]
pub fn CallPageView() -> impl IntoView {
    let (org, call) = (route_param("org"), route_param("call"));
    let page = Resource::new(move || (org(), call()), |(o, c)| load_call_page(o, c));
    view! { <Loaded resource=page show=|page| view! { <CallBody page /> } /> }
}

#[component]
fn CallBody(page: CallPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let call = page.call.clone();
    let title = call.titles.text_or(&reader, &call.slug);
    let text = page
        .text_html
        .show(&reader)
        .map(|s| (s.lang.to_owned(), s.text.to_owned()));
    let apply = localized_path(
        locale,
        &format!("/o/{}/calls/{}/apply", page.organization, call.slug),
    );
    let rubric = call.rubric.clone();
    let currency = call.currency.clone();
    view! {
        <Title text=title.clone() />
        <p class="eyebrow">{t!(i18n, calls.call_eyebrow)} " · " {phase(i18n, call.phase)}</p>
        <h1><TranslatedText labels=call.titles.clone() reader=reader.clone() /></h1>
        {text.map(|(lang, html)| view! { <div class="prose" lang=lang dir="auto" inner_html=html></div> })}
        {(call.phase == Phase::Open).then(|| view! {
            <p><a class="button primary" href=apply.clone()>{t!(i18n, calls.apply_now)}</a></p>
        })}
        {(call.phase > Phase::Open).then(|| view! {
            <p><a href=apply.clone()>{t!(i18n, calls.see_my_application)}</a></p>
        })}
        {(call.phase >= Phase::Selection).then(|| {
            let base = format!("/o/{}/calls/{}", page.organization, call.slug);
            view! {
                <ul class="plain links">
                    <li><a href=localized_path(locale, &format!("{base}/results"))>{t!(i18n, calls.results_title)}</a></li>
                    {(call.phase >= Phase::Awards).then(|| view! {
                        <li><a href=localized_path(locale, &format!("{base}/winners"))>{t!(i18n, calls.winners_title)}</a></li>
                    })}
                </ul>
            }
        })}
        <h2>{t!(i18n, calls.categories)}</h2>
        <ul class="plain cards">
            {call.categories.iter().map(|c| {
                let awards = t_string!(i18n, calls.awards_of, n = c.awards, amount = money(&currency, c.incentive)).to_string();
                let sent = page.submitted.iter().find(|(code, _)| code == &c.code).map_or(0, |(_, n)| *n);
                view! {
                    <li class="card">
                        <h3><TranslatedText labels=c.names.clone() reader=reader.clone() /></h3>
                        <p>{awards}</p>
                        <p class="hint">{t_string!(i18n, calls.reserve_n, n = c.reserve).to_string()} " · " {t_string!(i18n, calls.submitted_n, n = sent).to_string()}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
        <h2>{t!(i18n, calls.who_applies)}</h2>
        <ul>
            {ApplicantType::ALL.into_iter().map(|kind| {
                let documents: Vec<String> = call.documents_for(kind).iter().map(|d| d.names.text_or(&reader, &d.code)).collect();
                let documents = if documents.is_empty() { t_string!(i18n, calls.no_documents).to_string() } else { documents.join(" · ") };
                view! { <li><strong>{applicant_type(i18n, kind)}</strong> ": " <span dir="auto">{documents}</span></li> }
            }).collect_view()}
        </ul>
        {(call.min_migrant_members > 0).then(|| view! {
            <p>{t_string!(i18n, calls.eligibility_migrants, n = call.min_migrant_members).to_string()}</p>
        })}
        <h2>{t!(i18n, calls.how_scored)}</h2>
        <table class="scores">
            <thead><tr><th scope="col">{t!(i18n, calls.criterion)}</th><th scope="col">{t!(i18n, calls.weight)}</th></tr></thead>
            <tbody>
                {rubric.criteria.iter().map(|c| view! {
                    <tr><td><TranslatedText labels=c.names.clone() reader=reader.clone() /></td><td>{format!("{} %", c.weight)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <p class="hint">{t_string!(i18n, calls.scale_hint, max = rubric.scale_max, minimum = format!("{:.2}", f64::from(rubric.minimum_score) / 100.0)).to_string()}</p>
        {(rubric.public_vote_weight > 0).then(|| view! {
            <p>{t_string!(i18n, calls.public_vote_hint, w = rubric.public_vote_weight).to_string()}</p>
        })}
        <Calendar phase=call.phase history=page.history.clone() deadlines=page.deadlines.clone() changes=page.changes.clone() label=phase />
    }
}
