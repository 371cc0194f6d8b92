//! The bulletin board's hash chain, as pure functions that `voz verify` runs too.
//!
//! Once voting closes every ballot is published with its tracking code, in tracking-code
//! order. Entry *i* links the previous hash, the code and the ballot's canonical JSON (as
//! `serde_json` writes a [`Ballot`]):
//! `h_i = sha256_hex(h_{i-1} + "\n" + code_i + "\n" + json_i)`, with `h_0` = 64 zeros.
//! The last hash (the head) is published on the election's page: a ballot added, removed
//! or altered afterwards changes it.

use sha2::{Digest as _, Sha256};

use crate::results::count::Ballot;

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

/// Why a published board does not hold together.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BoardError {
    #[error("{codes} tracking codes for {ballots} ballots")]
    CountMismatch { codes: usize, ballots: usize },
    #[error("tracking code {line} ({code:?}) is out of order or repeated")]
    Order { line: usize, code: String },
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
