//! Polling stations: a poll worker marks the person whose document they hold (never an
//! account id); kiosks are separate devices paired with a one-time code, each readied for
//! one ballot at a time; station ballots name no station; a closure counts the sheets in
//! the box and must reconcile or say why; the commission may reopen it; counting waits for
//! every station; on PostgreSQL, closing, paper entry, opening and the move to counting
//! never interleave.

use voz_app::accounts::types::AccountId;
use voz_app::db::Db;
use voz_app::elections::calendar::rules::Phase;
use voz_app::elections::election::store::{Channel, ElectionError, ElectionId};
use voz_app::elections::station::store::{HandOver, StationError};
use voz_app::results::count::Ballot;

use crate::elections::{NOW, another_election, document_of, setup, vote, voter_born};
use crate::store_tests;
use voz_app::elections::calendar::store as calendar_store;
use voz_app::elections::election::store as election_store;
use voz_app::elections::kiosk::store as kiosk_store;
use voz_app::elections::station::store as station_store;
use voz_app::elections::station::store::closure as closure_store;
use voz_app::platform::audit::store as audit_store;

store_tests!(
    marking_needs_the_document_of_a_registered_person,
    kiosks_pair_once_and_hold_one_ballot_at_a_time,
    closure_counts_sheets_and_reconciles,
    the_commission_reopens_a_closed_station,
    one_ballot_per_person_across_online_and_station,
    counting_waits_for_every_station,
    closing_and_entering_never_interleave,
    opening_and_counting_never_interleave,
    one_eligibility_rule_on_every_channel,
);

async fn open(db: &Db, election: ElectionId, station: i64, worker: AccountId) {
    let mut tx = db.begin_write().await.expect("begin");
    station_store::open_station(&mut tx, election, station, worker, NOW)
        .await
        .expect("open");
    tx.commit().await.expect("commit");
}

/// Marks voter `n` (by their document) at `station`.
async fn mark(
    db: &Db,
    election: ElectionId,
    station: i64,
    n: usize,
    hand_over: HandOver,
    worker: AccountId,
) -> Result<Option<i64>, StationError> {
    let document = document_of(db, election, n).await;
    let mut tx = db.begin_write().await.expect("begin");
    let out = station_store::mark_in_person(
        &mut tx, election, station, &document, hand_over, worker, NOW,
    )
    .await;
    if out.is_ok() {
        tx.commit().await.expect("commit");
    }
    out
}

async fn close(
    db: &Db,
    election: ElectionId,
    station: i64,
    sheets: u64,
    why: Option<&str>,
    worker: AccountId,
) -> Result<voz_app::elections::station::store::StationState, StationError> {
    let mut tx = db.begin_write().await.expect("begin");
    let out =
        closure_store::close_station(&mut tx, election, station, sheets, why, worker, NOW).await;
    if out.is_ok() {
        tx.commit().await.expect("commit");
    }
    out
}

async fn marking_needs_the_document_of_a_registered_person(db: &Db) {
    let (election, people) = setup(db, 2).await;
    let worker = people[1];
    open(db, election, 1, worker).await;
    let mut tx = db.begin_write().await.expect("begin");
    let stranger = station_store::mark_in_person(
        &mut tx,
        election,
        1,
        "not-a-document-hash",
        HandOver::Paper,
        worker,
        NOW,
    )
    .await;
    assert!(
        matches!(
            stranger,
            Err(StationError::Election(ElectionError::Refused(
                voz_app::elections::eligibility::Refusal::NotRegistered
            )))
        ),
        "{stranger:?}"
    );
    drop(tx);
    assert_eq!(
        mark(db, election, 1, 0, HandOver::Paper, worker)
            .await
            .expect("mark"),
        None
    );
    assert!(
        election_store::has_voted(db, election, people[0])
            .await
            .expect("marked")
    );
    assert!(
        !election_store::has_voted(db, election, people[1])
            .await
            .expect("not marked")
    );
    // Marks and look-ups are in the audit log with the poll worker as actor.
    let log = audit_of(db, election).await;
    assert!(
        log.iter()
            .any(|e| e.action == "station.mark" && e.actor_account_id == Some(worker.0)),
        "the mark is audited"
    );
}

