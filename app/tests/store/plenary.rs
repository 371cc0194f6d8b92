//! The plenary and the plan on either backend: delegates credentialled (a reserve in an
//! absent delegate's place), votes per theme through the ballot box, results in the public
//! record; an action from an approved proposal, its indicator updated.

use voz_app::conferences::consolidation::store as consolidation_store;
use voz_app::conferences::edition::rules::Phase;
use voz_app::conferences::error::ConferenceError;
use voz_app::conferences::event::rules::EventKind;
use voz_app::conferences::event::store as event_store;
use voz_app::conferences::event_vote::VoteKind;
use voz_app::conferences::event_vote::store as vote_store;
use voz_app::conferences::plan::rules::{IndicatorStatus, NewAction, NewIndicator};
use voz_app::conferences::plan::store as plan_store;
use voz_app::conferences::plenary::rules::{Choice, PlenaryBallot, PlenaryRule};
use voz_app::conferences::plenary::store as plenary_store;
use voz_app::conferences::record::public_record;
use voz_app::db::Db;
use voz_app::platform::ids::AccountId;

use crate::conferences::{advance, edition, event, merged, participate, propose};
use crate::store_tests;

store_tests!(the_plenary_decides_and_the_plan_follows);

const NOW: i64 = 1_560_000_000_000;

