//! The ballot box: one ballot per person whatever happens, nothing linking a person to a
//! ballot in the stored rows, and the count from what was stored.

use std::collections::HashSet;

use voz_app::accounts::secret::ServerSecret;
use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::{
    AccountId, Decision, DocumentType, GenderIdentity, NewOrganization, OrganizationId,
    RegistrationRules, ResidenceProof,
};
use voz_app::db::{Backend, Db};
use voz_app::elections::calendar::rules::Phase;
use voz_app::elections::election::store::{Channel, ElectionError, ElectionId, NewElection};
use voz_app::i18n::Locale;
use voz_app::results::count::{
    Ballot, CandidateConfig, ElectionConfig, ParityConfig, ParityScope, SegmentConfig, TieBreak,
};
use voz_app::{accounts::registration::rules::Registration, on_db};

use crate::store_tests;
use voz_app::accounts::registration::store as registration_store;
use voz_app::accounts::store as accounts_store;
use voz_app::elections::calendar::store as calendar_store;
use voz_app::elections::election::store as election_store;
use voz_app::platform::voting::store as voting_store;

store_tests!(
    one_ballot_per_person,
    concurrent_attempts_by_one_person_yield_one_ballot,
    many_voters_at_once_lose_no_ballot,
    only_enabled_voters_in_the_voting_phase,
    a_bad_ballot_is_refused_and_nothing_is_stored,
    a_dump_links_no_one_to_a_ballot,
    variants_of_one_choice_store_identical_bytes,
);

pub(crate) const NOW: i64 = 1_790_000_000_000;

fn config() -> ElectionConfig {
    let candidate = |id: &str, segment: &str, parity: bool| CandidateConfig {
        id: id.into(),
        segment: segment.into(),
        parity,
        birth_date: Some("1980-01-01".parse().expect("date")),
    };
    ElectionConfig {
        segments: vec![
            SegmentConfig {
                id: "A".into(),
                seats: 1,
                alternates: 1,
                max_choices: 1,
            },
            SegmentConfig {
                id: "B".into(),
                seats: 1,
                alternates: 1,
                max_choices: 1,
            },
        ],
        extra_seats: 0,
        parity: ParityConfig {
            ratio: 0.5,
            scope: ParityScope::Election,
        },
        tie_break: vec![TieBreak::OlderFirst, TieBreak::Lot],
        lot_seed: "abcd".into(),
        candidates: vec![
            candidate("a1", "A", false),
            candidate("a2", "A", true),
            candidate("b1", "B", true),
            candidate("b2", "B", false),
        ],
        receipts: voz_app::results::count::ReceiptMode::default(),
    }
}

pub(crate) fn vote(a: &str, b: &str) -> Ballot {
    let pick = |id: &str| {
        if id.is_empty() {
            vec![]
        } else {
            vec![id.to_owned()]
        }
    };
    Ballot {
        null: false,
        choices: vec![("A".into(), pick(a)), ("B".into(), pick(b))],
    }
}

/// Two polling stations; voters from 16; online all September 2026, in person all day on
/// NOW's date (2026-09-21, São Paulo).
fn settings() -> voz_app::elections::election::settings::ElectionSettings {
    let station = |id: i64| voz_app::elections::election::settings::Station {
        id,
        name: format!("Station {id}"),
        address: "Rua X, 1".into(),
        region: "Sé".into(),
    };
    voz_app::elections::election::settings::ElectionSettings {
        min_voter_age: 16,
        online: Some((
            "2026-09-01".parse().expect("date"),
            "2026-09-30".parse().expect("date"),
        )),
        in_person: Some(voz_app::elections::election::settings::InPersonDay {
            date: "2026-09-21".parse().expect("date"),
            opens: "00:00".into(),
            closes: "23:59".into(),
        }),
        stations: vec![station(1), station(2)],
        ..Default::default()
    }
}

