//! Elections and the ballot box, on either backend.
//!
//! Secrecy by construction: casting writes a *mark* (who voted, keyed by account) and a
//! *ballot* (what was chosen, keyed by a random tracking code) in one transaction, and the
//! two rows share nothing but the election id. Neither carries a time. On SQLite both tables
//! are `WITHOUT ROWID`, so rows are stored in key order; on PostgreSQL the heap keeps
//! insertion order, so [`Db::seal_ballot_box`] rewrites both tables in key order when voting
//! closes, before anything can be exported.

use serde_json::json;

use crate::accounts::access_codes::random_code;
use crate::accounts::types::{AccountId, OrganizationId};
use crate::db::{Db, Tx};
use crate::elections::phase::Phase;
use crate::elections::settings::ElectionSettings;
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store::AuditEvent;
use crate::platform::timeline::TimelineError;
use crate::results::count::{
    Ballot, ElectionConfig, TallyError, TallyResult, canonical_ballot, tally, validate_config,
};
use crate::{on_db, on_tx};

pub use crate::platform::ids::ElectionId;

pub use crate::elections::eligibility::Channel;
use crate::elections::eligibility::{Refusal, Registrant, may_vote};

#[derive(Clone, Debug, PartialEq)]
pub struct NewElection {
    pub slug: String,
    pub title: String,
    pub config: ElectionConfig,
    pub settings: ElectionSettings,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ElectionRecord {
    pub id: ElectionId,
    pub organization: OrganizationId,
    pub slug: String,
    pub title: String,
    pub phase: Phase,
    pub config: ElectionConfig,
    pub settings: ElectionSettings,
}

impl ElectionRecord {
    /// The election as a process of the platform (its audit entries, its timeline).
    pub fn process(&self) -> crate::platform::audit::event::Process {
        crate::platform::audit::event::Process::Election(self.id)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ElectionError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error("no such election")]
    NotFound,
    #[error(transparent)]
    Calendar(#[from] TimelineError),
    #[error(transparent)]
    Count(#[from] TallyError),
    #[error("this person has already voted in this election")]
    AlreadyVoted,
    #[error("the election is not open for voting")]
    NotVoting,
    #[error("this person may not vote here now: {0}")]
    Refused(Refusal),
    #[error("a polling station is still open")]
    StationsOpen,
    #[error("a candidacy is not decided yet")]
    Undecided,
    #[error("the phase's last day is over")]
    DeadlinePassed,
    #[error("this person already filed a candidacy in this election")]
    CandidacyExists,
    #[error("this election's candidate list was imported: it takes no candidacies")]
    ImportedList,
    #[error(transparent)]
    Candidacy(#[from] crate::elections::candidacy::CandidacyError),
    #[error("invalid input")]
    Invalid(Vec<crate::error::FieldProblem>),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
}

/// A ballot's public receipt: 80 random bits, `XXXX-XXXX-XXXX-XXXX`.
pub fn new_tracking_code() -> String {
    let raw = random_code(16);
    raw.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

impl From<Refusal> for ElectionError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::NotVoting => Self::NotVoting,
            other => Self::Refused(other),
        }
    }
}

impl From<crate::platform::timeline::store::TimelineStoreError> for ElectionError {
    fn from(e: crate::platform::timeline::store::TimelineStoreError) -> Self {
        use crate::platform::timeline::store::TimelineStoreError;
        match e {
            TimelineStoreError::Db(e) => Self::Db(e),
            TimelineStoreError::Refused(e) => Self::Calendar(e),
        }
    }
}

pub(crate) fn corrupt(e: impl std::fmt::Display) -> ElectionError {
    ElectionError::Corrupt(e.to_string())
}

impl Tx {
    pub async fn create_election(
        &mut self,
        organization: OrganizationId,
        new: &NewElection,
        actor: Option<AccountId>,
        now: i64,
    ) -> Result<ElectionId, ElectionError> {
        validate_config(&new.config)?;
        let config = serde_json::to_string(&new.config).map_err(corrupt)?;
        let settings = serde_json::to_string(&new.settings).map_err(corrupt)?;
        let (id,): (i64,) = on_tx!(self, |conn| {
            sqlx::query_as(
                "INSERT INTO elections (organization_id, slug, title, phase, config, settings, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(organization.0)
            .bind(&new.slug)
            .bind(&new.title)
            .bind(Phase::Draft.code())
            .bind(&config)
            .bind(&settings)
            .bind(now)
            .fetch_one(&mut *conn)
            .await
        })?;
        self.audit(
            AuditEvent {
                organization_id: Some(organization.0),
                actor_account_id: actor.map(|a| a.0),
                action: Action::ElectionCreate,
                subject: Subject::Election(ElectionId(id)),
                before: None,
                after: Some(
                    json!({ "slug": new.slug, "title": new.title, "config": new.config, "settings": new.settings }),
                ),
            },
            now,
        )
        .await?;
        Ok(ElectionId(id))
    }
}

/// The bytes stored for `ballot`: its canonical form (see [`canonical_ballot`]), after
/// checking it against the election as the count will.
pub(crate) fn canonical_content(
    config: &ElectionConfig,
    ballot: &Ballot,
) -> Result<String, ElectionError> {
    let canonical = canonical_ballot(config, ballot)?;
    Ok(crate::results::board::canonical(&canonical))
}

impl Tx {
    /// The eligibility rule (`eligibility::may_vote`) for `account` in `election` at `now`,
    /// read inside this transaction with the election row share-locked (PostgreSQL), so
    /// the phase cannot move before the commit.
    pub(crate) async fn check_may_vote(
        &mut self,
        election: ElectionId,
        account: AccountId,
        channel: Channel,
        now: i64,
    ) -> Result<(), ElectionError> {
        let share = self.backend().for_share();
        let row: Option<(OrganizationId, String, String, String)> = on_tx!(self, |conn| {
            sqlx::query_as(&format!(
                "SELECT e.organization_id, e.phase, e.settings, o.rules FROM elections e \
                 JOIN organizations o ON o.id = e.organization_id WHERE e.id = $1{share}"
            ))
            .bind(election.0)
            .fetch_optional(&mut *conn)
            .await
        })?;
        let (organization, phase, settings, rules) = row.ok_or(ElectionError::NotFound)?;
        let phase = Phase::from_code(&phase).ok_or_else(|| corrupt(format!("phase {phase}")))?;
        let settings: ElectionSettings = serde_json::from_str(&settings).map_err(corrupt)?;
        let rules: crate::accounts::types::RegistrationRules =
            serde_json::from_str(&rules).map_err(corrupt)?;
        let person = self
            .registered_person(organization, account)
            .await?
            .map(|p| Registrant {
                status: p.status,
                birth_date: p.birth_date,
            });
        let local = crate::calendar::local_time(&rules.time_zone, now);
        may_vote(phase, &settings, person, channel, local).map_err(ElectionError::from)?;
        // The voting phase's last day, where the commission set one, binds every channel.
        if self
            .deadline_passed(
                crate::platform::audit::event::Process::Election(election),
                Phase::Voting,
                now,
            )
            .await?
        {
            return Err(ElectionError::Refused(Refusal::ChannelClosed));
        }
        Ok(())
    }

