//! A conference edition on either backend: a free conference registered, sent back,
//! corrected and approved; participants checked in; proposals written, supported once
//! per person, hidden by moderation; consolidation from two events with its versions;
//! the lineage both ways and the public record; every staff step audited.

use voz_app::accounts::store as accounts_store;
use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::{AccountId, NewOrganization, RegistrationRules, ResidenceProof};
use voz_app::conferences::consolidation::rules::{ConsolidatedForm, validate_consolidated};
use voz_app::conferences::consolidation::store as consolidation_store;
use voz_app::conferences::edition::rules::{NewConference, Phase, default_levels};
use voz_app::conferences::edition::store as edition_store;
use voz_app::conferences::edition::{Conference, Theme};
use voz_app::conferences::error::ConferenceError;
use voz_app::conferences::event::rules::{EventForm, EventKind, EventStatus, validate_event};
use voz_app::conferences::event::store as event_store;
use voz_app::conferences::proposal::rules::{NewProposal, Outcome, ProposalStatus};
use voz_app::conferences::proposal::store as proposal_store;
use voz_app::conferences::record::public_record;
use voz_app::db::Db;
use voz_app::platform::audit::event::Process;
use voz_app::platform::audit::store as audit_store;
use voz_app::platform::ids::{EventId, ProposalId};
use voz_app::platform::review::Verdict;
use voz_app::platform::text::labels::Labels;

use crate::store_tests;

store_tests!(
    an_edition_runs_from_free_conference_to_lineage,
    one_support_per_person_however_many_tabs,
    consolidation_takes_only_usable_proposals_of_its_edition,
    proposals_are_found_by_words_and_narrowed_by_filters,
    an_editions_texts_are_translated_and_its_levels_edited,
);

const NOW: i64 = 1_560_000_000_000;

pub(crate) struct Edition {
    pub(crate) conference: Conference,
    pub(crate) themes: Vec<Theme>,
    pub(crate) organizer: AccountId,
    pub(crate) people: Vec<AccountId>,
}

async fn account(tx: &mut voz_app::db::Tx, name: &str) -> AccountId {
    accounts_store::create_account(
        tx,
        &new_user_handle().to_string(),
        name,
        "pt-BR",
        false,
        NOW,
    )
    .await
    .expect("account")
}

pub(crate) async fn edition(db: &Db, people: usize) -> Edition {
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
    let organizer = account(&mut tx, "Organizadora").await;
    let mut accounts = Vec::new();
    for n in 0..people {
        accounts.push(account(&mut tx, &format!("Pessoa {n}")).await);
    }
    let new = NewConference {
        slug: "conf-2019".into(),
        names: Labels::from_pairs([("pt-BR", "2ª Conferência")]),
        starts_on: "2019-06-01".parse().expect("date"),
        ends_on: "2019-11-30".parse().expect("date"),
        themes: (1..=3)
            .map(|n| Labels::from_pairs([("pt-BR", format!("Eixo {n}"))]))
            .collect(),
        levels: default_levels(),
    };
    let id = edition_store::create_conference(&mut tx, org, &new, Some(organizer), NOW)
        .await
        .expect("conference");
    tx.commit().await.expect("commit");
    let conference = edition_store::conference_by_id(db, id).await.expect("read");
    let themes = edition_store::themes(db, id).await.expect("themes");
    Edition {
        conference,
        themes,
        organizer,
        people: accounts,
    }
}

pub(crate) async fn advance(db: &Db, edition: &mut Edition, to: Phase) {
    let mut tx = db.begin_write().await.expect("begin");
    edition_store::move_phase(
        &mut tx,
        edition.conference.id,
        to,
        Some(edition.organizer),
        NOW,
    )
    .await
    .expect("move");
    tx.commit().await.expect("commit");
    edition.conference = edition_store::conference_by_id(db, edition.conference.id)
        .await
        .expect("read");
}

fn form(name: &str) -> EventForm {
    EventForm {
        name: name.into(),
        organizer: "Coletivo".into(),
        held_on: "2019-08-10".into(),
        place: "Missão Paz".into(),
        online_link: String::new(),
        expected_audience: "40".into(),
        languages: vec!["pt-BR".into(), "ht".into()],
    }
}

