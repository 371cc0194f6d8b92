//! The moderators' queue of an edition: each reported item with its text and the reasons
//! given (not who gave them); hide it with a public reason, or keep it.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::conferences::participate::api::{ReportsPage, ResolveReports, load_reports};
use crate::conferences::public::ui::param;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{FormError, Loaded, query_errors};
use leptos::server_fn::ServerFn as _;

#[component]
pub fn ReportsPageView() -> impl IntoView {
    let (org, conference) = (param("org"), param("conference"));
    let page = Resource::new(move || (org(), conference()), |(o, c)| load_reports(o, c));
    view! { <Loaded resource=page show=|page| view! { <Queue page /> } /> }
}

#[component]
fn Queue(page: ReportsPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let errors = query_errors();
    let title = t_string!(i18n, conferences.reports_title).to_string();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <FormError errors />
        {page.items.is_empty().then(|| view! { <p class="hint" data-testid="reports-none">{t!(i18n, conferences.reports_none)}</p> })}
        <ul class="plain reports">
            {page.items.iter().map(|item| {
                let href = localized_path(locale, &format!("/o/{}/c/{}/proposals/{}", page.organization, page.conference, item.proposal));
                let kind = if item.kind == "comment" { t_string!(i18n, conferences.reports_kind_comment) } else { t_string!(i18n, conferences.reports_kind_proposal) };
                let reason_id = format!("reason-{}-{}", item.kind, item.id);
                view! {
                    <li class="segment reported" data-kind=item.kind.clone()>
                        <p><strong>{kind}</strong> " · " <a href=href>{t!(i18n, conferences.reports_open)}</a></p>
                        <blockquote class="reported-text" dir="auto">{item.text.clone()}</blockquote>
                        <p>{t_string!(i18n, conferences.reports_reasons, n = item.reasons.len()).to_string()}</p>
                        <ul>{item.reasons.iter().map(|r| view! { <li dir="auto">{r.clone()}</li> }).collect_view()}</ul>
                        <form method="post" action=ResolveReports::PATH class="review-form">
                            <input type="hidden" name="organization" value=page.organization.clone() />
                            <input type="hidden" name="conference" value=page.conference.clone() />
                            <input type="hidden" name="kind" value=item.kind.clone() />
                            <input type="hidden" name="id" value=item.id />
                            <label for=reason_id.clone()>{t!(i18n, conferences.reports_hide_reason)}</label>
                            <input id=reason_id type="text" name="reason" maxlength="500" dir="auto" />
                            <div class="actions">
                                <button type="submit" name="verdict" value="hide" class="primary">{t!(i18n, conferences.reports_hide)}</button>
                                <button type="submit" name="verdict" value="keep">{t!(i18n, conferences.reports_keep)}</button>
                            </div>
                        </form>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
