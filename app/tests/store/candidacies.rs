//! Candidacies: one per person per election, review and appeals only in their phases, every
//! step audited, and the final list becoming exactly the count's candidates.

use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::GenderIdentity;
use voz_app::accounts::types::{AccountId, NewOrganization, RegistrationRules, ResidenceProof};
use voz_app::db::Db;
use voz_app::elections::calendar::rules::Phase;
use voz_app::elections::candidacy::{
    CandidacyAction, CandidacyError, CandidacyForm, CandidacyStatus, Filer, validate_candidacy,
};
use voz_app::elections::election::settings::{ElectionSettings, cmi_segments};
use voz_app::elections::election::store::{ElectionError, ElectionId, NewElection};
use voz_app::results::count::{ElectionConfig, ParityConfig, ParityScope, SegmentConfig};

use crate::store_tests;
use voz_app::accounts::registration::store as registration_store;
use voz_app::accounts::store as accounts_store;
use voz_app::elections::calendar::store as calendar_store;
use voz_app::elections::candidacy::store as candidacy_store;
use voz_app::elections::election::store as election_store;
use voz_app::platform::access::scoped as scoped_store;

store_tests!(
    filing_review_appeal_and_final_list,
    one_candidacy_per_person_even_at_once,
    nothing_outside_its_phase,
    only_a_verified_registrant_stands,
    deadlines_bind_and_appeals_wait_for_every_decision,
    a_declared_conflict_leaves_the_decision_to_others,
);

const NOW: i64 = 1_790_000_000_000;

fn settings() -> ElectionSettings {
    ElectionSettings {
        segments: cmi_segments(),
        min_voter_age: 16,
        ..Default::default()
    }
}

fn config() -> ElectionConfig {
    let segment = |id: &str| SegmentConfig {
        id: id.into(),
        seats: 1,
        alternates: 1,
        max_choices: 1,
    };
    ElectionConfig {
        segments: vec![segment("A"), segment("B"), segment("C")],
        extra_seats: 0,
        parity: ParityConfig {
            ratio: 0.5,
            scope: ParityScope::Election,
        },
        tie_break: vec![],
        lot_seed: String::new(),
        candidates: vec![],
        receipts: voz_app::results::count::ReceiptMode::default(),
    }
}

/// A filing: the form, and who files it (their registration's facts).
pub(crate) struct Filing {
    form: CandidacyForm,
    filer: Filer,
}

/// `name` stands in `segment` (C: a person; A/B: an organization, whose representative
/// — the filer — has `gender`).
pub(crate) fn form(segment: &str, name: &str, gender: &str) -> Filing {
    let organization = segment != "C";
    Filing {
        form: CandidacyForm {
            segment: segment.into(),
            name: if organization {
                name.into()
            } else {
                String::new()
            },
            date: if organization {
                "2001-05-01".into()
            } else {
                String::new()
            },
            platform: vec![("es".into(), "**Vivienda** digna".into())],
        },
        filer: Filer {
            name: if organization {
                "Rosa Quispe".into()
            } else {
                name.into()
            },
            birth_date: "1980-05-01".parse().expect("date"),
            gender: GenderIdentity::from_code(gender).expect("gender"),
            nationality: "BO".into(),
        },
    }
}

pub(crate) fn validated(filing: &Filing) -> voz_app::elections::candidacy::Candidacy {
    validate_candidacy(
        &filing.form,
        &settings().segment_rules(),
        "2026-11-23".parse().expect("date"),
        &filing.filer,
    )
    .expect("valid form")
}

