//! Elections on either backend, and casting an online ballot: the election's rule
//! (eligibility, a well-formed ballot in its canonical form) checked inside the
//! transaction that puts the mark and the ballot in the election's box — the platform's
//! ballot box (`platform::voting`), with its secrecy and its seal.

use serde_json::json;

use crate::accounts::types::{AccountId, OrganizationId};
use crate::db::{Db, Reader, Tx};
use crate::elections::calendar::rules::Phase;
use crate::elections::election::settings::ElectionSettings;
use crate::platform::audit::event::{Action, Process, Subject};
use crate::platform::audit::store::AuditEvent;
use crate::platform::timeline::TimelineError;
use crate::results::count::{
    Ballot, ElectionConfig, Swap, TallyError, TallyResult, canonical_ballot, tally_explained,
    validate_config,
};
use crate::{execute, on_db, on_read, on_tx};

pub use crate::platform::ids::{ElectionId, PollId};
use crate::platform::voting::PollKind;
pub use crate::platform::voting::store::new_tracking_code;

pub use crate::elections::eligibility::Channel;
use crate::elections::eligibility::{Refusal, Registrant, may_vote};
use crate::platform::access::store as access_store;
use crate::platform::audit::store as audit_store;
use crate::platform::timeline::store as timeline_store;
use crate::platform::voting::store as voting_store;

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
    /// Its ballot box.
    pub poll: PollId,
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
    #[error("the commissioner declared a conflict of interest with this candidacy")]
    ConflictOfInterest,
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

