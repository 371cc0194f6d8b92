//! Awards and their follow-up on either backend: a published selection opens an award for
//! its winner; payments, final reports and visits are taken only while the call follows
//! its awards up, only for a winner, never in the future, each once where once is meant —
//! a refused one stores nothing —, and every one is audited.

use std::collections::BTreeMap;

use voz_app::accounts::staff::store as staff_store;
use voz_app::accounts::types::Role;
use voz_app::calls::apply::store as apply_store;
use voz_app::calls::awards::store as awards_store;
use voz_app::calls::awards::{Award, FINAL_REPORT};
use voz_app::calls::call::rules::Phase;
use voz_app::calls::error::CallError;
use voz_app::calls::jury::store as jury_store;
use voz_app::calls::selection::store as selection_store;
use voz_app::db::Db;
use voz_app::error::Problem;
use voz_app::platform::audit::event::Process;
use voz_app::platform::audit::store as audit_store;
use voz_app::platform::ids::ApplicationId;
use voz_app::platform::inbox::Notice;
use voz_app::platform::inbox::store as inbox_store;
use voz_app::platform::review::Verdict;

use crate::calls::{Open, advance, eligible, file, group_form, open_call};
use crate::store_tests;

store_tests!(awards_are_followed_up_once_by_whom_they_belong_to);

/// 2026-03-02 (UTC), as the calls' tests.
const NOW: i64 = 1_772_445_600_000;
const DAY: i64 = 86_400_000;

/// Two eligible groups scored by a juror: the first (86 points) wins, the second (40)
/// stays under the minimum. The selection is published; the call is in `Selection`.
async fn published(db: &Db) -> (Open, ApplicationId, ApplicationId) {
    let mut open = open_call(db, 3).await;
    let (a, b, juror) = (open.people[0], open.people[1], open.people[2]);
    let winner = eligible(db, &open, a, group_form(3)).await;
    let mut other = group_form(3);
    other.title = "Coro Panas".into();
    let loser = eligible(db, &open, b, other).await;
    advance(db, &mut open, Phase::DocumentCheck).await;
    let mut tx = db.begin_write().await.expect("begin");
    for id in [winner, loser] {
        apply_store::check_documents(&mut tx, &open.call, id, &Verdict::Accept, open.staff, NOW)
            .await
            .expect("accept");
    }
    staff_store::grant_role(
        &mut tx,
        open.call.organization,
        juror,
        Role::Jury,
        None,
        NOW,
    )
    .await
    .expect("role");
    let culture = open.call.categories[0].id;
    jury_store::assign_juror(&mut tx, &open.call, culture, juror, open.staff, NOW)
        .await
        .expect("assign");
    tx.commit().await.expect("commit");
    advance(db, &mut open, Phase::Fixes).await;
    advance(db, &mut open, Phase::Jury).await;
    let marks = |impact: &str, feasibility: &str| -> BTreeMap<String, String> {
        [
            ("impact".to_owned(), impact.to_owned()),
            ("feasibility".to_owned(), feasibility.to_owned()),
        ]
        .into()
    };
    let mut tx = db.begin_write().await.expect("begin");
    for (id, m) in [(winner, marks("5", "5")), (loser, marks("2", "2"))] {
        jury_store::score(&mut tx, &open.call, id, juror, &m, "Justificada.", NOW)
            .await
            .expect("score");
    }
    tx.commit().await.expect("commit");
    advance(db, &mut open, Phase::PublicVote).await;
    advance(db, &mut open, Phase::Selection).await;
    voz_app::platform::voting::store::seal_ballot_box(db)
        .await
        .expect("seal");
    let record = selection_store::publish(db, &open.call, open.staff, NOW)
        .await
        .expect("publish");
    assert_eq!(record.result.categories["culture"].winners.len(), 1);
    (open, winner, loser)
}

async fn only_award(db: &Db, open: &Open) -> Award {
    let mut awards = awards_store::awards(db, &open.call).await.expect("awards");
    assert_eq!(awards.len(), 1, "{awards:?}");
    awards.pop().expect("one")
}

