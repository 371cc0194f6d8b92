//! Inbox messages and the email outbox on either backend.

use crate::db::{Reader, Tx};
use crate::i18n::Locale;
use crate::platform::ids::{AccountId, OrganizationId};
use crate::platform::inbox::{InboxMessage, Notice, NoticeParams};
use crate::{execute, on_read};

/// Who receives a message: their account, their language, their email if they gave one.
pub struct Recipient<'a> {
    pub account: AccountId,
    pub locale: Locale,
    pub email: Option<&'a str>,
}

/// Puts a message in `to`'s inbox and, when they gave an email address, queues the same
/// words in their language for the SMTP sender (which sends only when the operator
/// configured it). Inside the deciding transaction: no decision without its message.
pub async fn deliver(
    tx: &mut Tx,
    organization: OrganizationId,
    to: &Recipient<'_>,
    notice: Notice,
    params: &NoticeParams,
    link: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let json = serde_json::to_string(params).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    execute!(
        tx,
        "INSERT INTO inbox_messages (account_id, organization_id, kind, params, link, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        to.account,
        organization,
        notice.code(),
        json,
        link,
        now,
    )?;
    if let Some(address) = to.email {
        let (subject, body) = super::ui::email_text(to.locale, notice, params, link);
        queue_email(tx, address, &subject, &body, now).await?;
    }
    Ok(())
}

/// Queues an email for the sender (`body`'s link written with `SITE_MARK`).
pub async fn queue_email(
    tx: &mut Tx,
    to: &str,
    subject: &str,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    execute!(
        tx,
        "INSERT INTO email_outbox (to_address, subject, body, created_at) VALUES ($1, $2, $3, $4)",
        to,
        subject,
        body,
        now,
    )?;
    Ok(())
}

/// `account`'s messages, newest first (at most 100).
pub async fn messages(
    reader: impl Into<Reader<'_>>,
    account: AccountId,
) -> Result<Vec<InboxMessage>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, i64, Option<i64>)> =
        on_read!(reader.into(), |conn| {
            sqlx::query_as(
                "SELECT id, kind, params, link, created_at, read_at FROM inbox_messages \
                 WHERE account_id = $1 ORDER BY id DESC LIMIT 100",
            )
            .bind(account)
            .fetch_all(conn)
            .await
        })?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, kind, params, link, at, read_at)| {
            Some(InboxMessage {
                id,
                notice: Notice::from_code(&kind)?,
                params: serde_json::from_str(&params).unwrap_or_default(),
                link,
                at,
                read: read_at.is_some(),
            })
        })
        .collect())
}

/// Marks every message of `account` read.
pub async fn mark_read(tx: &mut Tx, account: AccountId, now: i64) -> Result<(), sqlx::Error> {
    execute!(
        tx,
        "UPDATE inbox_messages SET read_at = $1 WHERE account_id = $2 AND read_at IS NULL",
        now,
        account,
    )?;
    Ok(())
}

/// How many unread messages `account` has.
pub async fn unread(reader: impl Into<Reader<'_>>, account: AccountId) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT COUNT(*) FROM inbox_messages WHERE account_id = $1 AND read_at IS NULL",
        )
        .bind(account)
        .fetch_one(conn)
        .await
    })?;
    Ok(n)
}

/// An email waiting to go out.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OutgoingEmail {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body: String,
}

/// The oldest unsent emails (at most `limit`) that failed fewer than 5 times.
pub async fn pending_emails(
    reader: impl Into<Reader<'_>>,
    limit: i64,
) -> Result<Vec<OutgoingEmail>, sqlx::Error> {
    on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT id, to_address, subject, body FROM email_outbox \
             WHERE sent_at IS NULL AND attempts < 5 ORDER BY id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(conn)
        .await
    })
}

/// Records an attempt to send email `id`: sent, or the error (tried again later).
pub async fn record_attempt(
    tx: &mut Tx,
    id: i64,
    outcome: Result<(), String>,
    now: i64,
) -> Result<(), sqlx::Error> {
    match outcome {
        Ok(()) => execute!(
            tx,
            "UPDATE email_outbox SET sent_at = $1, attempts = attempts + 1 WHERE id = $2",
            now,
            id
        )?,
        Err(error) => execute!(
            tx,
            "UPDATE email_outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2",
            error,
            id
        )?,
    };
    Ok(())
}
