//! `voz verify <export dir> [--head HEX]`: rebuilds the bulletin board's chain from an
//! export (tracking codes + ballots), compares its head with the published one, and
//! recounts. Anyone can run it without trusting the server.

use std::path::Path;

use voz_app::results::board;
use voz_app::results::count::{Ballot, ElectionConfig, tally};

type Outcome = Result<(), Box<dyn std::error::Error>>;

pub fn run(dir: &Path, published_head: Option<&str>) -> Outcome {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let config: ElectionConfig =
        serde_json::from_str(&read("election.json")?).map_err(|e| format!("election.json: {e}"))?;
    let codes: Vec<String> = read("tracking-codes.txt")?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_owned())
        .collect();
    let mut ballots = Vec::new();
    for (index, line) in read("ballots.jsonl")?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let ballot: Ballot = serde_json::from_str(line)
            .map_err(|e| format!("ballots.jsonl: ballot line {}: {e}", index + 1))?;
        ballots.push(ballot);
    }
    if codes.len() != ballots.len() {
        return Err(board::BoardError::CountMismatch {
            codes: codes.len(),
            ballots: ballots.len(),
        }
        .into());
    }
    let head = board::head(codes.iter().map(String::as_str).zip(&ballots))?;
    let result = tally(
        &config,
        ballots.into_iter().enumerate().map(|(i, b)| (i + 1, b)),
    )
    .map_err(|e| format!("ballots.jsonl: {e}"))?;
    println!("{}", serde_json::to_string_pretty(&result)?);
    eprintln!("{} ballots; chain head {head}", codes.len());
    match published_head {
        Some(published) if !published.trim().eq_ignore_ascii_case(&head) => Err(format!(
            "the chain head {head} differs from the published {published}: the export is not the published board"
        )
        .into()),
        Some(_) => {
            eprintln!("the head matches the published one");
            Ok(())
        }
        None => Ok(()),
    }
}
