//! An event's two votes on either backend: the prioritisation (up to K per theme, one
//! ballot per checked-in participant however many tabs) and the delegate election (the
//! quota, the reserve, one event per delegate, recounted by `voz tally` from the export).

use voz_app::conferences::delegates::{DelegateRule, Quota};
use voz_app::conferences::edition::rules::Phase;
use voz_app::conferences::error::ConferenceError;
use voz_app::conferences::event::rules::EventKind;
use voz_app::conferences::event::store as event_store;
use voz_app::conferences::event_vote::VoteKind;
use voz_app::conferences::event_vote::priorities::ThemeRanking;
use voz_app::conferences::event_vote::store as vote_store;
use voz_app::db::Db;
use voz_app::platform::ids::{EventId, ProposalId};

use crate::conferences::{Edition, advance, edition, event, participate, propose};
use crate::store_tests;

store_tests!(
    an_event_prioritises_its_proposals,
    one_prioritisation_ballot_per_participant_however_many_tabs,
    delegates_are_elected_with_the_quota_and_recounted_from_the_export,
    a_person_is_delegate_of_one_event_only,
);

const NOW: i64 = 1_560_000_000_000;

async fn held(db: &Db, people: usize) -> (Edition, EventId) {
    let mut edition = edition(db, people).await;
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
    (edition, at)
}

async fn open(db: &Db, edition: &Edition, at: EventId, kind: VoteKind, rule: serde_json::Value) {
    let found = event_store::event_by_id(db, at).await.expect("event");
    let mut tx = db.begin_write().await.expect("begin");
    vote_store::open_vote(
        &mut tx,
        &edition.conference,
        &found,
        kind,
        &rule,
        edition.organizer,
        NOW,
    )
    .await
    .expect("open");
    tx.commit().await.expect("commit");
}

async fn prioritise(
    db: &Db,
    edition: &Edition,
    at: EventId,
    voter: usize,
    chosen: &[ProposalId],
) -> Result<String, ConferenceError> {
    let found = event_store::event_by_id(db, at).await.expect("event");
    let mut tx = db.begin_write().await.expect("begin");
    let code = vote_store::cast_priorities(
        &mut tx,
        &edition.conference,
        &found,
        edition.people[voter],
        chosen,
    )
    .await?;
    tx.commit().await.expect("commit");
    Ok(code)
}

async fn count(
    db: &Db,
    edition: &Edition,
    at: EventId,
    kind: VoteKind,
) -> Result<String, ConferenceError> {
    let found = event_store::event_by_id(db, at).await.expect("event");
    let mut tx = db.begin_write().await.expect("begin");
    let result = vote_store::count(
        &mut tx,
        &edition.conference,
        &found,
        kind,
        edition.organizer,
        NOW,
    )
    .await?;
    tx.commit().await.expect("commit");
    voz_app::platform::voting::store::seal_ballot_box(db)
        .await
        .expect("seal");
    Ok(result)
}

async fn an_event_prioritises_its_proposals(db: &Db) {
    let (edition, at) = held(db, 4).await;
    let mut ids = Vec::new();
    for (n, title) in ["Português nos CEUs", "Abrigo", "Saúde mental", "Moradia"]
        .iter()
        .enumerate()
    {
        ids.push(
            propose(
                db,
                &edition,
                at,
                edition.people[n],
                if n < 3 { 1 } else { 2 },
                title,
            )
            .await
            .expect("proposal"),
        );
    }
    open(
        db,
        &edition,
        at,
        VoteKind::Priorities,
        serde_json::json!({"per_theme": 2}),
    )
    .await;
    prioritise(db, &edition, at, 0, &[ids[1], ids[2], ids[3]])
        .await
        .expect("ballot 0");
    prioritise(db, &edition, at, 1, &[ids[2]])
        .await
        .expect("ballot 1");
    assert!(
        matches!(
            prioritise(db, &edition, at, 2, &ids[0..3]).await,
            Err(ConferenceError::Invalid(_))
        ),
        "3 in one theme"
    );
    assert!(matches!(
        prioritise(db, &edition, at, 0, &[ids[0]]).await,
        Err(ConferenceError::AlreadyVoted)
    ));
    let result = count(db, &edition, at, VoteKind::Priorities)
        .await
        .expect("count");
    let ranked: Vec<ThemeRanking> = serde_json::from_str(&result).expect("result");
    assert_eq!(ranked[0].ranked, [(ids[2], 2), (ids[1], 1), (ids[0], 0)]);
    assert_eq!(ranked[1].ranked, [(ids[3], 1)]);
    assert!(
        matches!(
            prioritise(db, &edition, at, 3, &[ids[0]]).await,
            Err(ConferenceError::WrongPhase)
        ),
        "counted: closed"
    );
}