    /// Puts one ballot in the box: its random tracking code and its canonical content,
    /// nothing else (no person, no time, no channel, no station).
    pub(crate) async fn insert_ballot(
        &mut self,
        election: ElectionId,
        tracking_code: &str,
        content: &str,
    ) -> Result<(), ElectionError> {
        on_tx!(self, |conn| {
            sqlx::query(
                "INSERT INTO ballots (election_id, tracking_code, content) VALUES ($1, $2, $3)",
            )
            .bind(election.0)
            .bind(tracking_code)
            .bind(content)
            .execute(&mut *conn)
            .await
            .map(|done| done.rows_affected())
        })?;
        Ok(())
    }
}

type ElectionRow = (i64, i64, String, String, String, String, String);

impl Db {
    pub async fn election(&self, id: ElectionId) -> Result<ElectionRecord, ElectionError> {
        let row: Option<ElectionRow> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT id, organization_id, slug, title, phase, config, settings FROM elections WHERE id = $1",
            )
                .bind(id.0)
                .fetch_optional(pool)
                .await
        })?;
        let (id, organization, slug, title, phase, config, settings) =
            row.ok_or(ElectionError::NotFound)?;
        Ok(ElectionRecord {
            id: ElectionId(id),
            organization: OrganizationId(organization),
            slug,
            title,
            phase: Phase::from_code(&phase).ok_or_else(|| corrupt(format!("phase {phase}")))?,
            config: serde_json::from_str(&config).map_err(corrupt)?,
            settings: serde_json::from_str(&settings).map_err(corrupt)?,
        })
    }

