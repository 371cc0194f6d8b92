//! The plenary on either backend: credentials, one poll per theme (0: the motions),
//! ballots by credentialled delegates, counts kept with each theme's vote.

use std::collections::HashMap;

use serde_json::json;

use crate::conferences::consolidation::store as consolidation_store;
use crate::conferences::delegates::DelegateRule;
use crate::conferences::edition::rules::{Conference, Phase};
use crate::conferences::edition::store::staff_entry;
use crate::conferences::error::{ConferenceError, corrupt};
use crate::conferences::event_vote::VoteKind;
use crate::conferences::event_vote::store as vote_store;
use crate::conferences::plenary::rules::{
    self, Item, ItemResult, PlenaryBallot, PlenaryRule, Seat, replacement,
};
use crate::db::{Db, Reader, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::ids::{AccountId, EventId, PollId};
use crate::platform::voting::store as voting_store;
use crate::platform::voting::{Channel, PollKind};
use crate::{execute, on_read, on_tx};

/// The items voted on in `theme`: its consolidated proposals, or (theme 0) the motions.
pub async fn items(
    db: &Db,
    conference: &Conference,
    theme: i64,
) -> Result<Vec<Item>, ConferenceError> {
    Ok(consolidation_store::consolidated_of(db, conference.id)
        .await?
        .into_iter()
        .filter(|c| {
            if theme == 0 {
                c.motion
            } else {
                !c.motion && c.theme == theme
            }
        })
        .map(|c| Item {
            code: c.code,
            motion: c.motion,
        })
        .collect())
}

/// Opens the plenary's votes (organizers, in the plenary phase, audited): one per theme
/// with consolidated proposals, and one for the motions when there are any.
pub async fn open_plenary(
    db: &Db,
    tx: &mut Tx,
    conference: &Conference,
    rule: PlenaryRule,
    actor: AccountId,
    now: i64,
) -> Result<Vec<i64>, ConferenceError> {
    if conference.phase != Phase::Plenary {
        return Err(ConferenceError::WrongPhase);
    }
    let all = consolidation_store::consolidated_of(db, conference.id).await?;
    let mut themes: Vec<i64> = all
        .iter()
        .map(|c| if c.motion { 0 } else { c.theme })
        .collect();
    themes.sort_unstable();
    themes.dedup();
    let rule_json = serde_json::to_string(&rule).map_err(corrupt)?;
    for &theme in &themes {
        let subject = Subject::Plenary(conference.id, theme);
        let poll =
            voting_store::create_poll(tx, conference.organization, PollKind::Plenary, subject)
                .await;
        let poll = match poll {
            Err(e) if crate::db::dialect::is_unique_violation(&e, None) => {
                return Err(ConferenceError::Conflict);
            }
            other => other?,
        };
        execute!(
            tx,
            "INSERT INTO plenary_votes (conference_id, theme, poll_id, rule, status) VALUES ($1, $2, $3, $4, 'voting')",
            conference.id,
            theme,
            poll,
            &rule_json,
        )?;
    }
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            Action::PlenaryOpen,
            Subject::Conference(conference.id),
        )
        .after(json!({ "themes": themes, "rule": rule })),
        now,
    )
    .await?;
    Ok(themes)
}

/// Whether `account` is credentialled at the plenary.
pub async fn is_credentialled<'a>(
    reader: impl Into<Reader<'a>>,
    conference: &Conference,
    account: AccountId,
) -> Result<bool, ConferenceError> {
    let row: Option<(i64,)> = on_read!(reader.into(), |conn| {
        sqlx::query_as("SELECT checked_in_at FROM plenary_credentials WHERE conference_id = $1 AND account_id = $2")
            .bind(conference.id)
            .bind(account)
            .fetch_optional(conn)
            .await
    })?;
    Ok(row.is_some())
}

/// (event, role, rank) of `account` among the edition's delegates and reserves.
async fn seat_of(
    tx: &mut Tx,
    conference: &Conference,
    account: AccountId,
) -> Result<Option<(EventId, String, i64)>, ConferenceError> {
    Ok(on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT event_id, role, rank FROM conference_delegates WHERE conference_id = $1 AND account_id = $2 \
             ORDER BY role LIMIT 1",
        )
        .bind(conference.id)
        .bind(account)
        .fetch_optional(&mut *conn)
        .await
    })?)
}

async fn write_credential(
    tx: &mut Tx,
    conference: &Conference,
    account: AccountId,
    event: EventId,
    replaces: Option<AccountId>,
    actor: AccountId,
    now: i64,
) -> Result<(), ConferenceError> {
    let via = if replaces.is_some() {
        "reserve"
    } else {
        "delegate"
    };
    let written = execute!(
        tx,
        "INSERT INTO plenary_credentials (conference_id, account_id, event_id, via, replaces, checked_in_at, checked_in_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        conference.id,
        account,
        event,
        via,
        replaces,
        now,
        actor,
    );
    match written {
        Err(e) if crate::db::dialect::is_unique_violation(&e, None) => {
            return Err(ConferenceError::Conflict);
        }
        other => other?,
    };
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            Action::PlenaryCredential,
            Subject::Event(conference.id, event.0),
        )
        .after(json!({ "account": account, "via": via, "replaces": replaces })),
        now,
    )
    .await?;
    Ok(())
}

