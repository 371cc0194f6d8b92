//! The audit chain: appends inside transactions, concurrent appends, tamper detection.

use voz_app::db::Db;
use voz_app::on_db;
use voz_app::platform::audit::event::{Action, Process, Subject};
use voz_app::platform::audit::store::{AuditError, AuditEvent};
use voz_app::platform::ids::{AccountId, ElectionId, RegistrationId};

use crate::store_tests;
use voz_app::platform::audit::store as audit_store;

store_tests!(
    appends_chain_and_verify,
    rolled_back_actions_leave_no_entry,
    concurrent_appends_keep_one_chain,
    tampering_is_detected,
    the_database_refuses_changes_to_the_log,
    a_truncated_or_rewritten_log_no_longer_reaches_a_published_head,
    a_process_log_holds_exactly_its_entries,
);

fn event(n: i64) -> AuditEvent {
    AuditEvent {
        organization_id: Some(1),
        actor_account_id: Some(n),
        action: Action::RegistrationApprove,
        subject: Subject::Registration(RegistrationId(n)),
        before: Some(serde_json::json!({ "status": "pending" })),
        after: Some(serde_json::json!({ "status": "verified" })),
    }
}

async fn append(db: &Db, n: i64) {
    let mut tx = db.begin_write().await.expect("begin");
    audit_store::audit(&mut tx, event(n), 1_000 + n)
        .await
        .expect("audit");
    tx.commit().await.expect("commit");
}

