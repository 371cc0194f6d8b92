//! Organizations, registrations (one per document), decisions and roles, all audited.

use voz_app::accounts::registration::rules::Registration;
use voz_app::accounts::secret::ServerSecret;
use voz_app::accounts::store::{StoreError, new_user_handle};
use voz_app::accounts::types::{
    AccountId, Decision, DocumentType, GenderIdentity, NewOrganization, OrganizationId,
    RegistrationRules, RegistrationStatus, ResidenceProof, Role,
};
use voz_app::db::Db;
use voz_app::i18n::Locale;

use crate::store_tests;
use voz_app::accounts::access_code::store as access_code_store;
use voz_app::accounts::duplicates::store as duplicates_store;
use voz_app::accounts::passkey::store as passkey_store;
use voz_app::accounts::registration::store as registration_store;
use voz_app::accounts::staff::store as staff_store;
use voz_app::accounts::staff::store::invites as invites_store;
use voz_app::accounts::store as accounts_store;
use voz_app::platform::audit::store as audit_store;
use voz_app::platform::web::sessions as sessions_store;

store_tests!(
    organizations_have_unique_slugs,
    settings_are_saved_once_and_audited_field_by_field,
    one_registration_per_document,
    concurrent_registrations_with_one_document,
    decisions_move_the_queue_and_are_audited,
    a_decision_is_taken_back_within_a_minute_by_its_author_only,
    roles_are_granted_once_and_audited,
    invites_are_single_use_and_expire,
    a_new_code_revokes_the_earlier_unused_ones,
    removing_a_passkey_ends_the_sessions_it_opened,
    one_person_with_two_documents_is_flagged,
);

const NOW: i64 = 1_790_000_000_000;

fn sao_paulo() -> NewOrganization {
    NewOrganization {
        slug: "cmi-sp".into(),
        name: "Conselho Municipal de Imigrantes".into(),
        default_locale: "pt-BR".into(),
        rules: RegistrationRules {
            accepted_documents: DocumentType::SAO_PAULO.to_vec(),
            min_age: 16,
            residence_proof: ResidenceProof::SelfDeclaration,
            districts: vec![],
            time_zone: "America/Sao_Paulo".into(),
        },
        voter_list_public: true,
    }
}

fn registration(name: &str, district: &str) -> Registration {
    Registration {
        display_name: name.into(),
        preferred_locale: Locale::es,
        nationalities: vec!["BO".into()],
        birth_date: "1988-03-02".parse().expect("date"),
        district: district.into(),
        gender: GenderIdentity::Woman,
        email: None,
        phone: None,
        document_type: DocumentType::Passport,
        document_number: "BO123456".into(),
    }
}

async fn new_org(db: &Db, slug: &str) -> OrganizationId {
    let mut tx = db.begin_write().await.expect("begin");
    let id = accounts_store::create_organization(
        &mut tx,
        &NewOrganization {
            slug: slug.into(),
            ..sao_paulo()
        },
        None,
        NOW,
    )
    .await
    .expect("create organization");
    tx.commit().await.expect("commit");
    id
}

async fn register(
    db: &Db,
    org: OrganizationId,
    name: &str,
    number: &str,
) -> Result<(AccountId, voz_app::accounts::types::RegistrationId), StoreError> {
    let secret = ServerSecret::from_bytes([7; 32]);
    let mut tx = db.begin_write().await?;
    let account = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        name,
        "es",
        false,
        NOW,
    )
    .await?;
    let hash = secret.document_hash(org, DocumentType::Passport, number);
    let id = registration_store::create_registration(
        &mut tx,
        org,
        account,
        &registration(name, "Brás"),
        &hash,
        true,
        NOW,
    )
    .await?;
    tx.commit().await?;
    Ok((account, id))
}

async fn organizations_have_unique_slugs(db: &Db) {
    let id = new_org(db, "cmi-sp").await;
    let found = accounts_store::organization_by_slug(db, "cmi-sp")
        .await
        .expect("read")
        .expect("exists");
    assert_eq!(found.id, id);
    assert_eq!(found.rules.min_age, 16);
    assert_eq!(found.rules.accepted_documents.len(), 9);

    let mut tx = db.begin_write().await.expect("begin");
    let again = accounts_store::create_organization(&mut tx, &sao_paulo(), None, NOW).await;
    assert!(matches!(again, Err(StoreError::DuplicateSlug)), "{again:?}");
    drop(tx);
    assert_eq!(
        accounts_store::organizations(db).await.expect("list").len(),
        1
    );
    let log = audit_store::audit_page(db, id.0, None, 10)
        .await
        .expect("audit");
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].action, "organization.create");
}

