//! The selection of an open call, exactly as Voz publishes it (README, "Selection"). Pure:
//! the call, its jurors' scores and its public votes in; every taking-part application's
//! jury, public and final score, the ranking, the winners and the reserve per category out.
//! `voz select` runs this same code, so anyone can check a published jury record.
//!
//! - Only `eligible` applications that at least one juror scored take part.
//! - Jury score (0–100) = Σ over criteria of weight × (mean of the jurors' scores) / scale_max.
//! - Public score (0–100) = 100 × votes / the most votes a taking-part application of the
//!   same category received (0 when nobody voted).
//! - Final = ((100 − w) × jury + w × public) / 100, w the public vote's weight in percent.
//! - Rank: higher final; then the call's tie-breaks in order; then the id (byte order).
//! - Winners: the first `awards` that reach the minimum; reserve: the next `reserve` that do.
//!
//! Every score is an exact fraction; only the report rounds (half up, 2 decimals).

mod config;
mod exact;
mod lines;
mod rank;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use config::{
    Application, CallConfig, CategoryConfig, ConfigError, Criterion, ELIGIBLE, TieBreak,
};
pub use exact::Exact;
pub use lines::{LineProblem, ScoreLine, read_score_lines};
pub use rank::{Place, Scored, select_scored};

/// `votes.json`: an application's id → the public votes it received.
pub type Votes = BTreeMap<String, u64>;

/// What `voz select` prints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    pub categories: BTreeMap<String, CategorySelection>,
}

/// One category's outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategorySelection {
    pub winners: Vec<String>,
    pub reserve: Vec<String>,
    /// Every taking-part application, in rank order.
    pub ranking: Vec<RankedReport>,
}

/// An application's place in the ranking, its scores rounded half up to 2 decimals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankedReport {
    pub id: String,
    pub jury: f64,
    pub public: f64,
    #[serde(rename = "final")]
    pub final_score: f64,
}

/// Why a selection could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    #[error("call: {0}")]
    Config(#[from] ConfigError),
    /// A line of the scores, counted from 1.
    #[error("scores line {line}: {problem}")]
    Line { line: usize, problem: LineProblem },
    #[error("votes: {0}")]
    Votes(String),
}

/// The selection from score lines already read (`line` numbers in errors are positions in
/// `lines`, from 1).
pub fn select(
    config: &CallConfig,
    lines: &[ScoreLine],
    votes: Option<&Votes>,
) -> Result<Selection, SelectError> {
    let numbered: Vec<(usize, ScoreLine)> = lines
        .iter()
        .cloned()
        .enumerate()
        .map(|(at, line)| (at + 1, line))
        .collect();
    Ok(report(&select_scored(config, &numbered, votes)?))
}

/// The selection from a `scores.jsonl` file's bytes (blank lines skipped, still counted).
pub fn select_jsonl(
    config: &CallConfig,
    scores: &[u8],
    votes: Option<&Votes>,
) -> Result<Selection, SelectError> {
    let lines = read_score_lines(scores)?;
    Ok(report(&select_scored(config, &lines, votes)?))
}

/// The rounded report of exact scores.
pub fn report(scored: &BTreeMap<String, Vec<Scored>>) -> Selection {
    let categories = scored
        .iter()
        .map(|(category, ranked)| {
            let of = |place: Place| {
                ranked
                    .iter()
                    .filter(|s| s.place == place)
                    .map(|s| s.id.clone())
                    .collect()
            };
            let selection = CategorySelection {
                winners: of(Place::Winner),
                reserve: of(Place::Reserve),
                ranking: ranked
                    .iter()
                    .map(|s| RankedReport {
                        id: s.id.clone(),
                        jury: s.jury.rounded(),
                        public: s.public.rounded(),
                        final_score: s.final_score.rounded(),
                    })
                    .collect(),
            };
            (category.clone(), selection)
        })
        .collect();
    Selection { categories }
}
