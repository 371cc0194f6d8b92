//! Polling stations: a kiosk ballot is cast once with its token and names no one; paper
//! ballots enter the box; one ballot per person across online and station; a closure must
//! reconcile or say why, and once signed nothing changes; counting waits for every station.

use voz_app::accounts::types::AccountId;
use voz_app::db::Db;
use voz_app::elections::phase::Phase;
use voz_app::elections::station_store::{HandOver, StationError};
use voz_app::elections::store::{Channel, ElectionError, ElectionId};
use voz_app::results::count::Ballot;

use crate::elections::{NOW, setup, vote};
use crate::store_tests;

store_tests!(
    kiosk_ballots_are_single_use_and_anonymous,
    closure_reconciles_and_is_immutable,
    one_ballot_per_person_across_online_and_station,
    counting_waits_for_every_station,
);

async fn open(db: &Db, election: ElectionId, station: i64, worker: AccountId) {
    let mut tx = db.begin_write().await.expect("begin");
    tx.open_station(election, station, worker, NOW)
        .await
        .expect("open");
    tx.commit().await.expect("commit");
}

async fn mark(
    db: &Db,
    election: ElectionId,
    station: i64,
    voter: AccountId,
    hand_over: HandOver,
    worker: AccountId,
) -> Result<Option<String>, StationError> {
    let mut tx = db.begin_write().await.expect("begin");
    let out = tx
        .mark_in_person(election, station, voter, hand_over, worker, NOW)
        .await;
    if out.is_ok() {
        tx.commit().await.expect("commit");
    }
    out
}

async fn kiosk_ballots_are_single_use_and_anonymous(db: &Db) {
    let (election, people) = setup(db, 3).await;
    let worker = people[2];
    let closed = mark(db, election, 1, people[0], HandOver::Kiosk, worker).await;
    assert!(matches!(closed, Err(StationError::NotOpen)), "{closed:?}");
    open(db, election, 1, worker).await;
    let token = mark(db, election, 1, people[0], HandOver::Kiosk, worker)
        .await
        .expect("mark")
        .expect("a kiosk token");
    let bad = db.cast_kiosk(election, &token, &vote("zz", "")).await;
    assert!(bad.is_err(), "a bad ballot is refused");
    let code = db
        .cast_kiosk(election, &token, &vote("a1", "b2"))
        .await
        .expect("cast with the token");
    assert_eq!(code.len(), 19);
    let again = db.cast_kiosk(election, &token, &vote("a2", "b1")).await;
    assert!(
        matches!(again, Err(StationError::UnknownToken)),
        "{again:?}"
    );
    let stored = db.ballots(election).await.expect("ballots");
    assert_eq!(stored.len(), 1);
    // The token table holds no person and no time.
    let columns: Vec<(String,)> = match db {
        Db::Sqlite(pool) => sqlx::query_as("SELECT name FROM pragma_table_info('kiosk_tokens')")
            .fetch_all(pool)
            .await
            .expect("columns"),
        Db::Postgres(pool) => sqlx::query_as(
            "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'kiosk_tokens'",
        )
        .fetch_all(pool)
        .await
        .expect("columns"),
    };
    let mut names: Vec<String> = columns.into_iter().map(|(c,)| c).collect();
    names.sort();
    assert_eq!(names, ["election_id", "station_id", "token_hash"]);
    let state = db.station_state(election, 1).await.expect("state");
    assert_eq!(
        (state.marked, state.ballots, state.waiting_kiosk),
        (1, 1, 0)
    );
}

