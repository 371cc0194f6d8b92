//! Polling stations on voting day (DOMAIN.md § Process 1): opening, finding a person,
//! marking them as voting, then either a ballot on one of the station's paired kiosks
//! (`kiosk::store`) or a paper ballot entered at closing. The closure reconciliation,
//! signed once, is `closure`.
//!
//! Secrecy: a station's ballots go into the election's one box like every other ballot,
//! naming no station and no channel. The station keeps only counts (kiosk ballots, paper
//! ballots typed in, sheets found), incremented in the transaction that stores each ballot.
//!
//! Concurrency: every write at a station first locks the election row (shared) and the
//! station's row (exclusive) on PostgreSQL, so opening, marking, paper entry, a kiosk
//! ballot and the closure of one station happen one after the other, and the move to
//! counting (which locks the election row exclusively) waits for all of them. On SQLite
//! `BEGIN IMMEDIATE` serializes every write anyway.

pub mod closure;

use serde_json::json;

use crate::accounts::types::{AccountId, OrganizationId};
use crate::calendar::Date;
use crate::db::{Db, Tx};
use crate::elections::calendar::rules::Phase;
use crate::elections::calendar::store as calendar_store;
use crate::elections::election::store as election_store;
use crate::elections::election::store::{
    Channel, ElectionError, ElectionId, PollId, canonical_content, corrupt, new_tracking_code,
};
use crate::elections::eligibility::Refusal;
pub use crate::elections::station::rules::{HandOver, StationState, VoterLookup};
use crate::platform::access::store as access_store;
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::platform::voting::store as voting_store;
use crate::results::count::Ballot;
use crate::{execute, on_tx};

#[derive(Debug, thiserror::Error)]
pub enum StationError {
    #[error(transparent)]
    Election(#[from] ElectionError),
    #[error("the station is not open")]
    NotOpen,
    #[error("the station is closed")]
    Closed,
    #[error("the kiosk ballot is unknown or already used")]
    UnknownToken,
    #[error("no paired kiosk of this station is free")]
    NoKioskFree,
    #[error("the station is open: there is nothing to reopen")]
    StillOpen,
}

impl From<sqlx::Error> for StationError {
    fn from(e: sqlx::Error) -> Self {
        Self::Election(e.into())
    }
}

/// How a station ballot reached the box, for the station's counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StationBallot {
    Kiosk,
    Paper,
}

impl StationBallot {
    fn counter(self) -> &'static str {
        match self {
            Self::Kiosk => "kiosk_ballots",
            Self::Paper => "paper_ballots",
        }
    }
}

/// Locks the election row (shared) and checks that it is voting and that `station`
/// exists; then locks the station's row and says whether it is open.
pub(crate) async fn open_station_in_voting(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
) -> Result<OrganizationId, StationError> {
    let share = tx.backend().for_share();
    let update = tx.backend().for_update();
    let row: Option<(i64, String, String)> = on_tx!(tx, |conn| {
        sqlx::query_as(&format!(
            "SELECT organization_id, phase, settings FROM elections WHERE id = $1{share}"
        ))
        .bind(election.0)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (organization, phase, settings) = row.ok_or(ElectionError::NotFound)?;
    if phase != Phase::Voting.code() {
        return Err(ElectionError::NotVoting.into());
    }
    let settings: crate::elections::election::settings::ElectionSettings =
        serde_json::from_str(&settings).map_err(corrupt)?;
    if settings.station(station).is_none() {
        return Err(ElectionError::NotFound.into());
    }
    let session: Option<(Option<i64>,)> = on_tx!(tx, |conn| {
        sqlx::query_as(&format!(
            "SELECT closed_at FROM station_sessions WHERE election_id = $1 AND station_id = $2{update}"
        ))
        .bind(election.0)
        .bind(station)
        .fetch_optional(&mut *conn)
        .await
    })?;
    match session {
        None => Err(StationError::NotOpen),
        Some((Some(_),)) => Err(StationError::Closed),
        Some((None,)) => Ok(OrganizationId(organization)),
    }
}

pub async fn open_station(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    poll_worker: AccountId,
    now: i64,
) -> Result<(), StationError> {
    let organization = match open_station_in_voting(tx, election, station).await {
        Err(StationError::NotOpen) => {
            let (organization, _) = calendar_store::organization_and_phase(tx, election).await?;
            OrganizationId(organization)
        }
        Err(other) => return Err(other),
        Ok(_) => return Ok(()), // already open: opening twice is harmless
    };
    // Two openings at once: the primary key lets one in; the other finds it open.
    let inserted = execute!(
        tx,
        "INSERT INTO station_sessions (election_id, station_id, opened_by, opened_at) VALUES ($1, $2, $3, $4) \
          ON CONFLICT DO NOTHING",
        election.0,
        station,
        poll_worker.0,
        now,
    )?;
    if inserted == 0 {
        return Ok(());
    }
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            Some(poll_worker.0),
            Action::StationOpen,
            Subject::Station(election, station),
        ),
        now,
    )
    .await?;
    Ok(())
}

