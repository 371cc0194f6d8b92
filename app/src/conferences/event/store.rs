//! Events and their participants on either backend.

use serde_json::json;

use crate::calendar::Date;
use crate::conferences::edition::rules::Conference;
use crate::conferences::edition::store::staff_entry;
use crate::conferences::error::{ConferenceError, corrupt};
use crate::conferences::event::rules::{Event, EventKind, EventStatus, NewEvent, slug_from_name};
use crate::db::{Reader, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::ids::{AccountId, ConferenceId, EventId};
use crate::platform::review::Verdict;
use crate::{execute, on_read, on_tx};

type Row = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
    String,
    String,
    Option<String>,
);

const COLUMNS: &str = "id, conference_id, slug, kind, name, organizer, held_on, place, \
     online_link, expected_audience, languages, status, status_reason";

fn event(row: Row) -> Result<Event, ConferenceError> {
    let (
        id,
        conference,
        slug,
        kind,
        name,
        organizer,
        held_on,
        place,
        online_link,
        audience,
        languages,
        status,
        reason,
    ) = row;
    Ok(Event {
        id: EventId(id),
        conference: ConferenceId(conference),
        slug,
        kind: EventKind::from_code(&kind).ok_or_else(|| corrupt(format!("kind {kind}")))?,
        name,
        organizer,
        held_on: held_on.parse::<Date>().map_err(corrupt)?,
        place,
        online_link,
        expected_audience: audience,
        languages: serde_json::from_str(&languages).map_err(corrupt)?,
        status: EventStatus::from_code(&status)
            .ok_or_else(|| corrupt(format!("status {status}")))?,
        status_reason: reason,
    })
}

/// A free slug for `name` in `conference`: the name's, then `-2`, `-3`…
async fn free_slug(
    tx: &mut Tx,
    conference: ConferenceId,
    name: &str,
) -> Result<String, ConferenceError> {
    let base = slug_from_name(name);
    let taken: Vec<(String,)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT slug FROM conference_events WHERE conference_id = $1 AND (slug = $2 OR slug LIKE $3)",
        )
        .bind(conference)
        .bind(&base)
        .bind(format!("{base}-%"))
        .fetch_all(&mut *conn)
        .await
    })?;
    let taken: std::collections::HashSet<String> = taken.into_iter().map(|(s,)| s).collect();
    Ok((1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|slug| !taken.contains(slug))
        .unwrap_or(base))
}

/// Adds an event to `conference`. A pre-conference is the organizers' (`actor`, audited)
/// and approved at once; a free conference is registered by `actor`, a member of the
/// public, and waits for review. Refused outside the phases that take events.
pub async fn create_event(
    tx: &mut Tx,
    conference: &Conference,
    kind: EventKind,
    new: &NewEvent,
    actor: AccountId,
    now: i64,
) -> Result<Event, ConferenceError> {
    let open = match kind {
        EventKind::PreConference => {
            conference.phase < crate::conferences::edition::Phase::Consolidation
        }
        EventKind::FreeConference => conference.phase.takes_free_conferences(),
    };
    if !open {
        return Err(ConferenceError::WrongPhase);
    }
    let status = match kind {
        EventKind::PreConference => EventStatus::Approved,
        EventKind::FreeConference => EventStatus::Pending,
    };
    let slug = free_slug(tx, conference.id, &new.name).await?;
    let languages = serde_json::to_string(&new.languages).map_err(corrupt)?;
    let (id,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO conference_events (conference_id, slug, kind, name, organizer, held_on, place, \
             online_link, expected_audience, languages, status, registered_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(conference.id)
        .bind(&slug)
        .bind(kind.code())
        .bind(&new.name)
        .bind(&new.organizer)
        .bind(new.held_on.to_string())
        .bind(&new.place)
        .bind(&new.online_link)
        .bind(new.expected_audience)
        .bind(&languages)
        .bind(status.code())
        .bind(actor)
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    })?;
    if kind == EventKind::PreConference {
        audit_store::audit(
            tx,
            staff_entry(
                conference,
                actor,
                Action::EventCreate,
                Subject::Event(conference.id, id),
            )
            .after(json!({ "slug": slug, "event": new })),
            now,
        )
        .await?;
    }
    event_by_id(tx, EventId(id)).await
}

