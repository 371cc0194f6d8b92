//! An open call on either backend: a group's draft refused at submission until it has its
//! three members and its documents, then submitted with a receipt; the document check asks
//! for a fix by a day; the fix comes in and the documents are accepted — every step
//! audited and told to the applicant in their inbox (and email outbox).

use voz_app::accounts::store as accounts_store;
use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::{AccountId, NewOrganization, RegistrationRules, ResidenceProof};
use voz_app::calls::apply::rules::{ApplicationForm, MemberForm, parse_draft};
use voz_app::calls::apply::store as apply_store;
use voz_app::calls::apply::store::NewFile;
use voz_app::calls::apply::types::Status;
use voz_app::calls::call::rules::{
    ApplicantType, Call, Criterion, DocumentRequirement, NewCall, NewCategory, Phase, Rubric,
};
use voz_app::calls::call::store as call_store;
use voz_app::calls::error::CallError;
use voz_app::calls::select::TieBreak;
use voz_app::db::Db;
use voz_app::error::Problem;
use voz_app::platform::audit::event::Process;
use voz_app::platform::audit::store as audit_store;
use voz_app::platform::files::FileDigest;
use voz_app::platform::files::sniff::FileKind;
use voz_app::platform::inbox::Notice;
use voz_app::platform::inbox::store as inbox_store;
use voz_app::platform::review::Verdict;
use voz_app::platform::text::labels::Labels;

use crate::store_tests;

store_tests!(
    an_application_goes_from_draft_to_eligible_through_a_fix,
    late_or_repeated_steps_store_nothing,
    jurors_score_only_what_they_may,
);

/// 2026-03-02 (UTC), a Monday.
const NOW: i64 = 1_772_445_600_000;
const DAY: i64 = 86_400_000;

pub(crate) struct Open {
    pub(crate) call: Call,
    pub(crate) staff: AccountId,
    pub(crate) people: Vec<AccountId>,
}

fn labels(text: &str) -> Labels {
    Labels::from_pairs([("es", text)])
}

pub(crate) fn new_call() -> NewCall {
    NewCall {
        slug: "panas-y-parces".into(),
        titles: labels("Panas y Parces"),
        texts: labels("Convocatoria de iniciativas migrantes y de acogida."),
        currency: "COP".into(),
        rubric: Rubric {
            criteria: vec![
                Criterion {
                    code: "impact".into(),
                    names: labels("Impacto"),
                    weight: 60,
                },
                Criterion {
                    code: "feasibility".into(),
                    names: labels("Viabilidad"),
                    weight: 40,
                },
            ],
            scale_max: 5,
            public_vote_weight: 20,
            minimum_score: 6000,
            tie_break: vec![TieBreak::Jury, TieBreak::Earlier, TieBreak::Lot],
            lot_seed: "panas-2026".into(),
            anonymous_jurors: true,
        },
        min_migrant_members: 1,
        categories: vec![NewCategory {
            code: "culture".into(),
            names: labels("Cultura"),
            awards: 2,
            reserve: 1,
            incentive: 5_000_000,
        }],
        documents: vec![
            DocumentRequirement {
                code: "identity".into(),
                names: labels("Documento de identidad"),
                applicant_types: vec![ApplicantType::Individual, ApplicantType::Group],
            },
            DocumentRequirement {
                code: "registration".into(),
                names: labels("Certificado de existencia"),
                applicant_types: vec![ApplicantType::RegisteredOrganization],
            },
        ],
    }
}

pub(crate) async fn open_call(db: &Db, people: usize) -> Open {
    let mut tx = db.begin_write().await.expect("begin");
    let org = accounts_store::create_organization(
        &mut tx,
        &NewOrganization {
            slug: "idpac".into(),
            name: "IDPAC".into(),
            default_locale: "es".into(),
            rules: RegistrationRules {
                accepted_documents: vec![],
                min_age: 14,
                residence_proof: ResidenceProof::SelfDeclaration,
                districts: vec![],
                time_zone: "America/Bogota".into(),
            },
            voter_list_public: false,
        },
        None,
        NOW,
    )
    .await
    .expect("organization");
    let mut account = async |name: &str| {
        accounts_store::create_account(
            &mut tx,
            &new_user_handle().to_string(),
            name,
            "es",
            false,
            NOW,
        )
        .await
        .expect("account")
    };
    let staff = account("Equipo IDPAC").await;
    let mut accounts = Vec::new();
    for n in 0..people {
        accounts.push(account(&format!("Persona {n}")).await);
    }
    let id = call_store::create_call(&mut tx, org, &new_call(), Some(staff), NOW)
        .await
        .expect("call");
    call_store::move_phase(&mut tx, id, Phase::Open, Some(staff), NOW)
        .await
        .expect("open");
    tx.commit().await.expect("commit");
    Open {
        call: call_store::call_by_id(db, id).await.expect("read"),
        staff,
        people: accounts,
    }
}