async fn one_prioritisation_ballot_per_participant_however_many_tabs(db: &Db) {
    let (edition, at) = held(db, 2).await;
    let proposal = propose(db, &edition, at, edition.people[0], 1, "Uma proposta")
        .await
        .expect("proposal");
    open(
        db,
        &edition,
        at,
        VoteKind::Priorities,
        serde_json::json!({"per_theme": 1}),
    )
    .await;
    let found = event_store::event_by_id(db, at).await.expect("event");
    let mut tabs = Vec::new();
    for _ in 0..8 {
        let (db, conference, found, voter) = (
            db.clone(),
            edition.conference.clone(),
            found.clone(),
            edition.people[1],
        );
        tabs.push(tokio::spawn(async move {
            let mut tx = db.begin_write().await.expect("begin");
            match vote_store::cast_priorities(&mut tx, &conference, &found, voter, &[proposal])
                .await
            {
                Ok(_) => {
                    tx.commit().await.expect("commit");
                    true
                }
                Err(ConferenceError::AlreadyVoted) => false,
                Err(other) => panic!("{other}"),
            }
        }));
    }
    let mut cast = 0;
    for tab in tabs {
        cast += usize::from(tab.await.expect("tab"));
    }
    assert_eq!(cast, 1);
    let vote = vote_store::event_vote(db, at, VoteKind::Priorities)
        .await
        .expect("vote")
        .expect("open");
    assert_eq!(
        voz_app::platform::voting::store::ballot_rows(db, vote.poll)
            .await
            .expect("ballots")
            .len(),
        1
    );
}

fn rule(delegates: usize, reserve: usize) -> serde_json::Value {
    serde_json::to_value(DelegateRule {
        delegates,
        reserve,
        quota: Quota {
            numerator: 1,
            denominator: 3,
        },
        max_choices: 1,
        lot_seed: "9f2c".into(),
    })
    .expect("rule")
}

async fn stand(
    db: &Db,
    edition: &Edition,
    at: EventId,
    who: usize,
) -> Result<String, ConferenceError> {
    let found = event_store::event_by_id(db, at).await.expect("event");
    let mut tx = db.begin_write().await.expect("begin");
    let code = vote_store::stand(&mut tx, &found, edition.people[who]).await?;
    tx.commit().await.expect("commit");
    Ok(code)
}

async fn start(db: &Db, edition: &Edition, at: EventId) -> Vec<String> {
    let found = event_store::event_by_id(db, at).await.expect("event");
    let mut tx = db.begin_write().await.expect("begin");
    let removed = vote_store::start_delegate_voting(
        &mut tx,
        &edition.conference,
        &found,
        edition.organizer,
        NOW,
    )
    .await
    .expect("start");
    tx.commit().await.expect("commit");
    removed
}

async fn elect(db: &Db, edition: &Edition, at: EventId, voter: usize, code: &str) {
    let found = event_store::event_by_id(db, at).await.expect("event");
    let mut tx = db.begin_write().await.expect("begin");
    vote_store::cast_delegates(
        &mut tx,
        &edition.conference,
        &found,
        edition.people[voter],
        &[code.to_owned()],
    )
    .await
    .expect("ballot");
    tx.commit().await.expect("commit");
}

