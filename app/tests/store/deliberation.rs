//! Deliberation on either backend: threaded comments, reports of abuse and the
//! moderators' decision; amendments the rapporteur accepts (a new version of the
//! proposal's text, every earlier one kept) or rejects, each decided once.

use voz_app::conferences::deliberation::rules::{
    AmendmentStatus, Decision, NewAmendment, Reported, thread,
};
use voz_app::conferences::deliberation::store as deliberation_store;
use voz_app::conferences::edition::rules::Phase;
use voz_app::conferences::error::ConferenceError;
use voz_app::conferences::event::rules::EventKind;
use voz_app::conferences::proposal::rules::ProposalStatus;
use voz_app::conferences::proposal::store as proposal_store;
use voz_app::db::Db;
use voz_app::platform::audit::event::Process;
use voz_app::platform::audit::store as audit_store;
use voz_app::platform::ids::{AccountId, AmendmentId, CommentId, ProposalId};

use crate::conferences::{Edition, advance, edition, event, participate, propose};
use crate::store_tests;

store_tests!(
    comments_thread_and_moderation_answers_reports,
    amendments_keep_every_version_and_are_decided_once,
);

const NOW: i64 = 1_565_000_000_000;

async fn comment(
    db: &Db,
    edition: &Edition,
    proposal: ProposalId,
    parent: Option<CommentId>,
    author: AccountId,
    body: &str,
) -> Result<CommentId, ConferenceError> {
    let mut tx = db.begin_write().await.expect("begin");
    let id = deliberation_store::add_comment(
        &mut tx,
        &edition.conference,
        proposal,
        parent,
        author,
        body,
        NOW,
    )
    .await?;
    tx.commit().await.expect("commit");
    Ok(id)
}

async fn report(db: &Db, edition: &Edition, what: Reported, who: AccountId) -> bool {
    let mut tx = db.begin_write().await.expect("begin");
    let added =
        deliberation_store::report(&mut tx, &edition.conference, what, who, "Ofensivo", NOW)
            .await
            .expect("report");
    tx.commit().await.expect("commit");
    added
}

async fn resolve(
    db: &Db,
    edition: &Edition,
    what: Reported,
    hide: Option<&str>,
) -> Result<(), ConferenceError> {
    let mut tx = db.begin_write().await.expect("begin");
    deliberation_store::resolve_reports(
        &mut tx,
        &edition.conference,
        what,
        hide,
        edition.organizer,
        NOW,
    )
    .await?;
    tx.commit().await.expect("commit");
    Ok(())
}

async fn at_an_event(db: &Db, people: usize) -> (Edition, ProposalId, ProposalId) {
    let mut edition = edition(db, people).await;
    advance(db, &mut edition, Phase::Preparation).await;
    advance(db, &mut edition, Phase::Events).await;
    let by = edition.organizer;
    let at = event(
        db,
        &edition,
        EventKind::PreConference,
        "Pré-conferência Leste",
        by,
    )
    .await;
    participate(db, &edition, at, &edition.people[..people - 1]).await;
    let first = propose(db, &edition, at, edition.people[0], 1, "Aulas de português")
        .await
        .expect("proposal");
    let second = propose(db, &edition, at, edition.people[0], 2, "Abrigos")
        .await
        .expect("proposal");
    (edition, first, second)
}