/// Marks the person whose document the poll worker holds (its keyed hash: type and
/// number, as registered) as voting at `station` — the one-ballot-per-person mark. A
/// poll worker never names an account: they can only mark whoever is in front of them.
/// For a kiosk ballot, readies the station's first free paired kiosk and returns its
/// number.
pub async fn mark_in_person(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    document_hash: &str,
    hand_over: HandOver,
    poll_worker: AccountId,
    now: i64,
) -> Result<Option<i64>, StationError> {
    let organization = open_station_in_voting(tx, election, station).await?;
    let account = access_store::person_by_document(&mut *tx, organization, document_hash)
        .await?
        .ok_or(ElectionError::Refused(Refusal::NotRegistered))?
        .account;
    // The same rule as online: verified, old enough on election day, the in-person
    // day and hours on the organization's clock.
    election_store::check_may_vote(tx, election, account, Channel::InPerson, now).await?;
    let poll = election_store::election_poll(&mut *tx, election).await?;
    if !voting_store::mark(tx, poll, account, Channel::InPerson, Some(station)).await? {
        return Err(ElectionError::AlreadyVoted.into());
    }
    let kiosk = match hand_over {
        HandOver::Paper => None,
        HandOver::Kiosk => {
            // The kiosk opens the ballot in the person's language.
            let (locale,): (String,) = on_tx!(tx, |conn| {
                sqlx::query_as("SELECT preferred_locale FROM accounts WHERE id = $1")
                    .bind(account.0)
                    .fetch_one(&mut *conn)
                    .await
            })?;
            Some(ready_free_kiosk(tx, election, station, &locale).await?)
        }
    };
    // Who voted where is the poll book, and audited; what they chose is never here.
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            Some(poll_worker.0),
            Action::StationMark,
            Subject::Station(election, station),
        )
        .after(json!({ "account": account.0, "kiosk": kiosk })),
        now,
    )
    .await?;
    Ok(kiosk)
}

/// A paper ballot from the station's box, entered after the station stops voting (it
/// may be null). Gets a tracking code like every ballot, for the bulletin board.
pub async fn enter_paper_ballot(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    ballot: &Ballot,
    poll_worker: AccountId,
    now: i64,
) -> Result<(), StationError> {
    let organization = open_station_in_voting(tx, election, station).await?;
    insert_station_ballot(tx, election, station, ballot, StationBallot::Paper).await?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            Some(poll_worker.0),
            Action::StationPaperBallot,
            Subject::Station(election, station),
        ),
        now,
    )
    .await?;
    Ok(())
}

/// Stores a station's ballot in the election's box (canonical, naming no station) and
/// counts it on the station's row. The caller holds the station's row lock.
pub(crate) async fn insert_station_ballot(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    ballot: &Ballot,
    how: StationBallot,
) -> Result<String, StationError> {
    let (config, poll): (String, PollId) = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT config, poll_id FROM elections WHERE id = $1")
            .bind(election.0)
            .fetch_one(&mut *conn)
            .await
    })?;
    let config = serde_json::from_str(&config).map_err(corrupt)?;
    let content = canonical_content(&config, ballot)?;
    let code = new_tracking_code();
    voting_store::insert_ballot(tx, poll, &code, &content).await?;
    let counter = how.counter();
    let counted = execute!(
        tx,
        &format!(
            "UPDATE station_sessions SET {counter} = {counter} + 1 \
          WHERE election_id = $1 AND station_id = $2 AND closed_at IS NULL"
        ),
        election.0,
        station,
    )?;
    if counted != 1 {
        return Err(StationError::Closed);
    }
    Ok(code)
}

/// The person registered in `organization` with this document hash, as a poll worker
/// needs to see them.
pub async fn voter_by_document(
    db: &Db,
    organization: OrganizationId,
    election: ElectionId,
    document_hash: &str,
    min_age: u8,
    election_day: Date,
) -> Result<Option<VoterLookup>, ElectionError> {
    let Some(person) = access_store::person_by_document(db, organization, document_hash).await?
    else {
        return Ok(None);
    };
    Ok(Some(VoterLookup {
        account: person.account.0,
        name: person.name,
        status: person.status,
        old_enough: person.birth_date.age_on(election_day) >= i32::from(min_age),
        voted: election_store::has_voted(db, election, person.account).await?,
    }))
}

/// Readies the station's lowest-numbered free kiosk for one ballot, in `locale` (kept here, beside
/// marking, its only caller; the kiosk's own life is `kiosk::store`). The caller holds
/// the station's row lock.
pub(crate) async fn ready_free_kiosk(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    locale: &str,
) -> Result<i64, StationError> {
    let free: Option<(i64,)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT number FROM kiosks WHERE election_id = $1 AND station_id = $2 \
             AND retired_at IS NULL AND NOT ballot_ready ORDER BY number LIMIT 1",
        )
        .bind(election.0)
        .bind(station)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (number,) = free.ok_or(StationError::NoKioskFree)?;
    execute!(
        tx,
        "UPDATE kiosks SET ballot_ready = TRUE, ballot_locale = $4 \
          WHERE election_id = $1 AND station_id = $2 AND number = $3",
        election.0,
        station,
        number,
        locale,
    )?;
    Ok(number)
}
