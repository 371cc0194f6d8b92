//! Editions on either backend: created with their themes in one audited transaction,
//! read by slug, moved along their calendar.

use serde_json::json;

use crate::calendar::Date;
use crate::conferences::edition::rules::{Conference, Level, NewConference, Phase, Theme};
use crate::conferences::edition::texts::EditionTexts;
use crate::conferences::error::{ConferenceError, corrupt};
use crate::db::{Reader, Tx};
use crate::platform::audit::event::{Action, Process, Subject};
use crate::platform::audit::store::{self as audit_store, AuditEvent};
use crate::platform::ids::{AccountId, ConferenceId, OrganizationId};
use crate::platform::text::labels::Labels;
use crate::platform::timeline::check_move;
use crate::platform::timeline::store as timeline_store;
use crate::{execute, on_read, on_tx};

type Row = (i64, i64, String, String, String, String, String, String);

const COLUMNS: &str = "id, organization_id, slug, names, starts_on, ends_on, levels, phase";

fn conference(row: Row) -> Result<Conference, ConferenceError> {
    let (id, organization, slug, names, starts_on, ends_on, levels, phase) = row;
    Ok(Conference {
        id: ConferenceId(id),
        organization: OrganizationId(organization),
        slug,
        names: serde_json::from_str(&names).map_err(corrupt)?,
        starts_on: starts_on.parse::<Date>().map_err(corrupt)?,
        ends_on: ends_on.parse::<Date>().map_err(corrupt)?,
        levels: serde_json::from_str::<Vec<Level>>(&levels).map_err(corrupt)?,
        phase: Phase::from_code(&phase).ok_or_else(|| corrupt(format!("phase {phase}")))?,
    })
}

/// An audit entry for a staff action on `conference`: its organization, who acted, what
/// was done to what. Every conference store writes its entries through this.
pub(crate) fn staff_entry(
    conference: &Conference,
    actor: AccountId,
    action: Action,
    subject: Subject,
) -> AuditEvent {
    AuditEvent::new(
        Some(conference.organization.0),
        Some(actor.0),
        action,
        subject,
    )
}

/// Creates an edition in its draft with its themes (numbered in order), audited.
pub async fn create_conference(
    tx: &mut Tx,
    organization: OrganizationId,
    new: &NewConference,
    actor: Option<AccountId>,
    now: i64,
) -> Result<ConferenceId, ConferenceError> {
    new.check()?;
    let names = serde_json::to_string(&new.names).map_err(corrupt)?;
    let levels = serde_json::to_string(&new.levels).map_err(corrupt)?;
    let inserted: Result<(i64,), sqlx::Error> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO conferences (organization_id, slug, names, starts_on, ends_on, levels, phase, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(organization)
        .bind(&new.slug)
        .bind(&names)
        .bind(new.starts_on.to_string())
        .bind(new.ends_on.to_string())
        .bind(&levels)
        .bind(Phase::Draft.code())
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    });
    let id = match inserted {
        Err(e) if crate::db::dialect::is_unique_violation(&e, None) => {
            return Err(ConferenceError::Conflict);
        }
        other => ConferenceId(other?.0),
    };
    for (at, theme) in new.themes.iter().enumerate() {
        let number = i64::try_from(at).map_err(corrupt)? + 1;
        execute!(
            tx,
            "INSERT INTO conference_themes (conference_id, number, names) VALUES ($1, $2, $3)",
            id,
            number,
            serde_json::to_string(theme).map_err(corrupt)?,
        )?;
    }
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            actor.map(|a| a.0),
            Action::ConferenceCreate,
            Subject::Conference(id),
        )
        .after(json!({
            "slug": new.slug,
            "names": new.names,
            "starts_on": new.starts_on,
            "ends_on": new.ends_on,
            "themes": new.themes,
            "levels": new.levels,
        })),
        now,
    )
    .await?;
    Ok(id)
}

/// The edition `slug` of `organization`, if any.
pub async fn conference_by_slug<'a>(
    reader: impl Into<Reader<'a>>,
    organization: OrganizationId,
    slug: &str,
) -> Result<Option<Conference>, ConferenceError> {
    let sql = format!("SELECT {COLUMNS} FROM conferences WHERE organization_id = $1 AND slug = $2");
    let row: Option<Row> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql)
            .bind(organization)
            .bind(slug)
            .fetch_optional(conn)
            .await
    })?;
    row.map(conference).transpose()
}

/// The edition with `id`.
pub async fn conference_by_id<'a>(
    reader: impl Into<Reader<'a>>,
    id: ConferenceId,
) -> Result<Conference, ConferenceError> {
    let sql = format!("SELECT {COLUMNS} FROM conferences WHERE id = $1");
    let row: Option<Row> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql).bind(id).fetch_optional(conn).await
    })?;
    row.map(conference)
        .transpose()?
        .ok_or(ConferenceError::NotFound)
}

