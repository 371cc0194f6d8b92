//! Comments, amendments with the proposal's versions, and reports of abuse, on either
//! backend. Every staff or rapporteur decision is audited inside its write.

use serde_json::json;

use crate::conferences::deliberation::rules::{
    Amendment, AmendmentStatus, Comment, Decision, NewAmendment, Reported, Undecidable, may_decide,
};
use crate::conferences::edition::rules::Conference;
use crate::conferences::edition::store::staff_entry;
use crate::conferences::error::{ConferenceError, corrupt};
use crate::conferences::event::store as event_store;
use crate::conferences::proposal::rules::{Proposal, ProposalStatus};
use crate::conferences::proposal::store::{self as proposal_store, proposal_in};
use crate::db::{Db, Reader, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::ids::{AccountId, AmendmentId, CommentId, EventId, ProposalId};
use crate::{execute, on_read, on_tx};

/// A proposal still open to deliberation: its edition's events are being held, and it
/// is neither hidden nor withdrawn.
async fn open_proposal(
    tx: &mut Tx,
    conference: &Conference,
    proposal: ProposalId,
) -> Result<Proposal, ConferenceError> {
    let found = proposal_in(&mut *tx, conference.id, proposal).await?;
    if !conference.phase.events_open() {
        return Err(ConferenceError::WrongPhase);
    }
    if matches!(
        found.status,
        ProposalStatus::Hidden | ProposalStatus::Withdrawn
    ) {
        return Err(ConferenceError::Conflict);
    }
    Ok(found)
}

/// Whether `account` runs `event` as its rapporteur: the account that registered it
/// (the group of a free conference, the organizer who created a pre-conference).
pub async fn is_rapporteur<'a>(
    reader: impl Into<Reader<'a>>,
    event: EventId,
    account: AccountId,
) -> Result<bool, ConferenceError> {
    let row: Option<(Option<i64>,)> = on_read!(reader.into(), |conn| {
        sqlx::query_as("SELECT registered_by FROM conference_events WHERE id = $1")
            .bind(event)
            .fetch_optional(conn)
            .await
    })?;
    Ok(matches!(row, Some((Some(by),)) if by == account.0))
}

/// A signed-in person's comment on a proposal, or a reply to one of its comments.
pub async fn add_comment(
    tx: &mut Tx,
    conference: &Conference,
    proposal: ProposalId,
    parent: Option<CommentId>,
    author: AccountId,
    body: &str,
    now: i64,
) -> Result<CommentId, ConferenceError> {
    open_proposal(tx, conference, proposal).await?;
    if let Some(parent) = parent {
        let on: Option<(i64,)> = on_tx!(tx, |conn| {
            sqlx::query_as("SELECT proposal_id FROM proposal_comments WHERE id = $1")
                .bind(parent)
                .fetch_optional(&mut *conn)
                .await
        })?;
        if on != Some((proposal.0,)) {
            return Err(ConferenceError::NotFound);
        }
    }
    let (id,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO proposal_comments (proposal_id, parent_id, author_id, body, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(proposal)
        .bind(parent)
        .bind(author)
        .bind(body)
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    })?;
    Ok(CommentId(id))
}

type CommentRow = (i64, Option<i64>, String, String, Option<String>, i64);

/// A proposal's comments, oldest first; a hidden one's text is not read out.
pub async fn comments_of<'a>(
    reader: impl Into<Reader<'a>>,
    proposal: ProposalId,
) -> Result<Vec<Comment>, ConferenceError> {
    let rows: Vec<CommentRow> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT c.id, c.parent_id, a.display_name, c.body, c.hidden_reason, c.created_at \
             FROM proposal_comments c JOIN accounts a ON a.id = c.author_id \
             WHERE c.proposal_id = $1 ORDER BY c.id",
        )
        .bind(proposal)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, parent, author, body, hidden, at)| Comment {
            id: CommentId(id),
            parent: parent.map(CommentId),
            author,
            body: if hidden.is_some() {
                String::new()
            } else {
                body
            },
            hidden_reason: hidden,
            created_at: at,
        })
        .collect())
}