async fn appends_chain_and_verify(db: &Db) {
    assert_eq!(
        audit_store::verify_audit_chain(db)
            .await
            .expect("empty log verifies")
            .entries,
        0
    );
    for n in 1..=3 {
        append(db, n).await;
    }
    let summary = audit_store::verify_audit_chain(db).await.expect("verifies");
    assert_eq!(summary.entries, 3);
    let page = audit_store::audit_page(db, 1, None, 10)
        .await
        .expect("page");
    assert_eq!(
        page.iter().map(|r| r.seq).collect::<Vec<_>>(),
        [3, 2, 1],
        "newest first"
    );
    assert_eq!(page[0].hash, summary.head);
    assert_eq!(page[1].hash, page[0].prev_hash);
    assert_eq!(page[2].after.as_deref(), Some(r#"{"status":"verified"}"#));
    let older = audit_store::audit_page(db, 1, Some(2), 10)
        .await
        .expect("older page");
    assert_eq!(older.len(), 1);
    assert!(
        audit_store::audit_page(db, 2, None, 10)
            .await
            .expect("other org")
            .is_empty()
    );
}

async fn rolled_back_actions_leave_no_entry(db: &Db) {
    {
        let mut tx = db.begin_write().await.expect("begin");
        audit_store::audit(&mut tx, event(1), 1_000)
            .await
            .expect("audit");
        // Dropped without commit: the action failed, so it never happened.
    }
    append(db, 2).await;
    let summary = audit_store::verify_audit_chain(db).await.expect("verifies");
    assert_eq!(summary.entries, 1);
}

/// Staff working at the same time on several server processes: one chain, no gaps.
async fn concurrent_appends_keep_one_chain(db: &Db) {
    let tasks: Vec<_> = (1..=24)
        .map(|n| {
            let db = db.clone();
            tokio::spawn(async move { append(&db, n).await })
        })
        .collect();
    for task in tasks {
        task.await.expect("join");
    }
    assert_eq!(
        audit_store::verify_audit_chain(db)
            .await
            .expect("verifies")
            .entries,
        24
    );
}

/// What a database owner could do that our code never does: lift the triggers.
async fn drop_guards(db: &Db) {
    let statements: &[&str] = match db {
        Db::Sqlite(_) => &[
            "DROP TRIGGER audit_log_no_update",
            "DROP TRIGGER audit_log_no_delete",
            "DROP TRIGGER audit_head_forward_only",
        ],
        Db::Postgres(_) => &[
            "DROP TRIGGER audit_log_no_change ON audit_log",
            "DROP TRIGGER audit_head_forward_only ON audit_head",
        ],
    };
    for sql in statements {
        on_db!(db, |pool| sqlx::query(sql).execute(pool).await.map(|_| ())).expect("drop trigger");
    }
}

async fn run(db: &Db, sql: &str) -> Result<(), sqlx::Error> {
    on_db!(db, |pool| sqlx::query(sql).execute(pool).await.map(|_| ()))
}

async fn the_database_refuses_changes_to_the_log(db: &Db) {
    for n in 1..=3 {
        append(db, n).await;
    }
    for sql in [
        "UPDATE audit_log SET after_state = '{}' WHERE seq = 2",
        "DELETE FROM audit_log WHERE seq = 3",
        "DELETE FROM audit_log",
        "UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE seq = 2)",
        "UPDATE audit_head SET seq = 4, hash = 'forged'",
        "DELETE FROM audit_head",
    ] {
        let refused = run(db, sql).await;
        assert!(refused.is_err(), "{sql} must be refused");
    }
    if db.backend() == voz_app::db::Backend::Postgres {
        assert!(run(db, "TRUNCATE audit_log").await.is_err());
    }
    assert_eq!(
        audit_store::verify_audit_chain(db)
            .await
            .expect("intact")
            .entries,
        3
    );
    append(db, 4).await;
    assert_eq!(
        audit_store::verify_audit_chain(db)
            .await
            .expect("still appends")
            .entries,
        4
    );
}

async fn a_truncated_or_rewritten_log_no_longer_reaches_a_published_head(db: &Db) {
    for n in 1..=4 {
        append(db, n).await;
    }
    let published = audit_store::verify_audit_chain(db)
        .await
        .expect("intact")
        .head;
    audit_store::verify_audit_chain_reaching(db, &published)
        .await
        .expect("reaches its own head");
    drop_guards(db).await;
    // Truncation: the last two entries removed and the head moved back. The rest of the
    // chain is internally consistent, so only the published head tells.
    run(db, "DELETE FROM audit_log WHERE seq > 2")
        .await
        .expect("truncate");
    run(
        db,
        "UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE seq = 2)",
    )
    .await
    .expect("move head");
    assert!(
        audit_store::verify_audit_chain(db).await.is_ok(),
        "consistent on its own"
    );
    let truncated = audit_store::verify_audit_chain_reaching(db, &published).await;
    assert!(
        matches!(
            truncated,
            Err(AuditError::Broken(
                voz_app::platform::audit::ChainBreak::HeadNotReached { .. }
            ))
        ),
        "{truncated:?}"
    );
}

async fn tampering_is_detected(db: &Db) {
    for n in 1..=3 {
        append(db, n).await;
    }
    drop_guards(db).await;
    on_db!(db, |pool| sqlx::query(
        "UPDATE audit_log SET after_state = '{\"status\":\"rejected\"}' WHERE seq = 2"
    )
    .execute(pool)
    .await
    .map(|_| ()))
    .expect("tamper");
    let broken = audit_store::verify_audit_chain(db).await;
    assert!(
        matches!(
            broken,
            Err(AuditError::Broken(
                voz_app::platform::audit::ChainBreak::Altered { seq: 2 }
            ))
        ),
        "{broken:?}"
    );
}

/// A commission reads its election's entries (calendar, candidacies, stations) by the
/// process they are filed under, and nothing else; an entry filed under another process
/// than its subject says is caught by `verify`.
async fn a_process_log_holds_exactly_its_entries(db: &Db) {
    let (one, two) = (ElectionId(1), ElectionId(2));
    let subjects = [
        Subject::Election(one),
        Subject::Candidacy(one, 7),
        Subject::Station(one, 3),
        Subject::Election(two),
        Subject::Station(two, 1),
        Subject::Account(AccountId(1)),
        Subject::Registration(RegistrationId(1)),
    ];
    for (n, subject) in subjects.into_iter().enumerate() {
        let mut tx = db.begin_write().await.expect("begin");
        let mut entry = event(n as i64);
        entry.subject = subject;
        audit_store::audit(&mut tx, entry, 1_000)
            .await
            .expect("audit");
        tx.commit().await.expect("commit");
    }
    let page = audit_store::process_audit_page(db, Process::Election(one), None, 100)
        .await
        .expect("page");
    let seen: Vec<&str> = page.iter().map(|r| r.subject.as_str()).collect();
    assert_eq!(
        seen,
        [
            "election:1:station:3",
            "election:1:candidacy:7",
            "election:1"
        ],
        "its own entries, newest first"
    );
    assert_eq!(
        audit_store::verify_audit_chain(db)
            .await
            .expect("intact")
            .entries,
        7
    );
    // Someone who can lift the guards refiles an entry of election 1 under election 2, to
    // hide it from election 1's commission: the subject (hashed) says otherwise.
    drop_guards(db).await;
    run(
        db,
        "UPDATE audit_log SET process = 'election:2' WHERE seq = 3",
    )
    .await
    .expect("refile");
    let broken = audit_store::verify_audit_chain(db).await;
    assert!(
        matches!(
            broken,
            Err(AuditError::Broken(
                voz_app::platform::audit::ChainBreak::MisfiledProcess { seq: 3 }
            ))
        ),
        "{broken:?}"
    );
}
