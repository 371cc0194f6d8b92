//! `voz tally <election.json> <ballots.jsonl>`: the published counting rule, offline. The
//! public ballot export after an election is exactly this input, so anyone can recount.

use std::io::{BufReader, Write as _};
use std::path::Path;

use voz_app::results::count::{ElectionConfig, TallyError, tally_jsonl};

type Outcome = Result<(), Box<dyn std::error::Error>>;

pub fn run(election: &Path, ballots: &Path) -> Outcome {
    let config: ElectionConfig = serde_json::from_reader(BufReader::new(open(election)?))
        .map_err(|e| format!("{}: {e}", election.display()))?;
    let input = std::fs::read(ballots).map_err(|e| format!("{}: {e}", ballots.display()))?;
    let result = tally_jsonl(&config, &input).map_err(|e| match e {
        TallyError::Ballot { ballot, problem } => {
            format!("{}: ballot line {ballot}: {problem}", ballots.display())
        }
        TallyError::Unreadable { ballot, message } => {
            format!("{}: ballot line {ballot}: {message}", ballots.display())
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
