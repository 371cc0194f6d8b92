//! Appending to and reading the audit log, on either backend.

use crate::db::{Db, Tx};
use crate::platform::audit::chain::{AuditRecord, ChainBreak, ChainSummary, verify_chain};
use crate::platform::audit::event::{Action, Process, Subject};
use crate::platform::text::labels::Labels;
use crate::{on_db, on_tx};

/// A staff action to record.
#[derive(Clone, Debug)]
pub struct AuditEvent {
    pub organization_id: Option<i64>,
    pub actor_account_id: Option<i64>,
    pub action: Action,
    pub subject: Subject,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl AuditEvent {
    /// `actor` did `action` to `subject` in `organization` (ids as stored); add the state
    /// before and after with [`AuditEvent::before`] and [`AuditEvent::after`].
    pub fn new(
        organization: Option<i64>,
        actor: Option<i64>,
        action: Action,
        subject: Subject,
    ) -> Self {
        Self {
            organization_id: organization,
            actor_account_id: actor,
            action,
            subject,
            before: None,
            after: None,
        }
    }

    pub fn before(self, state: serde_json::Value) -> Self {
        self.before_state(Some(state))
    }

    pub fn after(self, state: serde_json::Value) -> Self {
        self.after_state(Some(state))
    }

    /// The state before, when there may be none.
    pub fn before_state(mut self, state: Option<serde_json::Value>) -> Self {
        self.before = state;
        self
    }

    /// The state after, when there may be none.
    pub fn after_state(mut self, state: Option<serde_json::Value>) -> Self {
        self.after = state;
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error("the audit log is broken: {0}")]
    Broken(#[from] ChainBreak),
}

/// Whose entries a page lists.
enum Scope {
    Organization(i64),
    Process(String),
}

const COLUMNS: &str = "seq, at, organization_id, actor_account_id, action, subject, \
                       before_state, after_state, prev_hash, hash";

/// Appends `event` to the chain inside this transaction. The head row is locked (by
/// `FOR UPDATE` on PostgreSQL, by the write lock on SQLite) until commit, so
/// concurrent appends line up one behind the other.
pub async fn audit(tx: &mut Tx, event: AuditEvent, now: i64) -> Result<AuditRecord, sqlx::Error> {
    let lock = tx.backend().for_update();
    let head_query = format!("SELECT seq, hash FROM audit_head WHERE id = 1{lock}");
    let (head_seq, head_hash): (i64, String) = on_tx!(tx, |conn| sqlx::query_as(&head_query)
        .fetch_one(&mut *conn)
        .await)?;
    let mut entry = AuditRecord {
        seq: head_seq + 1,
        at: now,
        organization_id: event.organization_id,
        actor_account_id: event.actor_account_id,
        action: event.action.code().to_owned(),
        subject: event.subject.text(),
        before: event.before.map(|v| v.to_string()),
        after: event.after.map(|v| v.to_string()),
        prev_hash: head_hash,
        hash: String::new(),
    };
    entry.hash = entry.compute_hash();
    on_tx!(tx, |conn| {
        sqlx::query(&format!(
            "INSERT INTO audit_log ({COLUMNS}, process) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
        ))
        .bind(entry.seq)
        .bind(entry.at)
        .bind(entry.organization_id)
        .bind(entry.actor_account_id)
        .bind(&entry.action)
        .bind(&entry.subject)
        .bind(&entry.before)
        .bind(&entry.after)
        .bind(&entry.prev_hash)
        .bind(&entry.hash)
        .bind(event.subject.process().map(Process::text))
        .execute(&mut *conn)
        .await?;
        sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
            .bind(entry.seq)
            .bind(&entry.hash)
            .execute(&mut *conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(entry)
}

/// Newest first: up to `limit` entries of one organization with `seq` below `before`.
pub async fn audit_page(
    db: &Db,
    organization_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRecord>, sqlx::Error> {
    audit_entries(
        db,
        "organization_id",
        Scope::Organization(organization_id),
        before,
        limit,
    )
    .await
}

/// The name an audit page shows for `subject`: a person's display name (an account, a
/// registration), an organization's or election's title, a candidacy's name, an
/// election's title and station number.
pub async fn subject_name(db: &Db, subject: Subject) -> Result<Option<String>, sqlx::Error> {
    let (sql, id) = match subject {
        Subject::Organization(id) => ("SELECT name FROM organizations WHERE id = $1", id.0),
        Subject::Account(id) => ("SELECT display_name FROM accounts WHERE id = $1", id.0),
        Subject::Registration(id) => (
            "SELECT a.display_name FROM registrations r \
             JOIN accounts a ON a.id = r.account_id WHERE r.id = $1",
            id.0,
        ),
        Subject::Election(id) | Subject::Station(id, _) => {
            ("SELECT title FROM elections WHERE id = $1", id.0)
        }
        // Candidacy ids are the table's own: the election adds nothing to find one.
        Subject::Candidacy(_, id) => ("SELECT name FROM candidacies WHERE id = $1", id),
        Subject::Conference(id) | Subject::Plenary(id, _) => {
            ("SELECT names FROM conferences WHERE id = $1", id.0)
        }
        Subject::Event(_, id) => ("SELECT name FROM conference_events WHERE id = $1", id),
        Subject::Proposal(_, id) => ("SELECT title FROM proposals WHERE id = $1", id),
        // A comment by the proposal it is on: its words (maybe abusive) stay out of the log.
        Subject::Comment(_, id) => (
            "SELECT p.title FROM proposal_comments c JOIN proposals p ON p.id = c.proposal_id \
             WHERE c.id = $1",
            id,
        ),
        Subject::Consolidated(_, id) => (
            "SELECT code || ' ' || title FROM consolidated_proposals WHERE id = $1",
            id,
        ),
        Subject::Call(id) => ("SELECT titles FROM calls WHERE id = $1", id.0),
        Subject::Category(_, id) => ("SELECT names FROM call_categories WHERE id = $1", id),
        // An application by its receipt number (or its title while a draft).
        Subject::Application(_, id) => (
            "SELECT COALESCE(receipt, title) FROM call_applications WHERE id = $1",
            id,
        ),
    };
    let row: Option<(String,)> = on_db!(db, |pool| sqlx::query_as(sql)
        .bind(id)
        .fetch_optional(pool)
        .await)?;
    Ok(row.map(|(name,)| match subject {
        Subject::Station(_, station) => format!("{name} #{station}"),
        // An edition's names in several languages: the original.
        Subject::Conference(_)
        | Subject::Plenary(..)
        | Subject::Call(_)
        | Subject::Category(..) => serde_json::from_str::<Labels>(&name)
            .ok()
            .and_then(|labels| labels.original().map(|(_, text)| text.to_owned()))
            .unwrap_or(name),
        _ => name,
    }))
}

/// Checks the whole log (see [`verify_audit_chain`]) and that it still reaches
/// `published`, a head someone wrote down earlier (from an election page, the
/// minutes, a previous run): a log truncated before it, or rewritten since (every
/// later hash recomputed), no longer holds an entry with that hash.
pub async fn verify_audit_chain_reaching(
    db: &Db,
    published: &str,
) -> Result<ChainSummary, AuditError> {
    let summary = verify_audit_chain(db).await?;
    let published = published.trim().to_ascii_lowercase();
    let found: Option<(i64,)> = on_db!(db, |pool| {
        sqlx::query_as("SELECT seq FROM audit_log WHERE hash = $1")
            .bind(&published)
            .fetch_optional(pool)
            .await
    })?;
    if found.is_none() && published != crate::platform::audit::GENESIS_HASH {
        return Err(ChainBreak::HeadNotReached { head: published }.into());
    }
    Ok(summary)
}

/// The entries about one process (for an election: its calendar, candidacies, photos,
/// stations, kiosks), newest first: what its commission reads.
pub async fn process_audit_page(
    db: &Db,
    process: Process,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRecord>, sqlx::Error> {
    audit_entries(db, "process", Scope::Process(process.text()), before, limit).await
}

/// A page of entries whose `column` equals the scope's value, newest first.
async fn audit_entries(
    db: &Db,
    column: &'static str,
    scope: Scope,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM audit_log WHERE {column} = $1 AND seq < $2 \
         ORDER BY seq DESC LIMIT $3"
    );
    on_db!(db, |pool| {
        let query = sqlx::query_as(&sql);
        let query = match &scope {
            Scope::Organization(id) => query.bind(*id),
            Scope::Process(text) => query.bind(text.clone()),
        };
        query
            .bind(before.unwrap_or(i64::MAX))
            .bind(limit)
            .fetch_all(pool)
            .await
    })
}

/// Reads the whole log in order and checks every link, and the head.
pub async fn verify_audit_chain(db: &Db) -> Result<ChainSummary, AuditError> {
    let (head,): (String,) = on_db!(db, |pool| {
        sqlx::query_as("SELECT hash FROM audit_head WHERE id = 1")
            .fetch_one(pool)
            .await
    })?;
    let rows: Vec<AuditRecord> = on_db!(db, |pool| {
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq"))
            .fetch_all(pool)
            .await
    })?;
    let summary = verify_chain(rows, &head)?;
    // The process column is not hashed (it is read from the subject, which is): it must
    // say what the subject says, or a process's log could hide one of its entries.
    let filed: Vec<(i64, String, Option<String>)> = on_db!(db, |pool| {
        sqlx::query_as("SELECT seq, subject, process FROM audit_log ORDER BY seq")
            .fetch_all(pool)
            .await
    })?;
    for (seq, subject, process) in filed {
        let expected = Subject::parse(&subject)
            .and_then(Subject::process)
            .map(Process::text);
        if process != expected {
            return Err(ChainBreak::MisfiledProcess { seq }.into());
        }
    }
    Ok(summary)
}