async fn comments_thread_and_moderation_answers_reports(db: &Db) {
    let (mut edition, proposal, other) = at_an_event(db, 3).await;
    let [ana, bia, outsider] = [edition.people[0], edition.people[1], edition.people[2]];
    let first = comment(db, &edition, proposal, None, ana, "Também à noite?")
        .await
        .expect("comment");
    let reply = comment(
        db,
        &edition,
        proposal,
        Some(first),
        outsider,
        "Sim, nos CEUs.",
    )
    .await
    .expect("anyone signed in comments");
    comment(db, &edition, proposal, None, bia, "Apoio.")
        .await
        .expect("comment");
    // A reply must answer a comment on the same proposal.
    assert!(matches!(
        comment(db, &edition, other, Some(first), bia, "Aqui?").await,
        Err(ConferenceError::NotFound)
    ));
    let shown = thread(
        deliberation_store::comments_of(db, proposal)
            .await
            .expect("read"),
    );
    let order: Vec<(CommentId, usize)> = shown.iter().map(|t| (t.comment.id, t.depth)).collect();
    assert_eq!(order[..2], [(first, 0), (reply, 1)]);
    assert_eq!(shown.len(), 3);

    // Reports: one per person and item, grouped in the queue, reporters not named.
    assert!(report(db, &edition, Reported::Comment(reply), ana).await);
    assert!(!report(db, &edition, Reported::Comment(reply), ana).await);
    assert!(report(db, &edition, Reported::Comment(reply), bia).await);
    assert!(report(db, &edition, Reported::Proposal(other), bia).await);
    let queue = deliberation_store::open_reports(db, &edition.conference)
        .await
        .expect("queue");
    assert_eq!(queue.len(), 2);
    assert_eq!(queue[0].what, Reported::Comment(reply));
    assert_eq!(queue[0].reasons.len(), 2);
    assert_eq!(queue[0].proposal, proposal);
    assert_eq!(queue[0].text, "Sim, nos CEUs.");

    // Hidden with a reason: the words are gone from what is read, the reason shown.
    resolve(
        db,
        &edition,
        Reported::Comment(reply),
        Some("Ataque pessoal"),
    )
    .await
    .expect("hidden");
    resolve(db, &edition, Reported::Proposal(other), None)
        .await
        .expect("kept");
    assert!(matches!(
        resolve(db, &edition, Reported::Proposal(other), None).await,
        Err(ConferenceError::Conflict)
    ));
    let hidden = deliberation_store::comments_of(db, proposal)
        .await
        .expect("read")
        .into_iter()
        .find(|c| c.id == reply)
        .expect("still listed");
    assert_eq!(hidden.body, "");
    assert_eq!(hidden.hidden_reason.as_deref(), Some("Ataque pessoal"));
    let kept = proposal_store::proposal_in(db, edition.conference.id, other)
        .await
        .expect("read");
    assert_eq!(kept.status, ProposalStatus::Submitted);
    assert!(
        deliberation_store::open_reports(db, &edition.conference)
            .await
            .expect("queue")
            .is_empty()
    );

    // Deliberation closes with the events.
    advance(db, &mut edition, Phase::Consolidation).await;
    assert!(matches!(
        comment(db, &edition, proposal, None, ana, "Tarde demais").await,
        Err(ConferenceError::WrongPhase)
    ));
    let entries =
        audit_store::process_audit_page(db, Process::Conference(edition.conference.id), None, 100)
            .await
            .expect("audit");
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions.iter().filter(|a| **a == "report.resolve").count(),
        2
    );
    assert!(actions.contains(&"comment.hide"));
    assert!(audit_store::verify_audit_chain(db).await.is_ok());
}

async fn amend(
    db: &Db,
    edition: &Edition,
    proposal: ProposalId,
    author: AccountId,
    body: &str,
) -> Result<AmendmentId, ConferenceError> {
    let new = NewAmendment {
        title: "Aulas de português".into(),
        body: body.into(),
        note: "Mais preciso".into(),
    };
    let mut tx = db.begin_write().await.expect("begin");
    let id = deliberation_store::propose_amendment(
        &mut tx,
        &edition.conference,
        proposal,
        author,
        &new,
        NOW,
    )
    .await?;
    tx.commit().await.expect("commit");
    Ok(id)
}

