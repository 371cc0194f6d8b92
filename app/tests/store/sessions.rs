//! Sessions and single-use challenges.

use std::time::Duration;

use voz_app::db::Db;
use voz_app::platform::web::sessions::{AuthMethod, SessionToken};

use crate::store_tests;
use voz_app::platform::web::sessions as sessions_store;

const HOUR: Duration = Duration::from_secs(3600);
const NOW: i64 = 1_790_000_000_000;

store_tests!(
    migrations_are_idempotent,
    session_lifecycle,
    sessions_expire,
    unknown_tokens_find_nothing,
    challenge_is_single_use,
    challenge_checks_purpose_and_expiry,
    concurrent_takes_yield_one_winner,
    purge_removes_only_expired,
);

async fn migrations_are_idempotent(db: &Db) {
    db.migrate().await.expect("second migration run is a no-op");
    db.ping().await.expect("ping");
}

async fn session_lifecycle(db: &Db) {
    let token =
        sessions_store::create_session(db, Some(7), AuthMethod::AccessCode, None, HOUR, NOW)
            .await
            .expect("create");
    let session = sessions_store::find_session(db, &token, NOW + 1)
        .await
        .expect("find")
        .expect("live");
    assert_eq!(session.account_id, Some(7));
    assert_eq!(session.method, AuthMethod::AccessCode);
    assert_eq!(session.created_at, NOW);
    assert_eq!(session.expires_at, NOW + 3_600_000);

    let anonymous = sessions_store::create_session(db, None, AuthMethod::Passkey, None, HOUR, NOW)
        .await
        .expect("create anonymous");
    assert_ne!(anonymous, token);
    let found = sessions_store::find_session(db, &anonymous, NOW)
        .await
        .expect("find")
        .expect("live");
    assert_eq!(found.account_id, None);

    assert!(sessions_store::end_session(db, &token).await.expect("end"));
    assert_eq!(
        sessions_store::find_session(db, &token, NOW + 2)
            .await
            .expect("find"),
        None
    );
    assert!(
        !sessions_store::end_session(db, &token)
            .await
            .expect("end twice"),
        "already ended"
    );
    assert!(
        sessions_store::find_session(db, &anonymous, NOW)
            .await
            .expect("find")
            .is_some(),
        "others live on"
    );
}

async fn sessions_expire(db: &Db) {
    let token = sessions_store::create_session(db, Some(1), AuthMethod::Passkey, None, HOUR, NOW)
        .await
        .expect("create");
    let expiry = NOW + 3_600_000;
    assert!(
        sessions_store::find_session(db, &token, expiry - 1)
            .await
            .expect("find")
            .is_some()
    );
    assert_eq!(
        sessions_store::find_session(db, &token, expiry)
            .await
            .expect("find"),
        None
    );
}

async fn unknown_tokens_find_nothing(db: &Db) {
    sessions_store::create_session(db, Some(1), AuthMethod::Passkey, None, HOUR, NOW)
        .await
        .expect("create");
    let forged = SessionToken::from_cookie(&"A".repeat(43)).expect("well-formed");
    assert_eq!(
        sessions_store::find_session(db, &forged, NOW)
            .await
            .expect("find"),
        None
    );
}

async fn challenge_is_single_use(db: &Db) {
    let id = sessions_store::put_challenge(db, "passkey_register", r#"{"c":1}"#, HOUR, NOW)
        .await
        .expect("put");
    let state = sessions_store::take_challenge(db, &id, "passkey_register", NOW + 1)
        .await
        .expect("take");
    assert_eq!(state.as_deref(), Some(r#"{"c":1}"#));
    assert_eq!(
        sessions_store::take_challenge(db, &id, "passkey_register", NOW + 2)
            .await
            .expect("again"),
        None
    );
}

async fn challenge_checks_purpose_and_expiry(db: &Db) {
    let id = sessions_store::put_challenge(db, "passkey_login", "{}", HOUR, NOW)
        .await
        .expect("put");
    assert_eq!(
        sessions_store::take_challenge(db, &id, "passkey_register", NOW)
            .await
            .expect("wrong purpose"),
        None
    );
    assert!(
        sessions_store::take_challenge(db, &id, "passkey_login", NOW)
            .await
            .expect("take")
            .is_some()
    );

    let stale = sessions_store::put_challenge(db, "passkey_login", "{}", HOUR, NOW)
        .await
        .expect("put");
    assert_eq!(
        sessions_store::take_challenge(db, &stale, "passkey_login", NOW + 3_600_000)
            .await
            .expect("take"),
        None
    );
    assert_eq!(
        sessions_store::take_challenge(db, &stale, "passkey_login", NOW)
            .await
            .expect("take"),
        None,
        "an expired challenge is consumed, not kept for later"
    );
}

/// Two server processes finishing the same ceremony at once: exactly one succeeds.
async fn concurrent_takes_yield_one_winner(db: &Db) {
    for round in 0..10 {
        let id = sessions_store::put_challenge(db, "race", &round.to_string(), HOUR, NOW)
            .await
            .expect("put");
        let attempts = (0..8).map(|_| {
            let db = db.clone();
            let id = id.clone();
            tokio::spawn(async move {
                sessions_store::take_challenge(&db, &id, "race", NOW)
                    .await
                    .expect("take")
            })
        });
        let mut winners = 0;
        for attempt in attempts {
            if attempt.await.expect("join").is_some() {
                winners += 1;
            }
        }
        assert_eq!(winners, 1, "round {round}");
    }
}

async fn purge_removes_only_expired(db: &Db) {
    let short = sessions_store::create_session(
        db,
        Some(1),
        AuthMethod::Passkey,
        None,
        Duration::from_secs(1),
        NOW,
    )
    .await
    .expect("create");
    let long = sessions_store::create_session(db, Some(2), AuthMethod::Passkey, None, HOUR, NOW)
        .await
        .expect("create");
    let stale = sessions_store::put_challenge(db, "p", "{}", Duration::from_secs(1), NOW)
        .await
        .expect("put");
    let fresh = sessions_store::put_challenge(db, "p", "{}", HOUR, NOW)
        .await
        .expect("put");

    let purged = sessions_store::purge_expired(db, NOW + 1_000)
        .await
        .expect("purge");
    assert_eq!(purged, 2);
    assert!(
        sessions_store::find_session(db, &long, NOW)
            .await
            .expect("find")
            .is_some()
    );
    assert_eq!(
        sessions_store::find_session(db, &short, NOW)
            .await
            .expect("find"),
        None
    );
    assert!(
        sessions_store::take_challenge(db, &fresh, "p", NOW)
            .await
            .expect("take")
            .is_some()
    );
    assert_eq!(
        sessions_store::take_challenge(db, &stale, "p", NOW)
            .await
            .expect("take"),
        None
    );
}
