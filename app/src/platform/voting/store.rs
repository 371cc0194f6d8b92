//! The ballot box on either backend: polls, marks, ballots and the seal.
//!
//! Secrecy by construction: casting writes a *mark* (who voted, keyed by account) and a
//! *ballot* (what was chosen, keyed by a random tracking code) in one transaction, and the
//! two rows share nothing but the poll id. Neither carries a time. On SQLite both tables
//! are `WITHOUT ROWID`, so rows are stored in key order; on PostgreSQL the heap keeps
//! insertion order, so [`seal_ballot_box`] rewrites both tables in key order when voting
//! closes, before anything can be exported.

use crate::accounts::access_code::store::random_code;
use crate::db::{Db, Reader, Tx};
use crate::platform::audit::event::Subject;
use crate::platform::ids::{AccountId, OrganizationId, PollId};
use crate::platform::voting::{Channel, PollKind};
use crate::{execute, on_db, on_read, on_tx};

/// A ballot's public receipt: 80 random bits, `XXXX-XXXX-XXXX-XXXX`.
pub fn new_tracking_code() -> String {
    let raw = random_code(16);
    raw.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// Opens a new ballot box of `kind` for `owner` (one per kind and owner): an election,
/// or one event of a conference.
pub async fn create_poll(
    tx: &mut Tx,
    organization: OrganizationId,
    kind: PollKind,
    owner: Subject,
) -> Result<PollId, sqlx::Error> {
    let (id,): (PollId,) = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO polls (organization_id, kind, owner) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(organization)
        .bind(kind)
        .bind(owner.text())
        .fetch_one(&mut *conn)
        .await
    })?;
    Ok(id)
}

/// The ballot box of `kind` for `owner`, if it was opened.
pub async fn poll_of(
    reader: impl Into<Reader<'_>>,
    kind: PollKind,
    owner: Subject,
) -> Result<Option<PollId>, sqlx::Error> {
    let row: Option<(PollId,)> = on_read!(reader.into(), |conn| {
        sqlx::query_as("SELECT id FROM polls WHERE kind = $1 AND owner = $2")
            .bind(kind)
            .bind(owner.text())
            .fetch_optional(conn)
            .await
    })?;
    Ok(row.map(|(id,)| id))
}

/// How many ballots of `poll` hold each content (a count: no ballot is read alone).
pub async fn contents_counted(
    reader: impl Into<Reader<'_>>,
    poll: PollId,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT content, COUNT(*) FROM ballots WHERE poll_id = $1 GROUP BY content ORDER BY content",
        )
        .bind(poll)
        .fetch_all(conn)
        .await
    })
}

/// Marks `account` as having voted in `poll` (by `channel`, at `station` for an
/// in-person vote). `false` when they already have a mark: nothing is written then,
/// and the caller must not put a ballot in the box. (On PostgreSQL the failed insert
/// ends the transaction: return without writing more.)
pub async fn mark(
    tx: &mut Tx,
    poll: PollId,
    account: AccountId,
    channel: Channel,
    station: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let marked = execute!(
        tx,
        "INSERT INTO voter_marks (poll_id, account_id, channel, station_id) VALUES ($1, $2, $3, $4)",
        poll,
        account,
        channel,
        station,
    );
    match marked {
        Err(e) if crate::db::dialect::is_unique_violation(&e, None) => Ok(false),
        other => other.map(|_| true),
    }
}

/// Puts one ballot in the box: its random tracking code and its canonical content,
/// nothing else (no person, no time, no channel, no station).
pub async fn insert_ballot(
    tx: &mut Tx,
    poll: PollId,
    tracking_code: &str,
    content: &str,
) -> Result<(), sqlx::Error> {
    execute!(
        tx,
        "INSERT INTO ballots (poll_id, tracking_code, content) VALUES ($1, $2, $3)",
        poll,
        tracking_code,
        content,
    )?;
    Ok(())
}

/// How many people were marked at `station` (what the poll worker's screen shows).
pub async fn marks_at_station<'a>(
    reader: impl Into<Reader<'a>>,
    poll: PollId,
    station: i64,
) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = on_read!(reader.into(), |conn| {
        sqlx::query_as(MARKS_AT_STATION)
            .bind(poll)
            .bind(station)
            .fetch_one(conn)
            .await
    })?;
    Ok(n)
}

const MARKS_AT_STATION: &str =
    "SELECT COUNT(*) FROM voter_marks WHERE poll_id = $1 AND station_id = $2";