/// An organization, an election in the voting phase, and `voters` enabled voters.
pub(crate) async fn setup(db: &Db, voters: usize) -> (ElectionId, Vec<AccountId>) {
    let secret = ServerSecret::from_bytes([3; 32]);
    let mut tx = db.begin_write().await.expect("begin");
    let org = accounts_store::create_organization(
        &mut tx,
        &NewOrganization {
            slug: "cmi".into(),
            name: "CMI".into(),
            default_locale: "pt-BR".into(),
            rules: RegistrationRules {
                accepted_documents: vec![DocumentType::Passport],
                min_age: 16,
                residence_proof: ResidenceProof::SelfDeclaration,
                districts: vec![],
                time_zone: "America/Sao_Paulo".into(),
            },
            voter_list_public: false,
        },
        None,
        NOW,
    )
    .await
    .expect("organization");
    let reviewer = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        "Reviewer",
        "pt-BR",
        false,
        NOW,
    )
    .await
    .expect("account");
    let mut accounts = Vec::new();
    for n in 0..voters {
        let account = enabled_voter(&mut tx, &secret, org, reviewer, n).await;
        accounts.push(account);
    }
    let election = election_store::create_election(
        &mut tx,
        org,
        &NewElection {
            slug: "2025".into(),
            title: "CMI 2025".into(),
            config: config(),
            settings: settings(),
        },
        None,
        NOW,
    )
    .await
    .expect("election");
    for phase in &Phase::ALL[1..=6] {
        calendar_store::move_phase(&mut tx, election, *phase, None, NOW)
            .await
            .expect("phase");
    }
    tx.commit().await.expect("commit");
    (election, accounts)
}

/// Another election in voting, in the same organization as `election`.
pub(crate) async fn another_election(db: &Db, election: ElectionId, slug: &str) -> ElectionId {
    let organization = election_store::election(db, election)
        .await
        .expect("election")
        .organization;
    let mut tx = db.begin_write().await.expect("begin");
    let id = election_store::create_election(
        &mut tx,
        organization,
        &NewElection {
            slug: slug.into(),
            title: slug.into(),
            config: config(),
            settings: settings(),
        },
        None,
        NOW,
    )
    .await
    .expect("election");
    for phase in &Phase::ALL[1..=6] {
        calendar_store::move_phase(&mut tx, id, *phase, None, NOW)
            .await
            .expect("phase");
    }
    tx.commit().await.expect("commit");
    id
}

/// The keyed hash of voter `n`'s document, as a poll worker's search computes it.
pub(crate) async fn document_of(db: &Db, election: ElectionId, n: usize) -> String {
    let organization = election_store::election(db, election)
        .await
        .expect("election")
        .organization;
    ServerSecret::from_bytes([3; 32]).document_hash(
        organization,
        DocumentType::Passport,
        &format!("P{n:06}"),
    )
}

/// Another enabled voter (number `n`, born on `born`) of `election`'s organization.
pub(crate) async fn voter_born(db: &Db, election: ElectionId, n: usize, born: &str) -> AccountId {
    let organization = election_store::election(db, election)
        .await
        .expect("election")
        .organization;
    let secret = ServerSecret::from_bytes([3; 32]);
    let mut tx = db.begin_write().await.expect("begin");
    let reviewer = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        "Reviewer",
        "pt-BR",
        false,
        NOW,
    )
    .await
    .expect("account");
    let voter = enabled_voter_born(&mut tx, &secret, organization, reviewer, n, born).await;
    tx.commit().await.expect("commit");
    voter
}

async fn enabled_voter(
    tx: &mut voz_app::db::Tx,
    secret: &ServerSecret,
    org: OrganizationId,
    reviewer: AccountId,
    n: usize,
) -> AccountId {
    enabled_voter_born(tx, secret, org, reviewer, n, "1990-01-01").await
}

