//! An inbox message in its reader's language.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::inbox::api::load_inbox;
use crate::platform::inbox::{Notice, NoticeParams};
use crate::platform::timeline::ui::day;
use crate::ui::kit::Loaded;

/// `/<lang>/inbox`: the person's messages, newest first, unread ones marked.
#[component]
pub fn InboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let messages = Resource::new(|| (), |_| load_inbox());
    let title = t_string!(i18n, common.inbox_title).to_string();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <Loaded resource=messages show=move |list| {
            let locale = i18n.get_locale_untracked();
            view! {
                {list.is_empty().then(|| view! { <p>{t!(i18n, common.inbox_empty)}</p> })}
                <ol class="plain inbox">
                    {list.into_iter().map(|m| view! {
                        <li class=if m.read { "card message" } else { "card message unread" }>
                            <p class="hint">{day(m.at, locale)} {(!m.read).then(|| view! { " · " <strong>{t!(i18n, common.inbox_new)}</strong> })}</p>
                            <p dir="auto">{notice_text(locale, m.notice, &m.params)}</p>
                            <p><a href=localized_path(locale, &m.link)>{t!(i18n, common.inbox_open)}</a></p>
                        </li>
                    }).collect_view()}
                </ol>
            }
        } />
    }
}

/// The sentence a message says, in `locale`.
pub fn notice_text(locale: Locale, notice: Notice, p: &NoticeParams) -> String {
    let (what, receipt, reason, by) = (&p.what, &p.receipt, &p.reason, &p.by);
    match notice {
        Notice::Received => td_string!(locale, common.inbox_received, what, receipt).to_string(),
        Notice::Accepted => td_string!(locale, common.inbox_accepted, what).to_string(),
        Notice::Refused => td_string!(locale, common.inbox_refused, what, reason).to_string(),
        Notice::FixRequested => {
            td_string!(locale, common.inbox_fix_requested, what, by, reason).to_string()
        }
        Notice::FixesReceived => td_string!(locale, common.inbox_fixes_received, what).to_string(),
        Notice::Selected => td_string!(locale, common.inbox_selected, what).to_string(),
        Notice::Reserve => td_string!(locale, common.inbox_reserve, what).to_string(),
        Notice::NotSelected => td_string!(locale, common.inbox_not_selected, what).to_string(),
        Notice::Paid => td_string!(locale, common.inbox_paid, what, by).to_string(),
    }
}

/// An email's subject and plain-text body for a message, in `locale`; `link` is a path
/// under the language (`/o/…`), written out as an address on the operator's site.
pub fn email_text(
    locale: Locale,
    notice: Notice,
    p: &NoticeParams,
    link: &str,
) -> (String, String) {
    let subject = td_string!(locale, common.inbox_email_subject, what = &p.what).to_string();
    let body = format!(
        "{}\n\n{}: {}/{}{link}\n",
        notice_text(locale, notice, p),
        td_string!(locale, common.inbox_email_see),
        super::SITE_MARK,
        locale.as_str(),
    );
    (subject, body)
}
