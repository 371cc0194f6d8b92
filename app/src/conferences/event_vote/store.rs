//! An event's votes on either backend: opened by organizers (audited), delegates standing,
//! ballots cast through the platform's ballot box by checked-in participants, counted
//! once (audited), the delegates written under the one-event-per-delegate index.

use serde_json::json;

use crate::conferences::delegates::{self, Allocation, DelegateCandidate, DelegateRule};
use crate::conferences::edition::rules::Conference;
use crate::conferences::edition::store::staff_entry;
use crate::conferences::error::{ConferenceError, corrupt};
use crate::conferences::event::rules::{Event, EventStatus};
use crate::conferences::event::store as event_store;
use crate::conferences::event_vote::priorities::{
    self, Eligible, PriorityBallot, PriorityRule, ThemeRanking,
};
use crate::conferences::event_vote::{VoteKind, VoteStatus};
use crate::conferences::proposal::rules::ProposalStatus;
use crate::conferences::proposal::store as proposal_store;
use crate::db::{Db, Reader, Tx};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store::{self as audit_store, AuditEvent};
use crate::platform::ids::{AccountId, EventId, PollId, ProposalId};
use crate::platform::voting::store as voting_store;
use crate::platform::voting::{Channel, PollKind};
use crate::{execute, on_read, on_tx};

/// One vote of an event, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventVote {
    pub event: EventId,
    pub kind: VoteKind,
    pub poll: PollId,
    /// `PriorityRule` or `DelegateRule`, as JSON.
    pub rule: String,
    pub status: VoteStatus,
    /// The count, as JSON, once counted.
    pub result: Option<String>,
}

pub async fn event_vote<'a>(
    reader: impl Into<Reader<'a>>,
    event: EventId,
    kind: VoteKind,
) -> Result<Option<EventVote>, ConferenceError> {
    let row: Option<(PollId, String, String, Option<String>)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT poll_id, rule, status, result FROM event_votes WHERE event_id = $1 AND kind = $2",
        )
        .bind(event)
        .bind(kind.code())
        .fetch_optional(conn)
        .await
    })?;
    row.map(|(poll, rule, status, result)| {
        Ok(EventVote {
            event,
            kind,
            poll,
            rule,
            status: VoteStatus::from_code(&status)
                .ok_or_else(|| corrupt(format!("status {status}")))?,
            result,
        })
    })
    .transpose()
}

fn audit_vote(
    conference: &Conference,
    event: EventId,
    action: Action,
    actor: AccountId,
) -> AuditEvent {
    staff_entry(
        conference,
        actor,
        action,
        Subject::Event(conference.id, event.0),
    )
}

/// Opens one of an event's votes (organizers, while events are held, audited with its
/// rule): the prioritisation goes straight to voting; the delegate election first takes
/// candidates.
pub async fn open_vote(
    tx: &mut Tx,
    conference: &Conference,
    event: &Event,
    kind: VoteKind,
    rule: &serde_json::Value,
    actor: AccountId,
    now: i64,
) -> Result<(), ConferenceError> {
    if !conference.phase.events_open()
        || event.status != EventStatus::Approved
        || event.conference != conference.id
    {
        return Err(ConferenceError::WrongPhase);
    }
    let checked = match kind {
        VoteKind::Priorities => {
            let rule: PriorityRule =
                serde_json::from_value(rule.clone()).map_err(|_| invalid("rule"))?;
            (1..=priorities::MAX_PER_THEME)
                .contains(&rule.per_theme)
                .then_some(())
                .ok_or_else(|| invalid("rule"))?;
            serde_json::to_string(&rule).map_err(corrupt)?
        }
        VoteKind::Delegates => {
            let rule: DelegateRule =
                serde_json::from_value(rule.clone()).map_err(|_| invalid("rule"))?;
            delegates::election_config(&rule, &[]).map_err(|_| invalid("rule"))?;
            serde_json::to_string(&rule).map_err(corrupt)?
        }
    };
    if event_vote(&mut *tx, event.id, kind).await?.is_some() {
        return Err(ConferenceError::Conflict);
    }
    let poll_kind = match kind {
        VoteKind::Priorities => PollKind::Priorities,
        VoteKind::Delegates => PollKind::Delegates,
    };
    let poll = voting_store::create_poll(
        tx,
        conference.organization,
        poll_kind,
        Subject::Event(conference.id, event.id.0),
    )
    .await?;
    let status = match kind {
        VoteKind::Priorities => VoteStatus::Voting,
        VoteKind::Delegates => VoteStatus::Standing,
    };
    execute!(
        tx,
        "INSERT INTO event_votes (event_id, kind, poll_id, rule, status) VALUES ($1, $2, $3, $4, $5)",
        event.id,
        kind.code(),
        poll,
        &checked,
        status.code(),
    )?;
    audit_store::audit(
        tx,
        audit_vote(conference, event.id, Action::EventVoteOpen, actor)
            .after(json!({ "kind": kind.code(), "rule": serde_json::from_str::<serde_json::Value>(&checked).map_err(corrupt)? })),
        now,
    )
    .await?;
    Ok(())
}