pub(crate) async fn event(
    db: &Db,
    edition: &Edition,
    kind: EventKind,
    name: &str,
    by: AccountId,
) -> EventId {
    let c = &edition.conference;
    let new = validate_event(&form(name), c.starts_on, c.ends_on).expect("valid");
    let mut tx = db.begin_write().await.expect("begin");
    let event = event_store::create_event(&mut tx, c, kind, &new, by, NOW)
        .await
        .expect("event");
    tx.commit().await.expect("commit");
    event.id
}

async fn review(
    db: &Db,
    edition: &Edition,
    event: EventId,
    verdict: Verdict,
) -> Result<(), ConferenceError> {
    let mut tx = db.begin_write().await.expect("begin");
    event_store::review_event(
        &mut tx,
        &edition.conference,
        event,
        &verdict,
        edition.organizer,
        NOW,
    )
    .await?;
    tx.commit().await.expect("commit");
    Ok(())
}

pub(crate) async fn participate(db: &Db, edition: &Edition, event: EventId, who: &[AccountId]) {
    let found = event_store::event_by_id(db, event).await.expect("event");
    let mut tx = db.begin_write().await.expect("begin");
    for (n, &person) in who.iter().enumerate() {
        event_store::register_participant(&mut tx, &found, person, n % 2 == 0, NOW)
            .await
            .expect("register");
        assert!(
            event_store::check_in(
                &mut tx,
                &edition.conference,
                event,
                person,
                edition.organizer,
                NOW
            )
            .await
            .expect("check in")
        );
    }
    tx.commit().await.expect("commit");
}

pub(crate) async fn propose(
    db: &Db,
    edition: &Edition,
    event: EventId,
    author: AccountId,
    theme: i64,
    title: &str,
) -> Result<ProposalId, ConferenceError> {
    let found = event_store::event_by_id(db, event).await.expect("event");
    let new = NewProposal {
        theme,
        level: "municipal".into(),
        language: "pt-BR".into(),
        title: title.into(),
        body: "Texto da proposta.".into(),
    };
    let mut tx = db.begin_write().await.expect("begin");
    let id =
        proposal_store::submit_proposal(&mut tx, &edition.conference, &found, author, &new, NOW)
            .await?;
    tx.commit().await.expect("commit");
    Ok(id)
}

pub(crate) fn merged(
    theme: i64,
    sources: &[ProposalId],
    edition: &Edition,
) -> voz_app::conferences::consolidation::rules::NewConsolidated {
    validate_consolidated(
        &ConsolidatedForm {
            theme: theme.to_string(),
            motion: false,
            title: "Ampliar o ensino de português".into(),
            body: "Texto consolidado.".into(),
            sources: sources.iter().map(|s| s.0.to_string()).collect(),
        },
        &edition.themes,
    )
    .expect("valid")
}

