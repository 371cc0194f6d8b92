//! Proposals and their supports on either backend.

use serde_json::json;

use crate::conferences::edition::rules::Conference;
use crate::conferences::edition::store::staff_entry;
use crate::conferences::error::{ConferenceError, corrupt};
use crate::conferences::event::rules::{Event, EventStatus};
use crate::conferences::event::store as event_store;
use crate::conferences::proposal::rules::{NewProposal, Outcome, Proposal, status};
use crate::db::{Reader, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::ids::{AccountId, ConferenceId, EventId, ProposalId};
use crate::{execute, on_read, on_tx};

type Row = (
    i64,
    i64,
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
    i64,
    i64,
);

/// A proposal with its supports and what fed on it (consolidated proposals, motions).
const SELECT: &str = "SELECT p.id, p.event_id, p.theme, p.level, p.language, p.title, p.body, \
     p.outcome, p.hidden_reason, \
     (SELECT COUNT(*) FROM proposal_supports s WHERE s.proposal_id = p.id), \
     (SELECT COUNT(*) FROM consolidated_sources cs JOIN consolidated_proposals c ON c.id = cs.consolidated_id \
      WHERE cs.proposal_id = p.id AND NOT c.motion), \
     (SELECT COUNT(*) FROM consolidated_sources cs JOIN consolidated_proposals c ON c.id = cs.consolidated_id \
      WHERE cs.proposal_id = p.id AND c.motion) \
     FROM proposals p";

fn proposal(row: Row) -> Result<Proposal, ConferenceError> {
    let (id, event, theme, level, language, title, body, outcome, hidden, supports, fed, motions) =
        row;
    let outcome =
        Outcome::from_code(&outcome).ok_or_else(|| corrupt(format!("outcome {outcome}")))?;
    Ok(Proposal {
        id: ProposalId(id),
        event: EventId(event),
        theme,
        level,
        language,
        title,
        body,
        supports,
        status: status(outcome, hidden.is_some(), fed, motions),
        hidden_reason: hidden,
    })
}

/// A checked-in participant's proposal at an approved event, while events are open.
pub async fn submit_proposal(
    tx: &mut Tx,
    conference: &Conference,
    event: &Event,
    author: AccountId,
    new: &NewProposal,
    now: i64,
) -> Result<ProposalId, ConferenceError> {
    if !conference.phase.events_open() || event.status != EventStatus::Approved {
        return Err(ConferenceError::WrongPhase);
    }
    if !event_store::is_participant(&mut *tx, event.id, author, true).await? {
        return Err(ConferenceError::NotCheckedIn);
    }
    let (id,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO proposals (event_id, theme, level, language, title, body, author_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(event.id)
        .bind(new.theme)
        .bind(&new.level)
        .bind(&new.language)
        .bind(&new.title)
        .bind(&new.body)
        .bind(author)
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    })?;
    // Version 1 of its text: amendments accepted later add the next ones.
    execute!(
        tx,
        "INSERT INTO proposal_versions (proposal_id, version, title, body, amendment_id, created_at) \
         VALUES ($1, 1, $2, $3, NULL, $4)",
        id,
        &new.title,
        &new.body,
        now,
    )?;
    Ok(ProposalId(id))
}

/// Supports a proposal once: `false` when `account` already supports it (nothing is
/// written). The table's key is the rule, so two tabs at once still make one support.
pub async fn support(
    tx: &mut Tx,
    proposal: ProposalId,
    account: AccountId,
) -> Result<bool, ConferenceError> {
    let done = execute!(
        tx,
        "INSERT INTO proposal_supports (proposal_id, account_id) VALUES ($1, $2) \
         ON CONFLICT (proposal_id, account_id) DO NOTHING",
        proposal,
        account,
    )?;
    Ok(done == 1)
}

/// Whether `account` supports `proposal`.
pub async fn supports<'a>(
    reader: impl Into<Reader<'a>>,
    proposal: ProposalId,
    account: AccountId,
) -> Result<bool, ConferenceError> {
    let (n,): (i64,) = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = $1 AND account_id = $2",
        )
        .bind(proposal)
        .bind(account)
        .fetch_one(conn)
        .await
    })?;
    Ok(n > 0)
}

