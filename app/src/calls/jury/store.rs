//! Jurors, conflicts and scores on either backend. A score is checked in the writing
//! transaction against everything it depends on: the call in its jury phase, the juror
//! holding the jury role for the application's category, no conflict declared, the
//! application eligible, every criterion scored within the scale.

use std::collections::BTreeMap;

use serde_json::json;

use crate::accounts::types::Role;
use crate::calls::apply::types::Status;
use crate::calls::call::phase_now::phase_now;
use crate::calls::call::rules::{Call, Phase};
use crate::calls::call::store::staff_entry;
use crate::calls::error::{CallError, corrupt, invalid};
use crate::calls::select::{self, ScoreLine};
use crate::db::{Reader, Tx};
use crate::error::{FieldProblem, Problem};
use crate::platform::access::scoped;
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::ids::{AccountId, ApplicationId, CategoryId};
use crate::platform::text::paragraphs;
use crate::{execute, on_read, on_tx};

/// A justification's length.
pub const JUSTIFICATION_MAX: u16 = 2000;

/// Makes `juror` a juror of `category` (audited); `false` when they already were.
pub async fn assign_juror(
    tx: &mut Tx,
    call: &Call,
    category: CategoryId,
    juror: AccountId,
    actor: AccountId,
    now: i64,
) -> Result<bool, CallError> {
    call.category(category).ok_or(CallError::NotFound)?;
    if !crate::platform::access::store::has_role(tx, call.organization, juror, Role::Jury).await? {
        return Err(CallError::NotFound);
    }
    let scope = Subject::Category(call.id, category.0);
    let added = scoped::grant_scoped_role(tx, call.organization, scope, Role::Jury, juror).await?;
    if added {
        audit_store::audit(
            tx,
            staff_entry(call, actor, Action::JurorAssign, scope).after(json!({ "juror": juror })),
            now,
        )
        .await?;
    }
    Ok(added)
}

/// The categories `juror` scores in.
pub async fn categories_of(
    reader: impl Into<Reader<'_>>,
    call: &Call,
    juror: AccountId,
) -> Result<Vec<CategoryId>, CallError> {
    let mut out = Vec::new();
    let mut reader = reader.into();
    for category in &call.categories {
        let scope = Subject::Category(call.id, category.id.0);
        let (n,): (i64,) = on_read!(reader.reborrow(), |conn| {
            sqlx::query_as(
                "SELECT COUNT(*) FROM scoped_roles WHERE scope = $1 AND role = $2 AND account_id = $3",
            )
            .bind(scope.text())
            .bind(Role::Jury)
            .bind(juror)
            .fetch_one(conn)
            .await
        })?;
        if n > 0 {
            out.push(category.id);
        }
    }
    Ok(out)
}

/// Applications `juror` declared a conflict with in `call`.
pub async fn conflicts(
    db: &crate::db::Db,
    call: &Call,
    juror: AccountId,
) -> Result<Vec<ApplicationId>, CallError> {
    Ok(scoped::conflicts_of(
        db,
        crate::platform::audit::event::Process::Call(call.id),
        juror,
    )
    .await?
    .into_iter()
    .filter_map(|s| match s {
        Subject::Application(c, id) if c == call.id => Some(ApplicationId(id)),
        _ => None,
    })
    .collect())
}

