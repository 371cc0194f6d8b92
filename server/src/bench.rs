//! `voz bench setup` and `voz bench check`: the two ends of the load and crash tests
//! (`scripts/load-test.mjs`). Setup makes an organization `bench` with an election `bench`
//! open for voting and N enabled voters, each with a printed-style access code; check
//! verifies, after a run (or a crash), that every acknowledged tracking code is stored and
//! that marks and ballots match one to one.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::Path;
use std::time::Duration;

use crate::seed::{Decided, Seeded, registered_person};
use voz_app::accounts::access_code::store as access_code_store;
use voz_app::accounts::access_code::store::generate_code;
use voz_app::accounts::registration::rules::Registration;
use voz_app::accounts::secret::ServerSecret;
use voz_app::accounts::store as accounts_store;
use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::{
    Decision, DocumentType, GenderIdentity, NewOrganization, RegistrationRules, ResidenceProof,
};
use voz_app::db::{Db, now_millis};
use voz_app::elections::calendar::rules::Phase;
use voz_app::elections::calendar::store as calendar_store;
use voz_app::elections::election::settings::ElectionSettings;
use voz_app::elections::election::store as election_store;
use voz_app::elections::election::store::NewElection;
use voz_app::i18n::Locale;
use voz_app::on_db;
use voz_app::platform::voting::store as voting_store;
use voz_app::results::count::{
    CandidateConfig, ElectionConfig, ParityConfig, ParityScope, ReceiptMode, SegmentConfig,
    TieBreak,
};
use voz_app::results::publication as publication_store;

type Outcome = Result<(), Box<dyn std::error::Error>>;

pub async fn setup(database_url: &str, secret_file: &Path, voters: usize, out: &Path) -> Outcome {
    let db = Db::connect(database_url).await?;
    db.migrate().await?;
    let secret = ServerSecret::load_or_create(secret_file)?;
    if accounts_store::organization_by_slug(&db, "bench")
        .await?
        .is_some()
    {
        return Err("organization `bench` exists already: use a fresh database".into());
    }
    let now = now_millis();
    let mut tx = db.begin_write().await?;
    let org = accounts_store::create_organization(
        &mut tx,
        &NewOrganization {
            slug: "bench".into(),
            name: "Benchmark".into(),
            default_locale: "en".into(),
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
        now,
    )
    .await?;
    let staff = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        "Bench staff",
        "en",
        true,
        now,
    )
    .await?;
    let born: voz_app::calendar::Date = "1980-01-01".parse()?;
    let candidates = (1..=8)
        .map(|n| CandidateConfig {
            id: format!("c{n}"),
            segment: if n <= 4 { "A".into() } else { "B".into() },
            parity: n % 2 == 0,
            birth_date: Some(born),
        })
        .collect();
    let config = ElectionConfig {
        segments: vec![
            SegmentConfig {
                id: "A".into(),
                seats: 2,
                alternates: 1,
                max_choices: 1,
            },
            SegmentConfig {
                id: "B".into(),
                seats: 2,
                alternates: 1,
                max_choices: 1,
            },
        ],
        extra_seats: 0,
        parity: ParityConfig {
            ratio: 0.5,
            scope: ParityScope::Election,
        },
        tie_break: vec![TieBreak::Lot],
        lot_seed: "be0c".into(),
        candidates,
        receipts: ReceiptMode::default(),
    };
    let election = election_store::create_election(
        &mut tx,
        org,
        &NewElection {
            slug: "bench".into(),
            title: "Benchmark".into(),
            config,
            settings: open_today(now),
        },
        None,
        now,
    )
    .await?;
    for phase in &Phase::ALL[1..=6] {
        calendar_store::move_phase(&mut tx, election, *phase, None, now).await?;
    }
    let mut codes = Vec::with_capacity(voters);
    for n in 0..voters {
        let registration = Registration {
            display_name: format!("Voter {n}"),
            preferred_locale: Locale::en,
            nationalities: vec!["VE".into()],
            birth_date: "1990-01-01".parse()?,
            district: "Centro".into(),
            gender: GenderIdentity::PreferNotToSay,
            email: None,
            phone: None,
            document_type: DocumentType::Passport,
            document_number: format!("BENCH{n:07}"),
        };
        let decided = Decided {
            decision: &Decision::Accept,
            reviewer: staff,
        };
        let Seeded { account, .. } = registered_person(
            &mut tx,
            &secret,
            org,
            &registration,
            true,
            Some(decided),
            now,
        )
        .await?;
        let code = generate_code();
        access_code_store::issue_access_code(
            &mut tx,
            org,
            account,
            &secret.access_code_hash(&code),
            Duration::from_secs(86_400),
            staff,
            now,
        )
        .await?;
        codes.push(code);
    }
    tx.commit().await?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    for code in codes {
        writeln!(file, "{code}")?;
    }
    file.flush()?;
    eprintln!("{voters} voters with access codes → {}", out.display());
    db.close().await;
    Ok(())
}