/// Every edition of `organization`, newest first.
pub async fn conferences_of<'a>(
    reader: impl Into<Reader<'a>>,
    organization: OrganizationId,
) -> Result<Vec<Conference>, ConferenceError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM conferences WHERE organization_id = $1 ORDER BY starts_on DESC, id DESC"
    );
    let rows: Vec<Row> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql)
            .bind(organization)
            .fetch_all(conn)
            .await
    })?;
    rows.into_iter().map(conference).collect()
}

/// An edition's themes, in order.
pub async fn themes<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
) -> Result<Vec<Theme>, ConferenceError> {
    let rows: Vec<(i64, String)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT number, names FROM conference_themes WHERE conference_id = $1 ORDER BY number",
        )
        .bind(conference)
        .fetch_all(conn)
        .await
    })?;
    rows.into_iter()
        .map(|(number, names)| {
            Ok(Theme {
                number,
                names: serde_json::from_str::<Labels>(&names).map_err(corrupt)?,
            })
        })
        .collect()
}

/// Moves an edition to its next phase (only that one), audited.
pub async fn move_phase(
    tx: &mut Tx,
    conference: ConferenceId,
    to: Phase,
    actor: Option<AccountId>,
    now: i64,
) -> Result<(), ConferenceError> {
    let lock = tx.backend().for_update();
    let row: Option<(i64, String)> = on_tx!(tx, |conn| {
        sqlx::query_as(&format!(
            "SELECT organization_id, phase FROM conferences WHERE id = $1{lock}"
        ))
        .bind(conference)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (organization, from) = row.ok_or(ConferenceError::NotFound)?;
    let from = Phase::from_code(&from).ok_or_else(|| corrupt(format!("phase {from}")))?;
    check_move(from, to)?;
    // Consolidation starts from the events' work: nothing may still wait for review.
    if to == Phase::Consolidation {
        let (pending,): (i64,) = on_tx!(tx, |conn| {
            sqlx::query_as(
                "SELECT COUNT(*) FROM conference_events WHERE conference_id = $1 AND status = 'pending'",
            )
            .bind(conference)
            .fetch_one(&mut *conn)
            .await
        })?;
        if pending > 0 {
            return Err(ConferenceError::Conflict);
        }
    }
    execute!(
        tx,
        "UPDATE conferences SET phase = $1 WHERE id = $2",
        to.code(),
        conference
    )?;
    timeline_store::record_phase_move(
        tx,
        Process::Conference(conference),
        OrganizationId(organization),
        from,
        to,
        actor,
        now,
    )
    .await?;
    Ok(())
}

/// The level codes an edition's proposals are addressed to (they cannot be removed).
pub async fn level_codes_in_use<'a>(
    reader: impl Into<Reader<'a>>,
    conference: ConferenceId,
) -> Result<Vec<String>, ConferenceError> {
    let rows: Vec<(String,)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT DISTINCT p.level FROM proposals p JOIN conference_events e ON e.id = p.event_id \
             WHERE e.conference_id = $1 ORDER BY p.level",
        )
        .bind(conference)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows.into_iter().map(|(code,)| code).collect())
}

/// Replaces an edition's name, its themes' names and its levels (audited with what they
/// were). The number of themes stays; `texts` is checked by `texts::validate_texts`.
pub async fn update_texts(
    tx: &mut Tx,
    conference: &Conference,
    texts: &EditionTexts,
    actor: AccountId,
    now: i64,
) -> Result<(), ConferenceError> {
    let before = themes(&mut *tx, conference.id).await?;
    if before.len() != texts.themes.len() {
        return Err(ConferenceError::Conflict);
    }
    execute!(
        tx,
        "UPDATE conferences SET names = $1, levels = $2 WHERE id = $3",
        serde_json::to_string(&texts.names).map_err(corrupt)?,
        serde_json::to_string(&texts.levels).map_err(corrupt)?,
        conference.id,
    )?;
    for (theme, names) in before.iter().zip(&texts.themes) {
        execute!(
            tx,
            "UPDATE conference_themes SET names = $1 WHERE conference_id = $2 AND number = $3",
            serde_json::to_string(names).map_err(corrupt)?,
            conference.id,
            theme.number,
        )?;
    }
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            Action::ConferenceTexts,
            Subject::Conference(conference.id),
        )
        .before(json!({
            "names": conference.names,
            "themes": before.iter().map(|t| &t.names).collect::<Vec<_>>(),
            "levels": conference.levels,
        }))
        .after(json!({ "names": texts.names, "themes": texts.themes, "levels": texts.levels })),
        now,
    )
    .await?;
    Ok(())
}
