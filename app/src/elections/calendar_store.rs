//! An election's calendar on either backend: moving phases (one at a time, audited; the
//! final list published, counting refused while a station is open), when each phase began
//! (read back from the audit log), and each phase's last day with every change to it.

use serde_json::json;

use crate::accounts::types::AccountId;
use crate::db::{Db, Tx};
use crate::elections::phase::{Phase, check_move};
use crate::elections::store::{ElectionError, ElectionId, corrupt};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store::AuditEvent;
use crate::{on_db, on_tx};

pub use crate::elections::phase::{DeadlineChange, PhaseChange};

impl Tx {
    /// The election's organization and phase, read inside this transaction.
    pub(crate) async fn organization_and_phase(
        &mut self,
        election: ElectionId,
    ) -> Result<(i64, Phase), ElectionError> {
        self.read_organization_and_phase(election, "").await
    }

    /// The same, locking the election row until commit (PostgreSQL): every station write
    /// holds a shared lock on it, so the phase cannot move under a station's feet.
    async fn lock_organization_and_phase(
        &mut self,
        election: ElectionId,
    ) -> Result<(i64, Phase), ElectionError> {
        let lock = self.backend().for_update();
        self.read_organization_and_phase(election, lock).await
    }

    async fn read_organization_and_phase(
        &mut self,
        election: ElectionId,
        lock: &str,
    ) -> Result<(i64, Phase), ElectionError> {
        let row: Option<(i64, String)> = on_tx!(self, |conn| {
            sqlx::query_as(&format!(
                "SELECT organization_id, phase FROM elections WHERE id = $1{lock}"
            ))
            .bind(election.0)
            .fetch_optional(&mut *conn)
            .await
        })?;
        let (organization, phase) = row.ok_or(ElectionError::NotFound)?;
        let phase = Phase::from_code(&phase).ok_or_else(|| corrupt(format!("phase {phase}")))?;
        Ok((organization, phase))
    }

    /// Whether `phase`'s last day, if the commission set one, is over at `now` on the
    /// organization's clock: past it the phase takes nothing more (filing, appeals,
    /// voting) even if the commission has not moved the calendar yet.
    pub(crate) async fn deadline_passed(
        &mut self,
        election: ElectionId,
        phase: Phase,
        now: i64,
    ) -> Result<bool, ElectionError> {
        let row: Option<(String, String)> = on_tx!(self, |conn| {
            sqlx::query_as(
                "SELECT d.last_day, o.rules FROM election_deadlines d JOIN elections e ON e.id = d.election_id \
                 JOIN organizations o ON o.id = e.organization_id WHERE d.election_id = $1 AND d.phase = $2",
            )
            .bind(election.0)
            .bind(phase.code())
            .fetch_optional(&mut *conn)
            .await
        })?;
        let Some((last_day, rules)) = row else {
            return Ok(false);
        };
        let last_day: crate::calendar::Date = last_day.parse().map_err(corrupt)?;
        let rules: crate::accounts::types::RegistrationRules =
            serde_json::from_str(&rules).map_err(corrupt)?;
        Ok(crate::calendar::local_time(&rules.time_zone, now).date > last_day)
    }

    /// Moves an election to its next phase (only that one), audited.
    pub async fn move_phase(
        &mut self,
        election: ElectionId,
        to: Phase,
        actor: Option<AccountId>,
        now: i64,
    ) -> Result<(), ElectionError> {
        let (organization, from) = self.lock_organization_and_phase(election).await?;
        check_move(from, to)?;
        if to == Phase::FinalList {
            self.publish_final_list(election).await?;
        }
        // Appeals are against decisions: every candidacy is decided before they open.
        if to == Phase::Appeals {
            let (undecided,): (i64,) = on_tx!(self, |conn| {
                sqlx::query_as(
                    "SELECT COUNT(*) FROM candidacies WHERE election_id = $1 AND status = 'submitted'",
                )
                .bind(election.0)
                .fetch_one(&mut *conn)
                .await
            })?;
            if undecided > 0 {
                return Err(ElectionError::Undecided);
            }
        }
        if to == Phase::Counting {
            let (open,): (i64,) = on_tx!(self, |conn| {
                sqlx::query_as(
                    "SELECT COUNT(*) FROM station_sessions WHERE election_id = $1 AND closed_at IS NULL",
                )
                .bind(election.0)
                .fetch_one(&mut *conn)
                .await
            })?;
            if open > 0 {
                return Err(ElectionError::StationsOpen);
            }
        }
        on_tx!(self, |conn| {
            sqlx::query("UPDATE elections SET phase = $1 WHERE id = $2")
                .bind(to.code())
                .bind(election.0)
                .execute(&mut *conn)
                .await
                .map(|done| done.rows_affected())
        })?;
        self.audit(
            AuditEvent {
                organization_id: Some(organization),
                actor_account_id: actor.map(|a| a.0),
                action: Action::ElectionPhase,
                subject: Subject::Election(election),
                before: Some(json!({ "phase": from.code() })),
                after: Some(json!({ "phase": to.code() })),
            },
            now,
        )
        .await?;
        Ok(())
    }
}

