//! A process's public calendar: every phase in order, the day each began with the audit
//! log's head right after the move, each last day, and every change to a last day.

use leptos::prelude::*;
use leptos_i18n::I18nContext;

use crate::calendar::Date;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::platform::codes::Coded;
use crate::platform::text::dates::long_date;
use crate::platform::timeline::{DeadlineChange, PhaseChange};

/// The (UTC) day of a Unix-millisecond instant, written the reader's way.
pub fn day(millis: i64, locale: Locale) -> String {
    long_date(Date::from_unix_millis(millis), locale)
}

/// Every phase in order: done ones with the date they began, the current one marked, the
/// last day of each where one is set; then every deadline change (all audited).
#[component]
pub fn Calendar<P>(
    phase: P,
    history: Vec<PhaseChange<P>>,
    deadlines: Vec<(P, Date)>,
    changes: Vec<DeadlineChange<P>>,
    /// Each phase's name in the reader's language.
    label: fn(I18nContext<Locale>, P) -> &'static str,
) -> impl IntoView
where
    P: Coded + Ord + Send + Sync,
{
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <h2>{t!(i18n, common.timeline_calendar)}</h2>
        <ol class="calendar">
            {P::all().iter().copied().map(|p| {
                let change = history.iter().rev().find(|c| c.phase == p);
                let began = change.map(|c| (Date::from_unix_millis(c.at).to_string(), day(c.at, locale)));
                let head = change.map(|c| c.audit_head.clone());
                let until = deadlines.iter().find(|(d, _)| *d == p).map(|(_, day)| {
                    t_string!(i18n, common.timeline_until, day = long_date(*day, locale)).to_string()
                });
                let state = if p == phase { "current" } else if p < phase { "done" } else { "later" };
                view! {
                    <li class=state aria-current=(p == phase).then_some("step")>
                        <span>{label(i18n, p)}</span>
                        {began.map(|(iso, written)| view! { " " <time datetime=iso>{written}</time> })}
                        {until.map(|u| view! { " " <span class="deadline">{u}</span> })}
                        // The audit log's head right after this move: written down, it lets
                        // anyone check later that nothing before it was removed or rewritten.
                        {head.map(|h| {
                            let short = h.chars().take(16).collect::<String>();
                            view! { " " <code class="audit-head" dir="ltr" title=h.clone() data-head=h>{short} "…"</code> }
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
        {(!changes.is_empty()).then(|| view! {
            <details class="calendar-changes">
                <summary>{t!(i18n, common.timeline_calendar_changes)}</summary>
                <ul>
                    {changes.into_iter().map(|c| {
                        let at = day(c.at, locale);
                        let phase = label(i18n, c.phase);
                        let text = match c.before {
                            None => t_string!(i18n, common.timeline_deadline_set, at = at, phase = phase, day = long_date(c.after, locale)).to_string(),
                            Some(from) => t_string!(i18n, common.timeline_deadline_extended, at = at, phase = phase, from = long_date(from, locale), day = long_date(c.after, locale)).to_string(),
                        };
                        view! { <li>{text}</li> }
                    }).collect_view()}
                </ul>
            </details>
        })}
    }
}