/// The organizers' decision on a pending free conference: accepted (approved), refused,
/// or sent back with what to fix. Audited with the status before and after.
pub async fn review_event(
    tx: &mut Tx,
    conference: &Conference,
    id: EventId,
    verdict: &Verdict,
    actor: AccountId,
    now: i64,
) -> Result<Event, ConferenceError> {
    let before = event_by_id(&mut *tx, id).await?;
    if before.conference != conference.id || before.kind != EventKind::FreeConference {
        return Err(ConferenceError::NotFound);
    }
    if before.status != EventStatus::Pending {
        return Err(ConferenceError::Conflict);
    }
    let status = match verdict {
        Verdict::Accept => EventStatus::Approved,
        Verdict::Refuse { .. } => EventStatus::Refused,
        Verdict::FixBy { .. } => EventStatus::Returned,
    };
    let changed = execute!(
        tx,
        "UPDATE conference_events SET status = $1, status_reason = $2 WHERE id = $3 AND status = 'pending'",
        status.code(),
        verdict.reason(),
        id,
    )?;
    if changed != 1 {
        return Err(ConferenceError::Conflict);
    }
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            Action::EventReview,
            Subject::Event(conference.id, id.0),
        )
        .before(json!({ "status": before.status.code() }))
        .after(json!({ "status": status.code(), "reason": verdict.reason() })),
        now,
    )
    .await?;
    event_by_id(tx, id).await
}

/// A returned free conference, corrected by the group that registered it and sent again
/// for review.
pub async fn resubmit_event(
    tx: &mut Tx,
    id: EventId,
    new: &NewEvent,
    by: AccountId,
) -> Result<Event, ConferenceError> {
    let languages = serde_json::to_string(&new.languages).map_err(corrupt)?;
    let changed = execute!(
        tx,
        "UPDATE conference_events SET name = $1, organizer = $2, held_on = $3, place = $4, \
         online_link = $5, expected_audience = $6, languages = $7, status = 'pending', status_reason = NULL \
         WHERE id = $8 AND registered_by = $9 AND status = 'returned'",
        &new.name,
        &new.organizer,
        new.held_on.to_string(),
        &new.place,
        &new.online_link,
        new.expected_audience,
        &languages,
        id,
        by,
    )?;
    if changed != 1 {
        return Err(ConferenceError::Conflict);
    }
    event_by_id(tx, id).await
}

pub async fn event_by_id<'a>(
    reader: impl Into<Reader<'a>>,
    id: EventId,
) -> Result<Event, ConferenceError> {
    let sql = format!("SELECT {COLUMNS} FROM conference_events WHERE id = $1");
    let row: Option<Row> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql).bind(id).fetch_optional(conn).await
    })?;
    row.map(event).transpose()?.ok_or(ConferenceError::NotFound)
}

pub async fn event_by_slug<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
    slug: &str,
) -> Result<Event, ConferenceError> {
    let sql =
        format!("SELECT {COLUMNS} FROM conference_events WHERE conference_id = $1 AND slug = $2");
    let row: Option<Row> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql)
            .bind(conference)
            .bind(slug)
            .fetch_optional(conn)
            .await
    })?;
    row.map(event).transpose()?.ok_or(ConferenceError::NotFound)
}

/// A conference's events, by day then name: every status (organizers' view) or only the
/// approved ones (the public's).
pub async fn events_of<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
    approved_only: bool,
) -> Result<Vec<Event>, ConferenceError> {
    let filter = if approved_only {
        " AND status = 'approved'"
    } else {
        ""
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM conference_events WHERE conference_id = $1{filter} ORDER BY held_on, name, id"
    );
    let rows: Vec<Row> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql).bind(conference).fetch_all(conn).await
    })?;
    rows.into_iter().map(event).collect()
}