async fn settings_are_saved_once_and_audited_field_by_field(db: &Db) {
    use voz_app::accounts::organization::rules::{OrganizationForm, validate};
    use voz_app::accounts::organization::store as organization_store;
    use voz_app::platform::audit::readable::changes;
    let id = new_org(db, "cmi-sp").await;
    let admin = staff_account(db).await;
    let before = accounts_store::organization(db, id).await.expect("read");
    assert_eq!(before.name_for("ar"), "Conselho Municipal de Imigrantes");

    let mut form = OrganizationForm::of(&before);
    form.names
        .insert("ar".into(), "المجلس البلدي للمهاجرين".into());
    form.districts = "Sé\nMooca".into();
    form.time_zone = "America/Bogota".into();
    let settings = validate(&form, |_| true).expect("valid");
    let save = async |settings| {
        let mut tx = db.begin_write().await.expect("begin");
        let changed = organization_store::save_settings(&mut tx, id, settings, admin, NOW + 1)
            .await
            .expect("save");
        tx.commit().await.expect("commit");
        changed
    };
    assert!(save(&settings).await, "a change is saved");
    assert!(
        !save(&settings).await,
        "the same settings again change nothing"
    );

    let after = accounts_store::organization(db, id).await.expect("read");
    assert_eq!(
        after.name, "Conselho Municipal de Imigrantes",
        "the original stays"
    );
    assert_eq!(after.name_for("ar"), "المجلس البلدي للمهاجرين");
    assert_eq!(after.name_for("fr"), "Conselho Municipal de Imigrantes");
    assert_eq!(after.rules.districts, ["Sé", "Mooca"]);
    assert_eq!(after.rules.time_zone, "America/Bogota");
    assert_eq!(OrganizationForm::of(&after), {
        let mut f = form.clone();
        f.names.retain(|_, v| !v.is_empty());
        f
    });

    let log = audit_store::audit_page(db, id.0, None, 10)
        .await
        .expect("audit");
    let saved: Vec<_> = log
        .iter()
        .filter(|e| e.action == "organization.settings")
        .collect();
    assert_eq!(
        saved.len(),
        1,
        "one entry for one change, none for no change"
    );
    assert_eq!(saved[0].actor_account_id, Some(admin.0));
    let mut fields: Vec<String> = changes(saved[0].before.as_deref(), saved[0].after.as_deref())
        .into_iter()
        .map(|c| format!("{}: {} → {}", c.field, c.before, c.after))
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "districts:  → Sé, Mooca",
            "names: pt-BR: Conselho Municipal de Imigrantes → pt-BR: Conselho Municipal de Imigrantes, ar: المجلس البلدي للمهاجرين",
            "time_zone: America/Sao_Paulo → America/Bogota",
        ]
    );
    audit_store::verify_audit_chain(db)
        .await
        .expect("the chain holds");
}

async fn one_registration_per_document(db: &Db) {
    let sp = new_org(db, "cmi-sp").await;
    let bogota = new_org(db, "idpac").await;
    let (account, _) = register(db, sp, "Ana", "BO123456").await.expect("first");

    let second = register(db, sp, "Ana Maria", "BO123456").await;
    assert!(
        matches!(second, Err(StoreError::DuplicateDocument)),
        "{second:?}"
    );
    assert!(
        register(db, bogota, "Ana", "BO123456").await.is_ok(),
        "other organizations are separate"
    );

    // The same account cannot register twice in one organization, whatever the document.
    let secret = ServerSecret::from_bytes([7; 32]);
    let mut tx = db.begin_write().await.expect("begin");
    let hash = secret.document_hash(sp, DocumentType::Passport, "OTHER999");
    let twice = registration_store::create_registration(
        &mut tx,
        sp,
        account,
        &registration("Ana", "Sé"),
        &hash,
        true,
        NOW,
    )
    .await;
    assert!(
        matches!(twice, Err(StoreError::AlreadyRegistered)),
        "{twice:?}"
    );
    drop(tx);

    let pending =
        registration_store::registrations_with_status(db, sp, RegistrationStatus::Pending, 0, 10)
            .await
            .expect("queue");
    assert_eq!(pending.len(), 1, "the refused attempts stored nothing");
    assert_eq!(pending[0].display_name, "Ana");
}