async fn kiosks_pair_once_and_hold_one_ballot_at_a_time(db: &Db) {
    let (election, people) = setup(db, 4).await;
    let worker = people[3];
    let closed = mark(db, election, 1, 0, HandOver::Kiosk, worker).await;
    assert!(matches!(closed, Err(StationError::NotOpen)), "{closed:?}");
    open(db, election, 1, worker).await;
    // No kiosk paired: nobody can be sent to one (and no mark is left behind).
    let none = mark(db, election, 1, 0, HandOver::Kiosk, worker).await;
    assert!(matches!(none, Err(StationError::NoKioskFree)), "{none:?}");
    assert!(
        !election_store::has_voted(db, election, people[0])
            .await
            .expect("no mark")
    );

    let mut tx = db.begin_write().await.expect("begin");
    let code = kiosk_store::issue_kiosk_pairing(&mut tx, election, 1, worker, NOW)
        .await
        .expect("code");
    tx.commit().await.expect("commit");
    let (kiosk, paired) = kiosk_store::pair_kiosk(db, &code, NOW)
        .await
        .expect("paired");
    assert_eq!((paired.station, paired.number), (1, 1));
    let reused = kiosk_store::pair_kiosk(db, &code, NOW).await;
    assert!(
        matches!(reused, Err(StationError::UnknownToken)),
        "a pairing code works once"
    );
    let mut tx = db.begin_write().await.expect("begin");
    let late_code = kiosk_store::issue_kiosk_pairing(&mut tx, election, 1, worker, NOW)
        .await
        .expect("code");
    tx.commit().await.expect("commit");
    let expired = kiosk_store::pair_kiosk(db, &late_code, NOW + 11 * 60 * 1000).await;
    assert!(
        matches!(expired, Err(StationError::UnknownToken)),
        "and only for 10 minutes"
    );

    // Nothing to cast until a poll worker readies the kiosk.
    let early = kiosk_store::cast_kiosk(db, &kiosk, &vote("a1", "b1")).await;
    assert!(
        matches!(early, Err(StationError::UnknownToken)),
        "{early:?}"
    );
    assert_eq!(
        mark(db, election, 1, 0, HandOver::Kiosk, worker)
            .await
            .expect("mark"),
        Some(1)
    );
    // The readied ballot opens in its voter's language: a language, not who.
    let readied = kiosk_store::kiosk(db, &kiosk)
        .await
        .expect("kiosk")
        .expect("paired");
    assert!(readied.ready);
    assert!(readied.ballot_locale.is_some());
    let busy = mark(db, election, 1, 1, HandOver::Kiosk, worker).await;
    assert!(
        matches!(busy, Err(StationError::NoKioskFree)),
        "one ballot per kiosk at a time: {busy:?}"
    );
    let bad = kiosk_store::cast_kiosk(db, &kiosk, &vote("zz", "")).await;
    assert!(
        bad.is_err(),
        "a bad ballot is refused and the kiosk stays ready"
    );
    let code = kiosk_store::cast_kiosk(db, &kiosk, &vote("a1", "b2"))
        .await
        .expect("cast");
    assert_eq!(code.len(), 19);
    let cast = kiosk_store::kiosk(db, &kiosk)
        .await
        .expect("kiosk")
        .expect("paired");
    assert_eq!(
        (cast.ready, cast.ballot_locale),
        (false, None),
        "nothing of the voter is left on the kiosk once the ballot is in the box"
    );
    let again = kiosk_store::cast_kiosk(db, &kiosk, &vote("a2", "b1")).await;
    assert!(
        matches!(again, Err(StationError::UnknownToken)),
        "{again:?}"
    );
    assert_eq!(
        election_store::ballots(db, election)
            .await
            .expect("ballots")
            .len(),
        1
    );
    let state = closure_store::station_state(db, election, 1)
        .await
        .expect("state");
    assert_eq!(
        (state.marked, state.kiosk_ballots, state.waiting_kiosk),
        (1, 1, 0)
    );

    // A readied ballot not cast is void at closing, and the kiosk is unpaired.
    mark(db, election, 1, 1, HandOver::Kiosk, worker)
        .await
        .expect("mark");
    close(db, election, 1, 0, Some("Uma pessoa desistiu."), worker)
        .await
        .expect("close");
    assert!(
        kiosk_store::kiosk(db, &kiosk)
            .await
            .expect("kiosk")
            .is_none()
    );
    let after = kiosk_store::cast_kiosk(db, &kiosk, &vote("a1", "b1")).await;
    assert!(after.is_err());

    // The kiosk table names no person and no time of voting. Its two languages are the
    // kiosk's own and, while a readied ballot waits for its first screen, its voter's —
    // a language, cleared before the ballot is cast (checked above: nothing of the voter
    // is left once the ballot is in the box).
    let columns = columns_of(db, "kiosks").await;
    assert_eq!(
        columns,
        [
            "ballot_locale",
            "ballot_ready",
            "election_id",
            "home_locale",
            "number",
            "paired_at",
            "retired_at",
            "station_id",
            "token_hash"
        ]
    );
}

