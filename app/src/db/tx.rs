//! Write transactions. Every staff action is one transaction holding both the change and
//! its audit entry, so neither can exist without the other.

use sqlx::{Postgres, Sqlite, Transaction};

use super::{Backend, Db};

/// An open write transaction on either backend.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// Runs the same sqlx code inside whichever transaction `tx` is; `$conn` is the concrete
/// connection (`&mut SqliteConnection` or `&mut PgConnection`).
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(transaction) => {
                let $conn = &mut **transaction;
                $body
            }
            $crate::db::Tx::Postgres(transaction) => {
                let $conn = &mut **transaction;
                $body
            }
        }
    };
}

/// Runs one statement with its binds in the transaction `tx` and gives the number of rows
/// it touched: `execute!(tx, "UPDATE … WHERE id = $1", id)?`.
#[macro_export]
macro_rules! execute {
    ($tx:expr, $sql:expr $(, $arg:expr)* $(,)?) => {
        $crate::on_tx!($tx, |conn| {
            sqlx::query($sql)
                $(.bind($arg))*
                .execute(&mut *conn)
                .await
                .map(|done| done.rows_affected())
        })
    };
}

/// [`execute!`] on the pool, for a statement that needs no transaction of its own:
/// `execute_on_db!(db, "DELETE … WHERE id = $1", id)?`.
#[macro_export]
macro_rules! execute_on_db {
    ($db:expr, $sql:expr $(, $arg:expr)* $(,)?) => {
        $crate::on_db!($db, |pool| {
            sqlx::query($sql)
                $(.bind($arg))*
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })
    };
}

impl Db {
    /// Starts a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a transaction that reads first and upgrades later can fail
    /// with "database is locked" under concurrency, however long the busy timeout.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(transaction) => transaction.commit().await,
            Tx::Postgres(transaction) => transaction.commit().await,
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Tx::Sqlite(_) => Backend::Sqlite,
            Tx::Postgres(_) => Backend::Postgres,
        }
    }
}