async fn concurrent_registrations_with_one_document(db: &Db) {
    let sp = new_org(db, "cmi-sp").await;
    let attempts: Vec<_> = (0..6)
        .map(|n| {
            let db = db.clone();
            tokio::spawn(
                async move { register(&db, sp, &format!("Person {n}"), "SAME-DOC-1").await },
            )
        })
        .collect();
    let mut succeeded = 0;
    for attempt in attempts {
        match attempt.await.expect("join") {
            Ok(_) => succeeded += 1,
            Err(StoreError::DuplicateDocument) => {}
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(succeeded, 1);
}

async fn decisions_move_the_queue_and_are_audited(db: &Db) {
    let sp = new_org(db, "cmi-sp").await;
    let (_, ana) = register(db, sp, "Ana", "A-1").await.expect("ana");
    let (_, bruno) = register(db, sp, "Bruno", "B-2").await.expect("bruno");
    let reviewer = staff_account(db).await;

    let mut tx = db.begin_write().await.expect("begin");
    registration_store::decide_registration(&mut tx, sp, ana, &Decision::Accept, reviewer, NOW + 1)
        .await
        .expect("approve");
    registration_store::decide_registration(
        &mut tx,
        sp,
        bruno,
        &Decision::Refuse {
            reason: "Document illegible".into(),
        },
        reviewer,
        NOW + 2,
    )
    .await
    .expect("reject");
    tx.commit().await.expect("commit");

    assert!(
        registration_store::registrations_with_status(db, sp, RegistrationStatus::Pending, 0, 10)
            .await
            .expect("q")
            .is_empty()
    );
    let rejected =
        registration_store::registrations_with_status(db, sp, RegistrationStatus::Rejected, 0, 10)
            .await
            .expect("q");
    assert_eq!(
        rejected[0].status_reason.as_deref(),
        Some("Document illegible")
    );
    assert_eq!(
        registration_store::enabled_voters(db, sp)
            .await
            .expect("list"),
        [("Ana".to_owned(), "Brás".to_owned())]
    );

    // The help desk's reads: a page of registrations in the order asked (unknown ids left
    // out), and the one a document number names under any of its possible types.
    let unknown = voz_app::accounts::types::RegistrationId(999);
    let page = registration_store::registrations_by_id(db, sp, &[bruno, unknown, ana])
        .await
        .expect("by id");
    let names: Vec<&str> = page.iter().map(|r| r.display_name.as_str()).collect();
    assert_eq!(names, ["Bruno", "Ana"]);
    let secret = ServerSecret::from_bytes([7; 32]);
    let hashes: Vec<String> = [DocumentType::CrnmRne, DocumentType::Passport]
        .into_iter()
        .map(|kind| secret.document_hash(sp, kind, "B-2"))
        .collect();
    assert_eq!(
        registration_store::registrations_by_document(db, sp, &hashes)
            .await
            .expect("by document"),
        [bruno]
    );

    let log = audit_store::audit_page(db, sp.0, None, 10)
        .await
        .expect("audit");
    let decisions: Vec<_> = log
        .iter()
        .filter(|r| r.action == "registration.decide")
        .collect();
    assert_eq!(decisions.len(), 2);
    assert_eq!(decisions[1].actor_account_id, Some(reviewer.0));
    assert_eq!(
        decisions[1].before.as_deref(),
        Some(r#"{"reason":null,"status":"pending"}"#)
    );
    assert_eq!(
        decisions[1].after.as_deref(),
        Some(r#"{"reason":null,"status":"verified"}"#)
    );

    let mut tx = db.begin_write().await.expect("begin");
    let missing = registration_store::decide_registration(
        &mut tx,
        sp,
        voz_app::accounts::types::RegistrationId(999),
        &Decision::Accept,
        reviewer,
        NOW,
    )
    .await;
    assert!(matches!(missing, Err(StoreError::NotFound)));
    drop(tx);
    audit_store::verify_audit_chain(db)
        .await
        .expect("chain intact");
}

async fn roles_are_granted_once_and_audited(db: &Db) {
    let sp = new_org(db, "cmi-sp").await;
    let mut tx = db.begin_write().await.expect("begin");
    let admin = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        "Admin",
        "pt-BR",
        false,
        NOW,
    )
    .await
    .expect("admin");
    let worker = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        "Mesário",
        "pt-BR",
        false,
        NOW,
    )
    .await
    .expect("worker");
    assert!(
        staff_store::grant_role(&mut tx, sp, admin, Role::Administrator, None, NOW)
            .await
            .expect("grant")
    );
    assert!(
        staff_store::grant_role(&mut tx, sp, worker, Role::PollWorker, Some(admin), NOW)
            .await
            .expect("grant")
    );
    assert!(
        !staff_store::grant_role(&mut tx, sp, worker, Role::PollWorker, Some(admin), NOW)
            .await
            .expect("again")
    );
    tx.commit().await.expect("commit");
    assert_eq!(
        staff_store::roles_of(db, sp, worker).await.expect("roles"),
        [Role::PollWorker]
    );

    let mut tx = db.begin_write().await.expect("begin");
    assert!(
        staff_store::revoke_role(&mut tx, sp, worker, Role::PollWorker, admin, NOW)
            .await
            .expect("revoke")
    );
    tx.commit().await.expect("commit");
    assert!(
        staff_store::roles_of(db, sp, worker)
            .await
            .expect("roles")
            .is_empty()
    );
    let actions: Vec<_> = audit_store::audit_page(db, sp.0, None, 10)
        .await
        .expect("audit")
        .into_iter()
        .map(|r| r.action)
        .collect();
    assert_eq!(
        actions,
        [
            "role.revoke",
            "role.grant",
            "role.grant",
            "organization.create"
        ]
    );
}

async fn invites_are_single_use_and_expire(db: &Db) {
    let sp = new_org(db, "cmi-sp").await;
    let hour = std::time::Duration::from_secs(3600);
    let mut tx = db.begin_write().await.expect("begin");
    let token = invites_store::create_invite(&mut tx, sp, Role::Administrator, hour, None, NOW)
        .await
        .expect("invite");
    let stale = invites_store::create_invite(&mut tx, sp, Role::Moderator, hour, None, NOW)
        .await
        .expect("invite");
    tx.commit().await.expect("commit");

    let mut tx = db.begin_write().await.expect("begin");
    assert_eq!(
        invites_store::redeem_invite(&mut tx, &token, NOW + 1)
            .await
            .expect("redeem"),
        Some((sp, Role::Administrator))
    );
    assert_eq!(
        invites_store::redeem_invite(&mut tx, &token, NOW + 2)
            .await
            .expect("again"),
        None,
        "single use"
    );
    assert_eq!(
        invites_store::redeem_invite(&mut tx, &stale, NOW + 3_600_000)
            .await
            .expect("stale"),
        None,
        "expired"
    );
    assert_eq!(
        invites_store::redeem_invite(&mut tx, "made-up", NOW)
            .await
            .expect("unknown"),
        None
    );
    tx.commit().await.expect("commit");
}

async fn a_new_code_revokes_the_earlier_unused_ones(db: &Db) {
    let org = new_org(db, "cmi-sp").await;
    let (account, _) = register(db, org, "Ana", "P1").await.expect("registered");
    let hour = std::time::Duration::from_secs(3600);
    let issue = |code: &'static str| async move {
        let mut tx = db.begin_write().await.expect("begin");
        access_code_store::issue_access_code(&mut tx, org, account, code, hour, account, NOW)
            .await
            .expect("issue");
        tx.commit().await.expect("commit");
    };
    issue("hash-of-the-lost-card").await;
    issue("hash-of-the-new-card").await;
    let holder = |hash: &'static str, at: i64| async move {
        access_code_store::code_holder(db, hash, at)
            .await
            .expect("look up")
            .map(|(_, org, account)| (org, account))
    };
    assert_eq!(
        holder("hash-of-the-lost-card", NOW + 1).await,
        None,
        "the earlier card is revoked"
    );
    assert_eq!(
        holder("hash-of-the-new-card", NOW + 1).await,
        Some((org, account))
    );
    // Looking a code up (signing in) does not spend it: it opens a session again.
    assert_eq!(
        holder("hash-of-the-new-card", NOW + 2).await,
        Some((org, account))
    );
    assert_eq!(
        holder("hash-of-the-new-card", NOW + 3_600_001).await,
        None,
        "expired"
    );
    // Spent (its holder voted), it opens nothing more.
    let (id, _, _) = access_code_store::code_holder(db, "hash-of-the-new-card", NOW + 3)
        .await
        .expect("look up")
        .expect("valid");
    access_code_store::spend_access_code(db, id, NOW + 4)
        .await
        .expect("spend");
    assert_eq!(holder("hash-of-the-new-card", NOW + 5).await, None);
}

