//! What SQLite and PostgreSQL say differently, in one place: row locks, and how each
//! reports a unique-constraint violation. (Full-text search will join them.)

use crate::db::Backend;

impl Backend {
    /// The row lock a read inside a write transaction takes so that concurrent writers of
    /// the same row queue behind it. SQLite needs none: `BEGIN IMMEDIATE` already holds
    /// the database's one write lock.
    pub fn for_update(self) -> &'static str {
        match self {
            Backend::Postgres => " FOR UPDATE",
            Backend::Sqlite => "",
        }
    }

    /// A shared row lock: many holders at once, but no writer of the row meanwhile.
    pub fn for_share(self) -> &'static str {
        match self {
            Backend::Postgres => " FOR SHARE",
            Backend::Sqlite => "",
        }
    }
}

/// Whether `error` is a unique-constraint violation — on `column`, when given: each
/// backend names the column or its constraint in the error, never in the same words.
pub fn is_unique_violation(error: &sqlx::Error, column: Option<&str>) -> bool {
    match error {
        sqlx::Error::Database(db) if db.is_unique_violation() => column.is_none_or(|column| {
            let names = format!("{} {}", db.constraint().unwrap_or_default(), db.message());
            names.contains(column)
        }),
        _ => false,
    }
}