    pub async fn election_by_slug(
        &self,
        organization: OrganizationId,
        slug: &str,
    ) -> Result<ElectionRecord, ElectionError> {
        let row: Option<(i64,)> = on_db!(self, |pool| {
            sqlx::query_as("SELECT id FROM elections WHERE organization_id = $1 AND slug = $2")
                .bind(organization.0)
                .bind(slug)
                .fetch_optional(pool)
                .await
        })?;
        let (id,) = row.ok_or(ElectionError::NotFound)?;
        self.election(ElectionId(id)).await
    }

    /// Casts one ballot for `account` at `now`: checks the eligibility rule (phase,
    /// channel open on the organization's clock, verified registration, age), that the
    /// ballot is well-formed, then writes the mark and the ballot in one transaction. The
    /// mark's primary key makes a second ballot impossible, however many tabs, devices or
    /// channels try at once. Returns the tracking code, which is given to the voter and
    /// stored nowhere near their name.
    pub async fn cast(
        &self,
        election: ElectionId,
        account: AccountId,
        ballot: &Ballot,
        channel: Channel,
        station: Option<i64>,
        now: i64,
    ) -> Result<String, ElectionError> {
        let record = self.election(election).await?;
        let content = canonical_content(&record.config, ballot)?;
        let tracking_code = new_tracking_code();
        let mut tx = self.begin_write().await?;
        // Read under the write lock (SQLite) or a share lock (PostgreSQL): the commission
        // cannot close voting between this check and the commit.
        tx.check_may_vote(election, account, channel, now).await?;
        let marked = on_tx!(&mut tx, |conn| {
            sqlx::query(
                "INSERT INTO voter_marks (election_id, account_id, channel, station_id) VALUES ($1, $2, $3, $4)",
            )
            .bind(election.0)
            .bind(account.0)
            .bind(channel.code())
            .bind(station)
            .execute(&mut *conn)
            .await
            .map(|done| done.rows_affected())
        });
        if let Err(e) = &marked
            && crate::db::dialect::is_unique_violation(e, None)
        {
            return Err(ElectionError::AlreadyVoted);
        }
        marked?;
        tx.insert_ballot(election, &tracking_code, &content).await?;
        tx.commit().await?;
        Ok(tracking_code)
    }

    pub async fn has_voted(
        &self,
        election: ElectionId,
        account: AccountId,
    ) -> Result<bool, ElectionError> {
        let row: Option<(i64,)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT account_id FROM voter_marks WHERE election_id = $1 AND account_id = $2",
            )
            .bind(election.0)
            .bind(account.0)
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.is_some())
    }

    /// Rewrites the marks and ballots in key order, erasing any trace of the order in which
    /// they were written. Run when voting closes (idempotent).
    ///
    /// On SQLite the tables are kept in key order (`WITHOUT ROWID`), but the bytes are not:
    /// within a page, cells sit where free space was when they arrived, freed pages keep
    /// old cells, and the write-ahead log keeps every earlier version of every page. So:
    /// `VACUUM` rebuilds the file in key order, then a truncating checkpoint empties the
    /// log.
    ///
    /// On PostgreSQL every row carries system columns: `xmin` (the transaction that wrote
    /// it, shared by a mark and its ballot, and increasing with time), `cmin`, `ctid` (its
    /// place in the heap) and, with `track_commit_timestamp`, a commit time. `CLUSTER`
    /// would reorder the heap but keep `xmin`. So each table is copied aside, emptied with
    /// `TRUNCATE` (a new, empty file; the old one is unlinked at commit) and filled again in
    /// key order by one `INSERT`, in a transaction of its own: afterwards every mark has
    /// one `xmin`, every ballot another, `cmin` is one value per table, `xmax` is zero and
    /// `ctid` follows the key.
    pub async fn seal_ballot_box(&self) -> Result<(), ElectionError> {
        match self {
            Db::Postgres(pool) => {
                for (table, key) in SEALED_TABLES {
                    rewrite_in_key_order(pool, table, key).await?;
                }
            }
            Db::Sqlite(pool) => {
                sqlx::query("VACUUM").execute(pool).await?;
                truncate_wal(pool).await?;
            }
        }
        Ok(())
    }

    /// The ballots of an election by tracking code, in the tally's format.
    pub async fn ballots(
        &self,
        election: ElectionId,
    ) -> Result<Vec<(String, Ballot)>, ElectionError> {
        let rows: Vec<(String, String)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT tracking_code, content FROM ballots WHERE election_id = $1 ORDER BY tracking_code",
            )
            .bind(election.0)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(code, content)| Ok((code, serde_json::from_str(&content).map_err(corrupt)?)))
            .collect()
    }

    /// Counts an election from its stored configuration and ballots.
    pub async fn count(&self, election: ElectionId) -> Result<TallyResult, ElectionError> {
        let record = self.election(election).await?;
        let ballots = self.ballots(election).await?;
        Ok(tally(
            &record.config,
            ballots
                .into_iter()
                .enumerate()
                .map(|(i, (_, b))| (i + 1, b)),
        )?)
    }
}

