//! The bulletin board's hash chains, as pure functions that `voz verify` runs too.
//!
//! Once voting closes every tracking code and every ballot is published. How depends on the
//! election's [`ReceiptMode`]:
//!
//! - `separate` (default): two lists, each sorted on its own — the codes in byte order, the
//!   ballots by their canonical JSON (so the list's order says nothing about who or when) —
//!   and chained apart: `c_i = sha256_hex(c_{i-1} + "\n" + code_i)`,
//!   `b_i = sha256_hex(b_{i-1} + "\n" + json_i)`, both from 64 zeros; the board's head is
//!   `sha256_hex("separate\n" + c_n + "\n" + b_n)`. A voter finds their code (their ballot
//!   was counted) but nothing ties it to a line of the ballots.
//! - `paired`: one list of (code, ballot) in code order,
//!   `h_i = sha256_hex(h_{i-1} + "\n" + code_i + "\n" + json_i)`; the head is `h_n`.
//!
//! `json_i` is the ballot's canonical JSON (as `serde_json` writes a canonical [`Ballot`]).
//! The head is published on the election's page: a ballot or code added, removed or
//! altered afterwards changes it.

use sha2::{Digest as _, Sha256};

use crate::{Ballot, ReceiptMode};

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The canonical JSON of a ballot: what is hashed and what the export's lines hold.
pub fn canonical(ballot: &Ballot) -> String {
    serde_json::to_string(ballot).unwrap_or_default()
}

pub fn link(previous: &str, code: &str, ballot: &Ballot) -> String {
    let mut hasher = Sha256::new();
    hasher.update(previous.as_bytes());
    hasher.update(b"\n");
    hasher.update(code.as_bytes());
    hasher.update(b"\n");
    hasher.update(canonical(ballot).as_bytes());
    hex::encode(hasher.finalize())
}

fn chain_step(previous: &str, item: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(previous.as_bytes());
    hasher.update(b"\n");
    hasher.update(item.as_bytes());
    hex::encode(hasher.finalize())
}

/// Why a published board does not hold together.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BoardError {
    #[error("{codes} tracking codes for {ballots} ballots")]
    CountMismatch { codes: usize, ballots: usize },
    #[error("tracking code {line} ({code:?}) is out of order or repeated")]
    Order { line: usize, code: String },
    #[error("ballot line {line} is out of order")]
    BallotOrder { line: usize },
}

/// The published board of one election: the codes and ballots in the order the mode
/// publishes them, and the head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Board {
    pub mode: ReceiptMode,
    /// Tracking codes, in the order of `tracking-codes.txt`.
    pub codes: Vec<String>,
    /// Ballots, in the order of `ballots.jsonl` (each its canonical JSON).
    pub ballots: Vec<String>,
    pub head: String,
    /// `separate` only: the heads of the codes' chain and of the ballots' chain.
    pub parts: Option<(String, String)>,
}

/// Publishes `entries` (code, canonical ballot) as `mode` says. The pairs may come in any
/// order; in `separate` mode the pairing is dropped here.
pub fn publish(mode: ReceiptMode, mut entries: Vec<(String, Ballot)>) -> Board {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    match mode {
        ReceiptMode::Paired => {
            let head = head(entries.iter().map(|(c, b)| (c.as_str(), b)))
                .unwrap_or_else(|_| GENESIS.to_owned());
            let (codes, ballots) = entries
                .into_iter()
                .map(|(code, ballot)| (code, canonical(&ballot)))
                .unzip();
            Board {
                mode,
                codes,
                ballots,
                head,
                parts: None,
            }
        }
        ReceiptMode::Separate => {
            let codes: Vec<String> = entries.iter().map(|(c, _)| c.clone()).collect();
            let mut ballots: Vec<String> = entries.iter().map(|(_, b)| canonical(b)).collect();
            ballots.sort_unstable();
            let codes_head = codes
                .iter()
                .fold(GENESIS.to_owned(), |h, c| chain_step(&h, c));
            let ballots_head = ballots
                .iter()
                .fold(GENESIS.to_owned(), |h, b| chain_step(&h, b));
            Board {
                mode,
                head: separate_head(&codes_head, &ballots_head),
                codes,
                ballots,
                parts: Some((codes_head, ballots_head)),
            }
        }
    }
}

/// The board's head in `separate` mode, from the heads of its two chains.
pub fn separate_head(codes_head: &str, ballots_head: &str) -> String {
    chain_step(&format!("separate\n{codes_head}"), ballots_head)
}

/// Rebuilds the head of a published board (`voz verify`): `codes` and `ballot_lines`
/// (canonical JSON, as in `ballots.jsonl`) in their published order, which is checked.
pub fn verify(
    mode: ReceiptMode,
    codes: &[&str],
    ballot_lines: &[&str],
) -> Result<(String, Option<(String, String)>), BoardError> {
    if codes.len() != ballot_lines.len() {
        return Err(BoardError::CountMismatch {
            codes: codes.len(),
            ballots: ballot_lines.len(),
        });
    }
    for (line, pair) in codes.windows(2).enumerate() {
        if pair[0] >= pair[1] {
            return Err(BoardError::Order {
                line: line + 2,
                code: pair[1].to_owned(),
            });
        }
    }
    match mode {
        ReceiptMode::Paired => {
            let head = codes
                .iter()
                .zip(ballot_lines)
                .fold(GENESIS.to_owned(), |h, (c, b)| {
                    chain_step(&h, &format!("{c}\n{b}"))
                });
            Ok((head, None))
        }
        ReceiptMode::Separate => {
            for (line, pair) in ballot_lines.windows(2).enumerate() {
                if pair[0] > pair[1] {
                    return Err(BoardError::BallotOrder { line: line + 2 });
                }
            }
            let codes_head = codes
                .iter()
                .fold(GENESIS.to_owned(), |h, c| chain_step(&h, c));
            let ballots_head = ballot_lines
                .iter()
                .fold(GENESIS.to_owned(), |h, b| chain_step(&h, b));
            Ok((
                separate_head(&codes_head, &ballots_head),
                Some((codes_head, ballots_head)),
            ))
        }
    }
}

