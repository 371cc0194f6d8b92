//! The round's counts before and after consolidation, per event and per theme, counted
//! by the database (an edition may hold a hundred thousand proposals: its pages never
//! load them all to count them).

use std::collections::HashMap;

use crate::conferences::error::ConferenceError;
use crate::db::Reader;
use crate::on_read;
use crate::platform::ids::{ConferenceId, EventId};

/// Proposals of `conference` by event and by theme.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProposalCounts {
    pub by_event: HashMap<EventId, i64>,
    pub by_theme: HashMap<i64, i64>,
}

pub async fn proposal_counts<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
) -> Result<ProposalCounts, ConferenceError> {
    let rows: Vec<(EventId, i64, i64)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT p.event_id, p.theme, COUNT(*) FROM proposals p \
             JOIN conference_events e ON e.id = p.event_id \
             WHERE e.conference_id = $1 GROUP BY p.event_id, p.theme",
        )
        .bind(conference)
        .fetch_all(conn)
        .await
    })?;
    let mut counts = ProposalCounts::default();
    for (event, theme, n) in rows {
        *counts.by_event.entry(event).or_default() += n;
        *counts.by_theme.entry(theme).or_default() += n;
    }
    Ok(counts)
}

/// How many consolidated proposals (motions aside) each event's proposals fed.
pub async fn fed_by_event<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
) -> Result<HashMap<EventId, i64>, ConferenceError> {
    let rows: Vec<(EventId, i64)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT p.event_id, COUNT(DISTINCT c.id) FROM consolidated_sources cs \
             JOIN consolidated_proposals c ON c.id = cs.consolidated_id \
             JOIN proposals p ON p.id = cs.proposal_id \
             WHERE c.conference_id = $1 AND NOT c.motion GROUP BY p.event_id",
        )
        .bind(conference)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows.into_iter().collect())
}

/// (theme, motion) of every consolidated proposal of `conference`, or (`event` given)
/// of those its proposals fed.
pub async fn consolidated_themes<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
    event: Option<EventId>,
) -> Result<Vec<(i64, bool)>, ConferenceError> {
    Ok(on_read!(reader.into(), |conn| {
        match event {
            None => sqlx::query_as(
                "SELECT theme, motion FROM consolidated_proposals WHERE conference_id = $1",
            )
            .bind(conference)
            .fetch_all(conn)
            .await,
            Some(event) => sqlx::query_as(
                "SELECT c.theme, c.motion FROM consolidated_proposals c WHERE c.conference_id = $1 \
                 AND EXISTS (SELECT 1 FROM consolidated_sources cs JOIN proposals p ON p.id = cs.proposal_id \
                 WHERE cs.consolidated_id = c.id AND p.event_id = $2)",
            )
            .bind(conference)
            .bind(event)
            .fetch_all(conn)
            .await,
        }
    })?)
}
