//! Polling stations on voting day (DOMAIN.md § Process 1): opening, finding a person,
//! marking them as voting, then either a kiosk ballot (a single-use token on the station's
//! device, linked to no one) or a paper ballot entered at closing; and the closure
//! reconciliation, signed once and immutable.

use serde_json::json;
use sha2::{Digest as _, Sha256};

use crate::accounts::access_codes::random_code;
use crate::accounts::types::{AccountId, OrganizationId, RegistrationStatus};
use crate::audit::store::AuditEvent;
use crate::calendar::Date;
use crate::db::{Backend, Db, Tx};
use crate::elections::phase::Phase;
pub use crate::elections::station_types::{HandOver, StationState, VoterLookup};
use crate::elections::store::{Channel, ElectionError, ElectionId, corrupt, new_tracking_code};
use crate::error::{FieldProblem, Problem};
use crate::results::count::{Ballot, validate_ballot};
use crate::{on_db, on_tx};

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

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
}

impl From<sqlx::Error> for StationError {
    fn from(e: sqlx::Error) -> Self {
        Self::Election(e.into())
    }
}

impl Tx {
    /// Locks the election row (PostgreSQL; SQLite's write lock covers it) and checks that it
    /// is voting and that `station` exists and is open.
    async fn open_station_in_voting(
        &mut self,
        election: ElectionId,
        station: i64,
    ) -> Result<OrganizationId, StationError> {
        let lock = if self.backend() == Backend::Postgres {
            " FOR SHARE"
        } else {
            ""
        };
        let row: Option<(i64, String, String)> = on_tx!(self, |conn| {
            sqlx::query_as(&format!(
                "SELECT organization_id, phase, settings FROM elections WHERE id = $1{lock}"
            ))
            .bind(election.0)
            .fetch_optional(&mut *conn)
            .await
        })?;
        let (organization, phase, settings) = row.ok_or(ElectionError::NotFound)?;
        if phase != Phase::Voting.code() {
            return Err(ElectionError::NotVoting.into());
        }
        let settings: crate::elections::settings::ElectionSettings =
            serde_json::from_str(&settings).map_err(corrupt)?;
        if settings.station(station).is_none() {
            return Err(ElectionError::NotFound.into());
        }
        let session: Option<(Option<i64>,)> = on_tx!(self, |conn| {
            sqlx::query_as(
                "SELECT closed_at FROM station_sessions WHERE election_id = $1 AND station_id = $2",
            )
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
        &mut self,
        election: ElectionId,
        station: i64,
        poll_worker: AccountId,
        now: i64,
    ) -> Result<(), StationError> {
        match self.open_station_in_voting(election, station).await {
            Err(StationError::NotOpen) => {}
            Err(other) => return Err(other),
            Ok(_) => return Ok(()), // already open: opening twice is harmless
        }
        let (organization,): (i64,) = on_tx!(self, |conn| {
            sqlx::query_as("SELECT organization_id FROM elections WHERE id = $1")
                .bind(election.0)
                .fetch_one(&mut *conn)
                .await
        })?;
        on_tx!(self, |conn| {
            sqlx::query(
                "INSERT INTO station_sessions (election_id, station_id, opened_by, opened_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(election.0)
            .bind(station)
            .bind(poll_worker.0)
            .bind(now)
            .execute(&mut *conn)
            .await
            .map(|d| d.rows_affected())
        })?;
        self.audit(
            AuditEvent {
                organization_id: Some(organization),
                actor_account_id: Some(poll_worker.0),
                action: "station.open",
                subject: format!("election:{}:station:{station}", election.0),
                before: None,
                after: None,
            },
            now,
        )
        .await?;
        Ok(())
    }

    /// Marks `account` as voting at `station` (the one-ballot-per-person mark). For a kiosk
    /// ballot, returns the single-use token the station's device will vote with.
    pub async fn mark_in_person(
        &mut self,
        election: ElectionId,
        station: i64,
        account: AccountId,
        hand_over: HandOver,
        poll_worker: AccountId,
        now: i64,
    ) -> Result<Option<String>, StationError> {
        let today = Date::from_unix_millis(now);
        let organization = self.open_station_in_voting(election, station).await?;
        let person: Option<(String, String)> = on_tx!(self, |conn| {
            sqlx::query_as(
                "SELECT status, birth_date FROM registrations WHERE organization_id = $1 AND account_id = $2",
            )
            .bind(organization.0)
            .bind(account.0)
            .fetch_optional(&mut *conn)
            .await
        })?;
        let (status, birth) = person.ok_or(ElectionError::NotEligible)?;
        let (settings,): (String,) = on_tx!(self, |conn| {
            sqlx::query_as("SELECT settings FROM elections WHERE id = $1")
                .bind(election.0)
                .fetch_one(&mut *conn)
                .await
        })?;
        let settings: crate::elections::settings::ElectionSettings =
            serde_json::from_str(&settings).map_err(corrupt)?;
        let birth: Date = birth.parse().map_err(corrupt)?;
        if status != RegistrationStatus::Verified.code()
            || birth.age_on(today) < i32::from(settings.min_voter_age)
        {
            return Err(ElectionError::NotEligible.into());
        }
        let marked = on_tx!(self, |conn| {
            sqlx::query(
                "INSERT INTO voter_marks (election_id, account_id, channel, station_id) VALUES ($1, $2, $3, $4)",
            )
            .bind(election.0)
            .bind(account.0)
            .bind(Channel::InPerson.code())
            .bind(station)
            .execute(&mut *conn)
            .await
            .map(|d| d.rows_affected())
        });
        if let Err(sqlx::Error::Database(e)) = &marked
            && e.is_unique_violation()
        {
            return Err(ElectionError::AlreadyVoted.into());
        }
        marked?;
        let token = match hand_over {
            HandOver::Paper => None,
            HandOver::Kiosk => {
                let token = random_code(26);
                on_tx!(self, |conn| {
                    sqlx::query(
                        "INSERT INTO kiosk_tokens (election_id, token_hash, station_id) VALUES ($1, $2, $3)",
                    )
                    .bind(election.0)
                    .bind(token_hash(&token))
                    .bind(station)
                    .execute(&mut *conn)
                    .await
                    .map(|d| d.rows_affected())
                })?;
                Some(token)
            }
        };
        // Who voted where is the poll book, and audited; what they chose is never here.
        self.audit(
            AuditEvent {
                organization_id: Some(organization.0),
                actor_account_id: Some(poll_worker.0),
                action: "station.mark",
                subject: format!("election:{}:station:{station}", election.0),
                before: None,
                after: Some(json!({ "account": account.0 })),
            },
            now,
        )
        .await?;
        Ok(token)
    }

    /// A paper ballot from the station's box, entered after the station stops voting (it
    /// may be null). Gets a tracking code like every ballot, for the bulletin board.
    pub async fn enter_paper_ballot(
        &mut self,
        election: ElectionId,
        station: i64,
        ballot: &Ballot,
        poll_worker: AccountId,
        now: i64,
    ) -> Result<(), StationError> {
        let organization = self.open_station_in_voting(election, station).await?;
        self.insert_station_ballot(election, station, ballot)
            .await?;
        self.audit(
            AuditEvent {
                organization_id: Some(organization.0),
                actor_account_id: Some(poll_worker.0),
                action: "station.paper_ballot",
                subject: format!("election:{}:station:{station}", election.0),
                before: None,
                after: None,
            },
            now,
        )
        .await?;
        Ok(())
    }

    async fn insert_station_ballot(
        &mut self,
        election: ElectionId,
        station: i64,
        ballot: &Ballot,
    ) -> Result<String, StationError> {
        let (config,): (String,) = on_tx!(self, |conn| {
            sqlx::query_as("SELECT config FROM elections WHERE id = $1")
                .bind(election.0)
                .fetch_one(&mut *conn)
                .await
        })?;
        let config = serde_json::from_str(&config).map_err(corrupt)?;
        validate_ballot(&config, ballot).map_err(ElectionError::from)?;
        let code = new_tracking_code();
        let content = serde_json::to_string(ballot).map_err(corrupt)?;
        on_tx!(self, |conn| {
            sqlx::query(
                "INSERT INTO ballots (election_id, tracking_code, content, channel, station_id) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(election.0)
            .bind(&code)
            .bind(&content)
            .bind(Channel::InPerson.code())
            .bind(station)
            .execute(&mut *conn)
            .await
            .map(|d| d.rows_affected())
        })?;
        Ok(code)
    }

    /// Signs the station's closure: the box must hold as many ballots as people were marked
    /// here, or the poll worker writes why not. Kiosk ballots not cast are voided first.
    pub async fn close_station(
        &mut self,
        election: ElectionId,
        station: i64,
        justification: Option<&str>,
        poll_worker: AccountId,
        now: i64,
    ) -> Result<StationState, StationError> {
        let organization = self.open_station_in_voting(election, station).await?;
        on_tx!(self, |conn| {
            sqlx::query("DELETE FROM kiosk_tokens WHERE election_id = $1 AND station_id = $2")
                .bind(election.0)
                .bind(station)
                .execute(&mut *conn)
                .await
                .map(|d| d.rows_affected())
        })?;
        let state = self.station_counts(election, station).await?;
        let justification = justification.map(str::trim).filter(|j| !j.is_empty());
        if state.ballots != state.marked && justification.is_none() {
            return Err(ElectionError::Invalid(vec![FieldProblem {
                field: "justification".into(),
                problem: Problem::Required,
            }])
            .into());
        }
        let closed = on_tx!(self, |conn| {
            sqlx::query(
                "UPDATE station_sessions SET closed_by = $1, closed_at = $2, marked = $3, ballots = $4, \
                 valid = $5, blank = $6, null_ballots = $7, justification = $8 \
                 WHERE election_id = $9 AND station_id = $10 AND closed_at IS NULL",
            )
            .bind(poll_worker.0)
            .bind(now)
            .bind(state.marked as i64)
            .bind(state.ballots as i64)
            .bind(state.valid as i64)
            .bind(state.blank as i64)
            .bind(state.null as i64)
            .bind(justification)
            .bind(election.0)
            .bind(station)
            .execute(&mut *conn)
            .await
            .map(|d| d.rows_affected())
        })?;
        if closed != 1 {
            return Err(StationError::Closed);
        }
        self.audit(
            AuditEvent {
                organization_id: Some(organization.0),
                actor_account_id: Some(poll_worker.0),
                action: "station.close",
                subject: format!("election:{}:station:{station}", election.0),
                before: None,
                after: Some(json!({
                    "marked": state.marked, "ballots": state.ballots, "valid": state.valid,
                    "blank": state.blank, "null": state.null, "justification": justification,
                })),
            },
            now,
        )
        .await?;
        Ok(StationState {
            opened: true,
            closed: true,
            justification: justification.map(str::to_owned),
            waiting_kiosk: 0,
            ..state
        })
    }

    async fn station_counts(
        &mut self,
        election: ElectionId,
        station: i64,
    ) -> Result<StationState, StationError> {
        let (marked,): (i64,) = on_tx!(self, |conn| {
            sqlx::query_as(MARKED_AT_STATION)
                .bind(election.0)
                .bind(station)
                .fetch_one(&mut *conn)
                .await
        })?;
        let contents: Vec<(String,)> = on_tx!(self, |conn| {
            sqlx::query_as(BALLOTS_AT_STATION)
                .bind(election.0)
                .bind(station)
                .fetch_all(&mut *conn)
                .await
        })?;
        counts(marked, contents)
    }
}

// A station's counts: read in the closing transaction (what is signed) and on the pool
// (what the poll-worker screen shows), from the same two queries.
const MARKED_AT_STATION: &str =
    "SELECT COUNT(*) FROM voter_marks WHERE election_id = $1 AND station_id = $2";
const BALLOTS_AT_STATION: &str =
    "SELECT content FROM ballots WHERE election_id = $1 AND station_id = $2";

/// The station's counts from its marks and its ballots' contents.
fn counts(marked: i64, contents: Vec<(String,)>) -> Result<StationState, StationError> {
    let mut state = StationState {
        opened: true,
        marked: marked as u64,
        ballots: contents.len() as u64,
        ..Default::default()
    };
    for (content,) in contents {
        let ballot: Ballot = serde_json::from_str(&content).map_err(corrupt)?;
        if ballot.null {
            state.null += 1;
        } else if ballot.choices.iter().all(|(_, ids)| ids.is_empty()) {
            state.blank += 1;
        } else {
            state.valid += 1;
        }
    }
    Ok(state)
}

impl Db {
    /// Casts the ballot of a kiosk token (single use) at its station.
    pub async fn cast_kiosk(
        &self,
        election: ElectionId,
        token: &str,
        ballot: &Ballot,
    ) -> Result<String, StationError> {
        let mut tx = self.begin_write().await?;
        let row: Option<(i64,)> = on_tx!(&mut tx, |conn| {
            sqlx::query_as(
                "DELETE FROM kiosk_tokens WHERE election_id = $1 AND token_hash = $2 RETURNING station_id",
            )
            .bind(election.0)
            .bind(token_hash(token))
            .fetch_optional(&mut *conn)
            .await
        })?;
        let (station,) = row.ok_or(StationError::UnknownToken)?;
        tx.open_station_in_voting(election, station).await?;
        let code = tx.insert_station_ballot(election, station, ballot).await?;
        tx.commit().await?;
        Ok(code)
    }

    pub async fn station_state(
        &self,
        election: ElectionId,
        station: i64,
    ) -> Result<StationState, StationError> {
        let session: Option<(Option<i64>, Option<String>)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT closed_at, justification FROM station_sessions WHERE election_id = $1 AND station_id = $2",
            )
            .bind(election.0)
            .bind(station)
            .fetch_optional(pool)
            .await
        })?;
        let (marked,): (i64,) = on_db!(self, |pool| {
            sqlx::query_as(MARKED_AT_STATION)
                .bind(election.0)
                .bind(station)
                .fetch_one(pool)
                .await
        })?;
        let contents: Vec<(String,)> = on_db!(self, |pool| {
            sqlx::query_as(BALLOTS_AT_STATION)
                .bind(election.0)
                .bind(station)
                .fetch_all(pool)
                .await
        })?;
        let mut state = counts(marked, contents)?;
        let (waiting,): (i64,) = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT COUNT(*) FROM kiosk_tokens WHERE election_id = $1 AND station_id = $2",
            )
            .bind(election.0)
            .bind(station)
            .fetch_one(pool)
            .await
        })?;
        state.opened = session.is_some();
        state.closed = session.as_ref().is_some_and(|(closed, _)| closed.is_some());
        state.justification = session.and_then(|(_, j)| j);
        state.waiting_kiosk = waiting as u64;
        Ok(state)
    }

    /// Stations opened but not closed: voting cannot end while one is.
    pub async fn stations_still_open(&self, election: ElectionId) -> Result<u64, ElectionError> {
        let (open,): (i64,) = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT COUNT(*) FROM station_sessions WHERE election_id = $1 AND closed_at IS NULL",
            )
            .bind(election.0)
            .fetch_one(pool)
            .await
        })?;
        Ok(open as u64)
    }

    /// The person registered in `organization` with this document hash, as a poll worker
    /// needs to see them.
    pub async fn voter_by_document(
        &self,
        organization: OrganizationId,
        election: ElectionId,
        document_hash: &str,
        min_age: u8,
        today: Date,
    ) -> Result<Option<VoterLookup>, ElectionError> {
        let row: Option<(i64, String, String, String)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT a.id, a.display_name, r.status, r.birth_date FROM registrations r \
                 JOIN accounts a ON a.id = r.account_id WHERE r.organization_id = $1 AND r.document_hash = $2",
            )
            .bind(organization.0)
            .bind(document_hash)
            .fetch_optional(pool)
            .await
        })?;
        let Some((account, name, status, birth)) = row else {
            return Ok(None);
        };
        let birth: Date = birth.parse().map_err(corrupt)?;
        Ok(Some(VoterLookup {
            account,
            name,
            status: RegistrationStatus::from_code(&status)
                .ok_or_else(|| corrupt(format!("status {status}")))?,
            old_enough: birth.age_on(today) >= i32::from(min_age),
            voted: self.has_voted(election, AccountId(account)).await?,
        }))
    }
}