pub(crate) async fn setup(db: &Db, people: usize) -> (ElectionId, Vec<AccountId>) {
    let mut tx = db.begin_write().await.expect("begin");
    let org = accounts_store::create_organization(
        &mut tx,
        &NewOrganization {
            slug: "cmi".into(),
            name: "CMI".into(),
            default_locale: "pt-BR".into(),
            rules: RegistrationRules {
                accepted_documents: vec![],
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
    // Everyone who stands holds a verified registration with the organization.
    let secret = voz_app::accounts::secret::ServerSecret::from_bytes([5; 32]);
    let reviewer = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        "Reviewer",
        "es",
        false,
        NOW,
    )
    .await
    .expect("account");
    let mut accounts = Vec::new();
    for n in 0..people {
        let name = format!("Person {n}");
        let account = accounts_store::create_account(
            &mut tx,
            &new_user_handle().to_string(),
            &name,
            "es",
            false,
            NOW,
        )
        .await
        .expect("account");
        let registration = voz_app::accounts::registration::rules::Registration {
            display_name: name,
            preferred_locale: voz_app::i18n::Locale::es,
            nationalities: vec!["BO".into()],
            birth_date: "1980-05-01".parse().expect("date"),
            district: "Sé".into(),
            gender: GenderIdentity::Woman,
            email: None,
            phone: None,
            document_type: voz_app::accounts::types::DocumentType::Passport,
            document_number: format!("C{n:05}"),
        };
        let hash = secret.document_hash(
            org,
            voz_app::accounts::types::DocumentType::Passport,
            &registration.document_number,
        );
        let id = registration_store::create_registration(
            &mut tx,
            org,
            account,
            &registration,
            &hash,
            true,
            NOW,
        )
        .await
        .expect("registration");
        registration_store::decide_registration(
            &mut tx,
            org,
            id,
            &voz_app::accounts::types::Decision::Accept,
            reviewer,
            NOW,
        )
        .await
        .expect("verified");
        accounts.push(account);
    }
    let election = election_store::create_election(
        &mut tx,
        org,
        &NewElection {
            slug: "2027".into(),
            title: "CMI 2027".into(),
            config: config(),
            settings: settings(),
        },
        None,
        NOW,
    )
    .await
    .expect("election");
    calendar_store::move_phase(&mut tx, election, Phase::CandidacyRegistration, None, NOW)
        .await
        .expect("open candidacies");
    tx.commit().await.expect("commit");
    (election, accounts)
}

pub(crate) async fn file(
    db: &Db,
    election: ElectionId,
    account: AccountId,
    filing: &Filing,
) -> i64 {
    let candidacy = validated(filing);
    let mut tx = db.begin_write().await.expect("begin");
    let id = candidacy_store::file_candidacy(&mut tx, election, account, &candidacy, NOW)
        .await
        .expect("filed");
    tx.commit().await.expect("commit");
    id
}

async fn act(
    db: &Db,
    election: ElectionId,
    id: i64,
    action: CandidacyAction,
    actor: AccountId,
) -> Result<CandidacyStatus, ElectionError> {
    let mut tx = db.begin_write().await.expect("begin");
    let out = candidacy_store::act_on_candidacy(
        &mut tx,
        election,
        id,
        action,
        Some("motivo"),
        actor,
        NOW,
    )
    .await;
    if out.is_ok() {
        tx.commit().await.expect("commit");
    }
    out
}

pub(crate) async fn to_phase(db: &Db, election: ElectionId, phase: Phase) {
    let mut tx = db.begin_write().await.expect("begin");
    calendar_store::move_phase(&mut tx, election, phase, None, NOW)
        .await
        .expect("phase");
    tx.commit().await.expect("commit");
}

async fn filing_review_appeal_and_final_list(db: &Db) {
    let (election, people) = setup(db, 4).await;
    let a = file(
        db,
        election,
        people[0],
        &form("A", "Associação Boliviana", "man"),
    )
    .await;
    let b = file(db, election, people[1], &form("B", "Missão Paz", "woman")).await;
    let c = file(db, election, people[2], &form("C", "Marie Joseph", "woman")).await;
    let d = file(db, election, people[3], &form("C", "Ali Hassan", "man")).await;
    let commission = people[0];
    to_phase(db, election, Phase::Review).await;
    for id in [a, b, c] {
        assert_eq!(
            act(db, election, id, CandidacyAction::Accept, commission)
                .await
                .expect("accept"),
            CandidacyStatus::Accepted
        );
    }
    assert_eq!(
        act(db, election, d, CandidacyAction::Reject, commission)
            .await
            .expect("reject"),
        CandidacyStatus::Rejected
    );
    to_phase(db, election, Phase::Appeals).await;
    act(db, election, d, CandidacyAction::Appeal, people[3])
        .await
        .expect("appeal");
    act(db, election, d, CandidacyAction::UpholdAppeal, commission)
        .await
        .expect("uphold");
    to_phase(db, election, Phase::FinalList).await;

    let record = election_store::election(db, election)
        .await
        .expect("election");
    let ids: Vec<_> = record
        .config
        .candidates
        .iter()
        .map(|c| (c.id.clone(), c.segment.clone(), c.parity))
        .collect();
    assert_eq!(
        ids,
        [
            (format!("c{a}"), "A".to_owned(), false),
            (format!("c{b}"), "B".to_owned(), true),
            (format!("c{c}"), "C".to_owned(), true),
            (format!("c{d}"), "C".to_owned(), false),
        ]
    );
    let stored = candidacy_store::candidacies(db, election)
        .await
        .expect("list");
    assert_eq!(stored[3].status, CandidacyStatus::AppealAccepted);
    assert_eq!(stored[3].reason.as_deref(), Some("motivo"));
    assert_eq!(stored[3].appeal.as_deref(), Some("motivo"));
    assert_eq!(
        candidacy_store::candidacy_of(db, election, people[1])
            .await
            .expect("mine")
            .map(|r| r.id),
        Some(b)
    );
    let actions = voz_app::on_db!(db, |pool| {
        sqlx::query_as::<_, (String,)>(
            "SELECT action FROM audit_log WHERE action LIKE 'candidacy.%'",
        )
        .fetch_all(pool)
        .await
    })
    .expect("audit");
    assert_eq!(
        actions.len(),
        4 + 4 + 2,
        "every filing and decision is audited"
    );
}

async fn one_candidacy_per_person_even_at_once(db: &Db) {
    let (election, people) = setup(db, 1).await;
    let candidacy = validated(&form("C", "Marie Joseph", "woman"));
    let attempts = (0..6).map(|_| {
        let (db, candidacy) = (db.clone(), candidacy.clone());
        let person = people[0];
        tokio::spawn(async move {
            let mut tx = db.begin_write().await?;
            let id =
                candidacy_store::file_candidacy(&mut tx, election, person, &candidacy, NOW).await?;
            tx.commit().await?;
            Ok::<_, ElectionError>(id)
        })
    });
    let mut filed = 0;
    for attempt in attempts.collect::<Vec<_>>() {
        match attempt.await.expect("task") {
            Ok(_) => filed += 1,
            Err(ElectionError::CandidacyExists) => {}
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(filed, 1);
    assert_eq!(
        candidacy_store::candidacies(db, election)
            .await
            .expect("list")
            .len(),
        1
    );
}

async fn nothing_outside_its_phase(db: &Db) {
    let (election, people) = setup(db, 2).await;
    let id = file(db, election, people[0], &form("C", "Marie Joseph", "woman")).await;
    let early = act(db, election, id, CandidacyAction::Accept, people[1]).await;
    assert!(
        matches!(
            early,
            Err(ElectionError::Candidacy(CandidacyError::WrongPhase))
        ),
        "{early:?}"
    );
    to_phase(db, election, Phase::Review).await;
    let candidacy = validated(&form("C", "Late Person", "woman"));
    let mut tx = db.begin_write().await.expect("begin");
    let late = candidacy_store::file_candidacy(&mut tx, election, people[1], &candidacy, NOW).await;
    assert!(
        matches!(
            late,
            Err(ElectionError::Candidacy(CandidacyError::WrongPhase))
        ),
        "{late:?}"
    );
    drop(tx);
    act(db, election, id, CandidacyAction::Accept, people[1])
        .await
        .expect("accept");
    let twice = act(db, election, id, CandidacyAction::Reject, people[1]).await;
    assert!(
        matches!(
            twice,
            Err(ElectionError::Candidacy(CandidacyError::WrongStatus))
        ),
        "{twice:?}"
    );
    assert_eq!(
        candidacy_store::candidacies(db, election)
            .await
            .expect("list")
            .len(),
        1,
        "nothing stored by refusals"
    );
}

async fn only_a_verified_registrant_stands(db: &Db) {
    let (election, _) = setup(db, 0).await;
    let stranger = {
        let mut tx = db.begin_write().await.expect("begin");
        let id = accounts_store::create_account(
            &mut tx,
            &new_user_handle().to_string(),
            "Stranger",
            "es",
            false,
            NOW,
        )
        .await
        .expect("account");
        tx.commit().await.expect("commit");
        id
    };
    let mut tx = db.begin_write().await.expect("begin");
    let refused = candidacy_store::file_candidacy(
        &mut tx,
        election,
        stranger,
        &validated(&form("C", "Stranger", "man")),
        NOW,
    )
    .await;
    assert!(
        matches!(refused, Err(ElectionError::Refused(_))),
        "{refused:?}"
    );
}

/// Past a phase's last day nothing more is filed or appealed, on the server's clock, even
/// before the commission moves the calendar; appeals open once every candidacy is decided.
async fn deadlines_bind_and_appeals_wait_for_every_decision(db: &Db) {
    let (election, people) = setup(db, 3).await;
    let mut tx = db.begin_write().await.expect("begin");
    // NOW is 2026-09-21 in São Paulo: a last day of the 25th.
    calendar_store::set_election_deadline(
        &mut tx,
        election,
        Phase::CandidacyRegistration,
        "2026-09-25".parse().expect("date"),
        people[2],
        NOW,
    )
    .await
    .expect("deadline");
    tx.commit().await.expect("commit");
    let a = file(db, election, people[0], &form("C", "Person 0", "woman")).await;
    let b = file(db, election, people[1], &form("C", "Person 1", "man")).await;
    let week_later = NOW + 7 * 24 * 3600 * 1000;
    let mut tx = db.begin_write().await.expect("begin");
    let late = candidacy_store::file_candidacy(
        &mut tx,
        election,
        people[2],
        &validated(&form("C", "Person 2", "woman")),
        week_later,
    )
    .await;
    assert!(
        matches!(late, Err(ElectionError::DeadlinePassed)),
        "{late:?}"
    );
    drop(tx);
    to_phase(db, election, Phase::Review).await;
    act(db, election, a, CandidacyAction::Accept, people[2])
        .await
        .expect("accept");
    let mut tx = db.begin_write().await.expect("begin");
    let early = calendar_store::move_phase(&mut tx, election, Phase::Appeals, None, NOW).await;
    assert!(matches!(early, Err(ElectionError::Undecided)), "{early:?}");
    drop(tx);
    let mut tx = db.begin_write().await.expect("begin");
    candidacy_store::act_on_candidacy(
        &mut tx,
        election,
        b,
        CandidacyAction::Reject,
        Some("Falta documento."),
        people[2],
        NOW,
    )
    .await
    .expect("reject");
    calendar_store::move_phase(&mut tx, election, Phase::Appeals, None, NOW)
        .await
        .expect("appeals");
    calendar_store::set_election_deadline(
        &mut tx,
        election,
        Phase::Appeals,
        "2026-09-23".parse().expect("date"),
        people[2],
        NOW,
    )
    .await
    .expect("deadline");
    tx.commit().await.expect("commit");
    let mut tx = db.begin_write().await.expect("begin");
    let too_late = candidacy_store::act_on_candidacy(
        &mut tx,
        election,
        b,
        CandidacyAction::Appeal,
        Some("Recurso."),
        people[1],
        week_later,
    )
    .await;
    assert!(
        matches!(too_late, Err(ElectionError::DeadlinePassed)),
        "{too_late:?}"
    );
}

/// A commissioner who declares a conflict of interest with a candidacy (audited, with the
/// reason) can no longer decide it, in review or on appeal; another commissioner can.
/// Declaring twice changes nothing; a conflict names the candidacy and no other.
async fn a_declared_conflict_leaves_the_decision_to_others(db: &Db) {
    use voz_app::platform::audit::event::Subject;
    let (election, people) = setup(db, 4).await;
    let (sister, other, commissioner, colleague) = (people[0], people[1], people[2], people[3]);
    let first = file(db, election, sister, &form("C", "Marie Joseph", "woman")).await;
    let second = file(db, election, other, &form("C", "Ali Hassan", "man")).await;
    to_phase(db, election, Phase::Review).await;
    let organization = election_store::election(db, election)
        .await
        .expect("election")
        .organization;
    for _ in 0..2 {
        let mut tx = db.begin_write().await.expect("begin");
        scoped_store::declare_conflict(
            &mut tx,
            organization,
            Subject::Candidacy(election, first),
            commissioner,
            "she is my sister",
            NOW,
        )
        .await
        .expect("declared");
        tx.commit().await.expect("commit");
    }
    assert!(matches!(
        act(db, election, first, CandidacyAction::Reject, commissioner).await,
        Err(ElectionError::ConflictOfInterest)
    ));
    assert!(matches!(
        act(db, election, first, CandidacyAction::Accept, commissioner).await,
        Err(ElectionError::ConflictOfInterest)
    ));
    assert_eq!(
        act(db, election, second, CandidacyAction::Reject, commissioner)
            .await
            .expect("no conflict with another candidacy"),
        CandidacyStatus::Rejected
    );
    assert_eq!(
        act(db, election, first, CandidacyAction::Accept, colleague)
            .await
            .expect("a colleague decides"),
        CandidacyStatus::Accepted
    );
    assert_eq!(
        scoped_store::conflicts_of(
            db,
            voz_app::platform::audit::event::Process::Election(election),
            commissioner
        )
        .await
        .expect("conflicts"),
        [Subject::Candidacy(election, first)]
    );
    let audited: Vec<(Option<String>,)> = voz_app::on_db!(db, |pool| {
        sqlx::query_as("SELECT after_state FROM audit_log WHERE action = 'conflict.declare'")
            .fetch_all(pool)
            .await
    })
    .expect("audit");
    assert_eq!(audited.len(), 1, "declared once, audited once");
    assert!(
        audited[0]
            .0
            .as_deref()
            .unwrap_or_default()
            .contains("she is my sister")
    );
}