/// The proposal a comment is on, and its text.
async fn comment_on<'a>(
    reader: impl Into<Reader<'a>>,
    comment: CommentId,
) -> Result<(ProposalId, String), ConferenceError> {
    let row: Option<(i64, String)> = on_read!(reader.into(), |conn| {
        sqlx::query_as("SELECT proposal_id, body FROM proposal_comments WHERE id = $1")
            .bind(comment)
            .fetch_optional(conn)
            .await
    })?;
    let (proposal, body) = row.ok_or(ConferenceError::NotFound)?;
    Ok((ProposalId(proposal), body))
}

/// The proposal a comment is on.
pub async fn comment_proposal<'a>(
    reader: impl Into<Reader<'a>>,
    comment: CommentId,
) -> Result<ProposalId, ConferenceError> {
    Ok(comment_on(reader, comment).await?.0)
}

/// The proposal an amendment is to, if it exists.
pub async fn amendment_proposal<'a>(
    reader: impl Into<Reader<'a>>,
    amendment: AmendmentId,
) -> Result<Option<ProposalId>, ConferenceError> {
    let row: Option<(i64,)> = on_read!(reader.into(), |conn| {
        sqlx::query_as("SELECT proposal_id FROM proposal_amendments WHERE id = $1")
            .bind(amendment)
            .fetch_optional(conn)
            .await
    })?;
    Ok(row.map(|(id,)| ProposalId(id)))
}

/// The proposal a comment of `conference` is on.
async fn comment_in(
    tx: &mut Tx,
    conference: &Conference,
    comment: CommentId,
) -> Result<ProposalId, ConferenceError> {
    let (proposal, _) = comment_on(&mut *tx, comment).await?;
    proposal_in(&mut *tx, conference.id, proposal).await?;
    Ok(proposal)
}

/// Hides a comment with a reason (moderation), audited; `Conflict` when already hidden.
pub async fn hide_comment(
    tx: &mut Tx,
    conference: &Conference,
    comment: CommentId,
    reason: &str,
    actor: AccountId,
    now: i64,
) -> Result<(), ConferenceError> {
    comment_in(tx, conference, comment).await?;
    let changed = execute!(
        tx,
        "UPDATE proposal_comments SET hidden_reason = $1 WHERE id = $2 AND hidden_reason IS NULL",
        reason,
        comment,
    )?;
    if changed != 1 {
        return Err(ConferenceError::Conflict);
    }
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            Action::CommentHide,
            Subject::Comment(conference.id, comment.0),
        )
        .after(json!({ "reason": reason })),
        now,
    )
    .await?;
    Ok(())
}

/// The proposal's current version number (1 as submitted).
pub async fn current_version<'a>(
    reader: impl Into<Reader<'a>>,
    proposal: ProposalId,
) -> Result<i64, ConferenceError> {
    let (version,): (Option<i64>,) = on_read!(reader.into(), |conn| {
        sqlx::query_as("SELECT MAX(version) FROM proposal_versions WHERE proposal_id = $1")
            .bind(proposal)
            .fetch_one(conn)
            .await
    })?;
    version.ok_or_else(|| corrupt(format!("proposal {proposal} has no version")))
}

/// One of a proposal's texts: (version, title, text, when, the amendment that made it).
pub type Version = (i64, String, String, i64, Option<i64>);

/// Every text a proposal has had, oldest first.
pub async fn versions_of<'a>(
    reader: impl Into<Reader<'a>>,
    proposal: ProposalId,
) -> Result<Vec<Version>, ConferenceError> {
    Ok(on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT version, title, body, created_at, amendment_id FROM proposal_versions \
             WHERE proposal_id = $1 ORDER BY version",
        )
        .bind(proposal)
        .fetch_all(conn)
        .await
    })?)
}

/// A checked-in participant of the proposal's event proposes a new title and text.
pub async fn propose_amendment(
    tx: &mut Tx,
    conference: &Conference,
    proposal: ProposalId,
    author: AccountId,
    new: &NewAmendment,
    now: i64,
) -> Result<AmendmentId, ConferenceError> {
    let found = open_proposal(tx, conference, proposal).await?;
    if !event_store::is_participant(&mut *tx, found.event, author, true).await? {
        return Err(ConferenceError::NotCheckedIn);
    }
    let based_on = current_version(&mut *tx, proposal).await?;
    let (id,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO proposal_amendments (proposal_id, author_id, based_on, title, body, note, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(proposal)
        .bind(author)
        .bind(based_on)
        .bind(&new.title)
        .bind(&new.body)
        .bind(&new.note)
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    })?;
    Ok(AmendmentId(id))
}