async fn the_plenary_decides_and_the_plan_follows(db: &Db) {
    let mut edition = edition(db, 6).await;
    advance(db, &mut edition, Phase::Preparation).await;
    advance(db, &mut edition, Phase::Events).await;
    let at = event(
        db,
        &edition,
        EventKind::PreConference,
        "Pré-conferência Centro",
        edition.organizer,
    )
    .await;
    let people = edition.people.clone();
    participate(db, &edition, at, &people).await;
    let a = propose(db, &edition, at, people[0], 1, "Português nos CEUs")
        .await
        .expect("a");
    let b = propose(db, &edition, at, people[1], 1, "Abrigos")
        .await
        .expect("b");
    // Delegates: 2 seats, 2 reserves, a third immigrants; participants 0, 2, 4 are immigrants.
    let found = event_store::event_by_id(db, at).await.expect("event");
    let rule = serde_json::json!({"delegates": 2, "reserve": 2, "quota": {"numerator": 1, "denominator": 3}, "max_choices": 1, "lot_seed": "ab"});
    let mut tx = db.begin_write().await.expect("begin");
    vote_store::open_vote(
        &mut tx,
        &edition.conference,
        &found,
        VoteKind::Delegates,
        &rule,
        edition.organizer,
        NOW,
    )
    .await
    .expect("open");
    for &who in &people[0..4] {
        vote_store::stand(&mut tx, &found, who)
            .await
            .expect("stand");
    }
    vote_store::start_delegate_voting(&mut tx, &edition.conference, &found, edition.organizer, NOW)
        .await
        .expect("start");
    for (voter, code) in [
        (0, "c1"),
        (1, "c1"),
        (2, "c1"),
        (3, "c2"),
        (4, "c2"),
        (5, "c3"),
    ] {
        vote_store::cast_delegates(
            &mut tx,
            &edition.conference,
            &found,
            people[voter],
            &[code.to_owned()],
        )
        .await
        .expect("ballot");
    }
    vote_store::count(
        &mut tx,
        &edition.conference,
        &found,
        VoteKind::Delegates,
        edition.organizer,
        NOW,
    )
    .await
    .expect("count");
    tx.commit().await.expect("commit");
    // c1 (participant 0, immigrant) and c2 are delegates; c3 (immigrant), c4 the reserve.

    advance(db, &mut edition, Phase::Consolidation).await;
    let mut tx = db.begin_write().await.expect("begin");
    let first = consolidation_store::create_consolidated(
        &mut tx,
        &edition.conference,
        &merged(1, &[a], &edition),
        edition.organizer,
        NOW,
    )
    .await
    .expect("E1-1");
    let second = consolidation_store::create_consolidated(
        &mut tx,
        &edition.conference,
        &merged(1, &[b], &edition),
        edition.organizer,
        NOW,
    )
    .await
    .expect("E1-2");
    tx.commit().await.expect("commit");
    advance(db, &mut edition, Phase::Plenary).await;

    let mut tx = db.begin_write().await.expect("begin");
    let themes = plenary_store::open_plenary(
        db,
        &mut tx,
        &edition.conference,
        PlenaryRule { priorities: 1 },
        edition.organizer,
        NOW,
    )
    .await
    .expect("open");
    assert_eq!(themes, [1]);
    assert!(
        matches!(
            plenary_store::credential(
                &mut tx,
                &edition.conference,
                people[5],
                edition.organizer,
                NOW
            )
            .await,
            Err(ConferenceError::NotFound)
        ),
        "not a delegate"
    );
    plenary_store::credential(
        &mut tx,
        &edition.conference,
        people[1],
        edition.organizer,
        NOW,
    )
    .await
    .expect("delegate c2");
    // Participant 0 (c1, an immigrant) is absent: the quota needs an immigrant, so the
    // immigrant reserve c3 (participant 2) comes in, not c4 even if ranked higher.
    let replacing = plenary_store::replace_absent(
        &mut tx,
        &edition.conference,
        people[0],
        edition.organizer,
        NOW,
    )
    .await
    .expect("replace");
    assert_eq!(replacing, Some(people[2]));
    tx.commit().await.expect("commit");

    let ballot = |votes: &[(&str, Choice)], priorities: &[&str]| PlenaryBallot {
        votes: votes.iter().map(|(c, v)| ((*c).to_owned(), *v)).collect(),
        priorities: priorities.iter().map(|c| (*c).to_owned()).collect(),
    };
    let cast = |voter: AccountId, b: PlenaryBallot| {
        let conference = edition.conference.clone();
        async move {
            let mut tx = db.begin_write().await.expect("begin");
            let done = plenary_store::cast(db, &mut tx, &conference, 1, voter, &b).await;
            if done.is_ok() {
                tx.commit().await.expect("commit");
            }
            done
        }
    };
    cast(
        people[1],
        ballot(
            &[
                (&first.code, Choice::Approve),
                (&second.code, Choice::Reject),
            ],
            &[&first.code],
        ),
    )
    .await
    .expect("c2 votes");
    cast(people[2], ballot(&[(&first.code, Choice::Approve)], &[]))
        .await
        .expect("c3 votes");
    assert!(matches!(
        cast(people[2], ballot(&[], &[])).await,
        Err(ConferenceError::AlreadyVoted)
    ));
    assert!(
        matches!(
            cast(people[0], ballot(&[], &[])).await,
            Err(ConferenceError::NotCheckedIn)
        ),
        "replaced"
    );
    assert!(matches!(
        cast(people[1], ballot(&[("E9-9", Choice::Approve)], &[])).await,
        Err(ConferenceError::Invalid(_)) | Err(ConferenceError::AlreadyVoted)
    ));
    let mut tx = db.begin_write().await.expect("begin");
    plenary_store::count(db, &mut tx, &edition.conference, 1, edition.organizer, NOW)
        .await
        .expect("count");
    tx.commit().await.expect("commit");

    let record = public_record(db, &edition.conference)
        .await
        .expect("record");
    let line = |code: &str| {
        record
            .consolidated
            .iter()
            .find(|c| c.code == code)
            .expect("listed")
    };
    assert_eq!(line(&first.code).result, Some("priority"));
    assert_eq!(line(&second.code).result, Some("rejected"));
    let votes = line(&first.code).plenary.clone().expect("votes");
    assert_eq!(
        (votes.approve, votes.reject, votes.abstain, votes.priority),
        (2, 0, 0, 1)
    );

    // The plan takes approved proposals only.
    advance(db, &mut edition, Phase::Plan).await;
    let action = |from: &str| NewAction {
        title: "Cursos de português em todos os CEUs".into(),
        responsible: "Secretaria Municipal de Educação (SME)".into(),
        from: vec![from.to_owned()],
        indicators: vec![NewIndicator {
            name: "CEUs com curso".into(),
            unit: "unidades".into(),
            baseline: 4.0,
            targets: vec![(2020, 20.0), (2023, 58.0)],
            status: IndicatorStatus::NotStarted,
        }],
    };
    let mut tx = db.begin_write().await.expect("begin");
    assert!(
        matches!(
            plan_store::create_action(
                &mut tx,
                &edition.conference,
                &action(&second.code),
                edition.organizer,
                NOW
            )
            .await,
            Err(ConferenceError::Invalid(_))
        ),
        "rejected"
    );
    let code = plan_store::create_action(
        &mut tx,
        &edition.conference,
        &action(&first.code),
        edition.organizer,
        NOW,
    )
    .await
    .expect("action");
    tx.commit().await.expect("commit");
    assert_eq!(code, "A1");
    let indicator = plan_store::actions(db, &edition.conference)
        .await
        .expect("plan")[0]
        .indicators[0]
        .id;
    let mut tx = db.begin_write().await.expect("begin");
    plan_store::update_indicator(
        &mut tx,
        &edition.conference,
        indicator,
        &plan_store::Report {
            value: Some(31.0),
            status: IndicatorStatus::InProgress,
            note: "Balanço de 2021.",
        },
        edition.organizer,
        NOW,
    )
    .await
    .expect("update");
    tx.commit().await.expect("commit");
    let record = public_record(db, &edition.conference)
        .await
        .expect("record");
    assert_eq!(record.plan.len(), 1);
    assert_eq!(record.plan[0].from, std::slice::from_ref(&first.code));
    assert_eq!(record.plan[0].indicators[0].status, "in_progress");
    assert_eq!(
        record.plan[0].indicators[0].targets.get("2023"),
        Some(&58.0)
    );
    assert_eq!(record.plan[0].indicators[0].current, Some(31.0));
}