async fn enabled_voter_born(
    tx: &mut voz_app::db::Tx,
    secret: &ServerSecret,
    org: OrganizationId,
    reviewer: AccountId,
    n: usize,
    born: &str,
) -> AccountId {
    let name = format!("Voter {n}");
    let account =
        accounts_store::create_account(tx, &new_user_handle().to_string(), &name, "es", false, NOW)
            .await
            .expect("account");
    let registration = Registration {
        display_name: name,
        preferred_locale: Locale::es,
        nationalities: vec!["VE".into()],
        birth_date: born.parse().expect("date"),
        district: "Sé".into(),
        gender: GenderIdentity::Woman,
        email: None,
        phone: None,
        document_type: DocumentType::Passport,
        document_number: format!("P{n:06}"),
    };
    let hash = secret.document_hash(org, DocumentType::Passport, &registration.document_number);
    let id =
        registration_store::create_registration(tx, org, account, &registration, &hash, true, NOW)
            .await
            .expect("registration");
    registration_store::decide_registration(tx, org, id, &Decision::Accept, reviewer, NOW)
        .await
        .expect("approve");
    account
}

async fn one_ballot_per_person(db: &Db) {
    let (election, voters) = setup(db, 2).await;
    let code = election_store::cast(
        db,
        election,
        voters[0],
        &vote("a1", "b1"),
        Channel::Online,
        None,
        NOW,
    )
    .await
    .expect("first");
    assert_eq!(code.len(), 19);
    let again = election_store::cast(
        db,
        election,
        voters[0],
        &vote("a2", "b2"),
        Channel::InPerson,
        Some(1),
        NOW,
    )
    .await;
    assert!(
        matches!(again, Err(ElectionError::AlreadyVoted)),
        "{again:?}"
    );
    assert!(
        election_store::has_voted(db, election, voters[0])
            .await
            .expect("voted")
    );
    assert!(
        !election_store::has_voted(db, election, voters[1])
            .await
            .expect("not voted")
    );
    let ballots = election_store::ballots(db, election)
        .await
        .expect("ballots");
    assert_eq!(ballots, [(code, vote("a1", "b1"))]);
}

