//! Any number of `voz serve` processes can share one PostgreSQL: sessions, ceremony state
//! and rate limits live in the database, never in a process. A voter signs in on one server
//! and votes on another; the first then knows they voted; the ballot is counted once.
//! (Needs `VOZ_TEST_POSTGRES_URL`, as the store tests; skipped with `VOZ_SKIP_POSTGRES=1`.)

mod support;

use std::time::Duration;

use serde_json::json;
use sqlx::Connection as _;
use voz_app::accounts::access_code::store as access_code_store;
use voz_app::accounts::registration::store as registration_store;
use voz_app::accounts::secret::ServerSecret;
use voz_app::accounts::store as accounts_store;
use voz_app::accounts::types::RegistrationId;
use voz_app::db::Db;

fn post(
    server_url: &str,
    origin: &str,
    path: &str,
    cookie: &str,
    body: serde_json::Value,
) -> (u16, String, Option<String>) {
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let mut request = agent
        .post(&format!("{server_url}{path}"))
        .set("Origin", origin)
        .set("Content-Type", "application/json");
    if !cookie.is_empty() {
        request = request.set("Cookie", cookie);
    }
    let response = match request.send_string(&body.to_string()) {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(other) => panic!("{path}: {other}"),
    };
    let status = response.status();
    let set_cookie = response
        .all("set-cookie")
        .into_iter()
        .find(|c| c.starts_with("voz_session="))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned);
    (
        status,
        response.into_string().unwrap_or_default(),
        set_cookie,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_on_one_server_and_vote_on_another() {
    let Ok(admin_url) = std::env::var("VOZ_TEST_POSTGRES_URL") else {
        assert_eq!(
            std::env::var("VOZ_SKIP_POSTGRES").as_deref(),
            Ok("1"),
            "VOZ_TEST_POSTGRES_URL is not set: run `./dev test`"
        );
        return;
    };
    let name = format!("voz_two_servers_{}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(&admin_url)
        .await
        .expect("connect");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create database");
    let (server_part, _) = admin_url.rsplit_once('/').expect("url with a database");
    let database_url = format!("{server_part}/{name}");
    let dir = tempfile::tempdir().expect("tmp");
    let demo = support::voz_on(dir.path(), &database_url, &["demo"]);
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );

    // A printed code for a demo voter of the election open for voting.
    let db = Db::connect(&database_url).await.expect("database");
    let org = accounts_store::organization_by_slug(&db, "cmi-sp")
        .await
        .expect("org")
        .expect("cmi-sp");
    let (registration,): (i64,) = voz_app::on_db!(&db, |pool| sqlx::query_as(
        "SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id \
         WHERE r.organization_id = $1 AND r.status = 'verified' AND a.managed ORDER BY r.id LIMIT 1"
    )
    .bind(org.id.0)
    .fetch_one(pool)
    .await)
    .expect("a voter");
    let (account, _, _, _) =
        registration_store::registration_account(&db, org.id, RegistrationId(registration))
            .await
            .expect("account")
            .expect("exists");
    let secret = ServerSecret::load_or_create(&dir.path().join("secret.key")).expect("secret");
    let code = voz_app::accounts::access_code::store::generate_code();
    let mut tx = db.begin_write().await.expect("begin");
    access_code_store::issue_access_code(
        &mut tx,
        org.id,
        account,
        &secret.access_code_hash(&code),
        Duration::from_secs(3600),
        account,
        voz_app::db::now_millis(),
    )
    .await
    .expect("code");
    tx.commit().await.expect("commit");

    // Two servers, one public address (as behind a load balancer).
    let first = support::Server::start_with(dir.path(), &database_url, None);
    let public = first.base.clone();
    let second = support::Server::start_with(dir.path(), &database_url, Some(&public));

    let signed_in = ureq::AgentBuilder::new()
        .redirects(0)
        .build()
        .post(&format!("{}/api/sign_in/code", first.base))
        .set("Origin", &public)
        .send_form(&[("code", &code)])
        .expect("signed in on the first server");
    let cookie = signed_in
        .all("set-cookie")
        .into_iter()
        .find(|c| c.starts_with("voz_session="))
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_owned();

    let ballot = json!({"organization": "cmi-sp", "election": "cmi-2025",
        "ballot": {"choices": {"A": [], "B": [], "C": []}}});
    let (status, body, _) = post(
        &second.base,
        &public,
        "/api/vote/cast",
        &cookie,
        ballot.clone(),
    );
    assert_eq!(status, 200, "voted on the second server: {body}");
    let (again, body, _) = post(&first.base, &public, "/api/vote/cast", &cookie, ballot);
    assert_eq!(again, 409, "the first server knows: already voted ({body})");
    let (_, me, _) = post(
        &first.base,
        &public,
        "/api/election",
        &cookie,
        json!({"organization": "cmi-sp", "election": "cmi-2025", "locale": "en"}),
    );
    assert!(me.contains("\"voted\":true"), "{me}");

    let (ballots,): (i64,) = voz_app::on_db!(&db, |pool| sqlx::query_as(
        "SELECT COUNT(*) FROM ballots b JOIN elections e ON e.poll_id = b.poll_id WHERE e.slug = 'cmi-2025'"
    )
    .fetch_one(pool)
    .await)
    .expect("count");
    assert_eq!(ballots, 1);
    db.close().await;
    drop((first, second));
    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut admin)
        .await;
}