fn invalid(field: &str) -> ConferenceError {
    ConferenceError::Invalid(vec![crate::error::FieldProblem {
        field: field.into(),
        problem: crate::error::Problem::UnknownOption,
    }])
}

/// A checked-in participant puts themselves forward as delegate; gives their public code.
/// Standing again gives the same code.
pub async fn stand(
    tx: &mut Tx,
    event: &Event,
    account: AccountId,
) -> Result<String, ConferenceError> {
    let vote = event_vote(&mut *tx, event.id, VoteKind::Delegates)
        .await?
        .ok_or(ConferenceError::NotFound)?;
    if vote.status != VoteStatus::Standing {
        return Err(ConferenceError::WrongPhase);
    }
    let participant: Option<(bool, Option<i64>)> = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT migrant, checked_in_at FROM event_participants WHERE event_id = $1 AND account_id = $2")
            .bind(event.id)
            .bind(account)
            .fetch_optional(&mut *conn)
            .await
    })?;
    let Some((migrant, Some(_))) = participant else {
        return Err(ConferenceError::NotCheckedIn);
    };
    let existing: Option<(String,)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT code FROM delegate_candidates WHERE event_id = $1 AND account_id = $2",
        )
        .bind(event.id)
        .bind(account)
        .fetch_optional(&mut *conn)
        .await
    })?;
    if let Some((code,)) = existing {
        return Ok(code);
    }
    let (taken,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT COUNT(*) FROM delegate_candidates WHERE event_id = $1")
            .bind(event.id)
            .fetch_one(&mut *conn)
            .await
    })?;
    let code = format!("c{}", taken + 1);
    execute!(
        tx,
        "INSERT INTO delegate_candidates (event_id, account_id, code, migrant) VALUES ($1, $2, $3, $4)",
        event.id,
        account,
        &code,
        migrant,
    )?;
    Ok(code)
}

/// The event's delegate candidates: (account, code, migrant), by code number.
pub async fn candidates<'a>(
    reader: impl Into<Reader<'a>>,
    event: EventId,
) -> Result<Vec<(AccountId, String, bool)>, ConferenceError> {
    let mut rows: Vec<(AccountId, String, bool)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT account_id, code, migrant FROM delegate_candidates WHERE event_id = $1",
        )
        .bind(event)
        .fetch_all(conn)
        .await
    })?;
    rows.sort_by_key(|(_, code, _)| {
        code.trim_start_matches('c')
            .parse::<u64>()
            .unwrap_or(u64::MAX)
    });
    Ok(rows)
}

/// Closes the candidate list and opens the delegate vote: whoever is already a delegate of
/// another event of the edition is taken off the list first (audited, by code).
pub async fn start_delegate_voting(
    tx: &mut Tx,
    conference: &Conference,
    event: &Event,
    actor: AccountId,
    now: i64,
) -> Result<Vec<String>, ConferenceError> {
    let vote = event_vote(&mut *tx, event.id, VoteKind::Delegates)
        .await?
        .ok_or(ConferenceError::NotFound)?;
    if vote.status != VoteStatus::Standing || !conference.phase.events_open() {
        return Err(ConferenceError::WrongPhase);
    }
    let elsewhere: Vec<(String,)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT c.code FROM delegate_candidates c JOIN conference_delegates d \
             ON d.account_id = c.account_id AND d.conference_id = $1 AND d.role = 'delegate' AND d.event_id <> c.event_id \
             WHERE c.event_id = $2",
        )
        .bind(conference.id)
        .bind(event.id)
        .fetch_all(&mut *conn)
        .await
    })?;
    let removed: Vec<String> = elsewhere.into_iter().map(|(code,)| code).collect();
    for code in &removed {
        execute!(
            tx,
            "DELETE FROM delegate_candidates WHERE event_id = $1 AND code = $2",
            event.id,
            code
        )?;
    }
    execute!(
        tx,
        "UPDATE event_votes SET status = 'voting' WHERE event_id = $1 AND kind = 'delegates'",
        event.id
    )?;
    audit_store::audit(
        tx,
        audit_vote(conference, event.id, Action::EventVoteStart, actor)
            .after(json!({ "kind": "delegates", "removed": removed })),
        now,
    )
    .await?;
    Ok(removed)
}

