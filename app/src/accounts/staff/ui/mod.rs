//! Staff pages of one organization: the staff home, the audit log and the enabled voters.
//! The verification queue, the help desk and the team are rooms of their own.

pub mod helpdesk;
pub mod review;
pub mod team;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::accounts::staff::api::enabled_voters;
use crate::accounts::staff::api::{audit_log, load_staff_home};
use crate::accounts::types::Role;
use crate::accounts::ui::labels;
use crate::calendar::Date;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::Loaded;

pub(crate) fn org_slug() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get("org").unwrap_or_default())
}

/// `text` as a query value (unreserved characters kept, the rest percent-encoded).
fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub(crate) fn staff_path(slug: &str, rest: &str) -> String {
    localized_path(
        use_i18n().get_locale_untracked(),
        &format!("/staff/{slug}{rest}"),
    )
}

#[component]
pub fn StaffHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let home = Resource::new(slug, load_staff_home);
    view! {
        <Title text=t_string!(i18n, accounts.staff_title).to_string() />
        <Loaded resource=home show=move |home| {
                    let slug = slug();
                    let admin = home.roles.contains(&Role::Administrator);
                    let reviewer = crate::platform::access::holds_any(&home.roles, &crate::platform::access::REVIEWERS);
                    let desk = reviewer || home.roles.contains(&Role::PollWorker);
                    let roles = home.roles.clone();
                    view! {
                        <h1>{home.name.clone()}</h1>
                        <p class="lead">{move || roles.iter().map(|r| labels::role(i18n, *r)).collect::<Vec<_>>().join(", ")}</p>
                        <ul class="cards staff-links">
                            {reviewer.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/review")>{t!(i18n, accounts.staff_review)}</a>
                                    <p>{move || t_string!(i18n, accounts.staff_pending, count = home.pending).to_string()}</p></li>
                            })}
                            {reviewer.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/elections")>{t!(i18n, elections.commission_title)}</a>
                                    <p>{t!(i18n, elections.commission_text)}</p></li>
                            })}
                            {desk.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/stations")>{t!(i18n, elections.station_list_title)}</a>
                                    <p>{t!(i18n, elections.station_list_text)}</p></li>
                            })}
                            {desk.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/helpdesk")>{t!(i18n, accounts.staff_helpdesk)}</a>
                                    <p>{t!(i18n, accounts.staff_helpdesk_text)}</p></li>
                            })}
                            {admin.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/team")>{t!(i18n, accounts.staff_team)}</a>
                                    <p>{t!(i18n, accounts.staff_team_text)}</p></li>
                                <li class="card"><a href=staff_path(&slug, "/audit")>{t!(i18n, accounts.staff_audit)}</a>
                                    <p>{t!(i18n, accounts.staff_audit_text)}</p></li>
                            })}
                        </ul>
                    }.into_any()
                }
        />
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    // `?election=<address>`: one election's entries (what its commission may read);
    // `?before=<seq>`: the page of entries older than that one (a plain link).
    let query = leptos_router::hooks::use_query_map();
    let election = move || query.with(|q| q.get("election")).filter(|e| !e.is_empty());
    let before =
        Memo::new(move |_| query.with(|q| q.get("before").and_then(|b| b.parse::<i64>().ok())));
    let page = Resource::new(
        move || (slug(), before.get(), election()),
        |(slug, before, election)| audit_log(slug, before, election),
    );
    view! {
        <Title text=t_string!(i18n, accounts.staff_audit).to_string() />
        <h1>{t!(i18n, accounts.staff_audit)}</h1>
        {move || election().map(|e| view! { <p class="eyebrow" dir="ltr">{e}</p> })}
        <p>{t!(i18n, accounts.audit_intro)}</p>
        <Loaded resource=page show=move |entries| {
                    let older = entries.last().filter(|_| entries.len() == 100).map(|e| {
                        let election = election().map(|e| format!("&election={}", url_encode(&e))).unwrap_or_default();
                        format!("{}?before={}{election}", staff_path(&slug(), "/audit"), e.seq)
                    });
                    view! {
                        <ol class="audit" dir="ltr">
                            {entries.into_iter().map(|e| view! {
                                <li>
                                    <span class="seq">"#"{e.seq}</span>
                                    <span class="when">{Date::from_unix_millis(e.at).to_string()}</span>
                                    <span class="action">{e.action}</span>
                                    <span class="subject">{e.subject}</span>
                                    <span class="actor">{e.actor_account_id.map_or("—".to_owned(), |a| format!("account:{a}"))}</span>
                                    {e.before.map(|b| view! { <code class="state">{b}</code> })}
                                    {e.after.map(|a| view! { <code class="state">{a}</code> })}
                                    <code class="hash" title=e.prev_hash>{e.hash[..16].to_owned()}</code>
                                </li>
                            }).collect_view()}
                        </ol>
                        {older.map(|href| view! {
                            <a class="button" href=href>{t!(i18n, accounts.audit_older)}</a>
                        })}
                    }.into_any()
                }
        />
    }
}

#[component]
pub fn VotersPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("org").unwrap_or_default());
    let voters = Resource::new(slug, enabled_voters);
    view! {
        <Title text=t_string!(i18n, accounts.voters_title).to_string() />
        <h1>{t!(i18n, accounts.voters_title)}</h1>
        <Loaded resource=voters show=move |(organization, voters)| {
                    let count = voters.len();
                    view! {
                        <p class="lead">{organization}</p>
                        <p>{move || t_string!(i18n, accounts.voters_count, count = count).to_string()}</p>
                        <table class="voters">
                            <thead><tr><th scope="col">{t!(i18n, accounts.voters_name)}</th><th scope="col">{t!(i18n, common.field_district)}</th></tr></thead>
                            <tbody>
                                {voters.into_iter().map(|(name, district)| view! { <tr><td>{name}</td><td>{district}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }
        />
    }
}
