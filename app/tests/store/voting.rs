//! The platform's ballot box on its own, as a conference or an open call will use it: any
//! number of polls, one mark per person in each, ballots listed per poll only, a refused
//! second mark writes nothing, and the seal leaves every poll's rows in key order.

use voz_app::db::Db;
use voz_app::elections::election::store::ElectionId;
use voz_app::platform::audit::event::Process;
use voz_app::platform::ids::PollId;
use voz_app::platform::voting::store::new_tracking_code;
use voz_app::platform::voting::{Channel, PollKind};

use crate::elections::setup;
use crate::store_tests;
use voz_app::elections::election::store as election_store;
use voz_app::platform::voting::store as voting_store;

store_tests!(any_poll_keeps_one_mark_per_person_and_its_own_ballots);

async fn cast(
    db: &Db,
    poll: PollId,
    voter: voz_app::accounts::types::AccountId,
    content: &str,
) -> bool {
    let mut tx = db.begin_write().await.expect("begin");
    if !voting_store::mark(&mut tx, poll, voter, Channel::Online, None)
        .await
        .expect("mark")
    {
        return false;
    }
    voting_store::insert_ballot(&mut tx, poll, &new_tracking_code(), content)
        .await
        .expect("ballot");
    tx.commit().await.expect("commit");
    true
}

async fn any_poll_keeps_one_mark_per_person_and_its_own_ballots(db: &Db) {
    let (election, voters) = setup(db, 3).await;
    let organization = election_store::election(db, election)
        .await
        .expect("election")
        .organization;
    let mut tx = db.begin_write().await.expect("begin");
    let mut polls = Vec::new();
    // Two more boxes beside the election's (standing in for two events' prioritisation).
    for owner in [9_001, 9_002] {
        polls.push(
            voting_store::create_poll(
                &mut tx,
                organization,
                PollKind::Election,
                Process::Election(ElectionId(owner)).subject(),
            )
            .await
            .expect("poll"),
        );
    }
    tx.commit().await.expect("commit");
    let (first, second) = (polls[0], polls[1]);
    assert_ne!(first, second);

    assert!(cast(db, first, voters[0], r#"{"p":["a"]}"#).await);
    assert!(
        !cast(db, first, voters[0], r#"{"p":["b"]}"#).await,
        "a second mark in the same poll is refused"
    );
    assert!(
        cast(db, second, voters[0], r#"{"p":["b"]}"#).await,
        "a mark in one poll says nothing of another"
    );
    assert!(cast(db, first, voters[1], r#"{"p":["c"]}"#).await);

    let contents = |rows: Vec<(String, String)>| {
        let mut c: Vec<String> = rows.into_iter().map(|(_, content)| content).collect();
        c.sort();
        c
    };
    assert_eq!(
        contents(voting_store::ballot_rows(db, first).await.expect("rows")),
        [r#"{"p":["a"]}"#, r#"{"p":["c"]}"#],
        "the refused second attempt left no ballot"
    );
    assert_eq!(
        contents(voting_store::ballot_rows(db, second).await.expect("rows")),
        [r#"{"p":["b"]}"#]
    );
    assert!(
        voting_store::has_marked(db, first, voters[1])
            .await
            .expect("marked")
    );
    assert!(
        !voting_store::has_marked(db, second, voters[1])
            .await
            .expect("not here")
    );
    let election_poll = election_store::election(db, election)
        .await
        .expect("election")
        .poll;
    assert!(
        voting_store::ballot_rows(db, election_poll)
            .await
            .expect("rows")
            .is_empty(),
        "the election's own box holds none of them"
    );

    voting_store::seal_ballot_box(db).await.expect("seal");
    for poll in [first, second] {
        let codes: Vec<String> = voting_store::ballot_rows(db, poll)
            .await
            .expect("rows")
            .into_iter()
            .map(|(code, _)| code)
            .collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted);
    }
    assert!(
        voting_store::has_marked(db, first, voters[0])
            .await
            .expect("kept by the seal")
    );
}