/// Records a proposal's outcome (out of scope, withdrawn, or open again), audited.
pub async fn set_outcome(
    tx: &mut Tx,
    conference: &Conference,
    proposal: ProposalId,
    outcome: Outcome,
    actor: AccountId,
    now: i64,
) -> Result<(), ConferenceError> {
    let before = proposal_in(&mut *tx, conference.id, proposal).await?;
    let (stored,): (String,) = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT outcome FROM proposals WHERE id = $1")
            .bind(proposal)
            .fetch_one(&mut *conn)
            .await
    })?;
    if stored == outcome.code() {
        return Ok(());
    }
    execute!(
        tx,
        "UPDATE proposals SET outcome = $1 WHERE id = $2",
        outcome.code(),
        proposal
    )?;
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            Action::ProposalOutcome,
            Subject::Proposal(conference.id, proposal.0),
        )
        .before(json!({ "outcome": stored, "status": before.status.code() }))
        .after(json!({ "outcome": outcome.code() })),
        now,
    )
    .await?;
    Ok(())
}

/// Hides a proposal with a reason (moderation), audited; it stays in the record, shown
/// as "hidden by moderation" with the reason.
pub async fn hide(
    tx: &mut Tx,
    conference: &Conference,
    proposal: ProposalId,
    reason: &str,
    actor: AccountId,
    now: i64,
) -> Result<(), ConferenceError> {
    proposal_in(&mut *tx, conference.id, proposal).await?;
    let changed = execute!(
        tx,
        "UPDATE proposals SET hidden_reason = $1 WHERE id = $2 AND hidden_reason IS NULL",
        reason,
        proposal,
    )?;
    if changed != 1 {
        return Err(ConferenceError::Conflict);
    }
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            Action::ProposalHide,
            Subject::Proposal(conference.id, proposal.0),
        )
        .after(json!({ "reason": reason })),
        now,
    )
    .await?;
    Ok(())
}

/// Adds or replaces a translation of a proposal's title and text.
pub async fn translate(
    tx: &mut Tx,
    proposal: ProposalId,
    language: &str,
    title: &str,
    body: &str,
) -> Result<(), ConferenceError> {
    execute!(
        tx,
        "INSERT INTO proposal_translations (proposal_id, language, title, body) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (proposal_id, language) DO UPDATE SET title = excluded.title, body = excluded.body",
        proposal,
        language,
        title,
        body,
    )?;
    Ok(())
}

/// A proposal's translations: (language, title, text).
pub async fn translations<'a>(
    reader: impl Into<Reader<'a>>,
    proposal: ProposalId,
) -> Result<Vec<(String, String, String)>, ConferenceError> {
    Ok(on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT language, title, body FROM proposal_translations WHERE proposal_id = $1 ORDER BY language",
        )
        .bind(proposal)
        .fetch_all(conn)
        .await
    })?)
}

/// The proposal `id` if it belongs to `conference`.
pub async fn proposal_in<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
    id: ProposalId,
) -> Result<Proposal, ConferenceError> {
    let sql = format!(
        "{SELECT} JOIN conference_events e ON e.id = p.event_id WHERE p.id = $1 AND e.conference_id = $2"
    );
    let row: Option<Row> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql)
            .bind(id)
            .bind(conference)
            .fetch_optional(conn)
            .await
    })?;
    row.map(proposal)
        .transpose()?
        .ok_or(ConferenceError::NotFound)
}

/// An event's proposals, by theme then id.
pub async fn proposals_of_event<'a>(
    reader: impl Into<Reader<'a>>,
    event: EventId,
) -> Result<Vec<Proposal>, ConferenceError> {
    let sql = format!("{SELECT} WHERE p.event_id = $1 ORDER BY p.theme, p.id");
    let rows: Vec<Row> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql).bind(event).fetch_all(conn).await
    })?;
    rows.into_iter().map(proposal).collect()
}

/// Every proposal of a conference's events, by id.
pub async fn proposals_of_conference<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
) -> Result<Vec<Proposal>, ConferenceError> {
    let sql = format!(
        "{SELECT} JOIN conference_events e ON e.id = p.event_id WHERE e.conference_id = $1 ORDER BY p.id"
    );
    let rows: Vec<Row> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql).bind(conference).fetch_all(conn).await
    })?;
    rows.into_iter().map(proposal).collect()
}

/// What a public list of proposals is narrowed to; empty fields narrow nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProposalFilter {
    pub theme: Option<i64>,
    pub event: Option<EventId>,
    pub level: Option<String>,
    pub status: Option<crate::conferences::proposal::rules::ProposalStatus>,
    /// Words to find in the title or text (each word must appear).
    pub words: Option<String>,
}

/// A page of proposals.
pub const PAGE_SIZE: i64 = 50;