async fn decide(
    db: &Db,
    edition: &Edition,
    amendment: AmendmentId,
    decision: Decision,
) -> Result<(), ConferenceError> {
    let mut tx = db.begin_write().await.expect("begin");
    deliberation_store::decide_amendment(
        &mut tx,
        &edition.conference,
        amendment,
        &decision,
        edition.organizer,
        NOW,
    )
    .await?;
    tx.commit().await.expect("commit");
    Ok(())
}

async fn amendments_keep_every_version_and_are_decided_once(db: &Db) {
    let (edition, proposal, _) = at_an_event(db, 3).await;
    let [ana, bia, outsider] = [edition.people[0], edition.people[1], edition.people[2]];
    let found = proposal_store::proposal_in(db, edition.conference.id, proposal)
        .await
        .expect("read");
    assert!(
        deliberation_store::is_rapporteur(db, found.event, edition.organizer)
            .await
            .expect("read")
    );
    assert!(
        !deliberation_store::is_rapporteur(db, found.event, ana)
            .await
            .expect("read")
    );
    assert!(matches!(
        amend(db, &edition, proposal, outsider, "Outro texto.").await,
        Err(ConferenceError::NotCheckedIn)
    ));
    let evening = amend(db, &edition, proposal, bia, "Nos CEUs, também à noite.")
        .await
        .expect("amendment");
    let weekend = amend(db, &edition, proposal, ana, "Nos CEUs, aos sábados.")
        .await
        .expect("amendment");

    // Two tabs accept at once: one decision, one new version.
    let mut tabs = Vec::new();
    for _ in 0..4 {
        let (db, conference, by) = (db.clone(), edition.conference.clone(), edition.organizer);
        tabs.push(tokio::spawn(async move {
            let mut tx = db.begin_write().await.expect("begin");
            let done = deliberation_store::decide_amendment(
                &mut tx,
                &conference,
                evening,
                &Decision::Accept,
                by,
                NOW,
            )
            .await;
            match done {
                Ok(_) => {
                    tx.commit().await.expect("commit");
                    true
                }
                Err(ConferenceError::Conflict) => false,
                Err(e) => panic!("unexpected {e}"),
            }
        }));
    }
    let mut accepted = 0;
    for tab in tabs {
        accepted += usize::from(tab.await.expect("tab"));
    }
    assert_eq!(accepted, 1);
    let now = proposal_store::proposal_in(db, edition.conference.id, proposal)
        .await
        .expect("read");
    assert_eq!(now.body, "Nos CEUs, também à noite.");
    let versions = deliberation_store::versions_of(db, proposal)
        .await
        .expect("versions");
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].2, "Texto da proposta.");
    assert_eq!(versions[1].4, Some(evening.0));

    // The other amendment was written against version 1: accepting it would undo the
    // evening classes unseen. It can be rejected, once.
    assert!(matches!(
        decide(db, &edition, weekend, Decision::Accept).await,
        Err(ConferenceError::Conflict)
    ));
    let reject = Decision::Reject {
        reason: "Escreva sobre a versão 2".into(),
    };
    decide(db, &edition, weekend, reject.clone())
        .await
        .expect("rejected");
    assert!(matches!(
        decide(db, &edition, weekend, reject).await,
        Err(ConferenceError::Conflict)
    ));
    let listed = deliberation_store::amendments_of(db, proposal)
        .await
        .expect("read");
    let statuses: Vec<AmendmentStatus> = listed.iter().map(|a| a.status).collect();
    assert_eq!(
        statuses,
        [AmendmentStatus::Accepted, AmendmentStatus::Rejected]
    );
    assert_eq!(
        listed[1].reason.as_deref(),
        Some("Escreva sobre a versão 2")
    );
    let entries =
        audit_store::process_audit_page(db, Process::Conference(edition.conference.id), None, 100)
            .await
            .expect("audit");
    let decided = entries
        .iter()
        .filter(|e| e.action == "amendment.decide")
        .count();
    assert_eq!(decided, 2);
    assert!(audit_store::verify_audit_chain(db).await.is_ok());
}
