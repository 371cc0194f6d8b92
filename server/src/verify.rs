//! `voz verify <export dir> [--head HEX]`: rebuilds the bulletin board's chains from an
//! export (tracking codes + ballots) as the election's receipt mode publishes them,
//! compares the head with the published one, checks that every ballot is in its canonical
//! form, and recounts. Anyone can run it without trusting the server.

use std::path::Path;

use voz_app::results::board;
use voz_app::results::count::{Ballot, ElectionConfig, canonical_ballot, tally};

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
    let mut lines = Vec::new();
    for (index, line) in read("ballots.jsonl")?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let ballot: Ballot = serde_json::from_str(line)
            .map_err(|e| format!("ballots.jsonl: ballot line {}: {e}", index + 1))?;
        let canonical = canonical_ballot(&config, &ballot)
            .map_err(|e| format!("ballots.jsonl: ballot line {}: {e}", index + 1))?;
        if canonical != ballot {
            return Err(format!(
                "ballots.jsonl: ballot line {} is not in its canonical form",
                index + 1
            )
            .into());
        }
        lines.push(board::canonical(&ballot));
        ballots.push(ballot);
    }
    let code_refs: Vec<&str> = codes.iter().map(String::as_str).collect();
    let line_refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (head, parts) = board::verify(config.receipts, &code_refs, &line_refs)?;
    let result = tally(
        &config,
        ballots.into_iter().enumerate().map(|(i, b)| (i + 1, b)),
    )
    .map_err(|e| format!("ballots.jsonl: {e}"))?;
    println!("{}", serde_json::to_string_pretty(&result)?);
    eprintln!(
        "{} ballots; receipts {}; board head {head}",
        codes.len(),
        config.receipts.code()
    );
    if let Some((codes_head, ballots_head)) = parts {
        eprintln!("codes chain head {codes_head}; ballots chain head {ballots_head}");
    }
    match published_head {
        Some(published) if !published.trim().eq_ignore_ascii_case(&head) => Err(format!(
            "the board head {head} differs from the published {published}: the export is not the published board"
        )
        .into()),
        Some(_) => {
            eprintln!("the head matches the published one");
            Ok(())
        }
        None => Ok(()),
    }
}