/// Credentials a delegate at the door (audited). A reserve is credentialled only in an
/// absent delegate's place ([`replace_absent`]).
pub async fn credential(
    tx: &mut Tx,
    conference: &Conference,
    account: AccountId,
    actor: AccountId,
    now: i64,
) -> Result<(), ConferenceError> {
    if conference.phase != Phase::Plenary {
        return Err(ConferenceError::WrongPhase);
    }
    match seat_of(tx, conference, account).await? {
        Some((event, role, _)) if role == "delegate" => {
            write_credential(tx, conference, account, event, None, actor, now).await
        }
        _ => Err(ConferenceError::NotFound),
    }
}

/// Credentials the reserve who takes an absent delegate's place (the rule in
/// `rules::replacement`); `None` when the event has no reserve left.
pub async fn replace_absent(
    tx: &mut Tx,
    conference: &Conference,
    absent: AccountId,
    actor: AccountId,
    now: i64,
) -> Result<Option<AccountId>, ConferenceError> {
    if conference.phase != Phase::Plenary {
        return Err(ConferenceError::WrongPhase);
    }
    let Some((event, role, _)) = seat_of(tx, conference, absent).await? else {
        return Err(ConferenceError::NotFound);
    };
    if role != "delegate" || is_credentialled(&mut *tx, conference, absent).await? {
        return Err(ConferenceError::Conflict);
    }
    let seats: Vec<(AccountId, String, i64, bool, bool)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT d.account_id, d.role, d.rank, c.migrant, (p.account_id IS NOT NULL) \
             FROM conference_delegates d \
             JOIN delegate_candidates c ON c.event_id = d.event_id AND c.account_id = d.account_id \
             LEFT JOIN plenary_credentials p ON p.conference_id = d.conference_id AND p.account_id = d.account_id \
             WHERE d.event_id = $1 ORDER BY d.role, d.rank",
        )
        .bind(event)
        .fetch_all(&mut *conn)
        .await
    })?;
    let absent_is_migrant = seats.iter().any(|s| s.0 == absent && s.3);
    // The event's credentialled immigrants: delegates present, and reserves in a place.
    let present_migrants = seats.iter().filter(|s| s.4 && s.3).count();
    let vote = vote_store::event_vote(&mut *tx, event, VoteKind::Delegates)
        .await?
        .ok_or(ConferenceError::NotFound)?;
    let rule: DelegateRule = serde_json::from_str(&vote.rule).map_err(corrupt)?;
    let required = (rule.delegates as u64 * u64::from(rule.quota.numerator))
        .div_ceil(u64::from(rule.quota.denominator.max(1))) as usize;
    let reserves: Vec<&(AccountId, String, i64, bool, bool)> =
        seats.iter().filter(|s| s.1 == "reserve").collect();
    let pick = replacement(
        absent_is_migrant,
        present_migrants,
        required,
        &reserves
            .iter()
            .map(|s| Seat {
                rank: s.2 as usize,
                migrant: s.3,
                credentialled: s.4,
            })
            .collect::<Vec<_>>(),
    );
    let Some(at) = pick else { return Ok(None) };
    let reserve = reserves[at].0;
    write_credential(tx, conference, reserve, event, Some(absent), actor, now).await?;
    Ok(Some(reserve))
}

/// A theme's vote: its poll, rule, status and counted result.
async fn theme_vote<'a>(
    reader: impl Into<Reader<'a>>,
    conference: &Conference,
    theme: i64,
) -> Result<(PollId, PlenaryRule, String, Option<String>), ConferenceError> {
    let row: Option<(PollId, String, String, Option<String>)> = on_read!(reader.into(), |conn| {
        sqlx::query_as("SELECT poll_id, rule, status, result FROM plenary_votes WHERE conference_id = $1 AND theme = $2")
            .bind(conference.id)
            .bind(theme)
            .fetch_optional(conn)
            .await
    })?;
    let (poll, rule, status, result) = row.ok_or(ConferenceError::NotFound)?;
    Ok((
        poll,
        serde_json::from_str(&rule).map_err(corrupt)?,
        status,
        result,
    ))
}