pub(crate) async fn advance(db: &Db, open: &mut Open, to: Phase) {
    let mut tx = db.begin_write().await.expect("begin");
    call_store::move_phase(&mut tx, open.call.id, to, Some(open.staff), NOW)
        .await
        .expect("move");
    tx.commit().await.expect("commit");
    open.call = call_store::call_by_id(db, open.call.id)
        .await
        .expect("read");
}

pub(crate) fn group_form(members: usize) -> ApplicationForm {
    ApplicationForm {
        category: "culture".into(),
        applicant_type: "group".into(),
        title: "Sancocho de los domingos".into(),
        summary: "Una olla comunitaria venezolana y colombiana en Kennedy.".into(),
        email: "colectivo@example.org".into(),
        members: (0..members)
            .map(|n| MemberForm {
                name: format!("Integrante {n}"),
                document: format!("PPT-{n:04}"),
                migrant: (n == 0).then(|| "on".into()),
            })
            .collect(),
        ..ApplicationForm::default()
    }
}

pub(crate) fn file(document: &str, bytes: &[u8]) -> NewFile {
    NewFile {
        document: document.into(),
        digest: FileDigest::of(bytes),
        kind: FileKind::Pdf,
        size: bytes.len() as i64,
        name: format!("{document}.pdf"),
    }
}

async fn an_application_goes_from_draft_to_eligible_through_a_fix(db: &Db) {
    let mut open = open_call(db, 1).await;
    let person = open.people[0];
    let call = open.call.clone();

    // A draft with two members is saved as it is…
    let draft = parse_draft(&call, &group_form(2)).expect("well formed");
    let mut tx = db.begin_write().await.expect("begin");
    apply_store::save_draft(&mut tx, &call, person, &draft, "ht", NOW)
        .await
        .expect("draft");
    tx.commit().await.expect("commit");
    // …but not submitted: a group needs three people, and its identity document.
    let mut tx = db.begin_write().await.expect("begin");
    let refused = apply_store::submit(&mut tx, &call, person, NOW).await;
    let Err(CallError::Invalid(problems)) = refused else {
        panic!("{refused:?}");
    };
    drop(tx);
    let fields: Vec<(&str, &Problem)> = problems
        .iter()
        .map(|p| (p.field.as_str(), &p.problem))
        .collect();
    assert!(
        fields.contains(&("members", &Problem::MembersNeeded { min: 3 })),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("document.identity", &Problem::Required)),
        "{fields:?}"
    );
    let stored = apply_store::application_of(db, &call, person)
        .await
        .expect("read")
        .expect("draft");
    assert_eq!(stored.status, Status::Draft);
    assert_eq!(stored.receipt, None);

    // Completed: three members, the document attached; submitted with a receipt.
    let draft = parse_draft(&call, &group_form(3)).expect("well formed");
    let mut tx = db.begin_write().await.expect("begin");
    apply_store::save_draft(&mut tx, &call, person, &draft, "ht", NOW)
        .await
        .expect("draft");
    apply_store::attach_file(
        &mut tx,
        &call,
        person,
        &file("identity", b"%PDF-1 ids"),
        NOW,
    )
    .await
    .expect("file");
    let receipt = apply_store::submit(&mut tx, &call, person, NOW + 1)
        .await
        .expect("submit");
    tx.commit().await.expect("commit");
    let stored = apply_store::application_of(db, &call, person)
        .await
        .expect("read")
        .expect("app");
    assert_eq!(stored.status, Status::Submitted);
    assert_eq!(stored.receipt.as_deref(), Some(receipt.as_str()));
    assert!(receipt.starts_with("PANAS-"), "{receipt}");
    assert_eq!(stored.members().len(), 3);
    let inbox = inbox_store::messages(db, person).await.expect("inbox");
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].notice, Notice::Received);
    assert_eq!(inbox[0].params.receipt, receipt);
    let emails = inbox_store::pending_emails(db, 10).await.expect("outbox");
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].to_address, "colectivo@example.org");
    assert!(
        emails[0].body.contains(&receipt),
        "written out: {}",
        emails[0].body
    );
    assert!(
        emails[0]
            .body
            .contains("/ht/o/idpac/calls/panas-y-parces/apply"),
        "{}",
        emails[0].body
    );

    // The check asks for a fix by a day; the applicant sends it; accepted.
    advance(db, &mut open, Phase::DocumentCheck).await;
    let call = open.call.clone();
    let fix = Verdict::FixBy {
        reason: "La cédula está borrosa.".into(),
        by: Some("2026-03-10".parse().expect("date")),
    };
    let mut tx = db.begin_write().await.expect("begin");
    apply_store::check_documents(&mut tx, &call, stored.id, &fix, open.staff, NOW + DAY)
        .await
        .expect("fix by");
    tx.commit().await.expect("commit");
    let mut tx = db.begin_write().await.expect("begin");
    apply_store::attach_file(
        &mut tx,
        &call,
        person,
        &file("identity", b"%PDF-1 sharp"),
        NOW + 2 * DAY,
    )
    .await
    .expect("fix file");
    apply_store::send_fixes(&mut tx, &call, person, NOW + 2 * DAY)
        .await
        .expect("fixes");
    apply_store::check_documents(
        &mut tx,
        &call,
        stored.id,
        &Verdict::Accept,
        open.staff,
        NOW + 3 * DAY,
    )
    .await
    .expect("accept");
    tx.commit().await.expect("commit");
    let stored = apply_store::application_of(db, &call, person)
        .await
        .expect("read")
        .expect("app");
    assert_eq!(stored.status, Status::Eligible);
    assert_eq!(stored.files.len(), 2, "the first file stays on record");
    assert_eq!(
        stored.current_files()[0].digest,
        FileDigest::of(b"%PDF-1 sharp").to_string()
    );
    let notices: Vec<Notice> = inbox_store::messages(db, person)
        .await
        .expect("inbox")
        .iter()
        .map(|m| m.notice)
        .collect();
    assert_eq!(
        notices,
        [
            Notice::Accepted,
            Notice::FixesReceived,
            Notice::FixRequested,
            Notice::Received
        ]
    );
    let log = audit_store::process_audit_page(db, Process::Call(call.id), None, 100)
        .await
        .expect("log");
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    for action in [
        "call.create",
        "call.phase",
        "application.submit",
        "application.check",
        "application.fix",
    ] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
}