async fn an_edition_runs_from_free_conference_to_lineage(db: &Db) {
    let mut edition = edition(db, 6).await;
    let people = edition.people.clone();
    advance(db, &mut edition, Phase::Preparation).await;
    let regional = event(
        db,
        &edition,
        EventKind::PreConference,
        "Pré-conferência Centro",
        edition.organizer,
    )
    .await;
    let free = event(
        db,
        &edition,
        EventKind::FreeConference,
        "Conferência Livre Haiti",
        people[0],
    )
    .await;
    let public = event_store::events_of(db, edition.conference.id, true)
        .await
        .expect("events");
    assert_eq!(
        public.iter().map(|e| e.id).collect::<Vec<_>>(),
        [regional],
        "a pending free conference is not public"
    );

    // Sent back with a reason, corrected by its group, then approved.
    review(
        db,
        &edition,
        free,
        Verdict::FixBy {
            reason: "Informe o endereço completo.".into(),
            by: None,
        },
    )
    .await
    .expect("return");
    let returned = event_store::event_by_id(db, free).await.expect("event");
    assert_eq!(returned.status, EventStatus::Returned);
    assert_eq!(
        returned.status_reason.as_deref(),
        Some("Informe o endereço completo.")
    );
    assert!(
        matches!(
            review(db, &edition, free, Verdict::Accept).await,
            Err(ConferenceError::Conflict)
        ),
        "only a pending one is reviewed"
    );
    let c = &edition.conference;
    let corrected = validate_event(
        &EventForm {
            place: "Missão Paz, Rua do Glicério 225".into(),
            ..form("Conferência Livre Haiti")
        },
        c.starts_on,
        c.ends_on,
    )
    .expect("valid");
    let mut tx = db.begin_write().await.expect("begin");
    assert!(
        event_store::resubmit_event(&mut tx, free, &corrected, people[1])
            .await
            .is_err(),
        "only its group corrects it"
    );
    tx.commit().await.expect("commit");
    let mut tx = db.begin_write().await.expect("begin");
    event_store::resubmit_event(&mut tx, free, &corrected, people[0])
        .await
        .expect("resubmit");
    tx.commit().await.expect("commit");
    review(db, &edition, free, Verdict::Accept)
        .await
        .expect("approve");
    assert_eq!(
        event_store::events_of(db, edition.conference.id, true)
            .await
            .expect("events")
            .len(),
        2
    );

    // Proposals are written while events are held, by checked-in participants only.
    assert!(matches!(
        propose(db, &edition, regional, people[0], 1, "Cedo demais").await,
        Err(ConferenceError::WrongPhase)
    ));
    advance(db, &mut edition, Phase::Events).await;
    participate(db, &edition, regional, &people[0..3]).await;
    participate(db, &edition, free, &people[3..5]).await;
    let mut tx = db.begin_write().await.expect("begin");
    assert!(
        !event_store::check_in(
            &mut tx,
            &edition.conference,
            regional,
            people[0],
            edition.organizer,
            NOW
        )
        .await
        .expect("again"),
        "a second check-in writes nothing"
    );
    assert!(
        matches!(
            event_store::check_in(
                &mut tx,
                &edition.conference,
                regional,
                people[5],
                edition.organizer,
                NOW
            )
            .await,
            Err(ConferenceError::NotFound)
        ),
        "not registered"
    );
    tx.commit().await.expect("commit");
    assert!(matches!(
        propose(db, &edition, regional, people[5], 1, "Sem credencial").await,
        Err(ConferenceError::NotCheckedIn)
    ));
    let a = propose(
        db,
        &edition,
        regional,
        people[0],
        1,
        "Cursos de português nos CEUs",
    )
    .await
    .expect("a");
    let b = propose(
        db,
        &edition,
        free,
        people[3],
        1,
        "Aulas de português à noite",
    )
    .await
    .expect("b");
    let c2 = propose(db, &edition, free, people[4], 2, "Abrigo para famílias")
        .await
        .expect("c");
    let abusive = propose(db, &edition, regional, people[1], 2, "Texto ofensivo")
        .await
        .expect("d");
    let withdrawn = propose(db, &edition, regional, people[2], 3, "Repetida")
        .await
        .expect("e");
    let mut tx = db.begin_write().await.expect("begin");
    for &person in &people[0..4] {
        assert!(
            proposal_store::support(&mut tx, a, person)
                .await
                .expect("support")
        );
    }
    assert!(
        !proposal_store::support(&mut tx, a, people[0])
            .await
            .expect("again")
    );
    proposal_store::hide(
        &mut tx,
        &edition.conference,
        abusive,
        "Ofende um grupo.",
        edition.organizer,
        NOW,
    )
    .await
    .expect("hide");
    proposal_store::set_outcome(
        &mut tx,
        &edition.conference,
        withdrawn,
        Outcome::Withdrawn,
        edition.organizer,
        NOW,
    )
    .await
    .expect("withdraw");
    tx.commit().await.expect("commit");

    // Consolidation merges proposals of both events, then edits the text: two versions.
    advance(db, &mut edition, Phase::Consolidation).await;
    let mut tx = db.begin_write().await.expect("begin");
    let first = consolidation_store::create_consolidated(
        &mut tx,
        &edition.conference,
        &merged(1, &[b, a], &edition),
        edition.organizer,
        NOW,
    )
    .await
    .expect("merge");
    let second = consolidation_store::create_consolidated(
        &mut tx,
        &edition.conference,
        &merged(1, &[a], &edition),
        edition.organizer,
        NOW,
    )
    .await
    .expect("second");
    let edited = merged(1, &[a, b], &edition);
    let edited = voz_app::conferences::consolidation::rules::NewConsolidated {
        title: "Português para imigrantes em todos os CEUs".into(),
        ..edited
    };
    let first = consolidation_store::edit_consolidated(
        &mut tx,
        &edition.conference,
        &first.code,
        &edited,
        edition.organizer,
        NOW + 1,
    )
    .await
    .expect("edit");
    tx.commit().await.expect("commit");
    assert_eq!(
        (first.code.as_str(), second.code.as_str()),
        ("E1-1", "E1-2")
    );
    assert_eq!(first.sources, [a, b]);
    let versions = consolidation_store::versions(db, first.id)
        .await
        .expect("versions");
    assert_eq!(
        versions
            .iter()
            .map(|v| v.title.as_str())
            .collect::<Vec<_>>(),
        [
            "Ampliar o ensino de português",
            "Português para imigrantes em todos os CEUs"
        ]
    );
    let fed: Vec<String> = consolidation_store::fed_by(db, a)
        .await
        .expect("fed")
        .into_iter()
        .map(|(code, ..)| code)
        .collect();
    assert_eq!(
        fed,
        ["E1-1", "E1-2"],
        "one source may feed several consolidated proposals"
    );
    let mut tx = db.begin_write().await.expect("begin");
    proposal_store::set_outcome(
        &mut tx,
        &edition.conference,
        c2,
        Outcome::OutOfScope,
        edition.organizer,
        NOW,
    )
    .await
    .expect("out of scope");
    tx.commit().await.expect("commit");

    // The public record.
    let record = public_record(db, &edition.conference)
        .await
        .expect("record");
    assert_eq!(record.events.len(), 2);
    let participants: Vec<i64> = record.events.iter().map(|e| e.participants).collect();
    assert_eq!(participants.iter().sum::<i64>(), 5);
    let status = |id: ProposalId| {
        record
            .proposals
            .iter()
            .find(|p| p.id == id)
            .expect("listed")
            .status
    };
    assert_eq!(status(a), ProposalStatus::Consolidated.code());
    assert_eq!(status(c2), ProposalStatus::OutOfScope.code());
    assert_eq!(status(abusive), ProposalStatus::Hidden.code());
    assert_eq!(status(withdrawn), ProposalStatus::Withdrawn.code());
    let line_a = record.proposals.iter().find(|p| p.id == a).expect("a");
    assert_eq!(
        (line_a.supports, line_a.into.clone()),
        (4, vec!["E1-1".to_owned(), "E1-2".to_owned()])
    );
    assert_eq!(
        record
            .proposals
            .iter()
            .find(|p| p.id == abusive)
            .expect("hidden")
            .title,
        None,
        "hidden words are not republished"
    );
    assert_eq!(
        record
            .consolidated
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>(),
        ["E1-1", "E1-2"]
    );

    // Every staff step is in the audit log, under the edition.
    let entries =
        audit_store::process_audit_page(db, Process::Conference(edition.conference.id), None, 100)
            .await
            .expect("audit");
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    for action in [
        "conference.create",
        "conference.phase",
        "event.create",
        "event.review",
        "participant.check_in",
        "proposal.hide",
        "proposal.outcome",
        "consolidated.create",
        "consolidated.edit",
    ] {
        assert!(actions.contains(&action), "{action} audited: {actions:?}");
    }
    assert!(audit_store::verify_audit_chain(db).await.is_ok());
}

