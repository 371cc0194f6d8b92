//! A person's inbox: what happened to what they submitted (an application's receipt, a
//! document check's verdict, a selection), kept as a message kind and its parameters and
//! written out in the reader's language when read — so it reads in Haitian Creole for one
//! applicant and Arabic for another, whoever decided. When the person gave an email
//! address and the operator configured SMTP, the same words go out by email
//! (`store::deliver` queues them in the outbox, written in the person's language).

pub mod api;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;

use serde::{Deserialize, Serialize};

/// Where an email's link names the operator's site (`https://voz.example.org`): the store
/// writes emails without knowing it; the sender fills it in (`with_site`).
pub const SITE_MARK: &str = "{site}";

/// `body` with its link on the operator's site. Only the last mark is the link's (it is
/// the last line); one a decision's own words happen to contain stays as typed.
pub fn with_site(body: &str, site: &str) -> String {
    match body.rfind(SITE_MARK) {
        Some(at) => format!(
            "{}{}{}",
            &body[..at],
            site.trim_end_matches('/'),
            &body[at + SITE_MARK.len()..]
        ),
        None => body.to_owned(),
    }
}

/// What a message tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Notice {
    /// Submitted; `receipt` names it.
    Received,
    /// Documents accepted: it goes to the jury.
    Accepted,
    /// Documents refused; `reason` says why.
    Refused,
    /// Something to fix by `by`; `reason` lists it.
    FixRequested,
    /// Fixes received.
    FixesReceived,
    /// Selected: one of the winners.
    Selected,
    /// In the reserve list.
    Reserve,
    /// Not selected this time.
    NotSelected,
    /// The award's payment was recorded (`on`).
    Paid,
}

crate::platform::codes::text_codes!(Notice {
    Received => "received",
    Accepted => "accepted",
    Refused => "refused",
    FixRequested => "fix_requested",
    FixesReceived => "fixes_received",
    Selected => "selected",
    Reserve => "reserve",
    NotSelected => "not_selected",
    Paid => "paid",
});

/// A message's parameters: what it is about and the details its kind uses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoticeParams {
    /// The title of what was submitted.
    pub what: String,
    pub receipt: String,
    pub reason: String,
    /// A last day or a payment day, `YYYY-MM-DD`.
    pub by: String,
}

/// A message as its reader sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxMessage {
    pub id: i64,
    pub notice: Notice,
    pub params: NoticeParams,
    /// A path under the reader's language (`/o/idpac-bogota/calls/panas-y-parces/apply`).
    pub link: String,
    pub at: i64,
    pub read: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_gets_the_site_and_typed_words_stay() {
        let body = "Fix {site} please\n\nSee: {site}/es/o/x/calls/y/apply\n";
        assert_eq!(
            with_site(body, "https://voz.example.org/"),
            "Fix {site} please\n\nSee: https://voz.example.org/es/o/x/calls/y/apply\n"
        );
        assert_eq!(with_site("no link", "https://a"), "no link");
    }
}