async fn late_or_repeated_steps_store_nothing(db: &Db) {
    let mut open = open_call(db, 2).await;
    let call = open.call.clone();
    let (person, other) = (open.people[0], open.people[1]);
    let draft = parse_draft(&call, &group_form(3)).expect("well formed");
    let mut tx = db.begin_write().await.expect("begin");
    apply_store::save_draft(&mut tx, &call, person, &draft, "es", NOW)
        .await
        .expect("draft");
    apply_store::attach_file(&mut tx, &call, person, &file("identity", b"%PDF-1 a"), NOW)
        .await
        .expect("file");
    // A document the call does not ask of groups is no document of this application.
    let foreign = apply_store::attach_file(
        &mut tx,
        &call,
        person,
        &file("registration", b"%PDF-1 b"),
        NOW,
    )
    .await;
    assert!(matches!(foreign, Err(CallError::NotFound)), "{foreign:?}");
    apply_store::submit(&mut tx, &call, person, NOW)
        .await
        .expect("submit");
    tx.commit().await.expect("commit");

    // Submitted is final: no second submission, no new draft, no new file.
    let mut tx = db.begin_write().await.expect("begin");
    let again = apply_store::submit(&mut tx, &call, person, NOW).await;
    assert!(matches!(again, Err(CallError::Conflict)), "{again:?}");
    let redraft = apply_store::save_draft(&mut tx, &call, person, &draft, "es", NOW).await;
    assert!(matches!(redraft, Err(CallError::Conflict)), "{redraft:?}");
    let late_file =
        apply_store::attach_file(&mut tx, &call, person, &file("identity", b"%PDF-1 c"), NOW).await;
    assert!(
        matches!(late_file, Err(CallError::Conflict)),
        "{late_file:?}"
    );
    drop(tx);

    // Once the call closes, nobody starts one.
    advance(db, &mut open, Phase::DocumentCheck).await;
    let call = open.call.clone();
    let mut tx = db.begin_write().await.expect("begin");
    let closed = apply_store::save_draft(&mut tx, &call, other, &draft, "es", NOW).await;
    assert!(matches!(closed, Err(CallError::WrongPhase)), "{closed:?}");
    drop(tx);
    assert!(
        apply_store::application_of(db, &call, other)
            .await
            .expect("read")
            .is_none()
    );

    // A fix after its day is refused, and the application stays as it was.
    let stored = apply_store::application_of(db, &call, person)
        .await
        .expect("read")
        .expect("app");
    let fix = Verdict::FixBy {
        reason: "Falta la firma.".into(),
        by: Some("2026-03-03".parse().expect("date")),
    };
    let mut tx = db.begin_write().await.expect("begin");
    apply_store::check_documents(&mut tx, &call, stored.id, &fix, open.staff, NOW)
        .await
        .expect("fix by");
    tx.commit().await.expect("commit");
    let mut tx = db.begin_write().await.expect("begin");
    let late = apply_store::attach_file(
        &mut tx,
        &call,
        person,
        &file("identity", b"%PDF-1 d"),
        NOW + 3 * DAY,
    )
    .await;
    assert!(matches!(late, Err(CallError::DeadlinePassed)), "{late:?}");
    let late = apply_store::send_fixes(&mut tx, &call, person, NOW + 3 * DAY).await;
    assert!(matches!(late, Err(CallError::DeadlinePassed)), "{late:?}");
    drop(tx);
    let after = apply_store::application_of(db, &call, person)
        .await
        .expect("read")
        .expect("app");
    assert_eq!(after.status, Status::FixRequested);
    assert_eq!(after.files.len(), 1);
    // A decided application is not decided again.
    let mut tx = db.begin_write().await.expect("begin");
    let twice =
        apply_store::check_documents(&mut tx, &call, stored.id, &Verdict::Accept, open.staff, NOW)
            .await;
    assert!(matches!(twice, Err(CallError::Conflict)), "{twice:?}");
}