async fn one_support_per_person_however_many_tabs(db: &Db) {
    let mut edition = edition(db, 2).await;
    advance(db, &mut edition, Phase::Preparation).await;
    advance(db, &mut edition, Phase::Events).await;
    let at = event(
        db,
        &edition,
        EventKind::PreConference,
        "Pré-conferência Sul",
        edition.organizer,
    )
    .await;
    participate(db, &edition, at, &edition.people).await;
    let proposal = propose(db, &edition, at, edition.people[0], 1, "Uma proposta")
        .await
        .expect("proposal");
    let supporter = edition.people[1];
    let mut tabs = Vec::new();
    for _ in 0..8 {
        let db = db.clone();
        tabs.push(tokio::spawn(async move {
            let mut tx = db.begin_write().await.expect("begin");
            let done = proposal_store::support(&mut tx, proposal, supporter)
                .await
                .expect("support");
            tx.commit().await.expect("commit");
            done
        }));
    }
    let mut counted = 0;
    for tab in tabs {
        counted += usize::from(tab.await.expect("tab"));
    }
    assert_eq!(counted, 1, "exactly one tab's support counts");
    let found = proposal_store::proposal_in(db, edition.conference.id, proposal)
        .await
        .expect("read");
    assert_eq!(found.supports, 1);
}

