//! Consolidated proposals, their versions and their sources on either backend.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::conferences::consolidation::rules::{Consolidated, NewConsolidated, code};
use crate::conferences::edition::rules::Conference;
use crate::conferences::edition::store::staff_entry;
use crate::conferences::error::ConferenceError;
use crate::conferences::proposal::rules::ProposalStatus;
use crate::conferences::proposal::store as proposal_store;
use crate::db::{Reader, Tx};
use crate::error::{FieldProblem, Problem};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::ids::{AccountId, ConferenceId, ConsolidatedId, ProposalId};
use crate::{execute, on_read, on_tx};

/// One version of a consolidated proposal's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub version: i64,
    pub title: String,
    pub body: String,
    pub edited_at: i64,
}

/// Checks that every source is a proposal of `conference` that is neither withdrawn nor
/// hidden; the problem is reported on the form's `sources` field.
async fn check_sources(
    tx: &mut Tx,
    conference: ConferenceId,
    sources: &[ProposalId],
) -> Result<(), ConferenceError> {
    for &id in sources {
        let usable = match proposal_store::proposal_in(&mut *tx, conference, id).await {
            Ok(p) => !matches!(p.status, ProposalStatus::Withdrawn | ProposalStatus::Hidden),
            Err(ConferenceError::NotFound) => false,
            Err(e) => return Err(e),
        };
        if !usable {
            return Err(ConferenceError::Invalid(vec![FieldProblem {
                field: "sources".into(),
                problem: Problem::UnknownOption,
            }]));
        }
    }
    Ok(())
}

async fn write_sources(
    tx: &mut Tx,
    id: ConsolidatedId,
    sources: &[ProposalId],
) -> Result<(), ConferenceError> {
    execute!(
        tx,
        "DELETE FROM consolidated_sources WHERE consolidated_id = $1",
        id
    )?;
    for source in sources {
        execute!(
            tx,
            "INSERT INTO consolidated_sources (consolidated_id, proposal_id) VALUES ($1, $2)",
            id,
            source,
        )?;
    }
    Ok(())
}

/// Creates a consolidated proposal (or motion) from its sources, coded next in its theme
/// (or among motions), with its first version; audited with its sources.
pub async fn create_consolidated(
    tx: &mut Tx,
    conference: &Conference,
    new: &NewConsolidated,
    actor: AccountId,
    now: i64,
) -> Result<Consolidated, ConferenceError> {
    if !conference.phase.allows_consolidation() {
        return Err(ConferenceError::WrongPhase);
    }
    check_sources(tx, conference.id, &new.sources).await?;
    let (taken,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT COUNT(*) FROM consolidated_proposals WHERE conference_id = $1 \
             AND motion = $2 AND (motion OR theme = $3)",
        )
        .bind(conference.id)
        .bind(new.motion)
        .bind(new.theme)
        .fetch_one(&mut *conn)
        .await
    })?;
    let code = code(new.theme, new.motion, taken + 1);
    let inserted: Result<(i64,), sqlx::Error> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO consolidated_proposals (conference_id, code, theme, motion, title, body, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(conference.id)
        .bind(&code)
        .bind(new.theme)
        .bind(new.motion)
        .bind(&new.title)
        .bind(&new.body)
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    });
    let id = match inserted {
        Err(e) if crate::db::dialect::is_unique_violation(&e, None) => {
            return Err(ConferenceError::Conflict);
        }
        other => ConsolidatedId(other?.0),
    };
    execute!(
        tx,
        "INSERT INTO consolidated_versions (consolidated_id, version, title, body, edited_by, edited_at) \
         VALUES ($1, 1, $2, $3, $4, $5)",
        id,
        &new.title,
        &new.body,
        actor,
        now,
    )?;
    write_sources(tx, id, &new.sources).await?;
    audit_store::audit(
        tx,
        staff_entry(conference, actor, Action::ConsolidatedCreate, Subject::Consolidated(conference.id, id.0))
        .after(json!({ "code": code, "theme": new.theme, "motion": new.motion, "title": new.title, "sources": new.sources })),
        now,
    )
    .await?;
    consolidated_by_code(tx, conference.id, &code).await
}

/// A new version of a consolidated proposal: its text and its sources, while
/// consolidation lasts; audited with what it was and what it became. The code stays.
pub async fn edit_consolidated(
    tx: &mut Tx,
    conference: &Conference,
    code: &str,
    new: &NewConsolidated,
    actor: AccountId,
    now: i64,
) -> Result<Consolidated, ConferenceError> {
    if !conference.phase.allows_consolidation() {
        return Err(ConferenceError::WrongPhase);
    }
    let before = consolidated_by_code(&mut *tx, conference.id, code).await?;
    check_sources(tx, conference.id, &new.sources).await?;
    execute!(
        tx,
        "UPDATE consolidated_proposals SET title = $1, body = $2 WHERE id = $3",
        &new.title,
        &new.body,
        before.id,
    )?;
    execute!(
        tx,
        "INSERT INTO consolidated_versions (consolidated_id, version, title, body, edited_by, edited_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        before.id,
        before.versions + 1,
        &new.title,
        &new.body,
        actor,
        now,
    )?;
    write_sources(tx, before.id, &new.sources).await?;
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            Action::ConsolidatedEdit,
            Subject::Consolidated(conference.id, before.id.0),
        )
        .before(json!({ "title": before.title, "body": before.body, "sources": before.sources }))
        .after(json!({ "title": new.title, "body": new.body, "sources": new.sources })),
        now,
    )
    .await?;
    consolidated_by_code(tx, conference.id, code).await
}