pub(crate) async fn eligible(
    db: &Db,
    open: &Open,
    person: AccountId,
    form: ApplicationForm,
) -> voz_app::platform::ids::ApplicationId {
    let call = &open.call;
    let draft = parse_draft(call, &form).expect("well formed");
    let mut tx = db.begin_write().await.expect("begin");
    let id = apply_store::save_draft(&mut tx, call, person, &draft, "es", NOW)
        .await
        .expect("draft");
    apply_store::attach_file(
        &mut tx,
        call,
        person,
        &file("identity", format!("%PDF-1 {person}").as_bytes()),
        NOW,
    )
    .await
    .expect("file");
    apply_store::submit(&mut tx, call, person, NOW)
        .await
        .expect("submit");
    tx.commit().await.expect("commit");
    id
}

async fn jurors_score_only_what_they_may(db: &Db) {
    use std::collections::BTreeMap;
    use voz_app::accounts::staff::store as staff_store;
    use voz_app::accounts::types::Role;
    use voz_app::calls::jury::store as jury_store;

    let mut open = open_call(db, 5).await;
    let (a, b) = (open.people[0], open.people[1]);
    let (juror, other_juror, outsider) = (open.people[2], open.people[3], open.people[4]);
    let first = eligible(db, &open, a, group_form(3)).await;
    let mut second_form = group_form(3);
    second_form.title = "Coro Panas".into();
    let second = eligible(db, &open, b, second_form).await;
    advance(db, &mut open, Phase::DocumentCheck).await;
    let mut tx = db.begin_write().await.expect("begin");
    for id in [first, second] {
        apply_store::check_documents(&mut tx, &open.call, id, &Verdict::Accept, open.staff, NOW)
            .await
            .expect("accept");
    }
    let org = open.call.organization;
    for person in [juror, other_juror] {
        staff_store::grant_role(&mut tx, org, person, Role::Jury, None, NOW)
            .await
            .expect("role");
        jury_store::assign_juror(
            &mut tx,
            &open.call,
            open.call.categories[0].id,
            person,
            open.staff,
            NOW,
        )
        .await
        .expect("assign");
    }
    // Only someone holding the jury role is assigned.
    let not_a_juror = jury_store::assign_juror(
        &mut tx,
        &open.call,
        open.call.categories[0].id,
        outsider,
        open.staff,
        NOW,
    )
    .await;
    assert!(
        matches!(not_a_juror, Err(CallError::NotFound)),
        "{not_a_juror:?}"
    );
    tx.commit().await.expect("commit");
    advance(db, &mut open, Phase::Fixes).await;
    advance(db, &mut open, Phase::Jury).await;
    let call = open.call.clone();
    let marks = |impact: &str, feasibility: &str| -> BTreeMap<String, String> {
        [
            ("impact".to_owned(), impact.to_owned()),
            ("feasibility".to_owned(), feasibility.to_owned()),
        ]
        .into()
    };

    // A score outside the scale, a missing one, no justification: refused, nothing stored.
    let mut tx = db.begin_write().await.expect("begin");
    let refused = jury_store::score(&mut tx, &call, first, juror, &marks("6", ""), " ", NOW).await;
    let Err(CallError::Invalid(problems)) = refused else {
        panic!("{refused:?}");
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        ["scores.impact", "scores.feasibility", "justification"]
    );
    assert_eq!(problems[0].problem, Problem::OutOfRange { min: 0, max: 5 });
    drop(tx);
    assert!(
        jury_store::scores(db, &call)
            .await
            .expect("scores")
            .is_empty()
    );

    // A conflict declared: that application cannot be scored by them.
    let mut tx = db.begin_write().await.expect("begin");
    jury_store::declare_conflict(&mut tx, &call, second, juror, "Es mi vecina.", NOW)
        .await
        .expect("conflict");
    tx.commit().await.expect("commit");
    let mut tx = db.begin_write().await.expect("begin");
    let conflicted = jury_store::score(
        &mut tx,
        &call,
        second,
        juror,
        &marks("5", "5"),
        "Muy buena.",
        NOW,
    )
    .await;
    assert!(
        matches!(conflicted, Err(CallError::ConflictOfInterest)),
        "{conflicted:?}"
    );
    // Someone not on the category's jury cannot score at all.
    let outside = jury_store::score(
        &mut tx,
        &call,
        first,
        outsider,
        &marks("5", "5"),
        "Muy buena.",
        NOW,
    )
    .await;
    assert!(matches!(outside, Err(CallError::NotFound)), "{outside:?}");
    jury_store::score(
        &mut tx,
        &call,
        first,
        juror,
        &marks("4", "3"),
        "Clara y posible.",
        NOW,
    )
    .await
    .expect("score");
    jury_store::score(
        &mut tx,
        &call,
        first,
        other_juror,
        &marks("5", "4"),
        "Muy sólida.",
        NOW,
    )
    .await
    .expect("score");
    jury_store::score(
        &mut tx,
        &call,
        second,
        other_juror,
        &marks("2", "2"),
        "Poco definida.",
        NOW,
    )
    .await
    .expect("score");
    // Scoring again replaces one's own score.
    jury_store::score(
        &mut tx,
        &call,
        first,
        juror,
        &marks("4", "4"),
        "Clara y posible, revisada.",
        NOW,
    )
    .await
    .expect("again");
    tx.commit().await.expect("commit");
    let scores = jury_store::scores(db, &call).await.expect("scores");
    assert_eq!(scores.len(), 3);
    assert!(
        jury_store::conflicts(db, &call, juror)
            .await
            .expect("conflicts")
            .contains(&second)
    );
    assert!(
        !scores
            .iter()
            .any(|s| s.juror == juror && s.application == second)
    );

    // The selection from what is stored: jury = (60·4.5 + 40·4)/5 = 86; second 40.
    let names = jury_store::juror_names(&scores, true, &BTreeMap::new());
    let ids: BTreeMap<_, _> = [(first, "A".to_owned()), (second, "B".to_owned())].into();
    let lines = jury_store::score_lines(&scores, &ids, &names);
    let mut config = voz_app::calls::call::rules::select_config(
        &call,
        ids.values()
            .map(|id| voz_app::calls::select::Application {
                id: id.clone(),
                category: "culture".into(),
                status: "eligible".into(),
                submitted_at: "2026-03-02T10:00:00Z".into(),
            })
            .collect(),
    );
    config.public_vote_weight = 0;
    let result = voz_app::calls::select::select(&config, &lines, None).expect("selects");
    let culture = &result.categories["culture"];
    assert_eq!(culture.winners, ["A"]);
    assert_eq!(culture.ranking[0].jury, 86.0);
    assert_eq!(culture.ranking[1].jury, 40.0);
}