impl Db {
    /// What the eligibility rule needs of `account`'s registration with `organization`.
    pub async fn registrant(
        &self,
        organization: OrganizationId,
        account: AccountId,
    ) -> Result<Option<Registrant>, ElectionError> {
        Ok(self
            .registered_person(organization, account)
            .await?
            .map(|p| Registrant {
                status: p.status,
                birth_date: p.birth_date,
            }))
    }

    /// Whether `account` is an enabled (verified) voter of `organization`.
    pub async fn is_enabled_voter(
        &self,
        organization: OrganizationId,
        account: AccountId,
    ) -> Result<bool, ElectionError> {
        Ok(self
            .registered_person(organization, account)
            .await?
            .is_some_and(|p| p.verified()))
    }

    /// An organization's elections, newest first.
    pub async fn elections_of(
        &self,
        organization: OrganizationId,
    ) -> Result<Vec<ElectionRecord>, ElectionError> {
        let ids: Vec<(i64,)> = on_db!(self, |pool| {
            sqlx::query_as("SELECT id FROM elections WHERE organization_id = $1 ORDER BY id DESC")
                .bind(organization.0)
                .fetch_all(pool)
                .await
        })?;
        let mut out = Vec::with_capacity(ids.len());
        for (id,) in ids {
            out.push(self.election(ElectionId(id)).await?);
        }
        Ok(out)
    }
}

/// The tables the seal rewrites, with the key they are rewritten in: the marks (who voted)
/// and the ballots (what was chosen).
const SEALED_TABLES: [(&str, &str); 2] = [
    ("voter_marks", "election_id, account_id"),
    ("ballots", "election_id, tracking_code"),
];

/// One table, copied aside, emptied and written back in key order, in one transaction.
async fn rewrite_in_key_order(
    pool: &sqlx::PgPool,
    table: &str,
    key: &str,
) -> Result<(), ElectionError> {
    let mut tx = pool.begin().await?;
    // Casting in another election waits for this short lock rather than see a half-copy.
    sqlx::query(&format!("LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"))
        .execute(&mut *tx)
        .await?;
    sqlx::query(&format!(
        "CREATE TEMP TABLE seal_copy ON COMMIT DROP AS SELECT * FROM {table}"
    ))
    .execute(&mut *tx)
    .await?;
    sqlx::query(&format!("TRUNCATE {table}"))
        .execute(&mut *tx)
        .await?;
    sqlx::query(&format!(
        "INSERT INTO {table} SELECT * FROM seal_copy ORDER BY {key}"
    ))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Copies the write-ahead log into the database file and empties it. A reader holding an
/// old snapshot makes the checkpoint report "busy"; readers are short, so try again.
async fn truncate_wal(pool: &sqlx::SqlitePool) -> Result<(), ElectionError> {
    for _ in 0..50 {
        let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(pool)
            .await?;
        if busy == 0 {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(ElectionError::Db(sqlx::Error::Protocol(
        "the write-ahead log stayed busy: ballot box not sealed".into(),
    )))
}