async fn consolidation_takes_only_usable_proposals_of_its_edition(db: &Db) {
    let mut edition = edition(db, 2).await;
    advance(db, &mut edition, Phase::Preparation).await;
    advance(db, &mut edition, Phase::Events).await;
    let at = event(
        db,
        &edition,
        EventKind::PreConference,
        "Pré-conferência Norte",
        edition.organizer,
    )
    .await;
    participate(db, &edition, at, &edition.people).await;
    let kept = propose(db, &edition, at, edition.people[0], 2, "Moradia")
        .await
        .expect("kept");
    let gone = propose(db, &edition, at, edition.people[1], 2, "Retirada")
        .await
        .expect("gone");
    let mut tx = db.begin_write().await.expect("begin");
    proposal_store::set_outcome(
        &mut tx,
        &edition.conference,
        gone,
        Outcome::Withdrawn,
        edition.organizer,
        NOW,
    )
    .await
    .expect("withdraw");
    tx.commit().await.expect("commit");
    let mut tx = db.begin_write().await.expect("begin");
    assert!(
        matches!(
            consolidation_store::create_consolidated(
                &mut tx,
                &edition.conference,
                &merged(2, &[kept], &edition),
                edition.organizer,
                NOW
            )
            .await,
            Err(ConferenceError::WrongPhase)
        ),
        "only during consolidation"
    );
    tx.commit().await.expect("commit");
    advance(db, &mut edition, Phase::Consolidation).await;
    for sources in [vec![kept, gone], vec![kept, ProposalId(999_999)]] {
        let mut tx = db.begin_write().await.expect("begin");
        let refused = consolidation_store::create_consolidated(
            &mut tx,
            &edition.conference,
            &merged(2, &sources, &edition),
            edition.organizer,
            NOW,
        )
        .await;
        assert!(
            matches!(refused, Err(ConferenceError::Invalid(ref f)) if f[0].field == "sources"),
            "{sources:?}"
        );
        drop(tx);
    }
    assert!(
        consolidation_store::consolidated_of(db, edition.conference.id)
            .await
            .expect("list")
            .is_empty(),
        "nothing stored"
    );
}

async fn proposals_are_found_by_words_and_narrowed_by_filters(db: &Db) {
    use proposal_store::{ProposalFilter, list_proposals};
    let mut edition = edition(db, 3).await;
    advance(db, &mut edition, Phase::Preparation).await;
    advance(db, &mut edition, Phase::Events).await;
    let at = event(
        db,
        &edition,
        EventKind::PreConference,
        "Pré-conferência Sul",
        edition.organizer,
    )
    .await;
    participate(db, &edition, at, &edition.people.clone()).await;
    let people = edition.people.clone();
    let courses = propose(
        db,
        &edition,
        at,
        people[0],
        1,
        "Cursos de português nos CEUs",
    )
    .await
    .expect("a");
    let shelter = propose(
        db,
        &edition,
        at,
        people[1],
        2,
        "Abrigo para famílias imigrantes",
    )
    .await
    .expect("b");
    let hidden = propose(db, &edition, at, people[2], 2, "Português ofensivo")
        .await
        .expect("c");
    let mut tx = db.begin_write().await.expect("begin");
    proposal_store::hide(
        &mut tx,
        &edition.conference,
        hidden,
        "Ofensivo.",
        edition.organizer,
        NOW,
    )
    .await
    .expect("hide");
    tx.commit().await.expect("commit");
    let find = |filter: ProposalFilter| {
        let conference = edition.conference.id;
        async move {
            let (found, total) = list_proposals(db, conference, &filter, 1)
                .await
                .expect("list");
            assert_eq!(found.len() as i64, total);
            found.into_iter().map(|p| p.id).collect::<Vec<_>>()
        }
    };
    let words = |w: &str| ProposalFilter {
        words: Some(w.into()),
        ..ProposalFilter::default()
    };
    assert_eq!(
        find(words("português")).await,
        [courses],
        "hidden words are not searched"
    );
    assert_eq!(
        find(words("familias imigrantes")).await.len(),
        usize::from(db.backend() == voz_app::db::Backend::Sqlite),
        "accents aside on SQLite only"
    );
    assert_eq!(
        find(words("famílias IMIGRANTES")).await,
        [shelter],
        "every word, any case"
    );
    assert_eq!(
        find(words("\"OR\" * NEAR(")).await,
        Vec::<ProposalId>::new(),
        "operators are words"
    );
    assert_eq!(
        find(ProposalFilter {
            theme: Some(2),
            ..ProposalFilter::default()
        })
        .await,
        [shelter, hidden]
    );
    let hidden_only = ProposalFilter {
        status: Some(ProposalStatus::Hidden),
        ..ProposalFilter::default()
    };
    assert_eq!(find(hidden_only).await, [hidden]);
    let submitted = ProposalFilter {
        status: Some(ProposalStatus::Submitted),
        theme: Some(1),
        ..ProposalFilter::default()
    };
    assert_eq!(find(submitted).await, [courses]);
    assert_eq!(
        find(ProposalFilter {
            level: Some("federal".into()),
            ..ProposalFilter::default()
        })
        .await,
        Vec::<ProposalId>::new()
    );
}

