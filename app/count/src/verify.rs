//! Checking a published export: the three files of `/export/<org>/<election>/`
//! (`election.json`, `ballots.jsonl`, `tracking-codes.txt`) in, the recount and the bulletin
//! board's head out. `voz verify` runs it on files, and the results page's "recount on this
//! device" runs it, compiled to WASM, on the visitor's phone: the same code, so nobody has
//! to trust the server's count or its chain.

use crate::board::{self, BoardError};
use crate::{Ballot, ElectionConfig, TallyError, TallyResult, canonical_ballot, tally};

/// What an export adds up to.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Recount {
    /// The count, exactly as `voz tally` prints it.
    pub result: TallyResult,
    /// The board's head rebuilt from the export (to compare with the published one).
    pub head: String,
    /// `separate` boards: the heads of the codes' chain and of the ballots' chain.
    pub parts: Option<(String, String)>,
    /// Tracking codes (= ballots) on the board.
    pub ballots: usize,
}

/// Why an export does not hold together. Lines are numbered from 1, as an editor shows them.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("election.json: {0}")]
    Config(String),
    #[error("ballots.jsonl: ballot line {line}: {message}")]
    Ballot { line: usize, message: String },
    #[error("ballots.jsonl: ballot line {line} is not in its canonical form")]
    NotCanonical { line: usize },
    #[error(transparent)]
    Board(#[from] BoardError),
    #[error("ballots.jsonl: {0}")]
    Count(TallyError),
}

/// Recounts an export and rebuilds its board head, refusing a ballot line that is not in
/// its canonical form (a line a voter could have shaped to recognise their own ballot) or
/// out of the order the receipt mode publishes.
pub fn recount_export(
    election_json: &str,
    ballots_jsonl: &str,
    codes_txt: &str,
) -> Result<Recount, ExportError> {
    let config: ElectionConfig =
        serde_json::from_str(election_json).map_err(|e| ExportError::Config(e.to_string()))?;
    let codes: Vec<&str> = codes_txt
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut ballots = Vec::new();
    let mut lines = Vec::new();
    for (index, line) in ballots_jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |message: String| ExportError::Ballot {
            line: index + 1,
            message,
        };
        let ballot: Ballot = serde_json::from_str(line).map_err(|e| at(e.to_string()))?;
        let canonical = canonical_ballot(&config, &ballot).map_err(|e| at(e.to_string()))?;
        if canonical != ballot {
            return Err(ExportError::NotCanonical { line: index + 1 });
        }
        lines.push(board::canonical(&ballot));
        ballots.push(ballot);
    }
    let line_refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (head, parts) = board::verify(config.receipts, &codes, &line_refs)?;
    let result = tally(
        &config,
        ballots.into_iter().enumerate().map(|(i, b)| (i + 1, b)),
    )
    .map_err(ExportError::Count)?;
    Ok(Recount {
        result,
        head,
        parts,
        ballots: codes.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ReceiptMode;

    const ELECTION: &str = r#"{"segments":[{"id":"A","seats":1,"alternates":0,"max_choices":1}],
        "parity":{"ratio":0.0,"scope":"election"},"tie_break":[],"lot_seed":"s",
        "candidates":[{"id":"c1","segment":"A","parity":false},{"id":"c2","segment":"A","parity":false}]}"#;

    /// The published board of `pairs` (tracking code, chosen candidate in segment A).
    fn publish(pairs: &[(&str, &str)]) -> board::Board {
        let entries = pairs
            .iter()
            .map(|(code, choice)| {
                let ballot: Ballot =
                    serde_json::from_str(&format!(r#"{{"choices":{{"A":["{choice}"]}}}}"#))
                        .expect("ballot");
                ((*code).to_owned(), ballot)
            })
            .collect();
        board::publish(ReceiptMode::Separate, entries)
    }

    /// The export files (`ballots.jsonl`, `tracking-codes.txt`) of `pairs`.
    fn export(pairs: &[(&str, &str)]) -> (String, String) {
        let published = publish(pairs);
        (published.ballots.join("\n"), published.codes.join("\n"))
    }

    #[test]
    fn a_published_export_recounts_to_its_head() {
        let pairs = [("AAAA", "c2"), ("BBBB", "c1"), ("CCCC", "c2")];
        let (ballots, codes) = export(&pairs);
        let head = publish(&pairs).head;
        let recount = recount_export(ELECTION, &ballots, &codes).expect("recount");
        assert_eq!(recount.head, head);
        assert_eq!(recount.ballots, 3);
        assert_eq!(recount.result.ballots.valid, 3);
        assert_eq!(
            recount.result.segments[0].1.titulares,
            vec!["c2".to_owned()]
        );
    }

    #[test]
    fn a_changed_ballot_changes_the_head_and_a_reshaped_one_is_refused() {
        let (ballots, codes) = export(&[("AAAA", "c1"), ("BBBB", "c2")]);
        let honest = recount_export(ELECTION, &ballots, &codes).expect("recount");
        let swapped = ballots.replace("c2", "c1");
        let tampered = recount_export(ELECTION, &swapped, &codes).expect("still a valid export");
        assert_ne!(tampered.head, honest.head);
        // A null ballot that still names someone: a pattern a voter could recognise.
        let mut lines: Vec<&str> = ballots.lines().collect();
        lines[0] = r#"{"null":true,"choices":{"A":["c1"]}}"#;
        let reshaped = lines.join("\n");
        assert!(matches!(
            recount_export(ELECTION, &reshaped, &codes),
            Err(ExportError::NotCanonical { line: 1 })
        ));
        let missing = ballots.lines().next().unwrap_or_default().to_owned();
        assert!(matches!(
            recount_export(ELECTION, &missing, &codes),
            Err(ExportError::Board(BoardError::CountMismatch { .. }))
        ));
    }
}