async fn removing_a_passkey_ends_the_sessions_it_opened(db: &Db) {
    use voz_app::platform::web::sessions::{AuthMethod, SessionToken};
    let org = new_org(db, "cmi-sp").await;
    let (account, _) = register(db, org, "Ana", "P1").await.expect("registered");
    let mut ids = Vec::new();
    for n in 0..2 {
        let (id,): (i64,) = voz_app::on_db!(db, |pool| sqlx::query_as(
            "INSERT INTO passkeys (account_id, credential_id, passkey, label, created_at) \
             VALUES ($1, $2, '{}', '', $3) RETURNING id"
        )
        .bind(account.0)
        .bind(format!("credential-{n}"))
        .bind(NOW)
        .fetch_one(pool)
        .await)
        .expect("passkey");
        ids.push(id);
    }
    let hour = std::time::Duration::from_secs(3600);
    let on_phone: SessionToken = sessions_store::create_session(
        db,
        Some(account.0),
        AuthMethod::Passkey,
        Some(ids[0]),
        hour,
        NOW,
    )
    .await
    .expect("session");
    let on_laptop = sessions_store::create_session(
        db,
        Some(account.0),
        AuthMethod::Passkey,
        Some(ids[1]),
        hour,
        NOW,
    )
    .await
    .expect("session");
    assert!(
        passkey_store::remove_passkey(db, account, ids[0], NOW)
            .await
            .expect("remove")
    );
    assert!(
        sessions_store::find_session(db, &on_phone, NOW)
            .await
            .expect("find")
            .is_none(),
        "the lost phone's session ended with its passkey"
    );
    assert!(
        sessions_store::find_session(db, &on_laptop, NOW)
            .await
            .expect("find")
            .is_some()
    );
    assert!(
        !passkey_store::remove_passkey(db, account, ids[1], NOW)
            .await
            .expect("remove"),
        "never the last passkey"
    );
}