/// A refused ballot, as the form's fields show it.
fn ballot_problem(problem: rules::BallotProblem) -> ConferenceError {
    use crate::error::{FieldProblem, Problem};
    let (field, problem) = match problem {
        rules::BallotProblem::Unknown(_) => ("marks", Problem::UnknownOption),
        rules::BallotProblem::TooManyPriorities(max) => ("priorities", Problem::TooMany { max }),
        rules::BallotProblem::PriorityNotApproved(_) | rules::BallotProblem::PriorityOnMotion => {
            ("priorities", Problem::PriorityNotApproved)
        }
    };
    ConferenceError::Invalid(vec![FieldProblem {
        field: field.into(),
        problem,
    }])
}

/// A credentialled delegate's ballot on one theme, through the platform's box.
pub async fn cast(
    db: &Db,
    tx: &mut Tx,
    conference: &Conference,
    theme: i64,
    voter: AccountId,
    ballot: &PlenaryBallot,
) -> Result<String, ConferenceError> {
    let (poll, rule, status, _) = theme_vote(&mut *tx, conference, theme).await?;
    if status != "voting" || conference.phase != Phase::Plenary {
        return Err(ConferenceError::WrongPhase);
    }
    rules::check_ballot(ballot, &items(db, conference, theme).await?, rule)
        .map_err(ballot_problem)?;
    if !is_credentialled(&mut *tx, conference, voter).await? {
        return Err(ConferenceError::NotCheckedIn);
    }
    if !voting_store::mark(tx, poll, voter, Channel::InPerson, None).await? {
        return Err(ConferenceError::AlreadyVoted);
    }
    let code = voting_store::new_tracking_code();
    voting_store::insert_ballot(
        tx,
        poll,
        &code,
        &serde_json::to_string(ballot).map_err(corrupt)?,
    )
    .await?;
    Ok(code)
}

/// Counts one theme's vote (organizers, once, audited with the result). Seal the ballot
/// box after committing.
pub async fn count(
    db: &Db,
    tx: &mut Tx,
    conference: &Conference,
    theme: i64,
    actor: AccountId,
    now: i64,
) -> Result<Vec<ItemResult>, ConferenceError> {
    let (poll, rule, status, _) = theme_vote(&mut *tx, conference, theme).await?;
    if status != "voting" {
        return Err(ConferenceError::WrongPhase);
    }
    let rows: Vec<(String,)> = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT content FROM ballots WHERE poll_id = $1 ORDER BY tracking_code")
            .bind(poll)
            .fetch_all(&mut *conn)
            .await
    })?;
    let ballots = rows
        .iter()
        .map(|(content,)| serde_json::from_str::<PlenaryBallot>(content).map_err(corrupt))
        .collect::<Result<Vec<_>, _>>()?;
    let results = rules::count(&items(db, conference, theme).await?, &ballots, rule);
    let json = serde_json::to_string(&results).map_err(corrupt)?;
    execute!(
        tx,
        "UPDATE plenary_votes SET status = 'counted', result = $1 WHERE conference_id = $2 AND theme = $3",
        &json,
        conference.id,
        theme,
    )?;
    audit_store::audit(
        tx,
        staff_entry(
            conference,
            actor,
            Action::PlenaryCount,
            Subject::Plenary(conference.id, theme),
        )
        .after(json!({ "ballots": ballots.len(), "results": results })),
        now,
    )
    .await?;
    Ok(results)
}

/// Every counted item's votes and result, by code.
pub async fn results<'a>(
    reader: impl Into<Reader<'a>>,
    conference: &Conference,
) -> Result<HashMap<String, ItemResult>, ConferenceError> {
    let rows: Vec<(Option<String>,)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT result FROM plenary_votes WHERE conference_id = $1 AND status = 'counted'",
        )
        .bind(conference.id)
        .fetch_all(conn)
        .await
    })?;
    let mut out = HashMap::new();
    for (json,) in rows {
        let items: Vec<ItemResult> =
            serde_json::from_str(json.as_deref().unwrap_or("[]")).map_err(corrupt)?;
        out.extend(items.into_iter().map(|r| (r.code.clone(), r)));
    }
    Ok(out)
}

/// The plenary's themes and whether each is counted.
pub async fn votes<'a>(
    reader: impl Into<Reader<'a>>,
    conference: &Conference,
) -> Result<Vec<(i64, bool)>, ConferenceError> {
    let rows: Vec<(i64, String)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT theme, status FROM plenary_votes WHERE conference_id = $1 ORDER BY theme",
        )
        .bind(conference.id)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows.into_iter().map(|(t, s)| (t, s == "counted")).collect())
}

/// How many people are credentialled at the plenary, and how many of them in an absent
/// delegate's place.
pub async fn credential_counts<'a>(
    reader: impl Into<Reader<'a>>,
    conference: &Conference,
) -> Result<(i64, i64), ConferenceError> {
    Ok(on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT COUNT(*), COUNT(replaces) FROM plenary_credentials WHERE conference_id = $1",
        )
        .bind(conference.id)
        .fetch_one(conn)
        .await
    })?)
}
