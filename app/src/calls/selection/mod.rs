//! The selection, published: the call's inputs (`call.json`, `scores.jsonl`, `votes.json`)
//! gathered from what was stored, the published rule applied (`voz-select`), and the
//! record kept as published — inputs and result together, so the jury record anyone reads
//! is exactly `voz select` on the files anyone can download.

pub mod api;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::calls::select::{CallConfig, ScoreLine, Selection, Votes};

/// What is published when the selection is: the three inputs and the result. Applications
/// are named by their receipt numbers; `titles` gives each one's project name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedSelection {
    pub call: CallConfig,
    pub scores: Vec<ScoreLine>,
    pub votes: Votes,
    pub result: Selection,
    pub titles: BTreeMap<String, String>,
}

impl PublishedSelection {
    /// `scores.jsonl` as downloaded: one line per juror and application.
    pub fn scores_jsonl(&self) -> String {
        self.scores
            .iter()
            .filter_map(|line| serde_json::to_string(line).ok())
            .map(|line| line + "\n")
            .collect()
    }
}
