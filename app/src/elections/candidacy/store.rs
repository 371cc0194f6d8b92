//! Candidacies on either backend: filing, review, appeals, and the final list that becomes
//! the count's candidates. Every step is audited in the transaction that makes it.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::accounts::types::{AccountId, GenderIdentity};
use crate::db::{Db, Tx};
use crate::elections::calendar::rules::Phase;
use crate::elections::candidacy::{
    Candidacy, CandidacyAction, CandidacyStatus, CandidateKind, apply,
};
use crate::elections::election::store::{ElectionError, ElectionId, corrupt};
use crate::platform::access::scoped as scoped_store;
use crate::platform::access::store as access_store;
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::platform::timeline::store as timeline_store;
use crate::results::count::CandidateConfig;
use crate::{execute, on_db, on_tx};

/// A stored candidacy, as the commission and (once public) everyone sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidacyRecord {
    pub id: i64,
    /// The candidate's id in the count and on ballots: `c<id>`.
    pub candidate_id: String,
    pub candidacy: Candidacy,
    pub status: CandidacyStatus,
    /// Why it was rejected.
    pub reason: Option<String>,
    /// What the candidate wrote in appeal.
    pub appeal: Option<String>,
    /// Why the commission decided the appeal as it did.
    pub appeal_decision: Option<String>,
}

pub fn candidate_id(candidacy: i64) -> String {
    format!("c{candidacy}")
}

/// A candidacy as stored; its columns are `COLUMNS`.
#[derive(sqlx::FromRow)]
struct CandidacyRow {
    id: i64,
    segment: String,
    kind: CandidateKind,
    name: String,
    representative: Option<String>,
    nationality: String,
    gender: GenderIdentity,
    date: String,
    platform: String,
    status: CandidacyStatus,
    reason: Option<String>,
    appeal: Option<String>,
    appeal_decision: Option<String>,
}

const COLUMNS: &str = "id, segment, kind, name, representative, nationality, gender, date, platform, \
                       status, reason, appeal, appeal_decision";

fn from_row(row: CandidacyRow) -> Result<CandidacyRecord, ElectionError> {
    Ok(CandidacyRecord {
        id: row.id,
        candidate_id: candidate_id(row.id),
        candidacy: Candidacy {
            segment: row.segment,
            kind: row.kind,
            name: row.name,
            representative: row.representative,
            nationality: row.nationality,
            gender: row.gender,
            date: row.date.parse().map_err(corrupt)?,
            platform: serde_json::from_str(&row.platform).map_err(corrupt)?,
        },
        status: row.status,
        reason: row.reason,
        appeal: row.appeal,
        appeal_decision: row.appeal_decision,
    })
}

/// The facts a candidacy takes from `account`'s registration with `organization` —
/// only a verified one.
pub async fn filer(
    db: &Db,
    organization: crate::accounts::types::OrganizationId,
    account: AccountId,
) -> Result<Option<crate::elections::candidacy::Filer>, ElectionError> {
    let person = access_store::registered_person(db, organization, account).await?;
    Ok(person
        .filter(|p| p.verified())
        .map(|p| crate::elections::candidacy::Filer {
            name: p.name,
            birth_date: p.birth_date,
            gender: p.gender,
            nationality: p.nationalities.into_iter().next().unwrap_or_default(),
        }))
}

