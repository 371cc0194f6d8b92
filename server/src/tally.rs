//! `voz tally <election.json> <ballots.jsonl>`: the published counting rule, offline. The
//! public ballot export after an election is exactly this input, so anyone can recount.

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::Path;

use voz_app::results::count::{Ballot, ElectionConfig, tally};

type Outcome = Result<(), Box<dyn std::error::Error>>;

pub fn run(election: &Path, ballots: &Path) -> Outcome {
    let config: ElectionConfig = serde_json::from_reader(BufReader::new(open(election)?))
        .map_err(|e| format!("{}: {e}", election.display()))?;
    let mut parsed = Vec::new();
    for (index, line) in BufReader::new(open(ballots)?).lines().enumerate() {
        let number = index + 1;
        let line = line.map_err(|e| format!("{}: line {number}: {e}", ballots.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let ballot: Ballot = serde_json::from_str(&line)
            .map_err(|e| format!("{}: ballot line {number}: {e}", ballots.display()))?;
        parsed.push((number, ballot));
    }
    let result = tally(&config, parsed).map_err(|e| match e {
        voz_app::results::count::TallyError::Ballot { ballot, problem } => {
            format!("{}: ballot line {ballot}: {problem}", ballots.display())
        }
        other => format!("{}: {other}", election.display()),
    })?;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &result)?;
    writeln!(out)?;
    Ok(())
}

fn open(path: &Path) -> Result<std::fs::File, String> {
    std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))
}