/// Casts a checked-in participant's ballot in one of the event's votes: the mark and the
/// ballot in this transaction, through the platform's box (one per person, whatever runs
/// at once). Gives the ballot's tracking code.
async fn cast(
    tx: &mut Tx,
    conference: &Conference,
    event: &Event,
    vote: &EventVote,
    voter: AccountId,
    content: &str,
) -> Result<String, ConferenceError> {
    if vote.status != VoteStatus::Voting || !conference.phase.events_open() {
        return Err(ConferenceError::WrongPhase);
    }
    if !event_store::is_participant(&mut *tx, event.id, voter, true).await? {
        return Err(ConferenceError::NotCheckedIn);
    }
    if !voting_store::mark(tx, vote.poll, voter, Channel::InPerson, None).await? {
        return Err(ConferenceError::AlreadyVoted);
    }
    let code = voting_store::new_tracking_code();
    voting_store::insert_ballot(tx, vote.poll, &code, content).await?;
    Ok(code)
}

/// The proposals a participant may prioritise: the event's, neither withdrawn nor hidden.
pub async fn eligible<'a>(
    reader: impl Into<Reader<'a>>,
    event: EventId,
) -> Result<Vec<Eligible>, ConferenceError> {
    Ok(proposal_store::proposals_of_event(reader, event)
        .await?
        .into_iter()
        .filter(|p| !matches!(p.status, ProposalStatus::Withdrawn | ProposalStatus::Hidden))
        .map(|p| Eligible {
            id: p.id,
            theme: p.theme,
            supports: p.supports,
        })
        .collect())
}

pub async fn cast_priorities(
    tx: &mut Tx,
    conference: &Conference,
    event: &Event,
    voter: AccountId,
    chosen: &[ProposalId],
) -> Result<String, ConferenceError> {
    let vote = event_vote(&mut *tx, event.id, VoteKind::Priorities)
        .await?
        .ok_or(ConferenceError::NotFound)?;
    let rule: PriorityRule = serde_json::from_str(&vote.rule).map_err(corrupt)?;
    let eligible = eligible(&mut *tx, event.id).await?;
    let ballot =
        priorities::check_ballot(chosen, &eligible, rule).map_err(|_| invalid("choices"))?;
    cast(tx, conference, event, &vote, voter, &ballot.canonical()).await
}

pub async fn cast_delegates(
    tx: &mut Tx,
    conference: &Conference,
    event: &Event,
    voter: AccountId,
    chosen: &[String],
) -> Result<String, ConferenceError> {
    let vote = event_vote(&mut *tx, event.id, VoteKind::Delegates)
        .await?
        .ok_or(ConferenceError::NotFound)?;
    let rule: DelegateRule = serde_json::from_str(&vote.rule).map_err(corrupt)?;
    let standing = candidates(&mut *tx, event.id).await?;
    let mut seen = std::collections::HashSet::new();
    let fine = chosen.len() <= rule.max_choices
        && chosen
            .iter()
            .all(|c| standing.iter().any(|(_, code, _)| code == c) && seen.insert(c));
    if !fine {
        return Err(invalid("choices"));
    }
    let ballot = delegates::ballot(chosen.iter().cloned());
    cast(
        tx,
        conference,
        event,
        &vote,
        voter,
        &crate::results::board::canonical(&ballot),
    )
    .await
}

/// The counted result of a prioritisation.
pub type Priorities = Vec<ThemeRanking>;

/// Counts one of the event's votes (organizers, audited with the result), once: the
/// prioritisation's ranked lists, or the delegates and reserve (written under the
/// one-event-per-delegate index). Seal the ballot box after committing
/// (`voting_store::seal_ballot_box`).
pub async fn count(
    tx: &mut Tx,
    conference: &Conference,
    event: &Event,
    kind: VoteKind,
    actor: AccountId,
    now: i64,
) -> Result<String, ConferenceError> {
    let vote = event_vote(&mut *tx, event.id, kind)
        .await?
        .ok_or(ConferenceError::NotFound)?;
    if vote.status != VoteStatus::Voting {
        return Err(ConferenceError::WrongPhase);
    }
    let rows: Vec<(String,)> = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT content FROM ballots WHERE poll_id = $1 ORDER BY tracking_code")
            .bind(vote.poll)
            .fetch_all(&mut *conn)
            .await
    })?;
    let result = match kind {
        VoteKind::Priorities => {
            let ballots = rows
                .iter()
                .map(|(content,)| PriorityBallot::parse(content).map_err(corrupt))
                .collect::<Result<Vec<_>, _>>()?;
            let eligible = eligible(&mut *tx, event.id).await?;
            serde_json::to_string(&priorities::rank(&eligible, &ballots)).map_err(corrupt)?
        }
        VoteKind::Delegates => {
            let allocation = allocate(tx, event.id, &vote, &rows).await?;
            write_delegates(tx, conference, event.id, &allocation).await?;
            serde_json::to_string(&allocation).map_err(corrupt)?
        }
    };
    execute!(
        tx,
        "UPDATE event_votes SET status = 'counted', result = $1 WHERE event_id = $2 AND kind = $3",
        &result,
        event.id,
        kind.code(),
    )?;
    audit_store::audit(
        tx,
        audit_vote(conference, event.id, Action::EventVoteCount, actor).after(json!({
            "kind": kind.code(),
            "ballots": rows.len(),
            "result": serde_json::from_str::<serde_json::Value>(&result).map_err(corrupt)?,
        })),
        now,
    )
    .await?;
    Ok(result)
}

