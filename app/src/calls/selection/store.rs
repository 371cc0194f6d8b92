//! Gathering the selection's inputs, publishing it (once, during the selection phase,
//! audited, every applicant told), and reading the published record back.

use std::collections::BTreeMap;

use serde_json::json;

use crate::calls::apply::store as apply_store;
use crate::calls::apply::types::Application;
use crate::calls::call::rules::{Call, Phase, select_config};
use crate::calls::call::store::staff_entry;
use crate::calls::error::{CallError, corrupt};
use crate::calls::jury::store as jury_store;
use crate::calls::notify::{Page, params, tell};
use crate::calls::select::{self, Place, Votes};
use crate::calls::selection::PublishedSelection;
use crate::calls::vote::store as vote_store;
use crate::db::{Db, Reader};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::ids::{AccountId, ApplicationId};
use crate::platform::inbox::Notice;
use crate::{execute, on_db, on_read, on_tx};

/// An application's submission instant as `call.json` writes it (RFC 3339, UTC).
fn rfc3339(millis: i64) -> String {
    jiff::Timestamp::from_millisecond(millis)
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// The selection's inputs from what is stored: every submitted application (named by its
/// receipt), every score (jurors as `j1`, `j2`… when the call keeps them anonymous), and
/// the public votes per application.
pub async fn gather(
    db: &Db,
    call: &Call,
) -> Result<(PublishedSelection, Vec<Application>), CallError> {
    let applications = apply_store::submitted_applications(db, call).await?;
    let receipts: BTreeMap<ApplicationId, String> = applications
        .iter()
        .filter_map(|a| Some((a.id, a.receipt.clone()?)))
        .collect();
    let entries = applications
        .iter()
        .filter_map(|a| {
            Some(select::Application {
                id: a.receipt.clone()?,
                category: a.draft.category.clone(),
                status: a.status.code().to_owned(),
                submitted_at: rfc3339(a.submitted_at?),
            })
        })
        .collect();
    let config = select_config(call, entries);
    let scores = jury_store::scores(db, call).await?;
    let names = if call.rubric.anonymous_jurors {
        BTreeMap::new()
    } else {
        let rows: Vec<(i64, String)> = on_db!(db, |pool| {
            sqlx::query_as(
                "SELECT DISTINCT a.id, a.display_name FROM accounts a JOIN call_scores s ON s.juror_id = a.id \
                 JOIN call_applications p ON p.id = s.application_id WHERE p.call_id = $1",
            )
            .bind(call.id)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(id, name)| (AccountId(id), name))
            .collect()
    };
    let names = jury_store::juror_names(&scores, call.rubric.anonymous_jurors, &names);
    let lines = jury_store::score_lines(&scores, &receipts, &names);
    let votes: Votes = vote_store::counts(db, call)
        .await?
        .into_iter()
        .filter_map(|(id, n)| Some((receipts.get(&id)?.clone(), n)))
        .collect();
    let result = select::select(&config, &lines, Some(&votes)).map_err(corrupt)?;
    let titles = applications
        .iter()
        .filter_map(|a| Some((a.receipt.clone()?, a.draft.title.clone())))
        .collect();
    Ok((
        PublishedSelection {
            call: config,
            scores: lines,
            votes,
            result,
            titles,
        },
        applications,
    ))
}

/// Publishes the selection of `call` (in its selection phase, once): the record stored as
/// computed, an award opened for each winner (its category's incentive), every
/// taking-part applicant told whether they won, wait in reserve, or were not selected.
pub async fn publish(
    db: &Db,
    call: &Call,
    actor: AccountId,
    now: i64,
) -> Result<PublishedSelection, CallError> {
    let (record, applications) = gather(db, call).await?;
    let mut tx = db.begin_write().await?;
    let lock = tx.backend().for_update();
    let (phase,): (String,) = on_tx!(&mut tx, |conn| {
        sqlx::query_as(&format!("SELECT phase FROM calls WHERE id = $1{lock}"))
            .bind(call.id)
            .fetch_one(&mut *conn)
            .await
    })?;
    if Phase::from_code(&phase) != Some(Phase::Selection) {
        return Err(CallError::WrongPhase);
    }
    let inserted = execute!(
        &mut tx,
        "INSERT INTO call_selections (call_id, record, published_at, published_by) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
        call.id,
        serde_json::to_string(&record).map_err(corrupt)?,
        now,
        actor,
    )?;
    if inserted == 0 {
        return Err(CallError::Conflict);
    }
    let by_receipt: BTreeMap<&str, &Application> = applications
        .iter()
        .filter_map(|a| Some((a.receipt.as_deref()?, a)))
        .collect();
    let mut winners = Vec::new();
    for (code, category) in &record.result.categories {
        let incentive = call.category_by_code(code).map_or(0, |c| c.incentive);
        for (place, receipts) in [
            (Place::Winner, &category.winners),
            (Place::Reserve, &category.reserve),
        ] {
            for receipt in receipts {
                let Some(application) = by_receipt.get(receipt.as_str()) else {
                    continue;
                };
                if place == Place::Winner {
                    execute!(
                        &mut tx,
                        "INSERT INTO call_awards (application_id, amount) VALUES ($1, $2)",
                        application.id,
                        incentive,
                    )?;
                    winners.push(receipt.clone());
                }
            }
        }
        for ranked in &category.ranking {
            let Some(application) = by_receipt.get(ranked.id.as_str()) else {
                continue;
            };
            let notice = if category.winners.contains(&ranked.id) {
                Notice::Selected
            } else if category.reserve.contains(&ranked.id) {
                Notice::Reserve
            } else {
                Notice::NotSelected
            };
            tell(
                &mut tx,
                call,
                application,
                notice,
                &params(application),
                Page::Results,
                now,
            )
            .await?;
        }
    }
    audit_store::audit(
        &mut tx,
        staff_entry(
            call,
            actor,
            Action::SelectionPublish,
            Subject::Call(call.id),
        )
        .after(json!({ "winners": winners, "result": record.result })),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(record)
}

/// The published selection of `call`, if it was published.
pub async fn published(
    reader: impl Into<Reader<'_>>,
    call: &Call,
) -> Result<Option<PublishedSelection>, CallError> {
    let row: Option<(String,)> = on_read!(reader.into(), |conn| {
        sqlx::query_as("SELECT record FROM call_selections WHERE call_id = $1")
            .bind(call.id)
            .fetch_optional(conn)
            .await
    })?;
    row.map(|(json,)| serde_json::from_str(&json).map_err(corrupt))
        .transpose()
}