type AmendmentRow = (
    i64,
    i64,
    String,
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
);

const AMENDMENTS: &str = "SELECT m.id, m.proposal_id, a.display_name, m.based_on, m.title, m.body, \
     m.note, m.status, m.reason, m.created_at \
     FROM proposal_amendments m JOIN accounts a ON a.id = m.author_id";

fn amendment(row: AmendmentRow) -> Result<Amendment, ConferenceError> {
    let (id, proposal, author, based_on, title, body, note, status, reason, at) = row;
    Ok(Amendment {
        id: AmendmentId(id),
        proposal: ProposalId(proposal),
        author,
        based_on,
        title,
        body,
        note,
        status: AmendmentStatus::from_code(&status)
            .ok_or_else(|| corrupt(format!("amendment status {status}")))?,
        reason,
        created_at: at,
    })
}

/// A proposal's amendments, oldest first.
pub async fn amendments_of<'a>(
    reader: impl Into<Reader<'a>>,
    proposal: ProposalId,
) -> Result<Vec<Amendment>, ConferenceError> {
    let sql = format!("{AMENDMENTS} WHERE m.proposal_id = $1 ORDER BY m.id");
    let rows: Vec<AmendmentRow> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql).bind(proposal).fetch_all(conn).await
    })?;
    rows.into_iter().map(amendment).collect()
}

/// The rapporteur's decision (who may take it is the caller's check), audited. Accepting
/// makes the amendment's text the proposal's next version. Deciding twice, or accepting
/// an amendment written against an older text, is a `Conflict`; so is a second tab's
/// decision racing the first (the status and the version's key decide).
pub async fn decide_amendment(
    tx: &mut Tx,
    conference: &Conference,
    id: AmendmentId,
    decision: &Decision,
    actor: AccountId,
    now: i64,
) -> Result<ProposalId, ConferenceError> {
    let sql = format!("{AMENDMENTS} WHERE m.id = $1");
    let row: Option<AmendmentRow> = on_tx!(tx, |conn| {
        sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
    })?;
    let found = amendment(row.ok_or(ConferenceError::NotFound)?)?;
    open_proposal(tx, conference, found.proposal).await?;
    let current = current_version(&mut *tx, found.proposal).await?;
    may_decide(found.status, found.based_on, current, decision).map_err(|why| match why {
        Undecidable::Decided | Undecidable::Stale => ConferenceError::Conflict,
    })?;
    let (status, reason) = match decision {
        Decision::Accept => (AmendmentStatus::Accepted, None),
        Decision::Reject { reason } => (AmendmentStatus::Rejected, Some(reason.as_str())),
    };
    let changed = execute!(
        tx,
        "UPDATE proposal_amendments SET status = $1, reason = $2, decided_by = $3, decided_at = $4 \
         WHERE id = $5 AND status = 'proposed'",
        status.code(),
        reason,
        actor,
        now,
        id,
    )?;
    if changed != 1 {
        return Err(ConferenceError::Conflict);
    }
    let mut after = json!({ "amendment": id, "decision": status.code(), "reason": reason });
    if status == AmendmentStatus::Accepted {
        // Another amendment accepted at the same moment took this version number: the
        // key refuses the second, which the caller rolls back.
        let version = current + 1;
        let added = execute!(
            tx,
            "INSERT INTO proposal_versions (proposal_id, version, title, body, amendment_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (proposal_id, version) DO NOTHING",
            found.proposal,
            version,
            &found.title,
            &found.body,
            id,
            now,
        )?;
        if added != 1 {
            return Err(ConferenceError::Conflict);
        }
        execute!(
            tx,
            "UPDATE proposals SET title = $1, body = $2 WHERE id = $3",
            &found.title,
            &found.body,
            found.proposal,
        )?;
        after["version"] = json!(version);
    }
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            Action::AmendmentDecide,
            Subject::Proposal(conference.id, found.proposal.0),
        )
        .after(after),
        now,
    )
    .await?;
    Ok(found.proposal)
}