/// Voting open online from yesterday to tomorrow on the organization's clock (São Paulo),
/// whenever the benchmark runs.
fn open_today(now: i64) -> ElectionSettings {
    let today = voz_app::calendar::local_time("America/Sao_Paulo", now).date;
    ElectionSettings {
        online: Some((today.add_days(-1), today.add_days(1))),
        ..Default::default()
    }
}

/// `voz bench results`: `voters` enabled voters of `bench` each cast a ballot through the
/// store (no HTTP: this sets up the results benchmark, it does not measure casting), then
/// voting closes, the box is sealed and the results are published.
pub async fn results(database_url: &str, secret_file: &Path, voters: usize) -> Outcome {
    let scratch = std::env::temp_dir().join(format!("voz-bench-codes-{}", std::process::id()));
    setup(database_url, secret_file, voters, &scratch).await?;
    let _ = std::fs::remove_file(&scratch);
    let db = Db::connect(database_url).await?;
    let org = accounts_store::organization_by_slug(&db, "bench")
        .await?
        .ok_or("no organization `bench`")?;
    let election = election_store::election_by_slug(&db, org.id, "bench").await?;
    let accounts: Vec<(i64,)> = on_db!(&db, |pool| {
        sqlx::query_as("SELECT account_id FROM registrations WHERE organization_id = $1")
            .bind(org.id.0)
            .fetch_all(pool)
            .await
    })?;
    let started = std::time::Instant::now();
    let mut seed: u64 = 0x5eed;
    for (n, (account,)) in accounts.iter().enumerate() {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let pick = |offset: u64| format!("c{}", 1 + ((seed >> (33 + offset)) % 4) + offset * 4);
        let ballot = voz_app::results::count::Ballot {
            null: n % 97 == 0,
            choices: vec![("A".into(), vec![pick(0)]), ("B".into(), vec![pick(1)])],
        };
        election_store::cast(
            &db,
            election.id,
            voz_app::accounts::types::AccountId(*account),
            &ballot,
            voz_app::elections::election::store::Channel::Online,
            None,
            now_millis(),
        )
        .await?;
        if (n + 1) % 10_000 == 0 {
            eprintln!("{} ballots cast", n + 1);
        }
    }
    eprintln!(
        "{} ballots cast in {:.1} s",
        accounts.len(),
        started.elapsed().as_secs_f64()
    );
    let started = std::time::Instant::now();
    let mut tx = db.begin_write().await?;
    for phase in [Phase::Counting, Phase::ProvisionalResults] {
        calendar_store::move_phase(&mut tx, election.id, phase, None, now_millis()).await?;
    }
    tx.commit().await?;
    voting_store::seal_ballot_box(&db).await?;
    let sealed = started.elapsed();
    publication_store::publish(&db, election.id, now_millis()).await?;
    eprintln!(
        "sealed in {:.1} s, published (board, exports, count, turnout) in {:.1} s",
        sealed.as_secs_f64(),
        started.elapsed().as_secs_f64() - sealed.as_secs_f64()
    );
    db.close().await;
    Ok(())
}

pub async fn check(database_url: &str, acknowledged: &Path) -> Outcome {
    let db = Db::connect(database_url).await?;
    let codes: Vec<String> = std::fs::read_to_string(acknowledged)?
        .lines()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let stored: Vec<(String,)> = on_db!(&db, |pool| {
        sqlx::query_as("SELECT tracking_code FROM ballots")
            .fetch_all(pool)
            .await
    })?;
    let stored: HashSet<String> = stored.into_iter().map(|(c,)| c).collect();
    let missing: Vec<&String> = codes.iter().filter(|c| !stored.contains(*c)).collect();
    let (marks,): (i64,) = on_db!(&db, |pool| sqlx::query_as(
        "SELECT COUNT(*) FROM voter_marks"
    )
    .fetch_one(pool)
    .await)?;
    println!(
        "acknowledged {}, stored ballots {}, voter marks {}, acknowledged but missing {}",
        codes.len(),
        stored.len(),
        marks,
        missing.len()
    );
    db.close().await;
    if !missing.is_empty() {
        return Err(format!(
            "{} acknowledged ballots are missing, e.g. {}",
            missing.len(),
            missing[0]
        )
        .into());
    }
    if marks != stored.len() as i64 {
        return Err(format!(
            "{marks} marks but {} ballots: they must match one to one",
            stored.len()
        )
        .into());
    }
    Ok(())
}
