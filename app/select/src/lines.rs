//! `scores.jsonl`: one line per juror and application, an integer for every criterion.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::SelectError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreLine {
    pub application: String,
    /// Who scored: a name or a pseudonym; only compared with the other lines' jurors.
    pub juror: String,
    /// Criterion id → the juror's score, 0..=scale_max.
    pub scores: BTreeMap<String, i64>,
}

/// What is wrong with one line of the scores.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LineProblem {
    #[error("{0}")]
    Unreadable(String),
    #[error("the juror is empty")]
    NoJuror,
    #[error("unknown application {0:?}")]
    UnknownApplication(String),
    #[error("application {0:?} is not eligible (its status is {1:?})")]
    NotEligible(String, String),
    #[error("unknown criterion {0:?}")]
    UnknownCriterion(String),
    #[error("criterion {0:?} has no score")]
    MissingCriterion(String),
    #[error("criterion {criterion:?}: {score} is outside 0..{scale_max}")]
    OutOfScale {
        criterion: String,
        score: i64,
        scale_max: u32,
    },
    #[error("juror {juror:?} already scored application {application:?} (line {first})")]
    Twice {
        juror: String,
        application: String,
        first: usize,
    },
}

/// The lines of a `scores.jsonl` file with their line numbers (from 1; blank lines are
/// skipped but counted, so a number is the one an editor shows).
pub fn read_score_lines(input: &[u8]) -> Result<Vec<(usize, ScoreLine)>, SelectError> {
    let mut lines = Vec::new();
    for (at, raw) in input.split(|b| *b == b'\n').enumerate() {
        let line = at + 1;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = serde_json::from_slice(raw).map_err(|e| SelectError::Line {
            line,
            problem: LineProblem::Unreadable(e.to_string()),
        })?;
        lines.push((line, parsed));
    }
    Ok(lines)
}