async fn allocate(
    tx: &mut Tx,
    event: EventId,
    vote: &EventVote,
    rows: &[(String,)],
) -> Result<Allocation, ConferenceError> {
    let rule: DelegateRule = serde_json::from_str(&vote.rule).map_err(corrupt)?;
    let standing: Vec<DelegateCandidate> = candidates(&mut *tx, event)
        .await?
        .into_iter()
        .map(|(_, id, migrant)| DelegateCandidate { id, migrant })
        .collect();
    let ballots = rows
        .iter()
        .enumerate()
        .map(|(n, (content,))| Ok((n + 1, serde_json::from_str(content).map_err(corrupt)?)))
        .collect::<Result<Vec<_>, ConferenceError>>()?;
    delegates::allocate(&rule, &standing, ballots).map_err(corrupt)
}

async fn write_delegates(
    tx: &mut Tx,
    conference: &Conference,
    event: EventId,
    allocation: &Allocation,
) -> Result<(), ConferenceError> {
    let accounts = candidates(&mut *tx, event).await?;
    let account_of = |code: &str| {
        accounts
            .iter()
            .find(|(_, c, _)| c == code)
            .map(|(a, ..)| *a)
    };
    for (role, list) in [
        ("delegate", &allocation.delegates),
        ("reserve", &allocation.reserve),
    ] {
        for (rank, code) in list.iter().enumerate() {
            let account = account_of(code).ok_or_else(|| corrupt(format!("candidate {code}")))?;
            let written = execute!(
                tx,
                "INSERT INTO conference_delegates (conference_id, event_id, account_id, role, rank) VALUES ($1, $2, $3, $4, $5)",
                conference.id,
                event,
                account,
                role,
                rank as i64 + 1,
            );
            match written {
                Err(e) if crate::db::dialect::is_unique_violation(&e, None) => {
                    return Err(ConferenceError::Conflict);
                }
                other => other?,
            };
        }
    }
    Ok(())
}

/// An event's delegates and reserve: (account, display name, role, rank), delegates first.
pub async fn delegates_of<'a>(
    reader: impl Into<Reader<'a>>,
    event: EventId,
) -> Result<Vec<(AccountId, String, String, i64)>, ConferenceError> {
    Ok(on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT d.account_id, a.display_name, d.role, d.rank FROM conference_delegates d \
             JOIN accounts a ON a.id = d.account_id WHERE d.event_id = $1 ORDER BY d.role, d.rank",
        )
        .bind(event)
        .fetch_all(conn)
        .await
    })?)
}

/// A counted delegate election in `voz tally`'s input format: `election.json` (the rule
/// as the count's configuration) and `ballots.jsonl` (one stored ballot per line, in
/// tracking-code order, which says nothing of who voted when).
pub async fn delegate_export(db: &Db, event: EventId) -> Result<(String, String), ConferenceError> {
    let vote = event_vote(db, event, VoteKind::Delegates)
        .await?
        .ok_or(ConferenceError::NotFound)?;
    if vote.status != VoteStatus::Counted {
        return Err(ConferenceError::WrongPhase);
    }
    let rule: DelegateRule = serde_json::from_str(&vote.rule).map_err(corrupt)?;
    let standing: Vec<DelegateCandidate> = candidates(db, event)
        .await?
        .into_iter()
        .map(|(_, id, migrant)| DelegateCandidate { id, migrant })
        .collect();
    let config = delegates::election_config(&rule, &standing).map_err(corrupt)?;
    let election = serde_json::to_string_pretty(&config).map_err(corrupt)?;
    let mut ballots = String::new();
    for (_, content) in voting_store::ballot_rows(db, vote.poll).await? {
        ballots.push_str(&content);
        ballots.push('\n');
    }
    Ok((election + "\n", ballots))
}

/// Every delegate of the edition (not the reserves), by event then rank.
pub async fn delegates_of_conference<'a>(
    reader: impl Into<Reader<'a>>,
    conference: crate::platform::ids::ConferenceId,
) -> Result<Vec<AccountId>, ConferenceError> {
    let rows: Vec<(AccountId,)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(
            "SELECT account_id FROM conference_delegates WHERE conference_id = $1 AND role = 'delegate' \
             ORDER BY event_id, rank",
        )
        .bind(conference)
        .fetch_all(conn)
        .await
    })?;
    Ok(rows.into_iter().map(|(a,)| a).collect())
}