/// The application's category and status, locked for the write that depends on them.
async fn locked(
    tx: &mut Tx,
    call: &Call,
    application: ApplicationId,
) -> Result<(CategoryId, Status), CallError> {
    let lock = tx.backend().for_update();
    let row: Option<(i64, String)> = on_tx!(tx, |conn| {
        sqlx::query_as(&format!(
            "SELECT category_id, status FROM call_applications WHERE id = $1 AND call_id = $2{lock}"
        ))
        .bind(application)
        .bind(call.id)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (category, status) = row.ok_or(CallError::NotFound)?;
    let status = Status::from_code(&status).ok_or_else(|| corrupt(format!("status {status}")))?;
    Ok((CategoryId(category), status))
}

/// Whether `juror` is a juror of `category`, read in this transaction.
async fn is_juror(
    tx: &mut Tx,
    call: &Call,
    category: CategoryId,
    juror: AccountId,
) -> Result<bool, CallError> {
    let holders = {
        let scope = Subject::Category(call.id, category.0);
        let rows: Vec<(AccountId,)> = on_tx!(tx, |conn| {
            sqlx::query_as("SELECT account_id FROM scoped_roles WHERE scope = $1 AND role = $2")
                .bind(scope.text())
                .bind(Role::Jury)
                .fetch_all(&mut *conn)
                .await
        })?;
        rows
    };
    Ok(holders.iter().any(|(a,)| *a == juror))
}

/// `juror` declares a conflict of interest with `application` (audited by the platform):
/// from then on they neither see nor score it, and a score they gave is withdrawn.
pub async fn declare_conflict(
    tx: &mut Tx,
    call: &Call,
    application: ApplicationId,
    juror: AccountId,
    reason: &str,
    now: i64,
) -> Result<(), CallError> {
    let reason = paragraphs(reason, 500).map_err(|p| invalid("reason", p))?;
    if phase_now(tx, call).await? != Phase::Jury {
        return Err(CallError::WrongPhase);
    }
    let (category, _) = locked(tx, call, application).await?;
    if !is_juror(tx, call, category, juror).await? {
        return Err(CallError::NotFound);
    }
    let subject = Subject::Application(call.id, application.0);
    scoped::declare_conflict(tx, call.organization, subject, juror, &reason, now).await?;
    execute!(
        tx,
        "DELETE FROM call_scores WHERE application_id = $1 AND juror_id = $2",
        application,
        juror
    )?;
    execute!(
        tx,
        "DELETE FROM call_justifications WHERE application_id = $1 AND juror_id = $2",
        application,
        juror
    )?;
    Ok(())
}

/// `juror`'s score of `application`: an integer 0..=scale_max per criterion (field
/// `scores.<criterion>`) and a justification. Given again, it replaces the previous one
/// (until the jury closes). Audited.
pub async fn score(
    tx: &mut Tx,
    call: &Call,
    application: ApplicationId,
    juror: AccountId,
    scores: &BTreeMap<String, String>,
    justification: &str,
    now: i64,
) -> Result<(), CallError> {
    let scale = call.rubric.scale_max;
    let mut problems = Vec::new();
    let mut values = BTreeMap::new();
    for criterion in &call.rubric.criteria {
        let field = format!("scores.{}", criterion.code);
        let typed = scores.get(&criterion.code).map_or("", |s| s.trim());
        let problem = match typed.parse::<i64>() {
            _ if typed.is_empty() => Some(Problem::Required),
            Ok(v) if (0..=i64::from(scale)).contains(&v) => {
                values.insert(criterion.code.clone(), v);
                None
            }
            _ => Some(Problem::OutOfRange {
                min: 0,
                max: u16::try_from(scale).unwrap_or(u16::MAX),
            }),
        };
        if let Some(problem) = problem {
            problems.push(FieldProblem { field, problem });
        }
    }
    if scores
        .keys()
        .any(|k| !call.rubric.criteria.iter().any(|c| &c.code == k))
    {
        problems.push(FieldProblem {
            field: "scores".into(),
            problem: Problem::UnknownOption,
        });
    }
    let justification = match paragraphs(justification, JUSTIFICATION_MAX) {
        Ok(text) => text,
        Err(problem) => {
            problems.push(FieldProblem {
                field: "justification".into(),
                problem,
            });
            String::new()
        }
    };
    if !problems.is_empty() {
        return Err(CallError::Invalid(problems));
    }
    if phase_now(tx, call).await? != Phase::Jury {
        return Err(CallError::WrongPhase);
    }
    let (category, status) = locked(tx, call, application).await?;
    if !is_juror(tx, call, category, juror).await? {
        return Err(CallError::NotFound);
    }
    if scoped::is_conflicted(tx, Subject::Application(call.id, application.0), juror).await? {
        return Err(CallError::ConflictOfInterest);
    }
    if status != Status::Eligible {
        return Err(CallError::Conflict);
    }
    execute!(
        tx,
        "DELETE FROM call_scores WHERE application_id = $1 AND juror_id = $2",
        application,
        juror
    )?;
    execute!(
        tx,
        "DELETE FROM call_justifications WHERE application_id = $1 AND juror_id = $2",
        application,
        juror
    )?;
    for (criterion, value) in &values {
        execute!(
            tx,
            "INSERT INTO call_scores (application_id, juror_id, criterion, score) VALUES ($1, $2, $3, $4)",
            application,
            juror,
            criterion,
            *value,
        )?;
    }
    execute!(
        tx,
        "INSERT INTO call_justifications (application_id, juror_id, justification, scored_at) \
         VALUES ($1, $2, $3, $4)",
        application,
        juror,
        &justification,
        now,
    )?;
    audit_store::audit(
        tx,
        staff_entry(
            call,
            juror,
            Action::JuryScore,
            Subject::Application(call.id, application.0),
        )
        .after(json!({ "scores": values, "justification": justification })),
        now,
    )
    .await?;
    Ok(())
}

/// One juror's score of one application.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct JurorScore {
    pub application: ApplicationId,
    pub juror: AccountId,
    pub scores: BTreeMap<String, i64>,
    pub justification: String,
}

/// Every score of `call`, by application then juror.
pub async fn scores(
    reader: impl Into<Reader<'_>>,
    call: &Call,
) -> Result<Vec<JurorScore>, CallError> {
    let mut reader = reader.into();
    let rows: Vec<(i64, i64, String, i64)> = on_read!(reader.reborrow(), |conn| {
        sqlx::query_as(
            "SELECT s.application_id, s.juror_id, s.criterion, s.score FROM call_scores s \
             JOIN call_applications a ON a.id = s.application_id WHERE a.call_id = $1 \
             ORDER BY s.application_id, s.juror_id, s.criterion",
        )
        .bind(call.id)
        .fetch_all(conn)
        .await
    })?;
    let notes: Vec<(i64, i64, String)> = on_read!(reader, |conn| {
        sqlx::query_as(
            "SELECT j.application_id, j.juror_id, j.justification FROM call_justifications j \
             JOIN call_applications a ON a.id = j.application_id WHERE a.call_id = $1 \
             ORDER BY j.application_id, j.juror_id",
        )
        .bind(call.id)
        .fetch_all(conn)
        .await
    })?;
    Ok(notes
        .into_iter()
        .map(|(application, juror, justification)| JurorScore {
            application: ApplicationId(application),
            juror: AccountId(juror),
            scores: rows
                .iter()
                .filter(|r| r.0 == application && r.1 == juror)
                .map(|r| (r.2.clone(), r.3))
                .collect(),
            justification,
        })
        .collect())
}

/// Jurors as the published record names them: `j1`, `j2`, … in the order of their
/// account ids (when the call keeps jurors anonymous), or their display names.
pub fn juror_names(
    scores: &[JurorScore],
    anonymous: bool,
    names: &BTreeMap<AccountId, String>,
) -> BTreeMap<AccountId, String> {
    let mut jurors: Vec<AccountId> = scores.iter().map(|s| s.juror).collect();
    jurors.sort();
    jurors.dedup();
    jurors
        .into_iter()
        .enumerate()
        .map(|(n, juror)| {
            let name = if anonymous {
                format!("j{}", n + 1)
            } else {
                names
                    .get(&juror)
                    .cloned()
                    .unwrap_or_else(|| format!("j{}", n + 1))
            };
            (juror, name)
        })
        .collect()
}

/// The selection's input lines (`scores.jsonl`), jurors named by `names`.
pub fn score_lines(
    scores: &[JurorScore],
    applications: &BTreeMap<ApplicationId, String>,
    names: &BTreeMap<AccountId, String>,
) -> Vec<ScoreLine> {
    scores
        .iter()
        .filter_map(|s| {
            Some(select::ScoreLine {
                application: applications.get(&s.application)?.clone(),
                juror: names.get(&s.juror)?.clone(),
                scores: s.scores.clone(),
            })
        })
        .collect()
}
