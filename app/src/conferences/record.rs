//! A conference edition's public record, as observers script against it (`voz export
//! --conference`, and the same lines served live): one JSON object per line.
//!
//! - `events.jsonl`: `id` (the event's address), `kind`, `name`, `date`, `participants`
//!   (people checked in).
//! - `proposals.jsonl`, one per original proposal: `id`, `event`, `theme` (its number),
//!   `level`, `language`, `title` (none when hidden by moderation), `supports`, `status`,
//!   `into` (the codes of the consolidated proposals and motions it fed).
//! - `consolidated.jsonl`: `code`, `theme` (motions keep the theme they were written
//!   under), `title`, `sources` (proposal ids), `result` (`priority` | `approved` |
//!   `rejected` | `motion`) and `plenary` (`approve`, `reject`, `abstain`, `priority`
//!   marks) — both `null` until the plenary has counted that theme.
//! - `plan.jsonl`: the plan's actions: `id` (`A12`), `title`, `responsible`, `from`
//!   (consolidated codes), `indicators` (`name`, `unit`, `baseline`, `targets` by year,
//!   `status`, `current`).

use std::collections::HashMap;

use serde::Serialize;

use crate::conferences::consolidation::store as consolidation_store;
use crate::conferences::edition::rules::Conference;
use crate::conferences::error::ConferenceError;
use crate::conferences::event::store as event_store;
use crate::conferences::plan::store as plan_store;
use crate::conferences::plenary::store as plenary_store;
use crate::conferences::proposal::rules::ProposalStatus;
use crate::conferences::proposal::store as proposal_store;
use crate::db::Db;
use crate::platform::ids::ProposalId;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventLine {
    pub id: String,
    pub kind: &'static str,
    pub name: String,
    pub date: String,
    pub participants: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProposalLine {
    pub id: ProposalId,
    pub event: String,
    pub theme: i64,
    pub level: String,
    pub language: String,
    /// `None` when hidden by moderation: the record keeps that it existed, not its words.
    pub title: Option<String>,
    pub supports: i64,
    pub status: &'static str,
    pub into: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConsolidatedLine {
    pub code: String,
    pub theme: i64,
    pub title: String,
    pub sources: Vec<ProposalId>,
    pub result: Option<&'static str>,
    pub plenary: Option<PlenaryVotes>,
}

/// An item's plenary votes: approvals, rejections, abstentions, priority marks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlenaryVotes {
    pub approve: u64,
    pub reject: u64,
    pub abstain: u64,
    pub priority: u64,
}

/// The whole record of one edition, each list in its file's order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublicRecord {
    pub events: Vec<EventLine>,
    pub proposals: Vec<ProposalLine>,
    pub consolidated: Vec<ConsolidatedLine>,
    pub plan: Vec<PlanLine>,
}

/// One action of the plan: `id` (`A12`), `title`, `responsible`, `from` (consolidated
/// codes) and its indicators.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanLine {
    pub id: String,
    pub title: String,
    pub responsible: String,
    pub from: Vec<String>,
    pub indicators: Vec<IndicatorLine>,
}

/// `name`, `unit`, `baseline`, `targets` (year → target), `status`, `current` (the last
/// value reported, if any).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorLine {
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub targets: std::collections::BTreeMap<String, f64>,
    pub status: &'static str,
    pub current: Option<f64>,
}

/// Reads the record of `conference` (approved events only: the public's).
pub async fn public_record(
    db: &Db,
    conference: &Conference,
) -> Result<PublicRecord, ConferenceError> {
    let events = event_store::events_of(db, conference.id, true).await?;
    let checked_in: HashMap<_, _> = event_store::checked_in_counts(db, conference.id)
        .await?
        .into_iter()
        .collect();
    let slugs: HashMap<_, _> = events.iter().map(|e| (e.id, e.slug.clone())).collect();
    let consolidated = consolidation_store::consolidated_of(db, conference.id).await?;
    let mut plenary = plenary_store::results(db, conference).await?;
    let mut into: HashMap<ProposalId, Vec<String>> = HashMap::new();
    for item in &consolidated {
        for source in &item.sources {
            into.entry(*source).or_default().push(item.code.clone());
        }
    }
    let proposals = proposal_store::proposals_of_conference(db, conference.id)
        .await?
        .into_iter()
        .filter_map(|p| {
            let event = slugs.get(&p.event)?.clone();
            let hidden = p.status == ProposalStatus::Hidden;
            Some(ProposalLine {
                id: p.id,
                event,
                theme: p.theme,
                level: p.level,
                language: p.language,
                title: (!hidden).then_some(p.title),
                supports: p.supports,
                status: p.status.code(),
                into: into.remove(&p.id).unwrap_or_default(),
            })
        })
        .collect();
    Ok(PublicRecord {
        events: events
            .iter()
            .map(|e| EventLine {
                id: e.slug.clone(),
                kind: e.kind.code(),
                name: e.name.clone(),
                date: e.held_on.to_string(),
                participants: checked_in.get(&e.id).copied().unwrap_or(0),
            })
            .collect(),
        proposals,
        consolidated: consolidated
            .into_iter()
            .map(|c| {
                let voted = plenary.remove(&c.code);
                ConsolidatedLine {
                    result: voted.as_ref().map(|v| v.result.code()),
                    plenary: voted.map(|v| PlenaryVotes {
                        approve: v.approve,
                        reject: v.reject,
                        abstain: v.abstain,
                        priority: v.priority,
                    }),
                    code: c.code,
                    theme: c.theme,
                    title: c.title,
                    sources: c.sources,
                }
            })
            .collect(),
        plan: plan_store::actions(db, conference)
            .await?
            .into_iter()
            .map(|a| PlanLine {
                id: a.code,
                title: a.title,
                responsible: a.responsible,
                from: a.from,
                indicators: a
                    .indicators
                    .into_iter()
                    .map(|i| IndicatorLine {
                        name: i.name,
                        unit: i.unit,
                        baseline: i.baseline,
                        targets: i
                            .targets
                            .into_iter()
                            .map(|(y, t)| (y.to_string(), t))
                            .collect(),
                        status: i.status.code(),
                        current: i.current,
                    })
                    .collect(),
            })
            .collect(),
    })
}

/// One JSON object per line, each line ending in `\n`.
pub fn json_lines<T: Serialize>(rows: &[T]) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for row in rows {
        out.push_str(&serde_json::to_string(row)?);
        out.push('\n');
    }
    Ok(out)
}
