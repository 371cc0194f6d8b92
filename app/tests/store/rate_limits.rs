//! Rate limits hold under a burst: checking and recording an attempt is one step, so 40
//! parallel guesses from one client get exactly the limit through; other clients are not
//! affected; a spent global budget slows every client to a couple of tries.

use voz_app::db::Db;
use voz_app::platform::web::rate_limit::{ACCESS_CODE, Limit};

use crate::store_tests;
use voz_app::accounts::access_code::store as access_code_store;
use voz_app::platform::web::rate_limit::store as rate_limit_store;

store_tests!(
    a_burst_gets_exactly_the_limit_through,
    a_spent_global_budget_slows_everyone
);

const NOW: i64 = 1_790_000_000_000;

async fn a_burst_gets_exactly_the_limit_through(db: &Db) {
    let tasks: Vec<_> = (0..40)
        .map(|_| {
            let db = db.clone();
            tokio::spawn(async move {
                rate_limit_store::take_attempt(&db, &ACCESS_CODE, "203.0.113.7", NOW)
                    .await
                    .expect("attempt")
                    .is_some()
            })
        })
        .collect();
    let mut allowed = 0;
    for task in tasks {
        if task.await.expect("join") {
            allowed += 1;
        }
    }
    assert_eq!(allowed, ACCESS_CODE.per_client);
    assert!(
        rate_limit_store::take_attempt(db, &ACCESS_CODE, "198.51.100.1", NOW)
            .await
            .expect("attempt")
            .is_some(),
        "another client is not affected"
    );
    // A success is forgiven; the window passes.
    let later = NOW + ACCESS_CODE.window_ms + 1;
    let ticket = rate_limit_store::take_attempt(db, &ACCESS_CODE, "203.0.113.7", later)
        .await
        .expect("attempt")
        .expect("a new window");
    rate_limit_store::forgive(db, ticket)
        .await
        .expect("forgive");
    assert_eq!(
        access_code_store::purge_attempts(db, later)
            .await
            .expect("purge") as i64,
        11
    );
}

async fn a_spent_global_budget_slows_everyone(db: &Db) {
    let limit = Limit {
        kind: "test",
        per_client: 5,
        window_ms: 60_000,
        global_budget: 6,
        when_spent: 1,
    };
    for n in 0..6 {
        assert!(
            rate_limit_store::take_attempt(db, &limit, &format!("10.0.0.{n}"), NOW)
                .await
                .expect("attempt")
                .is_some()
        );
    }
    // Budget spent: a fresh client still gets one try, a client that tried does not.
    assert!(
        rate_limit_store::take_attempt(db, &limit, "10.9.9.9", NOW)
            .await
            .expect("attempt")
            .is_some()
    );
    assert!(
        rate_limit_store::take_attempt(db, &limit, "10.0.0.1", NOW)
            .await
            .expect("attempt")
            .is_none()
    );
}