async fn closure_reconciles_and_is_immutable(db: &Db) {
    let (election, people) = setup(db, 4).await;
    let worker = people[3];
    open(db, election, 2, worker).await;
    for voter in &people[..3] {
        assert_eq!(
            mark(db, election, 2, *voter, HandOver::Paper, worker)
                .await
                .expect("mark"),
            None
        );
    }
    // Two paper ballots found in the box, one null; one person left without voting.
    let mut tx = db.begin_write().await.expect("begin");
    tx.enter_paper_ballot(election, 2, &vote("a1", ""), worker, NOW)
        .await
        .expect("paper");
    tx.enter_paper_ballot(
        election,
        2,
        &Ballot {
            null: true,
            choices: vec![],
        },
        worker,
        NOW,
    )
    .await
    .expect("null paper");
    tx.commit().await.expect("commit");

    let mut tx = db.begin_write().await.expect("begin");
    let unexplained = tx.close_station(election, 2, None, worker, NOW).await;
    assert!(
        matches!(
            unexplained,
            Err(StationError::Election(ElectionError::Invalid(_)))
        ),
        "{unexplained:?}"
    );
    drop(tx);
    let mut tx = db.begin_write().await.expect("begin");
    let closed = tx
        .close_station(
            election,
            2,
            Some("Uma eleitora saiu sem depositar a cédula."),
            worker,
            NOW,
        )
        .await
        .expect("close");
    tx.commit().await.expect("commit");
    assert_eq!(
        (
            closed.marked,
            closed.ballots,
            closed.valid,
            closed.blank,
            closed.null
        ),
        (3, 2, 1, 0, 1)
    );

    // Signed: nothing more at this station.
    let late = mark(db, election, 2, people[3], HandOver::Paper, worker).await;
    assert!(matches!(late, Err(StationError::Closed)), "{late:?}");
    let mut tx = db.begin_write().await.expect("begin");
    let extra = tx
        .enter_paper_ballot(election, 2, &vote("a2", ""), worker, NOW)
        .await;
    assert!(matches!(extra, Err(StationError::Closed)), "{extra:?}");
    let twice = tx
        .close_station(election, 2, Some("again"), worker, NOW)
        .await;
    assert!(matches!(twice, Err(StationError::Closed)), "{twice:?}");
    drop(tx);
    let state = db.station_state(election, 2).await.expect("state");
    assert!(state.closed);
    assert_eq!(
        state.justification.as_deref(),
        Some("Uma eleitora saiu sem depositar a cédula.")
    );
    assert_eq!(db.ballots(election).await.expect("ballots").len(), 2);
}

async fn one_ballot_per_person_across_online_and_station(db: &Db) {
    let (election, people) = setup(db, 3).await;
    let worker = people[2];
    open(db, election, 1, worker).await;
    db.cast(
        election,
        people[0],
        &vote("a1", "b1"),
        Channel::Online,
        None,
    )
    .await
    .expect("online");
    let station = mark(db, election, 1, people[0], HandOver::Kiosk, worker).await;
    assert!(
        matches!(
            station,
            Err(StationError::Election(ElectionError::AlreadyVoted))
        ),
        "{station:?}"
    );
    // Online and station at the same moment: exactly one wins.
    let online = {
        let db = db.clone();
        let voter = people[1];
        tokio::spawn(async move {
            db.cast(election, voter, &vote("a2", "b2"), Channel::Online, None)
                .await
                .is_ok()
        })
    };
    let at_station = {
        let db = db.clone();
        let voter = people[1];
        tokio::spawn(async move {
            let mut tx = db.begin_write().await.expect("begin");
            match tx
                .mark_in_person(election, 1, voter, HandOver::Paper, worker, NOW)
                .await
            {
                Ok(_) => tx.commit().await.is_ok(),
                Err(_) => false,
            }
        })
    };
    let wins = [online.await.expect("task"), at_station.await.expect("task")];
    assert_eq!(wins.iter().filter(|w| **w).count(), 1, "{wins:?}");
    assert!(db.has_voted(election, people[1]).await.expect("voted"));
}

async fn counting_waits_for_every_station(db: &Db) {
    let (election, people) = setup(db, 1).await;
    open(db, election, 1, people[0]).await;
    let mut tx = db.begin_write().await.expect("begin");
    let early = tx.move_phase(election, Phase::Counting, None, NOW).await;
    assert!(
        matches!(early, Err(ElectionError::StationsOpen)),
        "{early:?}"
    );
    drop(tx);
    let mut tx = db.begin_write().await.expect("begin");
    tx.close_station(election, 1, None, people[0], NOW)
        .await
        .expect("close");
    tx.move_phase(election, Phase::Counting, None, NOW)
        .await
        .expect("counting");
    tx.commit().await.expect("commit");
}
