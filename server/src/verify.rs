//! `voz verify <export dir> [--head HEX]`: rebuilds the bulletin board's chains from an
//! export (tracking codes + ballots) as the election's receipt mode publishes them,
//! compares the head with the published one, checks that every ballot is in its canonical
//! form, and recounts. Anyone can run it without trusting the server; the results page's
//! "recount on this device" runs the same function (`voz_count::verify`) in the browser.

use std::path::Path;

use voz_app::results::count::verify::recount_export;

type Outcome = Result<(), Box<dyn std::error::Error>>;

pub fn run(dir: &Path, published_head: Option<&str>) -> Outcome {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let recount = recount_export(
        &read("election.json")?,
        &read("ballots.jsonl")?,
        &read("tracking-codes.txt")?,
    )?;
    println!("{}", serde_json::to_string_pretty(&recount.result)?);
    let head = recount.head;
    let mode = if recount.parts.is_some() {
        "separate"
    } else {
        "paired"
    };
    eprintln!(
        "{} ballots; receipts {mode}; board head {head}",
        recount.ballots
    );
    if let Some((codes_head, ballots_head)) = recount.parts {
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
