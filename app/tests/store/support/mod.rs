//! Fresh, empty, migrated databases for black-box tests, on either backend.
//!
//! PostgreSQL: `VOZ_TEST_POSTGRES_URL` names a server where we may create databases
//! (`./dev test` starts a throwaway one). Without it the PostgreSQL tests fail, unless
//! `VOZ_SKIP_POSTGRES=1` says on purpose that this run is SQLite-only.

#![allow(dead_code)]

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection as _;
use voz_app::db::Db;

/// A database that exists for one test; `finish` removes it.
pub struct TestDb {
    pub db: Db,
    cleanup: Cleanup,
}

enum Cleanup {
    SqliteDir(tempfile::TempDir),
    PostgresDatabase { admin_url: String, name: String },
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite://{}/voz.db", dir.path().display());
    let db = Db::connect(&url).await.expect("open SQLite");
    db.migrate().await.expect("migrate SQLite");
    TestDb {
        db,
        cleanup: Cleanup::SqliteDir(dir),
    }
}

pub async fn postgres() -> Option<TestDb> {
    let Ok(admin_url) = std::env::var("VOZ_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var("VOZ_SKIP_POSTGRES").as_deref() == Ok("1"),
            "VOZ_TEST_POSTGRES_URL is not set: run `./dev test`, or set VOZ_SKIP_POSTGRES=1 \
             to skip the PostgreSQL half on purpose"
        );
        return None;
    };
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "voz_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        voz_app::db::now_millis()
    );
    let mut admin = sqlx::PgConnection::connect(&admin_url)
        .await
        .expect("connect to PostgreSQL");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create test database");
    admin.close().await.ok();
    let db = Db::connect(&with_database(&admin_url, &name))
        .await
        .expect("open test database");
    db.migrate().await.expect("migrate PostgreSQL");
    Some(TestDb {
        db,
        cleanup: Cleanup::PostgresDatabase { admin_url, name },
    })
}

impl TestDb {
    pub async fn finish(self) {
        self.db.close().await;
        match self.cleanup {
            Cleanup::SqliteDir(dir) => drop(dir),
            Cleanup::PostgresDatabase { admin_url, name } => {
                if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
                        .execute(&mut admin)
                        .await;
                }
            }
        }
    }
}

/// The same server URL with another database name.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
    match query {
        Some(query) => format!("{server}/{name}?{query}"),
        None => format!("{server}/{name}"),
    }
}

/// Writes each test once and runs it on both backends: `store_tests!(name, …)` expects
/// `async fn name(db: &Db)` in scope and makes `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! store_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let test_db = $crate::support::sqlite().await;
                    super::$name(&test_db.db).await;
                    test_db.finish().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(test_db) = $crate::support::postgres().await else { return };
                    super::$name(&test_db.db).await;
                    test_db.finish().await;
                }
            )*
        }
    };
}