/// One person registers with a passport, then again with a CRNM: two documents, two keyed
/// hashes, so the database cannot tell; the flag does, until staff say otherwise (audited).
async fn one_person_with_two_documents_is_flagged(db: &Db) {
    let org = new_org(db, "cmi-sp").await;
    let secret = ServerSecret::from_bytes([7; 32]);
    let mut tx = db.begin_write().await.expect("begin");
    let mut ids = Vec::new();
    for (name, document, number) in [
        ("María José Quispe", DocumentType::Passport, "BO123456"),
        ("QUISPE, Maria Jose", DocumentType::CrnmRne, "V1234567"),
        ("Ana Torres", DocumentType::Passport, "BO999999"),
    ] {
        let account = accounts_store::create_account(
            &mut tx,
            &new_user_handle().to_string(),
            name,
            "es",
            false,
            NOW,
        )
        .await
        .expect("account");
        let mut form = registration(name, "Brás");
        form.document_type = document;
        form.document_number = number.into();
        let hash = secret.document_hash(org, document, number);
        ids.push(
            registration_store::create_registration(&mut tx, org, account, &form, &hash, true, NOW)
                .await
                .expect("registered"),
        );
    }
    tx.commit().await.expect("commit");
    let flagged = duplicates_store::possible_duplicates(db, org, ids[1])
        .await
        .expect("duplicates");
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    assert_eq!(flagged[0].registration, ids[0].0);
    assert_eq!(flagged[0].document_type, DocumentType::Passport);
    assert!(
        duplicates_store::possible_duplicates(db, org, ids[2])
            .await
            .expect("none")
            .is_empty(),
        "another person born the same day is not flagged"
    );
    // Staff check the documents: two people. The flag goes, the decision is in the log.
    let reviewer = staff_account(db).await;
    let mut tx = db.begin_write().await.expect("begin");
    duplicates_store::dismiss_duplicate(&mut tx, org, ids[1], ids[0], reviewer, NOW)
        .await
        .expect("dismiss");
    tx.commit().await.expect("commit");
    assert!(
        duplicates_store::possible_duplicates(db, org, ids[1])
            .await
            .expect("none")
            .is_empty()
    );
    assert!(
        duplicates_store::possible_duplicates(db, org, ids[0])
            .await
            .expect("none")
            .is_empty()
    );
    let log = audit_store::audit_page(db, org.0, None, 50)
        .await
        .expect("audit");
    assert!(log.iter().any(
        |e| e.action == "registration.not_duplicate" && e.actor_account_id == Some(reviewer.0)
    ));
}