async fn awards_are_followed_up_once_by_whom_they_belong_to(db: &Db) {
    let (mut open, winner, loser) = published(db).await;
    let (winner_account, loser_account) = (open.people[0], open.people[1]);
    let today = voz_app::calendar::Date::from_unix_millis(NOW);
    let award = only_award(db, &open).await;
    assert_eq!(award.application, winner.0);
    assert_eq!(award.amount, 5_000_000);
    assert!(award.migrant);
    assert_eq!((award.paid_on.clone(), award.report.clone()), (None, None));

    // Before the awards phase: nothing is recorded.
    let mut tx = db.begin_write().await.expect("begin");
    let early =
        awards_store::record_payment(&mut tx, &open.call, winner, today, open.staff, NOW).await;
    assert!(matches!(early, Err(CallError::WrongPhase)), "{early:?}");
    drop(tx);
    advance(db, &mut open, Phase::Awards).await;
    let call = open.call.clone();

    // A payment in the future, or for an application without an award: refused.
    let mut tx = db.begin_write().await.expect("begin");
    let tomorrow = voz_app::calendar::Date::from_unix_millis(NOW + 2 * DAY);
    let future =
        awards_store::record_payment(&mut tx, &call, winner, tomorrow, open.staff, NOW).await;
    let Err(CallError::Invalid(problems)) = future else {
        panic!("{future:?}");
    };
    assert_eq!(problems[0].field, "paid_on");
    assert_eq!(problems[0].problem, Problem::FutureDate);
    let unawarded =
        awards_store::record_payment(&mut tx, &call, loser, today, open.staff, NOW).await;
    assert!(unawarded.is_err(), "{unawarded:?}");
    drop(tx);
    assert_eq!(only_award(db, &open).await.paid_on, None);

    // Paid once; the winner is told; a second payment is refused.
    let mut tx = db.begin_write().await.expect("begin");
    awards_store::record_payment(&mut tx, &call, winner, today, open.staff, NOW)
        .await
        .expect("paid");
    tx.commit().await.expect("commit");
    let mut tx = db.begin_write().await.expect("begin");
    let twice = awards_store::record_payment(&mut tx, &call, winner, today, open.staff, NOW).await;
    assert!(matches!(twice, Err(CallError::Conflict)), "{twice:?}");
    drop(tx);
    assert_eq!(only_award(db, &open).await.paid_on, Some(today.to_string()));
    let inbox = inbox_store::messages(db, winner_account)
        .await
        .expect("inbox");
    assert_eq!(inbox[0].notice, Notice::Paid);
    assert_eq!(inbox[0].params.by, today.to_string());

    // The final report: only the winner sends one; the loser's stores nothing.
    let report = file(FINAL_REPORT, b"%PDF-1 informe final");
    let mut tx = db.begin_write().await.expect("begin");
    let not_won = awards_store::attach_report(&mut tx, &call, loser_account, &report, NOW).await;
    assert!(matches!(not_won, Err(CallError::NotFound)), "{not_won:?}");
    drop(tx);
    let loser_files = apply_store::application_by_id(db, &call, loser)
        .await
        .expect("read")
        .files;
    assert_eq!(loser_files.len(), 1);
    let mut tx = db.begin_write().await.expect("begin");
    // Not through the application's documents: the call never asked for it there.
    let as_document = apply_store::attach_file(&mut tx, &call, winner_account, &report, NOW).await;
    assert!(
        matches!(as_document, Err(CallError::NotFound)),
        "{as_document:?}"
    );
    awards_store::attach_report(&mut tx, &call, winner_account, &report, NOW + 1)
        .await
        .expect("report");
    tx.commit().await.expect("commit");
    let award = only_award(db, &open).await;
    let sent = award.report.clone().expect("a report");
    assert_eq!(sent.at, NOW + 1);
    let files = apply_store::application_by_id(db, &call, winner)
        .await
        .expect("read")
        .files;
    assert!(
        files
            .iter()
            .any(|f| f.id == sent.file && f.document == FINAL_REPORT)
    );

    // Visits: a note is needed, the day is not in the future, the award must exist.
    let mut tx = db.begin_write().await.expect("begin");
    for (on, note, field) in [(today, " ", "note"), (tomorrow, "Todo bien.", "visited_on")] {
        let refused =
            awards_store::record_visit(&mut tx, &call, winner, on, note, open.staff, NOW).await;
        let Err(CallError::Invalid(problems)) = refused else {
            panic!("{refused:?}");
        };
        assert_eq!(problems[0].field, field);
    }
    let no_award =
        awards_store::record_visit(&mut tx, &call, loser, today, "Todo bien.", open.staff, NOW)
            .await;
    assert!(matches!(no_award, Err(CallError::NotFound)), "{no_award:?}");
    drop(tx);
    assert!(only_award(db, &open).await.visits.is_empty());
    advance(db, &mut open, Phase::FollowUp).await;
    let call = open.call.clone();
    let mut tx = db.begin_write().await.expect("begin");
    awards_store::record_visit(
        &mut tx,
        &call,
        winner,
        today,
        "La olla funciona cada domingo.",
        open.staff,
        NOW,
    )
    .await
    .expect("visit");
    tx.commit().await.expect("commit");
    let award = only_award(db, &open).await;
    assert_eq!(award.visits.len(), 1);
    assert_eq!(award.visits[0].note, "La olla funciona cada domingo.");
    // What the public reads: no report file, no note.
    let public = award.public();
    assert_eq!(public.visits[0].note, "");
    assert_eq!(public.report.map(|r| r.file), Some(0));

    let log = audit_store::process_audit_page(db, Process::Call(call.id), None, 100)
        .await
        .expect("log");
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    for action in [
        "selection.publish",
        "award.payment",
        "award.report",
        "award.visit",
    ] {
        assert_eq!(
            actions.iter().filter(|a| **a == action).count(),
            1,
            "{action} once in {actions:?}"
        );
    }
}