async fn audit_of(db: &Db, election: ElectionId) -> Vec<voz_app::platform::audit::AuditRecord> {
    let organization = election_store::election(db, election)
        .await
        .expect("election")
        .organization;
    audit_store::audit_page(db, organization.0, None, 500)
        .await
        .expect("audit")
}

pub(crate) async fn columns_of(db: &Db, table: &str) -> Vec<String> {
    let columns: Vec<(String,)> = match db {
        Db::Sqlite(pool) => {
            sqlx::query_as(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(pool)
                .await
                .expect("columns")
        }
        Db::Postgres(pool) => sqlx::query_as(&format!(
            "SELECT column_name::text FROM information_schema.columns WHERE table_name = '{table}'"
        ))
        .fetch_all(pool)
        .await
        .expect("columns"),
    };
    let mut names: Vec<String> = columns.into_iter().map(|(c,)| c).collect();
    names.sort();
    names
}

async fn closure_counts_sheets_and_reconciles(db: &Db) {
    let (election, people) = setup(db, 4).await;
    let worker = people[3];
    open(db, election, 2, worker).await;
    for n in 0..3 {
        assert_eq!(
            mark(db, election, 2, n, HandOver::Paper, worker)
                .await
                .expect("mark"),
            None
        );
    }
    // Two paper sheets found in the box, one null; one person left without voting.
    let mut tx = db.begin_write().await.expect("begin");
    station_store::enter_paper_ballot(&mut tx, election, 2, &vote("a1", ""), worker, NOW)
        .await
        .expect("paper");
    station_store::enter_paper_ballot(
        &mut tx,
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

    // 3 marked, 2 sheets, 2 typed in: one person short, so a justification is needed.
    let unexplained = close(db, election, 2, 2, None, worker).await;
    assert!(
        matches!(
            unexplained,
            Err(StationError::Election(ElectionError::Invalid(_)))
        ),
        "{unexplained:?}"
    );
    // 3 sheets counted but only 2 typed in: also needs words.
    let untyped = close(db, election, 2, 3, None, worker).await;
    assert!(untyped.is_err(), "{untyped:?}");
    let closed = close(
        db,
        election,
        2,
        2,
        Some("Uma eleitora saiu sem depositar a cédula."),
        worker,
    )
    .await
    .expect("close");
    assert_eq!(
        (
            closed.marked,
            closed.kiosk_ballots,
            closed.paper_ballots,
            closed.sheets_found
        ),
        (3, 0, 2, Some(2))
    );

    // Signed: nothing more at this station.
    let late = mark(db, election, 2, 3, HandOver::Paper, worker).await;
    assert!(matches!(late, Err(StationError::Closed)), "{late:?}");
    let mut tx = db.begin_write().await.expect("begin");
    let extra =
        station_store::enter_paper_ballot(&mut tx, election, 2, &vote("a2", ""), worker, NOW).await;
    assert!(matches!(extra, Err(StationError::Closed)), "{extra:?}");
    let twice =
        closure_store::close_station(&mut tx, election, 2, 2, Some("again"), worker, NOW).await;
    assert!(matches!(twice, Err(StationError::Closed)), "{twice:?}");
    drop(tx);
    let state = closure_store::station_state(db, election, 2)
        .await
        .expect("state");
    assert!(state.closed);
    assert_eq!(
        state.justification.as_deref(),
        Some("Uma eleitora saiu sem depositar a cédula.")
    );
    assert_eq!(
        election_store::ballots(db, election)
            .await
            .expect("ballots")
            .len(),
        2
    );
}

async fn the_commission_reopens_a_closed_station(db: &Db) {
    let (election, people) = setup(db, 3).await;
    let worker = people[2];
    open(db, election, 1, worker).await;
    mark(db, election, 1, 0, HandOver::Paper, worker)
        .await
        .expect("mark");
    let mut tx = db.begin_write().await.expect("begin");
    let open_one =
        closure_store::reopen_station(&mut tx, election, 1, "nothing to reopen", worker, NOW).await;
    assert!(
        matches!(open_one, Err(StationError::StillOpen)),
        "{open_one:?}"
    );
    drop(tx);
    close(db, election, 1, 0, Some("closed too early"), worker)
        .await
        .expect("close");
    let mut tx = db.begin_write().await.expect("begin");
    closure_store::reopen_station(
        &mut tx,
        election,
        1,
        "Fechada por engano às 11h.",
        worker,
        NOW,
    )
    .await
    .expect("reopen");
    tx.commit().await.expect("commit");
    let state = closure_store::station_state(db, election, 1)
        .await
        .expect("state");
    assert!(state.opened && !state.closed);
    assert_eq!(state.sheets_found, None);
    mark(db, election, 1, 1, HandOver::Paper, worker)
        .await
        .expect("marking again");
    let mut tx = db.begin_write().await.expect("begin");
    station_store::enter_paper_ballot(&mut tx, election, 1, &vote("a1", "b1"), worker, NOW)
        .await
        .expect("paper");
    station_store::enter_paper_ballot(&mut tx, election, 1, &vote("a2", "b1"), worker, NOW)
        .await
        .expect("paper");
    tx.commit().await.expect("commit");
    let closed = close(db, election, 1, 2, None, worker)
        .await
        .expect("balanced");
    assert_eq!((closed.marked, closed.paper_ballots), (2, 2));
    let log = audit_of(db, election).await;
    let reopened = log
        .iter()
        .find(|e| e.action == "station.reopen")
        .expect("the reopening is audited");
    assert!(
        reopened
            .after
            .as_deref()
            .is_some_and(|a| a.contains("Fechada por engano")),
        "with its reason"
    );
}

async fn one_ballot_per_person_across_online_and_station(db: &Db) {
    let (election, people) = setup(db, 3).await;
    let worker = people[2];
    open(db, election, 1, worker).await;
    election_store::cast(
        db,
        election,
        people[0],
        &vote("a1", "b1"),
        Channel::Online,
        None,
        NOW,
    )
    .await
    .expect("online");
    let station = mark(db, election, 1, 0, HandOver::Paper, worker).await;
    assert!(
        matches!(
            station,
            Err(StationError::Election(ElectionError::AlreadyVoted))
        ),
        "{station:?}"
    );
    // Online and station at the same moment: exactly one wins.
    let document = document_of(db, election, 1).await;
    let online = {
        let db = db.clone();
        let voter = people[1];
        tokio::spawn(async move {
            election_store::cast(
                &db,
                election,
                voter,
                &vote("a2", "b2"),
                Channel::Online,
                None,
                NOW,
            )
            .await
            .is_ok()
        })
    };
    let at_station = {
        let db = db.clone();
        tokio::spawn(async move {
            let mut tx = db.begin_write().await.expect("begin");
            match station_store::mark_in_person(
                &mut tx,
                election,
                1,
                &document,
                HandOver::Paper,
                worker,
                NOW,
            )
            .await
            {
                Ok(_) => tx.commit().await.is_ok(),
                Err(_) => false,
            }
        })
    };
    let wins = [online.await.expect("task"), at_station.await.expect("task")];
    assert_eq!(wins.iter().filter(|w| **w).count(), 1, "{wins:?}");
    assert!(
        election_store::has_voted(db, election, people[1])
            .await
            .expect("voted")
    );
}

async fn counting_waits_for_every_station(db: &Db) {
    let (election, people) = setup(db, 1).await;
    open(db, election, 1, people[0]).await;
    let mut tx = db.begin_write().await.expect("begin");
    let early = calendar_store::move_phase(&mut tx, election, Phase::Counting, None, NOW).await;
    assert!(
        matches!(early, Err(ElectionError::StationsOpen)),
        "{early:?}"
    );
    drop(tx);
    close(db, election, 1, 0, None, people[0])
        .await
        .expect("close");
    let mut tx = db.begin_write().await.expect("begin");
    calendar_store::move_phase(&mut tx, election, Phase::Counting, None, NOW)
        .await
        .expect("counting");
    tx.commit().await.expect("commit");
}

/// Paper ballots typed in from several devices while the closure is signed: every ballot
/// that was accepted is counted in the signed closure, and none enters after it.
async fn closing_and_entering_never_interleave(db: &Db) {
    let (election, people) = setup(db, 21).await;
    let worker = people[20];
    open(db, election, 1, worker).await;
    for n in 0..20 {
        mark(db, election, 1, n, HandOver::Paper, worker)
            .await
            .expect("mark");
    }
    let entries: Vec<_> = (0..20)
        .map(|n| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut tx = db.begin_write().await.expect("begin");
                let ballot = if n % 2 == 0 {
                    vote("a1", "b1")
                } else {
                    vote("a2", "")
                };
                match station_store::enter_paper_ballot(&mut tx, election, 1, &ballot, worker, NOW)
                    .await
                {
                    Ok(()) => tx.commit().await.is_ok(),
                    Err(_) => false,
                }
            })
        })
        .collect();
    let closing = {
        let db = db.clone();
        tokio::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            let mut tx = db.begin_write().await.expect("begin");
            let state = closure_store::close_station(
                &mut tx,
                election,
                1,
                20,
                Some("closing while typing"),
                worker,
                NOW,
            )
            .await
            .expect("close");
            tx.commit().await.expect("commit");
            state
        })
    };
    let mut accepted = 0;
    for entry in entries {
        if entry.await.expect("task") {
            accepted += 1;
        }
    }
    let signed = closing.await.expect("task");
    assert_eq!(
        signed.paper_ballots, accepted,
        "the closure counts exactly the ballots that entered"
    );
    assert_eq!(
        election_store::ballots(db, election)
            .await
            .expect("ballots")
            .len() as u64,
        accepted
    );
    let state = closure_store::station_state(db, election, 1)
        .await
        .expect("state");
    assert_eq!(state.paper_ballots, accepted);
}