async fn delegates_are_elected_with_the_quota_and_recounted_from_the_export(db: &Db) {
    // Participants 0, 2, 4, 6 answered "immigrant" (every other one).
    let (edition, at) = held(db, 8).await;
    open(db, &edition, at, VoteKind::Delegates, rule(3, 2)).await;
    let mut codes = Vec::new();
    for who in [1, 3, 5, 7, 0, 2] {
        codes.push(stand(db, &edition, at, who).await.expect("stand"));
    }
    assert_eq!(
        stand(db, &edition, at, 1).await.expect("again"),
        "c1",
        "standing again changes nothing"
    );
    assert_eq!(start(db, &edition, at).await, Vec::<String>::new());
    assert!(
        matches!(
            stand(db, &edition, at, 4).await,
            Err(ConferenceError::WrongPhase)
        ),
        "the list is closed"
    );
    // The three non-migrants c1, c2, c3 get the most votes; c5 (migrant) one vote.
    for (voter, code) in [
        (0, "c1"),
        (1, "c1"),
        (2, "c2"),
        (3, "c2"),
        (4, "c3"),
        (5, "c3"),
        (6, "c5"),
    ] {
        elect(db, &edition, at, voter, code).await;
    }
    let result = count(db, &edition, at, VoteKind::Delegates)
        .await
        .expect("count");
    let allocation: voz_app::conferences::delegates::Allocation =
        serde_json::from_str(&result).expect("result");
    // A third of 3 is 1 migrant: the lowest-ranked of c1–c3 (tied at 2 votes, ranked by
    // the published lot) gives way to c5, who comes last by votes.
    assert_eq!(allocation.delegates.len(), 3);
    assert_eq!(allocation.delegates[2], "c5");
    assert!(
        allocation.delegates[..2]
            .iter()
            .all(|c| ["c1", "c2", "c3"].contains(&c.as_str()))
    );
    assert!(allocation.quota.met);
    assert_eq!(allocation.reserve.len(), 2);
    let elected = vote_store::delegates_of(db, at).await.expect("delegates");
    assert_eq!(elected.iter().filter(|d| d.2 == "delegate").count(), 3);
    assert!(
        elected
            .iter()
            .any(|d| d.0 == edition.people[0] && d.2 == "delegate"),
        "c5 is participant 0"
    );

    // The export is exactly `voz tally`'s input, and recounts the same delegates.
    let (election, ballots) = vote_store::delegate_export(db, at).await.expect("export");
    let config: voz_app::results::count::ElectionConfig =
        serde_json::from_str(&election).expect("election.json");
    let recount = voz_count::tally_jsonl(&config, ballots.as_bytes()).expect("tally");
    assert_eq!(recount.segments[0].1.titulares, allocation.delegates);
    assert_eq!(recount.segments[0].1.alternates, allocation.reserve);
    assert_eq!(recount.ballots.total, 7);
}

async fn a_person_is_delegate_of_one_event_only(db: &Db) {
    let (edition, first) = held(db, 4).await;
    let second = event(
        db,
        &edition,
        EventKind::PreConference,
        "Pré-conferência Oeste",
        edition.organizer,
    )
    .await;
    participate(db, &edition, second, &edition.people.clone()).await;
    for at in [first, second] {
        open(db, &edition, at, VoteKind::Delegates, rule(1, 1)).await;
        for who in [0, 1] {
            stand(db, &edition, at, who).await.expect("stand");
        }
    }
    assert!(start(db, &edition, first).await.is_empty());
    elect(db, &edition, first, 2, "c1").await;
    count(db, &edition, first, VoteKind::Delegates)
        .await
        .expect("count");
    // Participant 0 (c1) is the first event's delegate: taken off the second's list.
    assert_eq!(start(db, &edition, second).await, ["c1"]);
    let standing = vote_store::candidates(db, second)
        .await
        .expect("candidates");
    assert_eq!(
        standing.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(),
        ["c2"]
    );
    elect(db, &edition, second, 3, "c2").await;
    count(db, &edition, second, VoteKind::Delegates)
        .await
        .expect("count");
    let second_delegates = vote_store::delegates_of(db, second)
        .await
        .expect("delegates");
    assert_eq!(second_delegates[0].0, edition.people[1]);
}
