//! Hostile input, against a real `voz serve` with the demo loaded: every server function
//! and page receives random and malicious values, as a stranger and as an administrator;
//! no answer is a 5xx, no panic reaches the log, every error is a code the UI translates.
//! And a 200 MB upload by someone signed out leaves the server healthy, its memory bounded.

mod support;

use std::io::Read;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use voz_app::accounts::staff::store as staff_store;
use voz_app::accounts::store as accounts_store;
use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::Role;
use voz_app::db::Db;
use voz_app::error::AppError;
use voz_app::platform::web::sessions as sessions_store;
use voz_app::platform::web::sessions::AuthMethod;

/// Values an attacker (or a confused client) sends.
fn nasty_strings() -> Vec<String> {
    vec![
        String::new(),
        " ".into(),
        "ção-ü-Ω-日本".into(),
        "مرحبا\u{202E}gnp.exe".into(),
        "\u{0}\u{1}\u{7f}".into(),
        "../../../etc/passwd".into(),
        "%2e%2e%2f%00".into(),
        "' OR 1=1; DROP TABLE ballots; --".into(),
        "<script>alert(1)</script>".into(),
        "{{7*7}}${7*7}".into(),
        "-9223372036854775808".into(),
        "99999999999999999999999999".into(),
        "1e309".into(),
        "NaN".into(),
        "a".repeat(10_000),
        "🗳️".repeat(500),
        "\r\nSet-Cookie: x=1".into(),
    ]
}

fn nasty_values() -> Vec<Value> {
    let mut values: Vec<Value> = nasty_strings().into_iter().map(Value::String).collect();
    values.extend([
        json!(null),
        json!(true),
        json!(-1),
        json!(i64::MAX),
        json!(1.5e300),
        json!([]),
        json!({}),
        json!([[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]),
        json!({"pick": {"A": {"one": "c1"}}, "null": "yes"}),
    ]);
    values
}

/// A small deterministic generator, so a failure replays.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() as usize) % items.len()]
    }
}

/// Argument names the server functions take: bodies built from them reach the code past
/// decoding, where the interesting bugs are.
const FIELDS: [&str; 24] = [
    "organization",
    "election",
    "locale",
    "station",
    "slug",
    "form",
    "ballot",
    "pick",
    "code",
    "token",
    "ceremony",
    "credential",
    "registration",
    "decision",
    "status",
    "role",
    "account",
    "document_type",
    "document_number",
    "hand_over",
    "sheets_found",
    "justification",
    "reason",
    "text",
];

fn random_body(rng: &mut Lcg, values: &[Value]) -> Value {
    let mut object = serde_json::Map::new();
    for _ in 0..(1 + rng.next() % 6) {
        object.insert((*rng.pick(&FIELDS)).to_owned(), rng.pick(values).clone());
    }
    // Often with valid keys so the call gets past authorization and decoding.
    if rng.next().is_multiple_of(2) {
        object.insert("organization".into(), json!("cmi-sp"));
        object.insert("election".into(), json!("cmi-2025"));
        object.insert("locale".into(), json!("pt-BR"));
    }
    Value::Object(object)
}

