//! Counting a `ballots.jsonl` export held in memory, the way `voz tally` and the browser
//! recount read it. Reading the JSON is most of the work, so the file is cut at line ends
//! into one part per core, each part is parsed and summed on its own thread, and the sums
//! are added: the result is the one `tally` gives, whatever the number of parts. A bad line
//! stops the count and is named by its line number (the first bad one in the file).

use serde::Deserialize;

use crate::{Ballot, Election, ElectionConfig, Sums, TallyError, TallyResult};

/// Counts the ballots of a JSON-lines export (one ballot per line; blank lines are
/// skipped). Errors name the ballot by its 1-based line number.
pub fn tally_jsonl(config: &ElectionConfig, input: &[u8]) -> Result<TallyResult, TallyError> {
    // Threads are a speed-up, never a requirement: where there are none (WASM in a
    // browser) the whole file is one part.
    let parts = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    tally_in_parts(config, input, parts)
}

/// `tally_jsonl` with the file cut into (up to) `parts` parts.
pub(crate) fn tally_in_parts(
    config: &ElectionConfig,
    input: &[u8],
    parts: usize,
) -> Result<TallyResult, TallyError> {
    let election = Election::new(config)?;
    let chunks = split_at_line_ends(input, parts);
    let counted: Vec<Part> = if chunks.len() == 1 {
        vec![count_part(&election, chunks[0])]
    } else {
        std::thread::scope(|scope| {
            let running: Vec<_> = chunks
                .iter()
                .map(|chunk| scope.spawn(|| count_part(&election, chunk)))
                .collect();
            running
                .into_iter()
                .map(|part| part.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        })
    };
    let mut total = Sums::new(&election);
    let mut first_line = 1;
    for part in counted {
        match part.sums {
            Ok(sums) => total.merge(&sums),
            Err((line, error)) => return Err(error.at(first_line + line)),
        }
        first_line += part.lines;
    }
    Ok(total.result(&election).0)
}

/// One part's sums, or its first bad line (counted from 0 within the part).
struct Part {
    sums: Result<Sums, (usize, LineError)>,
    /// Line ends in the part: where the next part's numbering starts.
    lines: usize,
}

enum LineError {
    Json(String),
    Ballot(crate::BallotProblem),
}

impl LineError {
    fn at(self, line: usize) -> TallyError {
        match self {
            Self::Json(message) => TallyError::Unreadable {
                ballot: line,
                message,
            },
            Self::Ballot(problem) => TallyError::Ballot {
                ballot: line,
                problem,
            },
        }
    }
}

/// A ballot line read in place: ids point into the file instead of being copied.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BorrowedBallot<'a> {
    #[serde(default)]
    null: bool,
    #[serde(default, borrow, deserialize_with = "crate::ordered_map::pairs")]
    choices: Vec<(&'a str, Vec<&'a str>)>,
}

fn count_part(election: &Election<'_>, chunk: &[u8]) -> Part {
    let mut sums = Sums::new(election);
    let mut lines = 0;
    for (index, line) in chunk.split(|&b| b == b'\n').enumerate() {
        lines = index;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if let Err(error) = add_line(election, &mut sums, line) {
            return Part {
                sums: Err((index, error)),
                lines,
            };
        }
    }
    Part {
        sums: Ok(sums),
        lines,
    }
}

fn add_line(election: &Election<'_>, sums: &mut Sums, line: &[u8]) -> Result<(), LineError> {
    let added = match serde_json::from_slice::<BorrowedBallot<'_>>(line) {
        Ok(ballot) => sums.add(election, ballot.null, &ballot.choices),
        // An id written with a JSON escape (`"c\u0031"`) cannot be read in place: read that
        // line into owned strings (which also gives the real error of a bad line).
        Err(_) => {
            let ballot: Ballot =
                serde_json::from_slice(line).map_err(|e| LineError::Json(e.to_string()))?;
            sums.add(election, ballot.null, &ballot.choices)
        }
    };
    added.map_err(LineError::Ballot)
}

/// `input` cut into about `parts` pieces of similar size, each ending at a line end (the
/// last at the end of the input).
fn split_at_line_ends(input: &[u8], parts: usize) -> Vec<&[u8]> {
    let mut chunks = Vec::with_capacity(parts);
    let mut start = 0;
    for part in 1..parts {
        let target = (input.len() * part / parts).max(start);
        let Some(end) = input[target..].iter().position(|&b| b == b'\n') else {
            break;
        };
        let end = target + end + 1;
        chunks.push(&input[start..end]);
        start = end;
    }
    chunks.push(&input[start..]);
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_end_at_line_ends_and_cover_the_input() {
        let input = b"{\"null\":true}\n\n{\"null\":true}\n{\"null\":true}";
        for parts in 1..=6 {
            let chunks = split_at_line_ends(input, parts);
            assert_eq!(chunks.concat(), input.to_vec());
            for chunk in &chunks[..chunks.len() - 1] {
                assert_eq!(chunk.last(), Some(&b'\n'));
            }
        }
    }
}
