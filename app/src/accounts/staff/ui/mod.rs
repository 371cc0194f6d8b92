//! Staff pages of one organization: the staff home, the audit log and the enabled voters.
//! The verification queue, the help desk and the team are rooms of their own.

pub mod helpdesk;
pub mod review;
pub mod team;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::accounts::staff::api::enabled_voters;
use crate::accounts::staff::api::{AuditEntry, audit_log, load_staff_home};
use crate::accounts::types::Role;
use crate::accounts::ui::labels;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::text::dates::{date_time, written_value};
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
                    let conferences = crate::platform::access::holds_any(&home.roles, &crate::platform::access::CONFERENCE_TEAM);
                    let calls = crate::platform::access::holds_any(&home.roles, &[Role::Administrator, Role::CallTeam, Role::Jury]);
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
                            {calls.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/calls")>{t!(i18n, calls.calls_heading)}</a>
                                    <p>{t!(i18n, calls.calls_staff_text)}</p></li>
                            })}
                            {conferences.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/conferences")>{t!(i18n, conferences.organize_title)}</a>
                                    <p>{t!(i18n, conferences.organize_text)}</p></li>
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
                                <li class="card"><a href=staff_path(&slug, "/settings")>{t!(i18n, accounts.settings_title)}</a>
                                    <p>{t!(i18n, accounts.settings_text)}</p></li>
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
        <Loaded resource=page show=move |log| {
                    let older = log.entries.last().filter(|_| log.entries.len() == 100).map(|e| {
                        let election = election().map(|e| format!("&election={}", url_encode(&e))).unwrap_or_default();
                        format!("{}?before={}{election}", staff_path(&slug(), "/audit"), e.record.seq)
                    });
                    let zone = log.time_zone.clone();
                    view! {
                        <p class="hint">{move || t_string!(i18n, accounts.audit_time_zone, zone = zone.clone()).to_string()}</p>
                        <ol class="audit plain">
                            {log.entries.into_iter().map(|e| view! { <AuditItem entry=e /> }).collect_view()}
                        </ol>
                        {older.map(|href| view! {
                            <a class="button" href=href>{t!(i18n, accounts.audit_older)}</a>
                        })}
                    }.into_any()
                }
        />
    }
}

/// One entry: when, what, to whom or what, by whom, what changed; the chained entry
/// itself one tap away, for an observer checking the log.
#[component]
fn AuditItem(entry: AuditEntry) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let record = entry.record;
    let action = labels::audit_action(i18n, &record.action);
    let subject = entry
        .subject_kind
        .as_deref()
        .map(|kind| labels::audit_subject(i18n, kind));
    // The change reads from its old value to its new one in the page's direction.
    let arrow = if i18n.get_locale_untracked() == crate::i18n::Locale::ar {
        " ← "
    } else {
        " → "
    };
    let actor = match entry.actor {
        Some(name) => t_string!(i18n, accounts.audit_by, name = name).to_string(),
        None => t_string!(i18n, accounts.audit_by_system).to_string(),
    };
    view! {
        <li class="audit-entry" data-action=record.action.clone()>
            <p class="audit-line"><time class="when" datetime=entry.when.iso()>{date_time(entry.when.date, entry.when.minute, i18n.get_locale_untracked())}</time> " · " <strong class="action">{action}</strong></p>
            <p class="subject">
                {subject.map(|kind| view! { {kind} ": " })}
                <bdi dir="auto">{entry.subject_name.unwrap_or_else(|| record.subject.clone())}</bdi>
            </p>
            <p class="actor" dir="auto">{actor}</p>
            {(!entry.changes.is_empty()).then(|| view! {
                <dl class="changes">
                    {entry.changes.into_iter().map(|c| view! {
                        <dt dir="ltr">{c.field}</dt>
                        <dd><bdi dir="auto">{if c.before.is_empty() { "—".to_owned() } else { written_value(&c.before, locale) }}</bdi>
                            {arrow} <bdi dir="auto">{if c.after.is_empty() { "—".to_owned() } else { written_value(&c.after, locale) }}</bdi></dd>
                    }).collect_view()}
                </dl>
            })}
            <details class="audit-raw">
                <summary>{t!(i18n, accounts.audit_raw)}</summary>
                <p dir="ltr"><code>"#"{record.seq}" "{record.action.clone()}" "{record.subject.clone()}" "
                    {record.actor_account_id.map_or("—".to_owned(), |a| format!("account:{a}"))}</code></p>
                {record.before.map(|b| view! { <code class="state" dir="ltr">{b}</code> })}
                {record.after.map(|a| view! { <code class="state" dir="ltr">{a}</code> })}
                <p dir="ltr"><code class="hash" title=record.prev_hash>{record.hash}</code></p>
            </details>
        </li>
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