/// A station opening while the commission moves to counting: never both.
async fn opening_and_counting_never_interleave(db: &Db) {
    let (first, people) = setup(db, 1).await;
    let worker = people[0];
    for round in 0..6 {
        let election = another_election(db, first, &format!("round-{round}")).await;
        let station = 1 + (round % 2);
        let opening = {
            let db = db.clone();
            tokio::spawn(async move {
                let mut tx = db.begin_write().await.expect("begin");
                match station_store::open_station(&mut tx, election, station, worker, NOW).await {
                    Ok(()) => tx.commit().await.is_ok(),
                    Err(_) => false,
                }
            })
        };
        let counting = {
            let db = db.clone();
            tokio::spawn(async move {
                let mut tx = db.begin_write().await.expect("begin");
                match calendar_store::move_phase(&mut tx, election, Phase::Counting, None, NOW)
                    .await
                {
                    Ok(()) => tx.commit().await.is_ok(),
                    Err(_) => false,
                }
            })
        };
        let opened = opening.await.expect("task");
        let counted = counting.await.expect("task");
        assert!(
            !(opened && counted),
            "round {round}: a station opened and counting began"
        );
        assert!(opened || counted);
    }
}

/// The same rule online and at the station: too young on election day is refused on both;
/// online is refused outside the online window, and the station outside its day and hours
/// (on the organization's clock: São Paulo); an in-person-only election refuses online.
async fn one_eligibility_rule_on_every_channel(db: &Db) {
    use voz_app::elections::eligibility::Refusal;
    let (election, people) = setup(db, 1).await;
    let worker = people[0];
    open(db, election, 1, worker).await;
    // 15 on election day (2026-09-21): born 2010-09-22.
    let young = voter_born(db, election, 50, "2010-09-22").await;
    let online = election_store::cast(
        db,
        election,
        young,
        &vote("a1", "b1"),
        Channel::Online,
        None,
        NOW,
    )
    .await;
    assert!(
        matches!(
            online,
            Err(ElectionError::Refused(Refusal::UnderAge { min: 16 }))
        ),
        "{online:?}"
    );
    let at_station = mark(db, election, 1, 50, HandOver::Paper, worker).await;
    assert!(
        matches!(
            at_station,
            Err(StationError::Election(ElectionError::Refused(
                Refusal::UnderAge { min: 16 }
            )))
        ),
        "{at_station:?}"
    );
    // 16 on election day exactly: welcome on both.
    let sixteen = voter_born(db, election, 51, "2010-09-21").await;
    election_store::cast(
        db,
        election,
        sixteen,
        &vote("a1", "b1"),
        Channel::Online,
        None,
        NOW,
    )
    .await
    .expect("16 on election day votes online");

    // Online after the window (October): refused; at the station the day after: refused.
    let adult = voter_born(db, election, 52, "1980-01-01").await;
    let october = NOW + 15 * 24 * 3600 * 1000;
    let late = election_store::cast(
        db,
        election,
        adult,
        &vote("a1", "b1"),
        Channel::Online,
        None,
        october,
    )
    .await;
    assert!(
        matches!(late, Err(ElectionError::Refused(Refusal::ChannelClosed))),
        "{late:?}"
    );
    let document = document_of(db, election, 52).await;
    let mut tx = db.begin_write().await.expect("begin");
    let next_day = station_store::mark_in_person(
        &mut tx,
        election,
        1,
        &document,
        HandOver::Paper,
        worker,
        NOW + 24 * 3600 * 1000,
    )
    .await;
    assert!(
        matches!(
            next_day,
            Err(StationError::Election(ElectionError::Refused(
                Refusal::ChannelClosed
            )))
        ),
        "{next_day:?}"
    );
    drop(tx);
    // 2026-09-21 02:00 UTC is still the 20th in São Paulo: the station is not open yet.
    let day_start = 1_790_000_000_000 - (14 * 3600 + 13 * 60 + 20) * 1000;
    let mut tx = db.begin_write().await.expect("begin");
    let early = station_store::mark_in_person(
        &mut tx,
        election,
        1,
        &document,
        HandOver::Paper,
        worker,
        day_start + 2 * 3600 * 1000,
    )
    .await;
    assert!(
        matches!(
            early,
            Err(StationError::Election(ElectionError::Refused(
                Refusal::ChannelNotOpenYet
            )))
        ),
        "{early:?}"
    );
    drop(tx);

    // An in-person-only election: online ballots are refused.
    let in_person_only = another_election(db, election, "presencial").await;
    {
        let mut tx = db.begin_write().await.expect("begin");
        let mut record = election_store::election(db, in_person_only)
            .await
            .expect("election");
        record.settings.online = None;
        voz_app::on_tx!(&mut tx, |conn| sqlx::query(
            "UPDATE elections SET settings = $1 WHERE id = $2"
        )
        .bind(serde_json::to_string(&record.settings).expect("json"))
        .bind(in_person_only.0)
        .execute(&mut *conn)
        .await
        .map(|d| d.rows_affected()))
        .expect("in person only");
        tx.commit().await.expect("commit");
    }
    let refused = election_store::cast(
        db,
        in_person_only,
        adult,
        &vote("a1", "b1"),
        Channel::Online,
        None,
        NOW,
    )
    .await;
    assert!(
        matches!(
            refused,
            Err(ElectionError::Refused(Refusal::ChannelNotOffered))
        ),
        "{refused:?}"
    );
}
