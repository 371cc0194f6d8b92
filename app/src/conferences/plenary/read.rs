//! What the plenary's rooms read: every delegate and reserve with their credential, and
//! each theme's vote with how many ballots it holds (never whose).

use crate::conferences::edition::rules::Conference;
use crate::conferences::error::{ConferenceError, corrupt};
use crate::conferences::plenary::rules::PlenaryRule;
use crate::conferences::plenary::seat::SeatRow;
use crate::db::Reader;
use crate::on_read;
use crate::platform::ids::PollId;

/// Every seat of the edition's events, by event then delegates before reserves by rank.
pub async fn seats<'a>(
    reader: impl Into<Reader<'a>>,
    conference: &Conference,
) -> Result<Vec<SeatRow>, ConferenceError> {
    type Row = (i64, String, String, String, i64, bool, bool, Option<i64>);
    let rows: Vec<Row> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT d.account_id, a.display_name, e.name, d.role, d.rank, c.migrant, \
             (p.account_id IS NOT NULL), p.replaces \
             FROM conference_delegates d \
             JOIN accounts a ON a.id = d.account_id \
             JOIN conference_events e ON e.id = d.event_id \
             JOIN delegate_candidates c ON c.event_id = d.event_id AND c.account_id = d.account_id \
             LEFT JOIN plenary_credentials p ON p.conference_id = d.conference_id AND p.account_id = d.account_id \
             WHERE d.conference_id = $1 ORDER BY e.held_on, e.id, d.role, d.rank",
        )
        .bind(conference.id)
        .fetch_all(conn)
        .await
    })?;
    let name = |account: i64| {
        rows.iter()
            .find(|r| r.0 == account)
            .map(|r| r.1.clone())
            .unwrap_or_default()
    };
    Ok(rows
        .iter()
        .map(|r| SeatRow {
            account: r.0,
            name: r.1.clone(),
            event: r.2.clone(),
            delegate: r.3 == "delegate",
            rank: r.4,
            migrant: r.5,
            credentialled: r.6,
            replaces: r.7.map(name),
            replaced_by: rows
                .iter()
                .find(|other| other.7 == Some(r.0))
                .map(|other| other.1.clone()),
        })
        .collect())
}

/// One theme's vote as the rooms show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeVote {
    pub theme: i64,
    pub poll: PollId,
    pub rule: PlenaryRule,
    pub counted: bool,
    pub ballots: i64,
}

/// The plenary's votes by theme (0: the motions first), with their ballot counts.
pub async fn theme_votes<'a>(
    reader: impl Into<Reader<'a>>,
    conference: &Conference,
) -> Result<Vec<ThemeVote>, ConferenceError> {
    let rows: Vec<(i64, PollId, String, String, i64)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT v.theme, v.poll_id, v.rule, v.status, \
             (SELECT COUNT(*) FROM ballots b WHERE b.poll_id = v.poll_id) \
             FROM plenary_votes v WHERE v.conference_id = $1 ORDER BY v.theme",
        )
        .bind(conference.id)
        .fetch_all(conn)
        .await
    })?;
    rows.into_iter()
        .map(|(theme, poll, rule, status, ballots)| {
            Ok(ThemeVote {
                theme,
                poll,
                rule: serde_json::from_str(&rule).map_err(corrupt)?,
                counted: status == "counted",
                ballots,
            })
        })
        .collect()
}