fn form_of(body: &Value) -> String {
    body.as_object()
        .map(|object| {
            object
                .iter()
                .map(|(k, v)| {
                    let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
                    format!("{}={}", encode(k), encode(&text))
                })
                .collect::<Vec<_>>()
                .join("&")
        })
        .unwrap_or_default()
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The status, and the error body if it is one.
fn send(
    base: &str,
    method: &str,
    path: &str,
    cookie: &str,
    content_type: &str,
    body: &str,
) -> (u16, String) {
    let agent = ureq::AgentBuilder::new()
        .redirects(0)
        .timeout(Duration::from_secs(30))
        .build();
    let mut request = agent
        .request(method, &format!("{base}{path}"))
        .set("Origin", base);
    if !cookie.is_empty() {
        request = request.set("Cookie", cookie);
    }
    let response = if method == "GET" {
        request.call()
    } else {
        request.set("Content-Type", content_type).send_string(body)
    };
    match response {
        Ok(r) => (r.status(), String::new()),
        Err(ureq::Error::Status(status, r)) => (status, r.into_string().unwrap_or_default()),
        // No answer at all (the connection dropped): as bad as a 5xx.
        Err(other) => (599, other.to_string()),
    }
}

async fn admin_cookie(dir: &std::path::Path) -> String {
    let db = Db::connect(&support::database_url(dir))
        .await
        .expect("database");
    let org = accounts_store::organization_by_slug(&db, "cmi-sp")
        .await
        .expect("org")
        .expect("cmi-sp");
    let mut tx = db.begin_write().await.expect("begin");
    let account = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        "Admin",
        "pt-BR",
        false,
        0,
    )
    .await
    .expect("account");
    for role in [
        Role::Administrator,
        Role::ElectoralCommission,
        Role::PollWorker,
    ] {
        staff_store::grant_role(&mut tx, org.id, account, role, None, 0)
            .await
            .expect("role");
    }
    tx.commit().await.expect("commit");
    let token = sessions_store::create_session(
        &db,
        Some(account.0),
        AuthMethod::Passkey,
        None,
        Duration::from_secs(3600),
        voz_app::db::now_millis(),
    )
    .await
    .expect("session");
    db.close().await;
    format!("voz_session={}", token.cookie_value())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_input_never_breaks_the_server() {
    let dir = support::demo();
    let admin = admin_cookie(dir.path()).await;
    let server = support::Server::start(dir.path());
    let base = server.base.clone();
    let routes = support::routes(dir.path());
    let values = nasty_values();
    let strings = nasty_strings();
    let mut rng = Lcg(0x5eed_0b0e);
    let mut failures = Vec::new();
    let mut calls = 0;

    for route in routes.iter().filter(|r| r.contains("/api/")) {
        let (method, path) = route.split_once(' ').expect("METHOD /path");
        for round in 0..12 {
            let body = random_body(&mut rng, &values);
            let cookie = if round % 2 == 0 { "" } else { admin.as_str() };
            let sent = match round % 4 {
                0 | 1 => ("application/json", body.to_string()),
                2 => ("application/x-www-form-urlencoded", form_of(&body)),
                _ => (
                    "application/json",
                    (*rng.pick(&["", "{", "[1,2", "null", "\"x\"", "{\"a\":}"])).to_owned(),
                ),
            };
            let (status, error) = send(&base, method, path, cookie, sent.0, &sent.1);
            calls += 1;
            if status >= 500 {
                failures.push(format!(
                    "{route} {}: {status} {error}",
                    sent.1.chars().take(120).collect::<String>()
                ));
            } else if status >= 400
                && !error.is_empty()
                && error.trim_start().starts_with('{')
                && serde_json::from_str::<AppError>(&error).is_err()
            {
                failures.push(format!(
                    "{route}: {status} answered prose, not a code: {error}"
                ));
            }
        }
    }

    // Pages and downloads with hostile path segments (a non-ASCII slug reaching a redirect,
    // an encoded NUL, traversal).
    for segment in strings.iter().take(12) {
        let segment = encode(segment);
        for path in [
            format!("/pt-BR/o/{segment}/e/{segment}"),
            format!("/ar/o/cmi-sp/e/{segment}/results"),
            format!("/es/o/cmi-sp/e/cmi-2023/{segment}"),
            format!("/en/staff/{segment}/elections/{segment}/stations/{segment}"),
            format!("/export/{segment}/cmi-2023/{segment}"),
            format!("/export/cmi-sp/c/{segment}/{segment}"),
            format!("/export/cmi-sp/c/conf-2019/delegates/{segment}/election.json"),
            format!("/photos/cmi-sp/{segment}/{segment}.jpg"),
            format!("/o/{segment}/e/x"),
            format!("/fr/o/cmi-sp/c/{segment}"),
            format!("/pt-BR/o/{segment}/c/conf-2019/plan"),
            format!("/ar/o/cmi-sp/c/conf-2019/events/{segment}"),
            format!("/ht/o/cmi-sp/c/conf-2019/proposals/{segment}"),
            format!("/es/o/cmi-sp/c/conf-2019/consolidated/{segment}"),
            format!("/{segment}"),
        ] {
            for cookie in ["", admin.as_str()] {
                let (status, error) = send(&base, "GET", &path, cookie, "", "");
                calls += 1;
                if status >= 500 {
                    failures.push(format!("GET {path}: {status} {error}"));
                }
            }
        }
    }
    // Form posts whose redirect carries a non-ASCII slug.
    for (path, form) in [
        (
            "/api/vote/ballot",
            "organization=%C3%A7%C3%A3o&election=%E2%80%AE&locale=ar&pick[A][one]=c1",
        ),
        (
            "/api/station/paper",
            "organization=cmi-sp&election=%00&station=1&locale=xx&null=yes",
        ),
        ("/api/kiosk/pair", "locale=%F0%9F%97%B3&code=%C3%A7"),
        (
            "/api/kiosk/cast",
            "locale=%0D%0ALocation:%20http://evil&pick[A][one]=c1",
        ),
    ] {
        for cookie in ["", admin.as_str()] {
            let (status, error) = send(
                &base,
                "POST",
                path,
                cookie,
                "application/x-www-form-urlencoded",
                form,
            );
            calls += 1;
            if status >= 500 {
                failures.push(format!("POST {path} {form}: {status} {error}"));
            }
        }
    }

    assert!(server.healthy(), "the server still answers");
    let log = server.log_text();
    assert!(!log.contains("panicked"), "a panic in the log:\n{log}");
    assert!(
        failures.is_empty(),
        "{} of {calls} calls failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{calls} hostile calls, none answered 5xx");
}

/// 200 MB sent to the photo form by someone signed out: refused before the file is read
/// (declared length over the limit: at once; streamed without a length: at the sign-in check,
/// right after the short fields), memory stays bounded, the server stays up.
#[test]
fn a_huge_unauthenticated_upload_is_refused_unread() {
    let dir = support::demo();
    let server = support::Server::start(dir.path());
    let before = server.rss_kb();
    const SIZE: u64 = 200 * 1024 * 1024;
    let head = "--voz\r\nContent-Disposition: form-data; name=\"organization\"\r\n\r\ncmi-sp\r\n\
                --voz\r\nContent-Disposition: form-data; name=\"election\"\r\n\r\ncmi-2027\r\n\
                --voz\r\nContent-Disposition: form-data; name=\"locale\"\r\n\r\npt-BR\r\n\
                --voz\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.jpg\"\r\n\
                Content-Type: image/jpeg\r\n\r\n";
    let upload =
        || std::io::Cursor::new(head.as_bytes().to_vec()).chain(std::io::repeat(0xFF).take(SIZE));
    for declared in [true, false] {
        let started = Instant::now();
        let agent = ureq::AgentBuilder::new()
            .redirects(0)
            .timeout(Duration::from_secs(60))
            .build();
        let mut request = agent
            .post(&format!("{}/api/candidacy/photo", server.base))
            .set("Origin", &server.base)
            .set("Content-Type", "multipart/form-data; boundary=voz");
        if declared {
            request = request.set("Content-Length", &(SIZE + head.len() as u64).to_string());
        }
        let answer = request.send(upload());
        let elapsed = started.elapsed();
        match answer {
            Ok(response) => {
                let location = response.header("location").unwrap_or_default().to_owned();
                assert!(
                    location.contains("error="),
                    "refused, with a translated error: {} {location}",
                    response.status()
                );
            }
            Err(ureq::Error::Status(status, _)) => {
                assert!(matches!(status, 401 | 403 | 413), "status {status}")
            }
            // The server answered and closed while we were still sending: also a refusal.
            Err(ureq::Error::Transport(_)) => {}
        }
        assert!(
            elapsed < Duration::from_secs(30),
            "refused promptly ({declared}): {elapsed:?}"
        );
    }
    std::thread::sleep(Duration::from_millis(300));
    let after = server.rss_kb();
    assert!(server.healthy(), "the server still answers");
    assert!(
        after < before + 64 * 1024,
        "memory stayed bounded: {before} kB → {after} kB"
    );
    eprintln!("RSS {before} kB → {after} kB after two 200 MB uploads");
}