type Row = (i64, String, i64, bool, String, String, i64);

const SELECT: &str = "SELECT c.id, c.code, c.theme, c.motion, c.title, c.body, \
     (SELECT COUNT(*) FROM consolidated_versions v WHERE v.consolidated_id = c.id) \
     FROM consolidated_proposals c";

fn consolidated(row: Row, sources: Vec<ProposalId>) -> Consolidated {
    let (id, code, theme, motion, title, body, versions) = row;
    Consolidated {
        id: ConsolidatedId(id),
        code,
        theme,
        motion,
        title,
        body,
        sources,
        versions,
    }
}

/// Orders codes as people read them: by theme, then number (`E2-9` before `E2-10`),
/// motions last.
fn code_key(code: &str) -> (u8, i64, i64) {
    let number = |text: &str| text.parse::<i64>().unwrap_or(i64::MAX);
    match code.strip_prefix('M') {
        Some(n) => (1, 0, number(n)),
        None => {
            let (theme, n) = code
                .trim_start_matches('E')
                .split_once('-')
                .unwrap_or(("", ""));
            (0, number(theme), number(n))
        }
    }
}

/// A conference's consolidated proposals and motions, with their sources, in code order.
pub async fn consolidated_of(
    db: &crate::db::Db,
    conference: ConferenceId,
) -> Result<Vec<Consolidated>, ConferenceError> {
    let sql = format!("{SELECT} WHERE c.conference_id = $1");
    let rows: Vec<Row> = crate::on_db!(db, |pool| {
        sqlx::query_as(&sql).bind(conference).fetch_all(pool).await
    })?;
    let links: Vec<(i64, ProposalId)> = crate::on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT cs.consolidated_id, cs.proposal_id FROM consolidated_sources cs \
             JOIN consolidated_proposals c ON c.id = cs.consolidated_id \
             WHERE c.conference_id = $1 ORDER BY cs.proposal_id",
        )
        .bind(conference)
        .fetch_all(pool)
        .await
    })?;
    let mut sources: HashMap<i64, Vec<ProposalId>> = HashMap::new();
    for (id, proposal) in links {
        sources.entry(id).or_default().push(proposal);
    }
    let mut out: Vec<Consolidated> = rows
        .into_iter()
        .map(|row| {
            let of = sources.remove(&row.0).unwrap_or_default();
            consolidated(row, of)
        })
        .collect();
    out.sort_by_key(|c| code_key(&c.code));
    Ok(out)
}

/// One consolidated proposal (or motion) by its code, with its sources.
pub async fn consolidated_by_code<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
    code: &str,
) -> Result<Consolidated, ConferenceError> {
    let mut reader = reader.into();
    let sql = format!("{SELECT} WHERE c.conference_id = $1 AND c.code = $2");
    let row: Option<Row> = on_read!(&mut reader, |conn| {
        sqlx::query_as(&sql)
            .bind(conference)
            .bind(code)
            .fetch_optional(conn)
            .await
    })?;
    let row = row.ok_or(ConferenceError::NotFound)?;
    let sources: Vec<(ProposalId,)> = on_read!(&mut reader, |conn| {
        sqlx::query_as(
            "SELECT proposal_id FROM consolidated_sources WHERE consolidated_id = $1 ORDER BY proposal_id",
        )
        .bind(row.0)
        .fetch_all(conn)
        .await
    })?;
    Ok(consolidated(
        row,
        sources.into_iter().map(|(p,)| p).collect(),
    ))
}

/// Every version of a consolidated proposal's text, oldest first.
pub async fn versions<'a>(
    reader: impl Into<Reader<'a>>,
    id: ConsolidatedId,
) -> Result<Vec<Version>, ConferenceError> {
    let rows: Vec<(i64, String, String, i64)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT version, title, body, edited_at FROM consolidated_versions \
             WHERE consolidated_id = $1 ORDER BY version",
        )
        .bind(id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(version, title, body, edited_at)| Version {
            version,
            title,
            body,
            edited_at,
        })
        .collect())
}

/// What a proposal fed: the (code, title, motion) of each consolidated proposal or motion
/// that takes it as a source, in code order.
pub async fn fed_by<'a>(
    reader: impl Into<Reader<'a>>,
    proposal: ProposalId,
) -> Result<Vec<(String, String, bool)>, ConferenceError> {
    let mut rows: Vec<(String, String, bool)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT c.code, c.title, c.motion FROM consolidated_sources cs \
             JOIN consolidated_proposals c ON c.id = cs.consolidated_id WHERE cs.proposal_id = $1",
        )
        .bind(proposal)
        .fetch_all(conn)
        .await
    })?;
    rows.sort_by_key(|(code, ..)| code_key(code));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_sort_by_theme_then_number_motions_last() {
        let mut codes = vec!["M2", "E2-10", "E10-1", "E2-9", "M1", "E1-3"];
        codes.sort_by_key(|c| super::code_key(c));
        assert_eq!(codes, ["E1-3", "E2-9", "E2-10", "E10-1", "M1", "M2"]);
    }
}