/// Files `account`'s candidacy (already validated against the election's segments).
/// Only someone with a verified registration in the election's organization stands.
pub async fn file_candidacy(
    tx: &mut Tx,
    election: ElectionId,
    account: AccountId,
    candidacy: &Candidacy,
    now: i64,
) -> Result<i64, ElectionError> {
    let (organization, phase, imported) = election_state(tx, election).await?;
    if !phase.allows_candidacies() {
        return Err(crate::elections::candidacy::CandidacyError::WrongPhase.into());
    }
    if timeline_store::deadline_passed(
        tx,
        crate::platform::audit::event::Process::Election(election),
        phase,
        now,
    )
    .await?
    {
        return Err(ElectionError::DeadlinePassed);
    }
    if imported {
        return Err(ElectionError::ImportedList);
    }
    let verified = access_store::registered_person(
        &mut *tx,
        crate::platform::ids::OrganizationId(organization),
        account,
    )
    .await?
    .is_some_and(|p| p.verified());
    if !verified {
        return Err(ElectionError::Refused(
            crate::elections::eligibility::Refusal::NotVerified,
        ));
    }
    let platform = serde_json::to_string(&candidacy.platform).map_err(corrupt)?;
    let inserted: Result<(i64,), sqlx::Error> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "INSERT INTO candidacies (election_id, account_id, segment, kind, name, representative, \
             nationality, gender, date, platform, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(election.0)
        .bind(account.0)
        .bind(&candidacy.segment)
        .bind(candidacy.kind)
        .bind(&candidacy.name)
        .bind(&candidacy.representative)
        .bind(&candidacy.nationality)
        .bind(candidacy.gender.code())
        .bind(candidacy.date.to_string())
        .bind(&platform)
        .bind(CandidacyStatus::Submitted)
        .bind(now)
        .fetch_one(&mut *conn)
        .await
    });
    let (id,) = match inserted {
        Err(e) if crate::db::dialect::is_unique_violation(&e, None) => {
            return Err(ElectionError::CandidacyExists);
        }
        other => other?,
    };
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization),
            Some(account.0),
            Action::CandidacyFile,
            Subject::Candidacy(election, id),
        )
        .after(json!({ "candidacy": candidacy })),
        now,
    )
    .await?;
    Ok(id)
}

/// The status of candidacy `candidacy` of `election`, if it exists.
pub(crate) async fn candidacy_status(
    tx: &mut Tx,
    election: ElectionId,
    candidacy: i64,
) -> Result<Option<CandidacyStatus>, ElectionError> {
    let row: Option<(CandidacyStatus,)> = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT status FROM candidacies WHERE id = $1 AND election_id = $2")
            .bind(candidacy)
            .bind(election.0)
            .fetch_optional(&mut *conn)
            .await
    })?;
    Ok(row.map(|(status,)| status))
}

/// Review and appeals: the commission accepts or rejects (with `text` as the reason),
/// the candidate appeals (with `text` as the appeal), the commission decides the appeal.
pub async fn act_on_candidacy(
    tx: &mut Tx,
    election: ElectionId,
    candidacy: i64,
    action: CandidacyAction,
    text: Option<&str>,
    actor: AccountId,
    now: i64,
) -> Result<CandidacyStatus, ElectionError> {
    let (organization, phase, _) = election_state(tx, election).await?;
    let from = candidacy_status(tx, election, candidacy)
        .await?
        .ok_or(ElectionError::NotFound)?;
    // An appeal after the appeal window's last day is too late.
    if action == CandidacyAction::Appeal
        && timeline_store::deadline_passed(
            tx,
            crate::platform::audit::event::Process::Election(election),
            phase,
            now,
        )
        .await?
    {
        return Err(ElectionError::DeadlinePassed);
    }
    let to = apply(phase, from, action)?;
    // A commissioner who declared a conflict with this candidacy leaves its decisions
    // to the others (read here, so a declaration and a decision cannot cross).
    if action != CandidacyAction::Appeal
        && scoped_store::is_conflicted(tx, Subject::Candidacy(election, candidacy), actor).await?
    {
        return Err(ElectionError::ConflictOfInterest);
    }
    let column = match action {
        CandidacyAction::Accept | CandidacyAction::Reject => "reason",
        CandidacyAction::Appeal => "appeal",
        CandidacyAction::UpholdAppeal | CandidacyAction::DismissAppeal => "appeal_decision",
    };
    let sql =
        format!("UPDATE candidacies SET status = $1, {column} = $2 WHERE id = $3 AND status = $4");
    let changed = execute!(tx, &sql, to, text, candidacy, from)?;
    if changed != 1 {
        return Err(crate::elections::candidacy::CandidacyError::WrongStatus.into());
    }
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization),
            Some(actor.0),
            Action::CandidacyStatus,
            Subject::Candidacy(election, candidacy),
        )
        .before(json!({ "status": from }))
        .after(json!({ "status": to, column: text })),
        now,
    )
    .await?;
    Ok(to)
}

