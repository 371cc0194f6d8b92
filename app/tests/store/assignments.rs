//! Poll workers assigned to stations: only poll workers, only existing stations, only
//! until voting closes; every change audited once.

use voz_app::accounts::types::Role;
use voz_app::db::Db;
use voz_app::elections::calendar::rules::Phase;
use voz_app::elections::election::store::ElectionError;

use crate::elections::{NOW, setup};
use crate::store_tests;
use voz_app::accounts::staff::store as staff_store;
use voz_app::elections::assignment::store as assignment_store;
use voz_app::elections::calendar::store as calendar_store;
use voz_app::elections::election::store as election_store;

store_tests!(assignments_take_poll_workers_until_voting_closes);

async fn assignments_take_poll_workers_until_voting_closes(db: &Db) {
    let (election, people) = setup(db, 3).await;
    let (worker, other_worker, voter) = (people[0], people[1], people[2]);
    let organization = election_store::election(db, election)
        .await
        .expect("election")
        .organization;
    let mut tx = db.begin_write().await.expect("begin");
    for account in [worker, other_worker] {
        staff_store::grant_role(&mut tx, organization, account, Role::PollWorker, None, NOW)
            .await
            .expect("role");
    }
    tx.commit().await.expect("commit");

    let assign = |station: i64, who, on: bool| async move {
        let mut tx = db.begin_write().await.expect("begin");
        let out = if on {
            assignment_store::assign_poll_worker(&mut tx, election, station, who, worker, NOW).await
        } else {
            assignment_store::unassign_poll_worker(&mut tx, election, station, who, worker, NOW)
                .await
        };
        if out.is_ok() {
            tx.commit().await.expect("commit");
        }
        out
    };
    assign(1, worker, true).await.expect("assigned");
    assign(1, worker, true)
        .await
        .expect("again: nothing changes");
    assign(2, other_worker, true).await.expect("assigned");
    assert!(
        matches!(assign(1, voter, true).await, Err(ElectionError::Invalid(_))),
        "a voter is no poll worker"
    );
    assert!(matches!(
        assign(9, worker, true).await,
        Err(ElectionError::NotFound)
    ));
    assert_eq!(
        assignment_store::assigned_to(db, election, 1)
            .await
            .expect("read"),
        [worker.0]
    );
    let all = assignment_store::station_assignments(db, election)
        .await
        .expect("read");
    assert_eq!(
        all.iter().map(|(s, w)| (*s, w.account)).collect::<Vec<_>>(),
        [(1, worker.0), (2, other_worker.0)]
    );
    assign(2, other_worker, false).await.expect("unassigned");
    assert!(matches!(
        assign(2, other_worker, false).await,
        Err(ElectionError::NotFound)
    ));

    let mut tx = db.begin_write().await.expect("begin");
    calendar_store::move_phase(&mut tx, election, Phase::Counting, None, NOW)
        .await
        .expect("voting closes");
    tx.commit().await.expect("commit");
    assert!(matches!(
        assign(2, other_worker, true).await,
        Err(ElectionError::NotVoting)
    ));

    let audited = voz_app::on_db!(db, |pool| {
        sqlx::query_as::<_, (String,)>(
            "SELECT action FROM audit_log WHERE action LIKE 'station.%assign' ORDER BY seq",
        )
        .fetch_all(pool)
        .await
    })
    .expect("audit");
    let actions: Vec<String> = audited.into_iter().map(|(a,)| a).collect();
    assert_eq!(
        actions,
        ["station.assign", "station.assign", "station.unassign"]
    );
}