/// An edition's texts after creation: translated, a level added, all in one audited
/// write; a level its proposals use cannot be removed, and a refusal changes nothing.
async fn an_editions_texts_are_translated_and_its_levels_edited(db: &Db) {
    use voz_app::conferences::edition::texts::{form_of, validate_texts};
    let mut edition = edition(db, 1).await;
    advance(db, &mut edition, Phase::Preparation).await;
    advance(db, &mut edition, Phase::Events).await;
    let at = event(
        db,
        &edition,
        EventKind::PreConference,
        "Pré-conferência Leste",
        edition.organizer,
    )
    .await;
    participate(db, &edition, at, &edition.people.clone()).await;
    let person = edition.people[0];
    propose(db, &edition, at, person, 1, "Cursos de português")
        .await
        .expect("proposal");
    let in_use = edition_store::level_codes_in_use(db, edition.conference.id)
        .await
        .expect("in use");
    assert_eq!(in_use, ["municipal"]);

    let mut form = form_of(&edition.conference, &edition.themes);
    form.names.insert("ar".into(), "المؤتمر الثاني".into());
    form.themes
        .insert("es".into(), "Eje 1\nEje 2\nEje 3".into());
    form.codes = "municipal\nmetropolitan".into();
    for text in form.levels.values_mut() {
        *text = text.lines().take(1).collect();
    }
    form.levels
        .insert("pt-BR".into(), "Municipal\nMetropolitano".into());
    let texts = validate_texts(&form, "pt-BR", 3, &in_use).expect("valid");
    let mut tx = db.begin_write().await.expect("begin");
    edition_store::update_texts(&mut tx, &edition.conference, &texts, edition.organizer, NOW)
        .await
        .expect("saved");
    tx.commit().await.expect("commit");
    let saved = edition_store::conference_by_id(db, edition.conference.id)
        .await
        .expect("read");
    assert_eq!(saved.names.text("ar"), Some("المؤتمر الثاني"));
    assert_eq!(saved.names.text("pt-BR"), Some("2ª Conferência"));
    assert_eq!(
        saved
            .levels
            .iter()
            .map(|l| l.code.as_str())
            .collect::<Vec<_>>(),
        ["municipal", "metropolitan"]
    );
    let themes = edition_store::themes(db, edition.conference.id)
        .await
        .expect("themes");
    assert_eq!(themes[2].names.text("es"), Some("Eje 3"));
    assert_eq!(themes[2].names.text("pt-BR"), Some("Eixo 3"));
    let entries =
        audit_store::process_audit_page(db, Process::Conference(edition.conference.id), None, 100)
            .await
            .expect("audit");
    assert!(
        entries.iter().any(|e| e.action == "conference.texts"),
        "audited"
    );

    // Removing the level the proposal uses is refused by the rule, so nothing is written.
    let mut without = form_of(&saved, &themes);
    without.codes = "metropolitan".into();
    without.levels.clear();
    without
        .levels
        .insert("pt-BR".into(), "Metropolitano".into());
    let refused = validate_texts(&without, "pt-BR", 3, &in_use).expect_err("in use");
    assert_eq!(refused[0].field, "codes");
}
