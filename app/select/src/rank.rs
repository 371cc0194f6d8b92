//! Scoring and ranking: the rule itself.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use num_bigint::BigInt;
use sha2::{Digest as _, Sha256};

use crate::config::{Call, CallConfig, ELIGIBLE, TieBreak};
use crate::exact::Exact;
use crate::lines::{LineProblem, ScoreLine};
use crate::{SelectError, Votes};

/// Where an application ends up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Winner,
    Reserve,
    /// Ranked below the winners and the reserve (or below the minimum score).
    Ranked,
}

/// A taking-part application with its exact scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    pub id: String,
    pub jury: Exact,
    pub public: Exact,
    pub final_score: Exact,
    pub votes: u64,
    /// How many jurors scored it.
    pub jurors: usize,
    pub reaches_minimum: bool,
    pub place: Place,
    submitted_at: jiff::Timestamp,
    lot: String,
}

/// Per category (every category of the call, in id order): its taking-part applications
/// in rank order, each with its place. `lines` carry their line numbers for errors.
pub fn select_scored(
    config: &CallConfig,
    lines: &[(usize, ScoreLine)],
    votes: Option<&Votes>,
) -> Result<BTreeMap<String, Vec<Scored>>, SelectError> {
    let call = Call::new(config)?;
    if config.public_vote_weight > 0 && votes.is_none() {
        return Err(crate::ConfigError::VotesNeeded.into());
    }
    let no_votes = Votes::new();
    let votes = votes.unwrap_or(&no_votes);
    if let Some(unknown) = votes
        .keys()
        .find(|id| !call.applications.contains_key(id.as_str()))
    {
        return Err(SelectError::Votes(format!(
            "unknown application {unknown:?}"
        )));
    }
    let sums = sum_lines(&call, lines)?;

    let mut categories: BTreeMap<String, Vec<Scored>> = config
        .categories
        .iter()
        .map(|c| (c.id.clone(), Vec::new()))
        .collect();
    let scale = BigInt::from(config.scale_max);
    for (id, (jurors, weighted)) in &sums {
        let (application, submitted_at) = call.applications[id];
        let denominator = BigInt::from(*jurors) * &scale;
        let jury = Exact::ratio(weighted.clone(), denominator);
        let lot = hex::encode(Sha256::digest(format!("{}:{id}", config.lot_seed)));
        // `Call::new` checked every application's category is the call's.
        let Some(ranked) = categories.get_mut(&application.category) else {
            continue;
        };
        ranked.push(Scored {
            id: id.to_string(),
            public: Exact::whole(0),
            final_score: jury.clone(),
            jury,
            votes: votes.get(*id).copied().unwrap_or(0),
            jurors: *jurors,
            reaches_minimum: false,
            place: Place::Ranked,
            submitted_at,
            lot,
        });
    }
    let w = i64::from(config.public_vote_weight);
    for (category, ranked) in &mut categories {
        let most = ranked.iter().map(|s| s.votes).max().unwrap_or(0);
        for scored in ranked.iter_mut() {
            scored.public = Exact::ratio(BigInt::from(scored.votes) * 100, BigInt::from(most));
            let weighed =
                Exact::whole(100 - w).times(&scored.jury) + Exact::whole(w).times(&scored.public);
            scored.final_score = weighed.times(&Exact::ratio(1.into(), 100.into()));
            scored.reaches_minimum = scored.final_score >= call.minimum;
        }
        ranked.sort_by(|a, b| compare(a, b, &config.tie_break));
        let spec = config
            .categories
            .iter()
            .find(|c| &c.id == category)
            .map_or((0, 0), |c| (c.awards as usize, c.reserve as usize));
        for (seated, scored) in ranked.iter_mut().filter(|s| s.reaches_minimum).enumerate() {
            scored.place = if seated < spec.0 {
                Place::Winner
            } else if seated < spec.0 + spec.1 {
                Place::Reserve
            } else {
                Place::Ranked
            };
        }
    }
    Ok(categories)
}

/// Per taking-part application: how many jurors scored it and Σ weight × (sum of scores).
fn sum_lines<'a>(
    call: &Call<'a>,
    lines: &'a [(usize, ScoreLine)],
) -> Result<BTreeMap<&'a str, (usize, BigInt)>, SelectError> {
    let scale_max = call.config.scale_max;
    let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut sums: BTreeMap<&str, (usize, BigInt)> = BTreeMap::new();
    for (line, score) in lines {
        let fail = |problem| SelectError::Line {
            line: *line,
            problem,
        };
        if score.juror.trim().is_empty() {
            return Err(fail(LineProblem::NoJuror));
        }
        let Some((application, _)) = call.applications.get(score.application.as_str()) else {
            return Err(fail(LineProblem::UnknownApplication(
                score.application.clone(),
            )));
        };
        if application.status != ELIGIBLE {
            return Err(fail(LineProblem::NotEligible(
                application.id.clone(),
                application.status.clone(),
            )));
        }
        if let Some(unknown) = score
            .scores
            .keys()
            .find(|c| !call.weights.contains_key(c.as_str()))
        {
            return Err(fail(LineProblem::UnknownCriterion(unknown.clone())));
        }
        let mut weighted = BigInt::from(0);
        for (criterion, weight) in &call.weights {
            let Some(&value) = score.scores.get(*criterion) else {
                return Err(fail(LineProblem::MissingCriterion((*criterion).to_owned())));
            };
            if !(0..=i64::from(scale_max)).contains(&value) {
                return Err(fail(LineProblem::OutOfScale {
                    criterion: (*criterion).to_owned(),
                    score: value,
                    scale_max,
                }));
            }
            weighted += weight * BigInt::from(value);
        }
        let key = (application.id.as_str(), score.juror.as_str());
        if let Some(first) = seen.insert(key, *line) {
            return Err(fail(LineProblem::Twice {
                juror: score.juror.clone(),
                application: application.id.clone(),
                first,
            }));
        }
        let sum = sums
            .entry(application.id.as_str())
            .or_insert_with(|| (0, BigInt::from(0)));
        sum.0 += 1;
        sum.1 += weighted;
    }
    Ok(sums)
}

/// Rank order: higher final score, the call's tie-breaks in order, then the id's bytes.
fn compare(a: &Scored, b: &Scored, tie_break: &[TieBreak]) -> Ordering {
    b.final_score
        .cmp(&a.final_score)
        .then_with(|| {
            tie_break
                .iter()
                .map(|rule| match rule {
                    TieBreak::Jury => b.jury.cmp(&a.jury),
                    TieBreak::Public => b.votes.cmp(&a.votes),
                    TieBreak::Earlier => a.submitted_at.cmp(&b.submitted_at),
                    TieBreak::Lot => a.lot.cmp(&b.lot),
                })
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        })
        .then_with(|| a.id.as_bytes().cmp(b.id.as_bytes()))
}
