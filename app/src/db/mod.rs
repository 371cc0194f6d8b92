//! The database: SQLite (embedded default) or PostgreSQL, chosen by the URL.
//!
//! Both backends are first-class. Domain stores are written once against [`Db`] with
//! [`on_db!`] wherever the SQL is the same (we keep it portable: `$1` parameters,
//! `BIGINT` unix milliseconds, `RETURNING`), and match on the backend where it is not.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

pub mod dialect;
mod tx;
pub use tx::Tx;

/// A connection pool to one of the two supported backends.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL {0:?}: use sqlite://path/to/file.db or postgres://…")]
    UnsupportedUrl(String),
    #[error("cannot create the folder for the SQLite file: {0}")]
    CreateDir(#[from] std::io::Error),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Runs the same sqlx code against whichever backend `db` is; `$pool` is bound to the
/// concrete pool, so the body is type-checked once per backend.
#[macro_export]
macro_rules! on_db {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

/// Where a read runs: on the pool, or inside an open write transaction (which sees its own
/// writes and holds its locks). One read function then serves both; `&db` and `&mut tx`
/// convert into it.
pub enum Reader<'a> {
    Db(&'a Db),
    Tx(&'a mut Tx),
}

impl Reader<'_> {
    /// The same reader for one more query (a read that takes several).
    pub fn reborrow(&mut self) -> Reader<'_> {
        match self {
            Reader::Db(db) => Reader::Db(db),
            Reader::Tx(tx) => Reader::Tx(tx),
        }
    }
}

impl<'a> From<&'a Db> for Reader<'a> {
    fn from(db: &'a Db) -> Self {
        Reader::Db(db)
    }
}

impl<'a> From<&'a mut Tx> for Reader<'a> {
    fn from(tx: &'a mut Tx) -> Self {
        Reader::Tx(tx)
    }
}

/// Runs the same sqlx read on whichever backend and place a [`Reader`] names; `$conn` is
/// the pool or the transaction's connection, typed per arm.
#[macro_export]
macro_rules! on_read {
    ($reader:expr, |$conn:ident| $body:expr) => {
        match $reader {
            $crate::db::Reader::Db($crate::db::Db::Sqlite($conn)) => $body,
            $crate::db::Reader::Db($crate::db::Db::Postgres($conn)) => $body,
            $crate::db::Reader::Tx($crate::db::Tx::Sqlite(transaction)) => {
                let $conn = &mut **transaction;
                $body
            }
            $crate::db::Reader::Tx($crate::db::Tx::Postgres(transaction)) => {
                let $conn = &mut **transaction;
                $body
            }
        }
    };
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

impl Db {
    /// Opens a pool; a SQLite file (and its folder) is created when missing.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        if url.starts_with("sqlite:") {
            Self::connect_sqlite(url).await
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            Err(DbError::UnsupportedUrl(url.to_owned()))
        }
    }

    async fn connect_sqlite(url: &str) -> Result<Db, DbError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            // Readers never block the writer and vice versa.
            .journal_mode(SqliteJournalMode::Wal)
            // An acknowledged ballot must survive a power cut, not only a crash.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // Writers queue instead of failing with "database is locked".
            .busy_timeout(Duration::from_secs(30));
        if let Some(dir) = options.get_filename().parent()
            && !dir.as_os_str().is_empty()
            && dir != Path::new(":memory:")
        {
            std::fs::create_dir_all(dir)?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options)
            .await?;
        Ok(Db::Sqlite(pool))
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Brings the schema up to date; safe to run from several processes at once
    /// (sqlx takes an advisory lock on PostgreSQL).
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// A round trip to the database, for health checks.
    pub async fn ping(&self) -> Result<(), DbError> {
        on_db!(self, |pool| sqlx::query("SELECT 1")
            .execute(pool)
            .await
            .map(|_| ()))?;
        Ok(())
    }

    pub async fn close(&self) {
        on_db!(self, |pool| pool.close().await);
    }
}

/// Milliseconds since the Unix epoch: the one time format in both schemas.
pub fn now_millis() -> i64 {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX)
}