/// Two tabs, a phone and a polling station, all at once: exactly one ballot.
async fn concurrent_attempts_by_one_person_yield_one_ballot(db: &Db) {
    let (election, voters) = setup(db, 1).await;
    let voter = voters[0];
    let attempts: Vec<_> = (0..8)
        .map(|n| {
            let db = db.clone();
            let channel = if n % 2 == 0 {
                Channel::Online
            } else {
                Channel::InPerson
            };
            tokio::spawn(async move {
                election_store::cast(&db, election, voter, &vote("a1", "b2"), channel, None, NOW)
                    .await
            })
        })
        .collect();
    let mut accepted = 0;
    for attempt in attempts {
        match attempt.await.expect("join") {
            Ok(_) => accepted += 1,
            Err(ElectionError::AlreadyVoted) => {}
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(accepted, 1);
    assert_eq!(
        election_store::ballots(db, election)
            .await
            .expect("ballots")
            .len(),
        1
    );
}

async fn many_voters_at_once_lose_no_ballot(db: &Db) {
    let (election, voters) = setup(db, 40).await;
    let casts: Vec<_> = voters
        .iter()
        .enumerate()
        .map(|(n, &voter)| {
            let db = db.clone();
            let ballot = if n % 4 == 0 {
                vote("a2", "")
            } else {
                vote("a1", "b1")
            };
            tokio::spawn(async move {
                election_store::cast(&db, election, voter, &ballot, Channel::Online, None, NOW)
                    .await
            })
        })
        .collect();
    let mut codes = HashSet::new();
    for cast in casts {
        codes.insert(cast.await.expect("join").expect("acknowledged"));
    }
    let stored: HashSet<String> = election_store::ballots(db, election)
        .await
        .expect("ballots")
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    assert_eq!(
        stored, codes,
        "every acknowledged tracking code is stored, and nothing else"
    );
    let (result, _) = election_store::count(db, election).await.expect("count");
    assert_eq!(result.ballots.total, 40);
    assert_eq!(result.ballots.valid, 40);
    assert_eq!(result.segments[1].1.blank, 10);
}

async fn only_enabled_voters_in_the_voting_phase(db: &Db) {
    let (election, voters) = setup(db, 1).await;
    let stranger = {
        let mut tx = db.begin_write().await.expect("begin");
        let id = accounts_store::create_account(
            &mut tx,
            &new_user_handle().to_string(),
            "Stranger",
            "en",
            false,
            NOW,
        )
        .await
        .expect("account");
        tx.commit().await.expect("commit");
        id
    };
    let refused = election_store::cast(
        db,
        election,
        stranger,
        &vote("a1", "b1"),
        Channel::Online,
        None,
        NOW,
    )
    .await;
    assert!(
        matches!(
            refused,
            Err(ElectionError::Refused(
                voz_app::elections::eligibility::Refusal::NotRegistered
            ))
        ),
        "{refused:?}"
    );
    let mut tx = db.begin_write().await.expect("begin");
    calendar_store::move_phase(&mut tx, election, Phase::Counting, None, NOW)
        .await
        .expect("close");
    tx.commit().await.expect("commit");
    let late = election_store::cast(
        db,
        election,
        voters[0],
        &vote("a1", "b1"),
        Channel::Online,
        None,
        NOW,
    )
    .await;
    assert!(matches!(late, Err(ElectionError::NotVoting)), "{late:?}");
    assert!(
        election_store::ballots(db, election)
            .await
            .expect("ballots")
            .is_empty()
    );
}

async fn a_bad_ballot_is_refused_and_nothing_is_stored(db: &Db) {
    let (election, voters) = setup(db, 1).await;
    for bad in [
        vote("b1", ""),
        vote("zz", ""),
        Ballot {
            null: false,
            choices: vec![("A".into(), vec!["a1".into(), "a2".into()])],
        },
    ] {
        let refused =
            election_store::cast(db, election, voters[0], &bad, Channel::Online, None, NOW).await;
        assert!(
            matches!(refused, Err(ElectionError::Count(_))),
            "{refused:?}"
        );
    }
    assert!(
        !election_store::has_voted(db, election, voters[0])
            .await
            .expect("not marked"),
        "no mark without a ballot"
    );
    assert!(
        election_store::ballots(db, election)
            .await
            .expect("ballots")
            .is_empty()
    );
}

/// Voters cast one after the other; after the box is sealed, the rows as a dump would
/// show them (physical order) say nothing about who cast which ballot: the marks follow
/// account ids, the ballots their random codes, and the two tables share no column but
/// the election.
async fn a_dump_links_no_one_to_a_ballot(db: &Db) {
    let (election, voters) = setup(db, 30).await;
    let mut cast_order = Vec::new();
    for (n, &voter) in voters.iter().enumerate().rev() {
        let ballot = if n % 2 == 0 {
            vote("a1", "b1")
        } else {
            vote("a2", "b2")
        };
        cast_order.push(
            election_store::cast(db, election, voter, &ballot, Channel::Online, None, NOW)
                .await
                .expect("cast"),
        );
    }

    let physical = |table: &str, column: &str| match db.backend() {
        // A dump reads rows in storage order: pg_dump in heap (ctid) order, SQLite's
        // `.dump` in table b-tree order, which is what an unordered SELECT returns.
        Backend::Postgres => format!("SELECT {column}::TEXT FROM {table} ORDER BY ctid"),
        Backend::Sqlite => format!("SELECT CAST({column} AS TEXT) FROM {table}"),
    };
    let rows = |sql: String| async move {
        let rows: Vec<(String,)> =
            on_db!(db, |pool| sqlx::query_as(&sql).fetch_all(pool).await).expect("dump");
        rows.into_iter().map(|(v,)| v).collect::<Vec<String>>()
    };
    // Before the seal, PostgreSQL's system columns still tie each ballot to its mark (one
    // transaction wrote both): the check below would fail without the seal.
    if db.backend() == Backend::Postgres {
        assert_eq!(
            xmin_links(db).await,
            30,
            "unsealed: every ballot shares its mark's xmin"
        );
    }
    voting_store::seal_ballot_box(db).await.expect("seal");

    let ballot_order = rows(physical("ballots", "tracking_code")).await;
    let mark_order = rows(physical("voter_marks", "account_id")).await;

    let mut sorted_codes = ballot_order.clone();
    sorted_codes.sort();
    assert_eq!(
        ballot_order, sorted_codes,
        "ballots sit in tracking-code order"
    );
    assert_ne!(ballot_order, cast_order, "not in casting order");
    let mut ids: Vec<i64> = mark_order.iter().map(|v| v.parse().expect("id")).collect();
    let stored = ids.clone();
    ids.sort();
    assert_eq!(
        stored, ids,
        "marks sit in account order, not in voting order (voters cast in reverse)"
    );

    match db {
        Db::Sqlite(pool) => raw_sqlite_bytes_follow_keys(pool, &cast_order),
        Db::Postgres(pool) => system_columns_say_nothing(pool).await,
    }
    assert_eq!(xmin_links(db).await, 0);

    // The only column the two tables share is the poll (the election's ballot box).
    let columns = |table: &'static str| async move {
        let sql = match db.backend() {
            Backend::Postgres => format!(
                "SELECT column_name::TEXT FROM information_schema.columns WHERE table_name = '{table}'"
            ),
            Backend::Sqlite => format!("SELECT name FROM pragma_table_info('{table}')"),
        };
        rows(sql).await.into_iter().collect::<HashSet<String>>()
    };
    let marks = columns("voter_marks").await;
    let ballots = columns("ballots").await;
    let shared: Vec<&String> = marks.intersection(&ballots).collect();
    assert_eq!(shared, [&"poll_id".to_owned()]);
    // A ballot names no channel and no station: at a station where one person voted,
    // either would name that person.
    let mut ballot_columns: Vec<&String> = ballots.iter().collect();
    ballot_columns.sort();
    assert_eq!(ballot_columns, ["content", "poll_id", "tracking_code"]);
    for column in marks.iter().chain(&ballots) {
        assert!(
            !column.contains("at") || column == "station_id",
            "no time column: {column}"
        );
    }
}

/// Pairs (mark, ballot) that share a transaction id — 0 once sealed. SQLite has no
/// transaction ids on rows (and its tables are `WITHOUT ROWID`, so no hidden row number).
async fn xmin_links(db: &Db) -> i64 {
    match db {
        Db::Postgres(pool) => {
            let (n,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM ballots b JOIN voter_marks m ON b.xmin::text = m.xmin::text",
            )
            .fetch_one(pool)
            .await
            .expect("join on xmin");
            n
        }
        Db::Sqlite(pool) => {
            for table in ["ballots", "voter_marks"] {
                let hidden = sqlx::query(&format!("SELECT rowid FROM {table}"))
                    .fetch_all(pool)
                    .await;
                assert!(hidden.is_err(), "{table} has no rowid");
            }
            0
        }
    }
}

/// Every system column of the marks and of the ballots: one transaction id per table
/// (and none shared with the other table or the audit log), one command id, no deleting
/// or locking transaction, rows in key order.
async fn system_columns_say_nothing(pool: &sqlx::PgPool) {
    for (table, key) in [("voter_marks", "account_id"), ("ballots", "tracking_code")] {
        let (xmins, xmaxes, cmins, cmaxes): (i64, i64, i64, i64) = sqlx::query_as(&format!(
            "SELECT COUNT(DISTINCT xmin::text), COUNT(DISTINCT xmax::text), \
             COUNT(DISTINCT cmin::text), COUNT(DISTINCT cmax::text) FROM {table}"
        ))
        .fetch_one(pool)
        .await
        .expect("system columns");
        assert_eq!((xmins, xmaxes, cmins, cmaxes), (1, 1, 1, 1), "{table}");
        let (xmax,): (String,) = sqlx::query_as(&format!("SELECT xmax::text FROM {table} LIMIT 1"))
            .fetch_one(pool)
            .await
            .expect("xmax");
        assert_eq!(
            xmax, "0",
            "{table}: no row deleted or locked since the seal"
        );
        let by_ctid: Vec<(String,)> =
            sqlx::query_as(&format!("SELECT {key}::text FROM {table} ORDER BY ctid"))
                .fetch_all(pool)
                .await
                .expect("ctid order");
        let by_key: Vec<(String,)> = sqlx::query_as(&format!(
            "SELECT {key}::text FROM {table} ORDER BY {table}.poll_id, {table}.{key}"
        ))
        .fetch_all(pool)
        .await
        .expect("key order");
        assert_eq!(by_ctid, by_key, "{table}: heap order is key order");
    }
    let (shared,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM ballots b WHERE b.xmin::text IN \
         (SELECT xmin::text FROM audit_log UNION SELECT xmin::text FROM voter_marks)",
    )
    .fetch_one(pool)
    .await
    .expect("audit xmin");
    assert_eq!(
        shared, 0,
        "no ballot shares a transaction with an audit entry or a mark"
    );
}

/// However a voter's client writes one choice, the box stores the same bytes.
async fn variants_of_one_choice_store_identical_bytes(db: &Db) {
    let (election, voters) = setup(db, 5).await;
    let ballot = |choices: Vec<(&str, Vec<&str>)>, null: bool| Ballot {
        null,
        choices: choices
            .into_iter()
            .map(|(s, ids)| (s.to_owned(), ids.into_iter().map(str::to_owned).collect()))
            .collect(),
    };
    let variants = [
        ballot(vec![("A", vec!["a2"]), ("B", vec!["b1"])], false),
        ballot(vec![("B", vec!["b1"]), ("A", vec!["a2"])], false),
        ballot(vec![("A", vec!["a2"]), ("B", vec!["b1"])], false),
    ];
    for (voter, variant) in voters.iter().zip(&variants) {
        election_store::cast(db, election, *voter, variant, Channel::Online, None, NOW)
            .await
            .expect("cast");
    }
    // A null ballot that still carries choices, and a blank one that names no segment.
    election_store::cast(
        db,
        election,
        voters[3],
        &ballot(vec![("A", vec!["a1"])], true),
        Channel::Online,
        None,
        NOW,
    )
    .await
    .expect("null");
    election_store::cast(
        db,
        election,
        voters[4],
        &ballot(vec![], false),
        Channel::Online,
        None,
        NOW,
    )
    .await
    .expect("blank");
    let stored: Vec<(String,)> = on_db!(db, |pool| sqlx::query_as(
        "SELECT content FROM ballots ORDER BY content"
    )
    .fetch_all(pool)
    .await)
    .expect("contents");
    let stored: Vec<String> = stored.into_iter().map(|(c,)| c).collect();
    assert_eq!(
        stored,
        [
            r#"{"choices":{"A":["a2"],"B":["b1"]}}"#,
            r#"{"choices":{"A":["a2"],"B":["b1"]}}"#,
            r#"{"choices":{"A":["a2"],"B":["b1"]}}"#,
            r#"{"choices":{"A":[],"B":[]}}"#,
            r#"{"null":true}"#,
        ]
    );
}

/// What a copy of the SQLite files shows, byte for byte: the write-ahead log (which keeps
/// every earlier version of every page) is empty, and in the database file the tracking
/// codes lie in key order, not in the order they were cast (within a page SQLite writes
/// each new cell below the previous one, so without the seal the bytes replay the vote).
fn raw_sqlite_bytes_follow_keys(pool: &sqlx::SqlitePool, cast_order: &[String]) {
    let file = pool.connect_options().get_filename().to_owned();
    let wal = std::fs::metadata(format!("{}-wal", file.display())).map_or(0, |m| m.len());
    assert_eq!(wal, 0, "the write-ahead log still holds old pages");
    let bytes = std::fs::read(&file).expect("database file");
    let mut by_position: Vec<(usize, &String)> = cast_order
        .iter()
        .map(|code| {
            let at = bytes
                .windows(code.len())
                .position(|w| w == code.as_bytes())
                .expect("every code is in the file");
            (at, code)
        })
        .collect();
    by_position.sort();
    let in_file: Vec<&String> = by_position.into_iter().map(|(_, code)| code).collect();
    let mut keys: Vec<&String> = cast_order.iter().collect();
    keys.sort();
    let reversed: Vec<&String> = keys.iter().rev().copied().collect();
    assert!(
        in_file == keys || in_file == reversed,
        "codes in the file follow neither key order: {in_file:?}"
    );
}
