//! An inbox message in its reader's language.

use leptos_i18n::Locale as _;

use crate::i18n::{Locale, td_string};
use crate::platform::inbox::{Notice, NoticeParams};

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
        "{}\n\n{}: /{}{link}\n",
        notice_text(locale, notice, p),
        td_string!(locale, common.inbox_email_see),
        locale.as_str(),
    );
    (subject, body)
}