/// The head of the chain over `(code, ballot)` pairs, which must be in strictly increasing
/// code order (so each code appears once).
pub fn head<'a>(
    entries: impl IntoIterator<Item = (&'a str, &'a Ballot)>,
) -> Result<String, BoardError> {
    let mut hash = GENESIS.to_owned();
    let mut last: Option<&str> = None;
    for (line, (code, ballot)) in entries.into_iter().enumerate() {
        if last.is_some_and(|previous| previous >= code) {
            return Err(BoardError::Order {
                line: line + 1,
                code: code.to_owned(),
            });
        }
        last = Some(code);
        hash = link(&hash, code, ballot);
    }
    Ok(hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ballot(a: &str) -> Ballot {
        Ballot {
            null: false,
            choices: vec![("A".into(), vec![a.into()])],
        }
    }

    #[test]
    fn an_empty_board_has_the_genesis_head_and_order_is_enforced() {
        assert_eq!(head([]).expect("empty"), GENESIS);
        let (x, y) = (ballot("c1"), ballot("c2"));
        assert!(head([("AAAA", &x), ("BBBB", &y)]).is_ok());
        assert_eq!(
            head([("BBBB", &x), ("AAAA", &y)]),
            Err(BoardError::Order {
                line: 2,
                code: "AAAA".into()
            })
        );
        assert!(head([("AAAA", &x), ("AAAA", &y)]).is_err(), "a code twice");
    }

    #[test]
    fn the_hash_is_the_published_formula() {
        let x = ballot("c1");
        let expected = hex::encode(Sha256::digest(
            format!("{GENESIS}\nAAAA\n{{\"choices\":{{\"A\":[\"c1\"]}}}}").as_bytes(),
        ));
        assert_eq!(head([("AAAA", &x)]).expect("head"), expected);
    }

    #[test]
    fn separate_boards_drop_the_pairing_and_verify_recomputes_both_modes() {
        let entries = vec![
            ("BBBB".to_owned(), ballot("c1")),
            ("AAAA".to_owned(), ballot("c2")),
            ("CCCC".to_owned(), ballot("c1")),
        ];
        let paired = publish(ReceiptMode::Paired, entries.clone());
        assert_eq!(paired.codes, ["AAAA", "BBBB", "CCCC"]);
        assert_eq!(
            paired.ballots[0],
            canonical(&ballot("c2")),
            "paired: code with its ballot"
        );
        let separate = publish(ReceiptMode::Separate, entries);
        assert_eq!(separate.codes, ["AAAA", "BBBB", "CCCC"]);
        let mut sorted = separate.ballots.clone();
        sorted.sort();
        assert_eq!(separate.ballots, sorted, "ballots by content, not by code");
        assert_ne!(separate.head, paired.head);
        for board in [&paired, &separate] {
            let codes: Vec<&str> = board.codes.iter().map(String::as_str).collect();
            let lines: Vec<&str> = board.ballots.iter().map(String::as_str).collect();
            let (head, parts) = verify(board.mode, &codes, &lines).expect("verifies");
            assert_eq!(head, board.head);
            assert_eq!(parts, board.parts);
            assert!(
                verify(board.mode, &codes[1..], &lines).is_err(),
                "a code missing"
            );
        }
        let (codes_head, ballots_head) = separate.parts.clone().expect("parts");
        let expected = hex::encode(Sha256::digest(
            format!("separate\n{codes_head}\n{ballots_head}").as_bytes(),
        ));
        assert_eq!(separate.head, expected, "the published formula");
        let mut swapped = separate.ballots.clone();
        swapped.swap(0, 2);
        let lines: Vec<&str> = swapped.iter().map(String::as_str).collect();
        let codes: Vec<&str> = separate.codes.iter().map(String::as_str).collect();
        assert!(
            verify(ReceiptMode::Separate, &codes, &lines).is_err()
                || verify(ReceiptMode::Separate, &codes, &lines).expect("ok").0 == separate.head,
            "reordering ballots is refused (or is no change at all)"
        );
    }

    proptest! {
        #[test]
        fn any_change_to_any_ballot_changes_the_head(
            picks in proptest::collection::vec(1u8..9, 1..20),
            at in 0usize..20,
            to in 10u8..20,
        ) {
            let ballots: Vec<Ballot> = picks.iter().map(|p| ballot(&format!("c{p}"))).collect();
            let codes: Vec<String> = (0..ballots.len()).map(|i| format!("{i:04}")).collect();
            let original = head(codes.iter().map(String::as_str).zip(&ballots)).expect("head");
            let mut altered = ballots.clone();
            let at = at % altered.len();
            altered[at] = ballot(&format!("c{to}"));
            let changed = head(codes.iter().map(String::as_str).zip(&altered)).expect("head");
            prop_assert_ne!(original, changed);
            // Dropping a ballot changes it too.
            let fewer = head(codes.iter().map(String::as_str).zip(&ballots).take(ballots.len() - 1)).expect("head");
            prop_assert_ne!(&fewer, &head(codes.iter().map(String::as_str).zip(&ballots)).expect("head"));
        }
    }
}
