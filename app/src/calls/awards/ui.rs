//! The awards on screen: the public page of winners and their initiatives, the call
//! team's follow-up of each award in the room (payment, report, visits), and the winner's
//! own section on their application page (payment and final report).

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::I18nContext;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::calls::apply::api::UploadApplicationDocument;
use crate::calls::apply::http::document_url;
use crate::calls::awards::api::{
    RecordAwardPayment, RecordAwardVisit, WinnersPage, load_winners_page,
};
use crate::calls::awards::{Award, FINAL_REPORT, MAX_VISIT_NOTE};
use crate::calls::call::rules::{Call, Phase};
use crate::calls::labels::{applicant_type, money};
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::text::dates::long_date;
use crate::platform::text::ui::TranslatedText;
use crate::platform::timeline::ui::day;
use crate::ui::kit::{FieldError, Loaded, query_errors, route_param};

/// The payments, reports and visits are recorded in these phases.
pub fn following_up(phase: Phase) -> bool {
    matches!(phase, Phase::Awards | Phase::FollowUp)
}

/// A stored day (`YYYY-MM-DD`) written the reader's way.
fn written(day: &str, locale: Locale) -> String {
    day.parse::<crate::calendar::Date>()
        .map_or_else(|_| day.to_owned(), |d| long_date(d, locale))
}

/// "… paid on …" or "… payment pending".
fn payment(i18n: I18nContext<Locale>, currency: &str, award: &Award) -> String {
    let amount = money(currency, award.amount);
    let locale = i18n.get_locale_untracked();
    match &award.paid_on {
        Some(on) => {
            let day = written(on, locale);
            t_string!(i18n, calls.results_paid, amount = amount, day = day).to_string()
        }
        None => t_string!(i18n, calls.results_unpaid, amount = amount).to_string(),
    }
}

/// The report's and the visits' state in a sentence each.
fn follow_up_lines(i18n: I18nContext<Locale>, award: &Award) -> (String, String) {
    let locale = i18n.get_locale_untracked();
    let report = match &award.report {
        Some(r) => {
            t_string!(i18n, calls.award_report_received, day = day(r.at, locale)).to_string()
        }
        None => t_string!(i18n, calls.award_report_missing).to_string(),
    };
    let visits = match award.visits.last() {
        Some(last) => t_string!(
            i18n,
            calls.award_visits,
            n = award.visits.len(),
            day = written(&last.on, locale)
        )
        .to_string(),
        None => t_string!(i18n, calls.award_no_visits).to_string(),
    };
    (report, visits)
}

/// `/<lang>/o/<org>/calls/<call>/winners`: per category, each winner's initiative, its
/// award and how its follow-up goes; and the call's open data.
#[component]
pub fn WinnersPageView() -> impl IntoView {
    let (org, call) = (route_param("org"), route_param("call"));
    let page = Resource::new(move || (org(), call()), |(o, c)| load_winners_page(o, c));
    view! { <Loaded resource=page show=|page| view! { <Winners page /> } /> }
}