/// An organization on the final list names a new representative once the result is out
/// (DOMAIN.md: the organization holds the seat). The count is not touched: it used the
/// representative of the final list.
pub async fn change_representative(
    tx: &mut Tx,
    election: ElectionId,
    account: AccountId,
    representative: &str,
    now: i64,
) -> Result<(), ElectionError> {
    let (organization, phase, _) = election_state(tx, election).await?;
    if !phase.results_public() {
        return Err(crate::elections::candidacy::CandidacyError::WrongPhase.into());
    }
    let row: Option<(i64, CandidateKind, CandidacyStatus, Option<String>)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT id, kind, status, representative FROM candidacies WHERE election_id = $1 AND account_id = $2",
        )
        .bind(election.0)
        .bind(account.0)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (id, kind, status, before) = row.ok_or(ElectionError::NotFound)?;
    if kind != CandidateKind::Organization || !status.on_final_list() {
        return Err(crate::elections::candidacy::CandidacyError::WrongStatus.into());
    }
    execute!(
        tx,
        "UPDATE candidacies SET representative = $1 WHERE id = $2",
        representative,
        id
    )?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization),
            Some(account.0),
            Action::CandidacyRepresentative,
            Subject::Candidacy(election, id),
        )
        .before(json!({ "representative": before }))
        .after(json!({ "representative": representative })),
        now,
    )
    .await?;
    Ok(())
}

/// The organization, phase and whether the candidate list was imported (the config
/// came with candidates), read inside this transaction.
pub(crate) async fn election_state(
    tx: &mut Tx,
    election: ElectionId,
) -> Result<(i64, Phase, bool), ElectionError> {
    let row: Option<(i64, String, String)> = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT organization_id, phase, config FROM elections WHERE id = $1")
            .bind(election.0)
            .fetch_optional(&mut *conn)
            .await
    })?;
    let (organization, phase, config) = row.ok_or(ElectionError::NotFound)?;
    let phase = Phase::from_code(&phase).ok_or_else(|| corrupt(format!("phase {phase}")))?;
    let config: crate::results::count::ElectionConfig =
        serde_json::from_str(&config).map_err(corrupt)?;
    Ok((organization, phase, !config.candidates.is_empty()))
}

/// At the final list: the accepted candidacies become the count's candidates, unless
/// the list was imported with the election.
pub(crate) async fn publish_final_list(
    tx: &mut Tx,
    election: ElectionId,
) -> Result<(), ElectionError> {
    let (config,): (String,) = on_tx!(tx, |conn| {
        sqlx::query_as("SELECT config FROM elections WHERE id = $1")
            .bind(election.0)
            .fetch_one(&mut *conn)
            .await
    })?;
    let mut config: crate::results::count::ElectionConfig =
        serde_json::from_str(&config).map_err(corrupt)?;
    if !config.candidates.is_empty() {
        return Ok(());
    }
    let sql = format!("SELECT {COLUMNS} FROM candidacies WHERE election_id = $1 ORDER BY id");
    let rows: Vec<CandidacyRow> = on_tx!(tx, |conn| {
        sqlx::query_as(&sql)
            .bind(election.0)
            .fetch_all(&mut *conn)
            .await
    })?;
    for row in rows {
        let record = from_row(row)?;
        if record.status.on_final_list() {
            config.candidates.push(CandidateConfig {
                id: record.candidate_id,
                segment: record.candidacy.segment.clone(),
                parity: record.candidacy.parity(),
                birth_date: Some(record.candidacy.date),
            });
        }
    }
    crate::results::count::validate_config(&config)?;
    let config = serde_json::to_string(&config).map_err(corrupt)?;
    execute!(
        tx,
        "UPDATE elections SET config = $1 WHERE id = $2",
        &config,
        election.0
    )?;
    Ok(())
}

/// Every candidacy of an election, in filing order.
pub async fn candidacies(
    db: &Db,
    election: ElectionId,
) -> Result<Vec<CandidacyRecord>, ElectionError> {
    let sql = format!("SELECT {COLUMNS} FROM candidacies WHERE election_id = $1 ORDER BY id");
    let rows: Vec<CandidacyRow> = on_db!(db, |pool| {
        sqlx::query_as(&sql).bind(election.0).fetch_all(pool).await
    })?;
    rows.into_iter().map(from_row).collect()
}

/// The candidacy `account` filed in `election`, if any.
pub async fn candidacy_of(
    db: &Db,
    election: ElectionId,
    account: AccountId,
) -> Result<Option<CandidacyRecord>, ElectionError> {
    let sql =
        format!("SELECT {COLUMNS} FROM candidacies WHERE election_id = $1 AND account_id = $2");
    let row: Option<CandidacyRow> = on_db!(db, |pool| {
        sqlx::query_as(&sql)
            .bind(election.0)
            .bind(account.0)
            .fetch_optional(pool)
            .await
    })?;
    row.map(from_row).transpose()
}