/// A staff member's account (roles are not checked by the store).
async fn staff_account(db: &Db) -> AccountId {
    let mut tx = db.begin_write().await.expect("begin");
    let id = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        "Reviewer",
        "pt-BR",
        false,
        NOW,
    )
    .await
    .expect("account");
    tx.commit().await.expect("commit");
    id
}

async fn a_decision_is_taken_back_within_a_minute_by_its_author_only(db: &Db) {
    use voz_app::accounts::store::StoreError;
    let sp = new_org(db, "cmi-sp").await;
    let (_, ana) = register(db, sp, "Ana", "A-1").await.expect("ana");
    let (reviewer, other) = (staff_account(db).await, staff_account(db).await);
    let status = |db: &Db| {
        let db = db.clone();
        async move {
            registration_store::registrations_by_id(&db, sp, &[ana])
                .await
                .expect("read")[0]
                .status
        }
    };
    let decide = |at: i64, decision: Decision| {
        let db = db.clone();
        async move {
            let mut tx = db.begin_write().await.expect("begin");
            registration_store::decide_registration(&mut tx, sp, ana, &decision, reviewer, at)
                .await
                .expect("decide");
            tx.commit().await.expect("commit");
        }
    };
    let undo = |by: AccountId, at: i64| {
        let db = db.clone();
        async move {
            let mut tx = db.begin_write().await.expect("begin");
            let outcome = registration_store::undo_decision(&mut tx, sp, ana, by, at).await;
            tx.commit().await.expect("commit");
            outcome
        }
    };
    let refusal = Decision::Refuse {
        reason: "Illegible".into(),
    };

    decide(NOW, refusal.clone()).await;
    assert!(
        matches!(undo(other, NOW + 1_000).await, Err(StoreError::TooLate)),
        "only its author takes a decision back"
    );
    undo(reviewer, NOW + 59_000)
        .await
        .expect("within the minute");
    assert_eq!(status(db).await, RegistrationStatus::Pending);
    assert!(
        matches!(undo(reviewer, NOW + 59_500).await, Err(StoreError::TooLate)),
        "an undo is not undone"
    );

    decide(NOW + 100_000, refusal).await;
    assert!(
        matches!(
            undo(reviewer, NOW + 160_001).await,
            Err(StoreError::TooLate)
        ),
        "a minute later it stands"
    );
    assert_eq!(status(db).await, RegistrationStatus::Rejected);

    // Every step is in the log: two decisions and the undo, with what it restored.
    let log = audit_store::audit_page(db, sp.0, None, 10)
        .await
        .expect("audit");
    let undone = log
        .iter()
        .find(|r| r.after.as_deref().is_some_and(|a| a.contains("undo")))
        .expect("the undo is audited");
    assert_eq!(undone.actor_account_id, Some(reviewer.0));
    assert_eq!(
        undone.after.as_deref(),
        Some(r#"{"reason":null,"status":"pending","undo":true}"#)
    );
}