/// The proposal a reported item is on (checking it belongs to `conference`).
async fn reported_proposal(
    tx: &mut Tx,
    conference: &Conference,
    what: Reported,
) -> Result<ProposalId, ConferenceError> {
    match what {
        Reported::Proposal(id) => Ok(proposal_in(&mut *tx, conference.id, id).await?.id),
        Reported::Comment(id) => comment_in(tx, conference, id).await,
    }
}

/// A signed-in person reports a proposal or a comment as abusive; `false` when they had
/// already reported it (nothing is written).
pub async fn report(
    tx: &mut Tx,
    conference: &Conference,
    what: Reported,
    reporter: AccountId,
    reason: &str,
    now: i64,
) -> Result<bool, ConferenceError> {
    reported_proposal(tx, conference, what).await?;
    let added = execute!(
        tx,
        "INSERT INTO content_reports (conference_id, subject, reporter_id, reason, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (subject, reporter_id) DO NOTHING",
        conference.id,
        what.text(),
        reporter,
        reason,
        now,
    )?;
    Ok(added == 1)
}

/// An item in the moderators' queue: what, on which proposal, its text, and every
/// unresolved report's reason (who reported is not shown).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReportedItem {
    pub what: Reported,
    pub proposal: ProposalId,
    pub text: String,
    pub reasons: Vec<String>,
    pub first_at: i64,
}

/// The unresolved reports of `conference`, grouped by item, oldest first.
pub async fn open_reports(
    db: &Db,
    conference: &Conference,
) -> Result<Vec<ReportedItem>, ConferenceError> {
    let rows: Vec<(String, String, i64)> = on_read!(Reader::from(db), |conn| {
        sqlx::query_as(
            "SELECT subject, reason, created_at FROM content_reports \
             WHERE conference_id = $1 AND resolution IS NULL ORDER BY id",
        )
        .bind(conference.id)
        .fetch_all(conn)
        .await
    })?;
    let mut items: Vec<ReportedItem> = Vec::new();
    for (subject, reason, at) in rows {
        let what = Reported::parse(&subject).ok_or_else(|| corrupt(format!("report {subject}")))?;
        if let Some(item) = items.iter_mut().find(|i| i.what == what) {
            item.reasons.push(reason);
            continue;
        }
        let (proposal, text) = match what {
            Reported::Proposal(id) => {
                let p = proposal_in(db, conference.id, id).await?;
                (id, format!("{}\n\n{}", p.title, p.body))
            }
            Reported::Comment(id) => comment_on(db, id).await?,
        };
        items.push(ReportedItem {
            what,
            proposal,
            text,
            reasons: vec![reason],
            first_at: at,
        });
    }
    Ok(items)
}

/// A moderator's decision on a reported item: hide it with `hide` as the public reason,
/// or keep it (`None`); every open report on it is closed, audited once. Hiding what
/// moderation already hid only closes the reports.
pub async fn resolve_reports(
    tx: &mut Tx,
    conference: &Conference,
    what: Reported,
    hide: Option<&str>,
    actor: AccountId,
    now: i64,
) -> Result<(), ConferenceError> {
    reported_proposal(tx, conference, what).await?;
    let resolution = if hide.is_some() { "hidden" } else { "kept" };
    let closed = execute!(
        tx,
        "UPDATE content_reports SET resolution = $1, resolved_by = $2, resolved_at = $3 \
         WHERE conference_id = $4 AND subject = $5 AND resolution IS NULL",
        resolution,
        actor,
        now,
        conference.id,
        what.text(),
    )?;
    if closed == 0 {
        return Err(ConferenceError::Conflict);
    }
    let subject = match what {
        Reported::Proposal(id) => Subject::Proposal(conference.id, id.0),
        Reported::Comment(id) => Subject::Comment(conference.id, id.0),
    };
    if let Some(reason) = hide {
        let hidden = match what {
            Reported::Proposal(id) => {
                proposal_store::hide(tx, conference, id, reason, actor, now).await
            }
            Reported::Comment(id) => hide_comment(tx, conference, id, reason, actor, now).await,
        };
        match hidden {
            Ok(()) | Err(ConferenceError::Conflict) => {}
            Err(e) => return Err(e),
        }
    }
    audit_store::audit(
        tx,
        staff_entry(conference, actor, Action::ReportResolve, subject)
            .after(json!({ "resolution": resolution, "reports": closed })),
        now,
    )
    .await?;
    Ok(())
}