/// Whether `account` has a mark in `poll`.
pub async fn has_marked(db: &Db, poll: PollId, account: AccountId) -> Result<bool, sqlx::Error> {
    let row: Option<(AccountId,)> = on_db!(db, |pool| {
        sqlx::query_as("SELECT account_id FROM voter_marks WHERE poll_id = $1 AND account_id = $2")
            .bind(poll)
            .bind(account)
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.is_some())
}

/// Whether a ballot with `tracking_code` is in `poll`'s box (says nothing of its content).
pub async fn has_ballot(db: &Db, poll: PollId, tracking_code: &str) -> Result<bool, sqlx::Error> {
    let row: Option<(String,)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT tracking_code FROM ballots WHERE poll_id = $1 AND tracking_code = $2",
        )
        .bind(poll)
        .bind(tracking_code)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.is_some())
}

/// The marks of `poll` counted by channel and station (turnout, never ballot content).
pub async fn marks_by_place(
    db: &Db,
    poll: PollId,
) -> Result<Vec<(Channel, Option<i64>, i64)>, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT channel, station_id, COUNT(*) FROM voter_marks WHERE poll_id = $1 \
             GROUP BY channel, station_id",
        )
        .bind(poll)
        .fetch_all(pool)
        .await
    })
}

/// The ballots of `poll` as stored (tracking code, canonical content), by code.
pub async fn ballot_rows(db: &Db, poll: PollId) -> Result<Vec<(String, String)>, sqlx::Error> {
    on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT tracking_code, content FROM ballots WHERE poll_id = $1 ORDER BY tracking_code",
        )
        .bind(poll)
        .fetch_all(pool)
        .await
    })
}

/// Rewrites the marks and ballots in key order, erasing any trace of the order in which
/// they were written. Run when voting closes (idempotent).
///
/// On SQLite the tables are kept in key order (`WITHOUT ROWID`), but the bytes are not:
/// within a page, cells sit where free space was when they arrived, freed pages keep
/// old cells, and the write-ahead log keeps every earlier version of every page. So:
/// `VACUUM` rebuilds the file in key order, then a truncating checkpoint empties the
/// log.
///
/// On PostgreSQL every row carries system columns: `xmin` (the transaction that wrote
/// it, shared by a mark and its ballot, and increasing with time), `cmin`, `ctid` (its
/// place in the heap) and, with `track_commit_timestamp`, a commit time. `CLUSTER`
/// would reorder the heap but keep `xmin`. So each table is copied aside, emptied with
/// `TRUNCATE` (a new, empty file; the old one is unlinked at commit) and filled again in
/// key order by one `INSERT`, in a transaction of its own: afterwards every mark has
/// one `xmin`, every ballot another, `cmin` is one value per table, `xmax` is zero and
/// `ctid` follows the key.
pub async fn seal_ballot_box(db: &Db) -> Result<(), sqlx::Error> {
    match db {
        Db::Postgres(pool) => {
            for (table, key) in SEALED_TABLES {
                rewrite_in_key_order(pool, table, key).await?;
            }
        }
        Db::Sqlite(pool) => {
            sqlx::query("VACUUM").execute(pool).await?;
            truncate_wal(pool).await?;
        }
    }
    Ok(())
}

/// The tables the seal rewrites, with the key they are rewritten in: the marks (who voted)
/// and the ballots (what was chosen), of every poll.
const SEALED_TABLES: [(&str, &str); 2] = [
    ("voter_marks", "poll_id, account_id"),
    ("ballots", "poll_id, tracking_code"),
];

/// One table, copied aside, emptied and written back in key order, in one transaction.
async fn rewrite_in_key_order(
    pool: &sqlx::PgPool,
    table: &str,
    key: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    // Casting in another poll waits for this short lock rather than see a half-copy.
    sqlx::query(&format!("LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"))
        .execute(&mut *tx)
        .await?;
    sqlx::query(&format!(
        "CREATE TEMP TABLE seal_copy ON COMMIT DROP AS SELECT * FROM {table}"
    ))
    .execute(&mut *tx)
    .await?;
    sqlx::query(&format!("TRUNCATE {table}"))
        .execute(&mut *tx)
        .await?;
    sqlx::query(&format!(
        "INSERT INTO {table} SELECT * FROM seal_copy ORDER BY {key}"
    ))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Copies the write-ahead log into the database file and empties it. A reader holding an
/// old snapshot makes the checkpoint report "busy"; readers are short, so try again.
async fn truncate_wal(pool: &sqlx::SqlitePool) -> Result<(), sqlx::Error> {
    for _ in 0..50 {
        let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(pool)
            .await?;
        if busy == 0 {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(sqlx::Error::Protocol(
        "the write-ahead log stayed busy: ballot box not sealed".into(),
    ))
}