impl Db {
    /// When the election entered each phase, oldest first, from its audit entries: the
    /// public calendar is the audited one.
    pub async fn phase_history(
        &self,
        election: ElectionId,
    ) -> Result<Vec<PhaseChange>, ElectionError> {
        let rows: Vec<(Option<String>, i64, String)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT after_state, at, hash FROM audit_log WHERE subject = $1 AND action = $2 ORDER BY seq",
            )
            .bind(Subject::Election(election).text())
            .bind(Action::ElectionPhase)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|(after, at, hash)| {
                let after: serde_json::Value = serde_json::from_str(after.as_deref()?).ok()?;
                Some(PhaseChange {
                    phase: Phase::from_code(after.get("phase")?.as_str()?)?,
                    at,
                    audit_head: hash,
                })
            })
            .collect())
    }
}

impl Tx {
    /// Sets or extends a phase's last day (see [`crate::elections::phase::check_deadline`]),
    /// audited with the day before and after.
    pub async fn set_deadline(
        &mut self,
        election: ElectionId,
        phase: Phase,
        last_day: crate::calendar::Date,
        actor: AccountId,
        now: i64,
    ) -> Result<(), ElectionError> {
        let (organization, current_phase) = self.organization_and_phase(election).await?;
        let current: Option<(String,)> = on_tx!(self, |conn| {
            sqlx::query_as(
                "SELECT last_day FROM election_deadlines WHERE election_id = $1 AND phase = $2",
            )
            .bind(election.0)
            .bind(phase.code())
            .fetch_optional(&mut *conn)
            .await
        })?;
        let current = current
            .map(|(d,)| d.parse::<crate::calendar::Date>().map_err(corrupt))
            .transpose()?;
        let (rules,): (String,) = on_tx!(self, |conn| {
            sqlx::query_as("SELECT rules FROM organizations WHERE id = $1")
                .bind(organization)
                .fetch_one(&mut *conn)
                .await
        })?;
        let rules: crate::accounts::types::RegistrationRules =
            serde_json::from_str(&rules).map_err(corrupt)?;
        crate::elections::phase::check_deadline(
            phase,
            current_phase,
            current,
            last_day,
            crate::calendar::local_time(&rules.time_zone, now).date,
        )?;
        on_tx!(self, |conn| {
            sqlx::query(
                "INSERT INTO election_deadlines (election_id, phase, last_day) VALUES ($1, $2, $3) \
                 ON CONFLICT (election_id, phase) DO UPDATE SET last_day = excluded.last_day",
            )
            .bind(election.0)
            .bind(phase.code())
            .bind(last_day.to_string())
            .execute(&mut *conn)
            .await
            .map(|done| done.rows_affected())
        })?;
        self.audit(
            AuditEvent {
                organization_id: Some(organization),
                actor_account_id: Some(actor.0),
                action: Action::ElectionDeadline,
                subject: Subject::Election(election),
                before: current.map(|d| json!({ "phase": phase.code(), "last_day": d })),
                after: Some(json!({ "phase": phase.code(), "last_day": last_day })),
            },
            now,
        )
        .await?;
        Ok(())
    }
}

impl Db {
    /// Each phase's current last day.
    pub async fn deadlines(
        &self,
        election: ElectionId,
    ) -> Result<Vec<(Phase, crate::calendar::Date)>, ElectionError> {
        let rows: Vec<(String, String)> = on_db!(self, |pool| {
            sqlx::query_as("SELECT phase, last_day FROM election_deadlines WHERE election_id = $1")
                .bind(election.0)
                .fetch_all(pool)
                .await
        })?;
        let mut out = Vec::new();
        for (phase, day) in rows {
            let phase =
                Phase::from_code(&phase).ok_or_else(|| corrupt(format!("phase {phase}")))?;
            out.push((phase, day.parse().map_err(corrupt)?));
        }
        out.sort();
        Ok(out)
    }

    /// Every deadline set or extended, oldest first, from the audit log.
    pub async fn deadline_changes(
        &self,
        election: ElectionId,
    ) -> Result<Vec<DeadlineChange>, ElectionError> {
        let rows: Vec<(Option<String>, Option<String>, i64)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT before_state, after_state, at FROM audit_log WHERE subject = $1 AND action = $2 ORDER BY seq",
            )
            .bind(Subject::Election(election).text())
            .bind(Action::ElectionDeadline)
            .fetch_all(pool)
            .await
        })?;
        let day = |state: &Option<String>| -> Option<(Phase, crate::calendar::Date)> {
            let value: serde_json::Value = serde_json::from_str(state.as_deref()?).ok()?;
            Some((
                Phase::from_code(value.get("phase")?.as_str()?)?,
                value.get("last_day")?.as_str()?.parse().ok()?,
            ))
        };
        Ok(rows
            .into_iter()
            .filter_map(|(before, after, at)| {
                let (phase, after) = day(&after)?;
                Some(DeadlineChange {
                    at,
                    phase,
                    before: day(&before).map(|(_, d)| d),
                    after,
                })
            })
            .collect())
    }
}