pub async fn create_election(
    tx: &mut Tx,
    organization: OrganizationId,
    new: &NewElection,
    actor: Option<AccountId>,
    now: i64,
) -> Result<ElectionId, ElectionError> {
    validate_config(&new.config)?;
    let config = serde_json::to_string(&new.config).map_err(corrupt)?;
    let settings = serde_json::to_string(&new.settings).map_err(corrupt)?;
    let (id,): (i64,) = on_tx!(tx, |conn| {
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
    let election = ElectionId(id);
    let poll = voting_store::create_poll(
        tx,
        organization,
        PollKind::Election,
        Process::Election(election).subject(),
    )
    .await?;
    execute!(
        tx,
        "UPDATE elections SET poll_id = $1 WHERE id = $2",
        poll,
        election
    )?;
    audit_store::audit(tx,
        AuditEvent::new(Some(organization.0), actor.map(|a| a.0), Action::ElectionCreate, Subject::Election(ElectionId(id))).after(
                json!({ "slug": new.slug, "title": new.title, "config": new.config, "settings": new.settings }),
            ),
        now,
    )
    .await?;
    Ok(ElectionId(id))
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

const POLL_OF_ELECTION: &str = "SELECT poll_id FROM elections WHERE id = $1";

/// The election's ballot box (one column: no configuration to parse).
pub(crate) async fn election_poll<'a>(
    reader: impl Into<Reader<'a>>,
    election: ElectionId,
) -> Result<PollId, ElectionError> {
    let row: Option<(PollId,)> = on_read!(reader.into(), |conn| {
        sqlx::query_as(POLL_OF_ELECTION)
            .bind(election.0)
            .fetch_optional(conn)
            .await
    })?;
    Ok(row.ok_or(ElectionError::NotFound)?.0)
}

/// The eligibility rule (`eligibility::may_vote`) for `account` in `election` at `now`,
/// read inside this transaction with the election row share-locked (PostgreSQL), so
/// the phase cannot move before the commit.
pub(crate) async fn check_may_vote(
    tx: &mut Tx,
    election: ElectionId,
    account: AccountId,
    channel: Channel,
    now: i64,
) -> Result<(), ElectionError> {
    let share = tx.backend().for_share();
    let row: Option<(OrganizationId, String, String, String)> = on_tx!(tx, |conn| {
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
    let person = access_store::registered_person(&mut *tx, organization, account)
        .await?
        .map(|p| Registrant {
            status: p.status,
            birth_date: p.birth_date,
        });
    let local = crate::calendar::local_time(&rules.time_zone, now);
    may_vote(phase, &settings, person, channel, local).map_err(ElectionError::from)?;
    // The voting phase's last day, where the commission set one, binds every channel.
    if timeline_store::deadline_passed(
        tx,
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

type ElectionRow = (i64, i64, String, String, String, String, String, PollId);

pub async fn election(db: &Db, id: ElectionId) -> Result<ElectionRecord, ElectionError> {
    let row: Option<ElectionRow> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, organization_id, slug, title, phase, config, settings, poll_id FROM elections WHERE id = $1",
        )
            .bind(id.0)
            .fetch_optional(pool)
            .await
    })?;
    let (id, organization, slug, title, phase, config, settings, poll) =
        row.ok_or(ElectionError::NotFound)?;
    Ok(ElectionRecord {
        id: ElectionId(id),
        organization: OrganizationId(organization),
        slug,
        title,
        phase: Phase::from_code(&phase).ok_or_else(|| corrupt(format!("phase {phase}")))?,
        config: serde_json::from_str(&config).map_err(corrupt)?,
        settings: serde_json::from_str(&settings).map_err(corrupt)?,
        poll,
    })
}

pub async fn election_by_slug(
    db: &Db,
    organization: OrganizationId,
    slug: &str,
) -> Result<ElectionRecord, ElectionError> {
    let row: Option<(i64,)> = on_db!(db, |pool| {
        sqlx::query_as("SELECT id FROM elections WHERE organization_id = $1 AND slug = $2")
            .bind(organization.0)
            .bind(slug)
            .fetch_optional(pool)
            .await
    })?;
    let (id,) = row.ok_or(ElectionError::NotFound)?;
    election(db, ElectionId(id)).await
}

/// Casts one ballot for `account` at `now`: checks the eligibility rule (phase,
/// channel open on the organization's clock, verified registration, age), that the
/// ballot is well-formed, then writes the mark and the ballot in one transaction. The
/// mark's primary key makes a second ballot impossible, however many tabs, devices or
/// channels try at once. Returns the tracking code, which is given to the voter and
/// stored nowhere near their name.
pub async fn cast(
    db: &Db,
    election: ElectionId,
    account: AccountId,
    ballot: &Ballot,
    channel: Channel,
    station: Option<i64>,
    now: i64,
) -> Result<String, ElectionError> {
    let record = self::election(db, election).await?;
    let content = canonical_content(&record.config, ballot)?;
    let tracking_code = new_tracking_code();
    let mut tx = db.begin_write().await?;
    // Read under the write lock (SQLite) or a share lock (PostgreSQL): the commission
    // cannot close voting between this check and the commit.
    check_may_vote(&mut tx, election, account, channel, now).await?;
    if !voting_store::mark(&mut tx, record.poll, account, channel, station).await? {
        return Err(ElectionError::AlreadyVoted);
    }
    voting_store::insert_ballot(&mut tx, record.poll, &tracking_code, &content).await?;
    tx.commit().await?;
    Ok(tracking_code)
}

/// Whether `account` has voted in `election`, by any channel.
pub async fn has_voted(
    db: &Db,
    election: ElectionId,
    account: AccountId,
) -> Result<bool, ElectionError> {
    let poll = election_poll(db, election).await?;
    Ok(voting_store::has_marked(db, poll, account).await?)
}

/// Whether `account` has voted in every election of `organization` taking votes now (and
/// at least one is): what spends a printed access code.
pub async fn voted_in_every_open_election(
    db: &Db,
    organization: OrganizationId,
    account: AccountId,
) -> Result<bool, ElectionError> {
    let mut open = 0;
    for record in elections_of(db, organization).await? {
        if record.phase != Phase::Voting {
            continue;
        }
        open += 1;
        if !voting_store::has_marked(db, record.poll, account).await? {
            return Ok(false);
        }
    }
    Ok(open > 0)
}

/// The ballots of an election by tracking code, in the tally's format.
pub async fn ballots(
    db: &Db,
    election: ElectionId,
) -> Result<Vec<(String, Ballot)>, ElectionError> {
    let poll = election_poll(db, election).await?;
    let rows = voting_store::ballot_rows(db, poll).await?;
    rows.into_iter()
        .map(|(code, content)| Ok((code, serde_json::from_str(&content).map_err(corrupt)?)))
        .collect()
}

/// Counts an election from its stored configuration and ballots, with the parity swaps
/// the count made.
pub async fn count(
    db: &Db,
    election: ElectionId,
) -> Result<(TallyResult, Vec<Swap>), ElectionError> {
    let record = self::election(db, election).await?;
    let ballots = ballots(db, election).await?;
    Ok(tally_explained(
        &record.config,
        ballots
            .into_iter()
            .enumerate()
            .map(|(i, (_, b))| (i + 1, b)),
    )?)
}

/// What the eligibility rule needs of `account`'s registration with `organization`.
pub async fn registrant(
    db: &Db,
    organization: OrganizationId,
    account: AccountId,
) -> Result<Option<Registrant>, ElectionError> {
    Ok(access_store::registered_person(db, organization, account)
        .await?
        .map(|p| Registrant {
            status: p.status,
            birth_date: p.birth_date,
        }))
}

/// Whether `account` is an enabled (verified) voter of `organization`.
pub async fn is_enabled_voter(
    db: &Db,
    organization: OrganizationId,
    account: AccountId,
) -> Result<bool, ElectionError> {
    Ok(access_store::registered_person(db, organization, account)
        .await?
        .is_some_and(|p| p.verified()))
}

/// An organization's elections, newest first.
pub async fn elections_of(
    db: &Db,
    organization: OrganizationId,
) -> Result<Vec<ElectionRecord>, ElectionError> {
    let ids: Vec<(i64,)> = on_db!(db, |pool| {
        sqlx::query_as("SELECT id FROM elections WHERE organization_id = $1 ORDER BY id DESC")
            .bind(organization.0)
            .fetch_all(pool)
            .await
    })?;
    let mut out = Vec::with_capacity(ids.len());
    for (id,) in ids {
        out.push(election(db, ElectionId(id)).await?);
    }
    Ok(out)
}