#[component]
fn Winners(page: WinnersPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let title = t_string!(i18n, calls.winners_title).to_string();
    let call = page.call.clone();
    let results = localized_path(
        locale,
        &format!("/o/{}/calls/{}/results", page.organization, call.slug),
    );
    let data = format!("/export/{}/calls/{}", page.organization, call.slug);
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><TranslatedText labels=call.titles.clone() reader=reader.clone() /></p>
        <h1>{title}</h1>
        {page.awards.is_empty().then(|| view! { <p class="notice">{t!(i18n, calls.winners_none)}</p> })}
        {call.categories.iter().map(|c| {
            let mine: Vec<Award> = page.awards.iter().filter(|a| a.category == c.code).cloned().collect();
            (!mine.is_empty()).then(|| view! {
                <section aria-labelledby=format!("winners-{}", c.code)>
                    <h2 id=format!("winners-{}", c.code)><TranslatedText labels=c.names.clone() reader=reader.clone() /></h2>
                    <ul class="plain cards">
                        {mine.into_iter().map(|a| {
                            let (report, visits) = follow_up_lines(i18n, &a);
                            view! {
                                <li class="card initiative">
                                    <h3 dir="auto">{a.title.clone()}</h3>
                                    <p class="hint">{applicant_type(i18n, a.applicant_type)} " · " <bdi>{a.receipt.clone()}</bdi></p>
                                    <p dir="auto" class="summary">{a.summary.clone()}</p>
                                    <p>{payment(i18n, &call.currency, &a)}</p>
                                    <p class="hint">{report} " · " {visits}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })
        }).collect_view()}
        <p><a href=results>{t!(i18n, calls.winners_ranking)}</a></p>
        <h2>{t!(i18n, calls.open_data)}</h2>
        <p class="hint">{t!(i18n, calls.open_data_hint)}</p>
        <ul class="plain downloads">
            {["open-data.json", "applications.csv"].into_iter().map(|f| view! { <li><a href=format!("{data}/{f}") download="">{f}</a></li> }).collect_view()}
        </ul>
    }
}

/// The room's awards: each with its payment (recorded once), final report (a private
/// download) and follow-up visits (with the notes, recorded one by one).
#[component]
pub fn RoomAwards(
    organization: String,
    call: Call,
    awards: Vec<Award>,
    today: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = query_errors();
    let open = following_up(call.phase);
    let (org, slug) = (organization.clone(), call.slug.clone());
    let keys = move || {
        view! {
            <input type="hidden" name="organization" value=org.clone() />
            <input type="hidden" name="call" value=slug.clone() />
        }
    };
    view! {
        <h3 id="awards">{t!(i18n, calls.room_awards)}</h3>
        <ul class="plain awards">
            {awards.into_iter().map(|a| {
                let id = a.application;
                let (paid, seen, note) = (format!("paid-{id}"), format!("visited-{id}"), format!("note-{id}"));
                let (report, _) = follow_up_lines(i18n, &a);
                let report_link = a.report.as_ref().map(|r| document_url(&organization, &call.slug, r.file));
                view! {
                    <li class="card award" id=format!("award-{id}")>
                        <p><strong dir="auto">{a.title.clone()}</strong> " · " <bdi>{a.receipt.clone()}</bdi> " · " {money(&call.currency, a.amount)}</p>
                        {match a.paid_on.clone() {
                            Some(on) => view! { <p>{t_string!(i18n, calls.room_paid_on, day = written(&on, i18n.get_locale_untracked())).to_string()}</p> }.into_any(),
                            None if open => view! {
                                <form method="post" action=RecordAwardPayment::PATH class="payment-form">
                                    {keys()}
                                    <input type="hidden" name="application" value=id />
                                    <label for=paid.clone()>{t!(i18n, calls.room_paid_label)}</label>
                                    <input id=paid.clone() name="paid_on" type="date" max=today.clone() aria-describedby=format!("{paid}-error") />
                                    <FieldError errors name="paid_on" id=paid.clone() />
                                    <button type="submit">{t!(i18n, calls.room_record_payment)}</button>
                                </form>
                            }.into_any(),
                            None => view! { <p class="hint">{t!(i18n, calls.room_unpaid)}</p> }.into_any(),
                        }}
                        <p>{report} {report_link.map(|href| view! { " · " <a href=href download="">{t!(i18n, calls.room_report_download)}</a> })}</p>
                        <h4>{t!(i18n, calls.room_visits)}</h4>
                        {a.visits.is_empty().then(|| view! { <p class="hint">{t!(i18n, calls.award_no_visits)}</p> })}
                        <ul class="visits">
                            {a.visits.iter().map(|v| view! { <li><strong>{written(&v.on, i18n.get_locale_untracked())}</strong> " · " <span dir="auto">{v.note.clone()}</span></li> }).collect_view()}
                        </ul>
                        {open.then(|| view! {
                            <form method="post" action=RecordAwardVisit::PATH class="visit-form">
                                {keys()}
                                <input type="hidden" name="application" value=id />
                                <label for=seen.clone()>{t!(i18n, calls.room_visit_on)}</label>
                                <input id=seen.clone() name="visited_on" type="date" max=today.clone() aria-describedby=format!("{seen}-error") />
                                <FieldError errors name="visited_on" id=seen.clone() />
                                <label for=note.clone()>{t!(i18n, calls.room_visit_note)}</label>
                                <textarea id=note.clone() name="note" rows="3" maxlength=MAX_VISIT_NOTE dir="auto" aria-describedby=format!("{note}-error")></textarea>
                                <FieldError errors name="note" id=note.clone() />
                                <button type="submit">{t!(i18n, calls.room_record_visit)}</button>
                            </form>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The winner's section of their application page: the award, its payment, and the final
/// report (sent while the call follows its awards up; a newer one replaces it).
#[component]
pub fn WinnerFollowUp(organization: String, call: Call, award: Award) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let (report, _) = follow_up_lines(i18n, &award);
    let report_link = award
        .report
        .as_ref()
        .map(|r| document_url(&organization, &call.slug, r.file));
    view! {
        <section class="card award" aria-labelledby="award-heading">
            <h2 id="award-heading">{t!(i18n, calls.award_yours)}</h2>
            <p>{payment(i18n, &call.currency, &award)}</p>
            <h3 id="report">{t!(i18n, calls.report_title)}</h3>
            <p>{report} {report_link.map(|href| view! { " · " <a href=href download="">{t!(i18n, calls.room_report_download)}</a> })}</p>
            {following_up(call.phase).then(|| view! {
                <p class="hint">{t!(i18n, calls.report_hint)}</p>
                <form method="post" action=UploadApplicationDocument::PATH enctype="multipart/form-data" class="upload-form no-print">
                    <input type="hidden" name="organization" value=organization.clone() />
                    <input type="hidden" name="call" value=call.slug.clone() />
                    <input type="hidden" name="locale" value=locale.as_str() />
                    <input type="hidden" name="document" value=FINAL_REPORT />
                    <label for="file-final-report">{t!(i18n, calls.file_label)}</label>
                    <input id="file-final-report" name="file" type="file" accept="application/pdf,image/jpeg,image/png,image/webp" />
                    <button type="submit">{t!(i18n, calls.report_send)}</button>
                </form>
            })}
        </section>
    }
}
