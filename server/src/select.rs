//! `voz select <call.json> <scores.jsonl> [<votes.json>]`: an open call's published
//! selection rule, offline. A call's public export after selection is exactly this input,
//! so anyone can check the jury record.

use std::io::Write as _;
use std::path::Path;

use voz_app::calls::select::{CallConfig, SelectError, Votes, select_jsonl};

type Outcome = Result<(), Box<dyn std::error::Error>>;

pub fn run(call: &Path, scores: &Path, votes: Option<&Path>) -> Outcome {
    let votes_file = votes;
    let config: CallConfig =
        serde_json::from_slice(&read(call)?).map_err(|e| format!("{}: {e}", call.display()))?;
    let votes: Option<Votes> = match votes {
        Some(path) => Some(
            serde_json::from_slice(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))?,
        ),
        None => None,
    };
    let input = read(scores)?;
    let result = select_jsonl(&config, &input, votes.as_ref()).map_err(|e| match e {
        SelectError::Line { line, problem } => {
            format!("{}: line {line}: {problem}", scores.display())
        }
        SelectError::Votes(problem) => {
            let file = votes_file.map_or_else(String::new, |p| p.display().to_string());
            format!("{file}: {problem}")
        }
        SelectError::Config(problem) => format!("{}: {problem}", call.display()),
    })?;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &result)?;
    writeln!(out)?;
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}