/// The words of a search as each engine reads them: SQLite's FTS5 gets every word quoted
/// (so no word is read as an operator) and all required; PostgreSQL gets the plain text
/// (`plainto_tsquery` ignores operators itself). `None` when no word is left.
pub fn search_words(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A conference's proposals narrowed by `filter`, one page (from 1) in id order, and how
/// many there are in all. Hidden proposals are found by their status only, never by
/// their words. Each backend searches with its own engine (FTS5; tsvector with GIN).
pub async fn list_proposals(
    db: &crate::db::Db,
    conference: ConferenceId,
    filter: &ProposalFilter,
    page: i64,
) -> Result<(Vec<Proposal>, i64), ConferenceError> {
    use crate::conferences::proposal::rules::ProposalStatus as S;
    let backend = db.backend();
    let mut conditions = vec!["e.conference_id = $1".to_owned()];
    let mut n = 1;
    let mut next = || {
        n += 1;
        format!("${n}")
    };
    let theme = filter.theme.map(|t| (format!("p.theme = {}", next()), t));
    let event = filter
        .event
        .map(|e| (format!("p.event_id = {}", next()), e));
    let level = filter
        .level
        .clone()
        .map(|l| (format!("p.level = {}", next()), l));
    let words = filter.words.as_deref().and_then(search_words).map(|w| {
        let at = next();
        let condition = match backend {
            crate::db::Backend::Sqlite => {
                format!("p.id IN (SELECT rowid FROM proposals_fts WHERE proposals_fts MATCH {at})")
            }
            crate::db::Backend::Postgres => format!("p.search @@ plainto_tsquery('simple', {at})"),
        };
        let text = match backend {
            crate::db::Backend::Sqlite => w,
            crate::db::Backend::Postgres => w.replace('"', ""),
        };
        (format!("{condition} AND p.hidden_reason IS NULL"), text)
    });
    for condition in [
        &theme.as_ref().map(|t| &t.0),
        &event.as_ref().map(|t| &t.0),
        &level.as_ref().map(|t| &t.0),
        &words.as_ref().map(|t| &t.0),
    ]
    .into_iter()
    .flatten()
    {
        conditions.push((*condition).clone());
    }
    const FED: &str = "EXISTS (SELECT 1 FROM consolidated_sources cs JOIN consolidated_proposals c ON c.id = cs.consolidated_id WHERE cs.proposal_id = p.id AND NOT c.motion)";
    const MOTION: &str = "EXISTS (SELECT 1 FROM consolidated_sources cs JOIN consolidated_proposals c ON c.id = cs.consolidated_id WHERE cs.proposal_id = p.id AND c.motion)";
    // The status rule of `rules::status`, in SQL.
    if let Some(status) = filter.status {
        let visible = "p.outcome <> 'withdrawn' AND p.hidden_reason IS NULL";
        conditions.push(match status {
            S::Withdrawn => "p.outcome = 'withdrawn'".to_owned(),
            S::Hidden => "p.outcome <> 'withdrawn' AND p.hidden_reason IS NOT NULL".to_owned(),
            S::Consolidated => format!("{visible} AND {FED}"),
            S::Motion => format!("{visible} AND NOT {FED} AND {MOTION}"),
            S::OutOfScope => {
                format!("{visible} AND NOT {FED} AND NOT {MOTION} AND p.outcome = 'out_of_scope'")
            }
            S::Submitted => {
                format!("{visible} AND NOT {FED} AND NOT {MOTION} AND p.outcome = 'open'")
            }
        });
    }
    let filter_sql = format!(
        "FROM proposals p JOIN conference_events e ON e.id = p.event_id AND e.status = 'approved' WHERE {}",
        conditions.join(" AND ")
    );
    let count_sql = format!("SELECT COUNT(*) {filter_sql}");
    let offset = (page.max(1) - 1) * PAGE_SIZE;
    let page_sql = format!(
        "{SELECT} WHERE p.id IN (SELECT p.id {filter_sql} ORDER BY p.id LIMIT {PAGE_SIZE} OFFSET {offset}) ORDER BY p.id"
    );
    macro_rules! bind_all {
        ($query:expr) => {{
            let mut query = $query.bind(conference);
            if let Some((_, t)) = &theme {
                query = query.bind(*t);
            }
            if let Some((_, e)) = &event {
                query = query.bind(*e);
            }
            if let Some((_, l)) = &level {
                query = query.bind(l.clone());
            }
            if let Some((_, w)) = &words {
                query = query.bind(w.clone());
            }
            query
        }};
    }
    let (total,): (i64,) = crate::on_db!(db, |pool| {
        bind_all!(sqlx::query_as(&count_sql)).fetch_one(pool).await
    })?;
    let rows: Vec<Row> = crate::on_db!(db, |pool| {
        bind_all!(sqlx::query_as(&page_sql)).fetch_all(pool).await
    })?;
    Ok((
        rows.into_iter().map(proposal).collect::<Result<_, _>>()?,
        total,
    ))
}