/// Registers `account` for an approved event, with their own answer to "are you an
/// immigrant?". Registering again changes the answer only.
pub async fn register_participant(
    tx: &mut Tx,
    event: &Event,
    account: AccountId,
    migrant: bool,
    now: i64,
) -> Result<(), ConferenceError> {
    if event.status != EventStatus::Approved {
        return Err(ConferenceError::WrongPhase);
    }
    execute!(
        tx,
        "INSERT INTO event_participants (event_id, account_id, migrant, registered_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (event_id, account_id) DO UPDATE SET migrant = excluded.migrant",
        event.id,
        account,
        migrant,
        now,
    )?;
    Ok(())
}

/// Checks a registered participant in at the door (staff, audited). `false` when they
/// were already checked in: nothing is written then.
pub async fn check_in(
    tx: &mut Tx,
    conference: &Conference,
    event: EventId,
    participant: AccountId,
    actor: AccountId,
    now: i64,
) -> Result<bool, ConferenceError> {
    let changed = execute!(
        tx,
        "UPDATE event_participants SET checked_in_at = $1, checked_in_by = $2 \
         WHERE event_id = $3 AND account_id = $4 AND checked_in_at IS NULL",
        now,
        actor,
        event,
        participant,
    )?;
    if changed == 0 {
        let registered = is_participant(&mut *tx, event, participant, false).await?;
        return if registered {
            Ok(false)
        } else {
            Err(ConferenceError::NotFound)
        };
    }
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            Action::ParticipantCheckIn,
            Subject::Event(conference.id, event.0),
        )
        .after(json!({ "participant": participant })),
        now,
    )
    .await?;
    Ok(true)
}

/// Whether `account` is registered for `event` (and checked in, when `checked_in`).
pub async fn is_participant<'a>(
    reader: impl Into<Reader<'a>>,
    event: EventId,
    account: AccountId,
    checked_in: bool,
) -> Result<bool, ConferenceError> {
    let row: Option<(Option<i64>,)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT checked_in_at FROM event_participants WHERE event_id = $1 AND account_id = $2",
        )
        .bind(event)
        .bind(account)
        .fetch_optional(conn)
        .await
    })?;
    Ok(match row {
        None => false,
        Some((at,)) => !checked_in || at.is_some(),
    })
}

/// Everyone registered for `event`, by name: (account, name, checked in).
pub async fn participants<'a>(
    reader: impl Into<Reader<'a>>,
    event: EventId,
) -> Result<Vec<(AccountId, String, bool)>, ConferenceError> {
    Ok(on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT p.account_id, a.display_name, p.checked_in_at IS NOT NULL FROM event_participants p \
             JOIN accounts a ON a.id = p.account_id WHERE p.event_id = $1 ORDER BY a.display_name, a.id",
        )
        .bind(event)
        .fetch_all(conn)
        .await
    })?)
}

/// How many people checked in at each event of `conference`.
pub async fn checked_in_counts<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
) -> Result<Vec<(EventId, i64)>, ConferenceError> {
    Ok(on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT p.event_id, COUNT(*) FROM event_participants p \
             JOIN conference_events e ON e.id = p.event_id \
             WHERE e.conference_id = $1 AND p.checked_in_at IS NOT NULL GROUP BY p.event_id",
        )
        .bind(conference)
        .fetch_all(conn)
        .await
    })?)
}

/// The events `account` registered in `conference` (its free conferences), newest first.
pub async fn events_registered_by<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
    account: AccountId,
) -> Result<Vec<Event>, ConferenceError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM conference_events WHERE conference_id = $1 AND registered_by = $2 \
         AND kind = 'free_conference' ORDER BY id DESC"
    );
    let rows: Vec<Row> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql)
            .bind(conference)
            .bind(account)
            .fetch_all(conn)
            .await
    })?;
    rows.into_iter().map(event).collect()
}
