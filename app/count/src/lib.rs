//! The count, exactly as Voz publishes it (README, "Counting"). Pure: an election's
//! configuration and its ballots in, a result out; `voz tally` runs this same code.
//!
//! Steps: rank candidates → segment titulares → extra titulares → parity swaps on the
//! titulares → alternates → parity swaps on the alternates → report.

use std::cmp::Ordering;
use std::collections::HashMap;

pub mod board;
pub mod date;
mod jsonl;
mod seats;
#[cfg(test)]
mod tests;
pub mod verify;

use seats::Seats;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

pub use date::Date;
pub use jsonl::tally_jsonl;

/// `election.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionConfig {
    pub segments: Vec<SegmentConfig>,
    #[serde(default)]
    pub extra_seats: usize,
    pub parity: ParityConfig,
    #[serde(default)]
    pub tie_break: Vec<TieBreak>,
    #[serde(default)]
    pub lot_seed: String,
    pub candidates: Vec<CandidateConfig>,
    /// How the bulletin board publishes tracking codes (read by `voz verify`; the count
    /// itself ignores it).
    #[serde(default)]
    pub receipts: ReceiptMode,
}

/// What a tracking code proves, chosen when the election is configured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptMode {
    /// The codes and the ballots are published as two lists, each sorted on its own and
    /// chained apart: a voter proves their ballot was counted, nobody can prove what it
    /// says (so a code is worth nothing to someone buying or coercing a vote).
    #[default]
    Separate,
    /// Each code is published next to its ballot: a voter can check their own choice was
    /// counted, and so can anyone they show the code to.
    Paired,
}

impl ReceiptMode {
    pub const ALL: [ReceiptMode; 2] = [ReceiptMode::Separate, ReceiptMode::Paired];

    pub fn code(self) -> &'static str {
        match self {
            Self::Separate => "separate",
            Self::Paired => "paired",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentConfig {
    pub id: String,
    pub seats: usize,
    pub alternates: usize,
    pub max_choices: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParityConfig {
    /// Share of each group that must be in the parity group, e.g. 0.5; read to six
    /// decimal places so that `ceil(ratio × n)` is computed exactly, in integers.
    pub ratio: f64,
    pub scope: ParityScope,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParityScope {
    Election,
    Segment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieBreak {
    /// Earlier birth (or founding) date first.
    OlderFirst,
    /// Smaller SHA-256 of "<lot_seed>:<candidate id>" first.
    Lot,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateConfig {
    pub id: String,
    pub segment: String,
    /// Whether the candidate is in the parity group.
    pub parity: bool,
    #[serde(default)]
    pub birth_date: Option<Date>,
}

/// One line of `ballots.jsonl`: `{"choices": {"A": ["c1"], "B": []}}` or `{"null": true}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub null: bool,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "ordered_choices"
    )]
    pub choices: Vec<(String, Vec<String>)>,
}

/// Choices as a JSON object, keeping the order they were written in.
mod ordered_choices {
    pub use super::ordered_map::{deserialize, serialize};
}

/// A list of (key, value) pairs as a JSON object, in its order both ways (the count's
/// output lists segments in configuration order and candidates by rank).
mod ordered_map {
    use serde::de::{Deserialize, MapAccess, Visitor};
    use serde::ser::{Serialize, SerializeMap};
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer, V: Serialize>(
        entries: &[(String, V)],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(entries.len()))?;
        for (key, value) in entries {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>, V: Deserialize<'de>>(
        d: D,
    ) -> Result<Vec<(String, V)>, D::Error> {
        pairs(d)
    }

    /// The entries of an object in order, with keys of any type (`&str` to read in place).
    pub fn pairs<'de, D, K, V>(d: D) -> Result<Vec<(K, V)>, D::Error>
    where
        D: Deserializer<'de>,
        K: Deserialize<'de>,
        V: Deserialize<'de>,
    {
        struct Entries<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Entries<K, V> {
            type Value = Vec<(K, V)>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Entries(std::marker::PhantomData))
    }
}

/// Why a count stopped. It never guesses: a bad ballot is named, not skipped.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TallyError {
    #[error("election: {0}")]
    Config(String),
    #[error("ballot {ballot}: {problem}")]
    Ballot {
        ballot: usize,
        problem: BallotProblem,
    },
    /// A line of a ballots file that is not a ballot in JSON.
    #[error("ballot {ballot}: {message}")]
    Unreadable { ballot: usize, message: String },
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BallotProblem {
    #[error("unknown segment {0:?}")]
    UnknownSegment(String),
    #[error("segment {0:?} appears twice")]
    RepeatedSegment(String),
    #[error("unknown candidate {0:?}")]
    UnknownCandidate(String),
    #[error("candidate {candidate:?} belongs to segment {belongs_to:?}, not {marked_in:?}")]
    WrongSegment {
        candidate: String,
        belongs_to: String,
        marked_in: String,
    },
    #[error("candidate {0:?} is chosen twice")]
    Duplicate(String),
    #[error("segment {segment:?} has {chosen} choices, more than its {max} allowed")]
    TooManyChoices {
        segment: String,
        chosen: usize,
        max: usize,
    },
}

/// The result, as `voz tally` prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TallyResult {
    #[serde(with = "ordered_map")]
    pub segments: Vec<(String, SegmentResult)>,
    pub extra: Vec<String>,
    pub ballots: BallotCounts,
    pub parity: ParityOutcome,
    pub alternates_parity: ParityOutcome,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentResult {
    /// Candidate id → votes, ordered by rank.
    #[serde(with = "ordered_map")]
    pub votes: Vec<(String, u64)>,
    pub blank: u64,
    pub titulares: Vec<String>,
    pub alternates: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotCounts {
    pub total: u64,
    pub valid: u64,
    pub blank: u64,
    pub null: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParityOutcome {
    pub required: usize,
    pub achieved: usize,
    pub met: bool,
}

/// A validated election: candidates indexed, each with its rank position.
struct Election<'a> {
    config: &'a ElectionConfig,
    segment_of: Vec<usize>,
    index: HashMap<&'a str, usize>,
    segment_index: HashMap<&'a str, usize>,
    ratio_millionths: u64,
}

impl<'a> Election<'a> {
    fn new(config: &'a ElectionConfig) -> Result<Self, TallyError> {
        let bad = |message: String| Err(TallyError::Config(message));
        let mut segment_index = HashMap::new();
        for (i, segment) in config.segments.iter().enumerate() {
            if segment_index.insert(segment.id.as_str(), i).is_some() {
                return bad(format!("segment {:?} is defined twice", segment.id));
            }
        }
        let mut index = HashMap::new();
        let mut segment_of = Vec::with_capacity(config.candidates.len());
        for (i, candidate) in config.candidates.iter().enumerate() {
            if index.insert(candidate.id.as_str(), i).is_some() {
                return bad(format!("candidate {:?} is defined twice", candidate.id));
            }
            match segment_index.get(candidate.segment.as_str()) {
                Some(&s) => segment_of.push(s),
                None => {
                    return bad(format!(
                        "candidate {:?} names unknown segment {:?}",
                        candidate.id, candidate.segment
                    ));
                }
            }
            if config.tie_break.contains(&TieBreak::OlderFirst) && candidate.birth_date.is_none() {
                return bad(format!(
                    "candidate {:?} needs a birth_date for the older_first tie-break",
                    candidate.id
                ));
            }
        }
        if config.tie_break.contains(&TieBreak::Lot)
            && (config.lot_seed.is_empty()
                || !config.lot_seed.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return bad("the lot tie-break needs a hexadecimal lot_seed".into());
        }
        let ratio = config.parity.ratio;
        if !(0.0..=1.0).contains(&ratio) {
            return bad(format!("parity ratio {ratio} is not between 0 and 1"));
        }
        let ratio_millionths = (ratio * 1_000_000.0).round() as u64;
        Ok(Self {
            config,
            segment_of,
            index,
            segment_index,
            ratio_millionths,
        })
    }

    /// `ceil(ratio × n)`, exactly.
    fn required(&self, n: usize) -> usize {
        (n as u64 * self.ratio_millionths).div_ceil(1_000_000) as usize
    }

    fn parity(&self, candidate: usize) -> bool {
        self.config.candidates[candidate].parity
    }
}

/// One parity swap the count made (step 3 or 4), for explaining a result in words: in a
/// seat set (`segment`, or the extra seats when `None`; among alternates or titulares),
/// the lowest-ranked candidate outside the parity group (`out`) gave up the seat to the
/// highest-ranked parity candidate not yet seated (`incoming`). Not part of `voz tally`'s
/// output, which the result alone determines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Swap {
    pub segment: Option<String>,
    pub alternates: bool,
    pub out: String,
    pub incoming: String,
}

/// Counts ballots. `ballots` yields each ballot with its number (for error messages).
pub fn tally<I>(config: &ElectionConfig, ballots: I) -> Result<TallyResult, TallyError>
where
    I: IntoIterator<Item = (usize, Ballot)>,
{
    tally_explained(config, ballots).map(|(result, _)| result)
}

/// [`tally`], with the parity swaps it made, in order.
pub fn tally_explained<I>(
    config: &ElectionConfig,
    ballots: I,
) -> Result<(TallyResult, Vec<Swap>), TallyError>
where
    I: IntoIterator<Item = (usize, Ballot)>,
{
    let election = Election::new(config)?;
    let mut sums = Sums::new(&election);
    for (number, ballot) in ballots {
        sums.add(&election, ballot.null, &ballot.choices)
            .map_err(|problem| TallyError::Ballot {
                ballot: number,
                problem,
            })?;
    }
    Ok(sums.result(&election))
}

/// What the count adds up, ballot by ballot; sums of parts of the ballots add up to the
/// sum of all of them (so parts may be counted apart, on several threads).
struct Sums {
    votes: Vec<u64>,
    blank_by_segment: Vec<u64>,
    counts: BallotCounts,
    marks: Marks,
}

impl Sums {
    fn new(election: &Election<'_>) -> Self {
        let segments = election.config.segments.len();
        Self {
            votes: vec![0; election.config.candidates.len()],
            blank_by_segment: vec![0; segments],
            counts: BallotCounts::default(),
            marks: Marks::default(),
        }
    }

    fn add<S: AsRef<str>>(
        &mut self,
        election: &Election<'_>,
        null: bool,
        choices: &[(S, Vec<S>)],
    ) -> Result<(), BallotProblem> {
        self.counts.total += 1;
        if null {
            self.counts.null += 1;
            return Ok(());
        }
        check_ballot(election, choices, &mut self.marks)?;
        for (segment, ids) in self.marks.chosen.iter().enumerate() {
            if ids.is_empty() {
                self.blank_by_segment[segment] += 1;
            }
            for &candidate in ids {
                self.votes[candidate] += 1;
            }
        }
        if self.marks.chosen.iter().all(Vec::is_empty) {
            self.counts.blank += 1;
        } else {
            self.counts.valid += 1;
        }
        Ok(())
    }

    fn merge(&mut self, other: &Sums) {
        let add = |into: &mut [u64], from: &[u64]| {
            into.iter_mut().zip(from).for_each(|(a, b)| *a += b);
        };
        add(&mut self.votes, &other.votes);
        add(&mut self.blank_by_segment, &other.blank_by_segment);
        self.counts.total += other.counts.total;
        self.counts.valid += other.counts.valid;
        self.counts.blank += other.counts.blank;
        self.counts.null += other.counts.null;
    }

    fn result(self, election: &Election<'_>) -> (TallyResult, Vec<Swap>) {
        let order = rank_order(election, &self.votes);
        let mut position = vec![0usize; order.len()];
        for (rank, &candidate) in order.iter().enumerate() {
            position[candidate] = rank;
        }
        let seats = Seats::elect(election, &order, &position, &self.votes);
        seats.report(
            election,
            &order,
            &self.votes,
            self.blank_by_segment,
            self.counts,
        )
    }
}

/// Checks one ballot against an election, as the count will: for refusing a bad ballot
/// when it is cast rather than stopping the count later.
pub fn validate_ballot(config: &ElectionConfig, ballot: &Ballot) -> Result<(), TallyError> {
    let election = Election::new(config)?;
    if ballot.null {
        return Ok(());
    }
    check_ballot(&election, &ballot.choices, &mut Marks::default())
        .map_err(|problem| TallyError::Ballot { ballot: 1, problem })
}

/// The one stored and published form of a valid ballot, so that no voter can mark their
/// ballot with a pattern of their own (an order of segments or names, a null ballot that
/// still carries choices): every configured segment, in configuration order, each with its
/// candidate ids sorted in byte order; a null ballot carries no choices. Two ballots that
/// choose the same candidates have the same canonical form, hence the same bytes.
pub fn canonical_ballot(config: &ElectionConfig, ballot: &Ballot) -> Result<Ballot, TallyError> {
    let election = Election::new(config)?;
    if ballot.null {
        return Ok(Ballot {
            null: true,
            choices: Vec::new(),
        });
    }
    let mut marks = Marks::default();
    check_ballot(&election, &ballot.choices, &mut marks)
        .map_err(|problem| TallyError::Ballot { ballot: 1, problem })?;
    let chosen = marks.chosen;
    let choices = config
        .segments
        .iter()
        .zip(chosen)
        .map(|(segment, picked)| {
            let mut ids: Vec<String> = picked
                .into_iter()
                .map(|c| config.candidates[c].id.clone())
                .collect();
            ids.sort_unstable();
            (segment.id.clone(), ids)
        })
        .collect();
    Ok(Ballot {
        null: false,
        choices,
    })
}

/// Checks an election's configuration (ids, segments, tie-break data, ratio).
pub fn validate_config(config: &ElectionConfig) -> Result<(), TallyError> {
    Election::new(config).map(|_| ())
}

/// One ballot's marks, by index: the candidates chosen per segment and the segments seen.
/// Kept from one ballot to the next to reuse their memory.
#[derive(Default)]
struct Marks {
    chosen: Vec<Vec<usize>>,
    seen: Vec<bool>,
}

/// Checks one ballot, leaving its marks in `marks`.
fn check_ballot<S: AsRef<str>>(
    election: &Election<'_>,
    choices: &[(S, Vec<S>)],
    marks: &mut Marks,
) -> Result<(), BallotProblem> {
    let segments = election.config.segments.len();
    marks.chosen.resize_with(segments, Vec::new);
    marks.chosen.iter_mut().for_each(Vec::clear);
    marks.seen.clear();
    marks.seen.resize(segments, false);
    let chosen = &mut marks.chosen;
    for (segment_id, ids) in choices {
        let segment_id = segment_id.as_ref();
        let &segment = election
            .segment_index
            .get(segment_id)
            .ok_or_else(|| BallotProblem::UnknownSegment(segment_id.into()))?;
        if std::mem::replace(&mut marks.seen[segment], true) {
            return Err(BallotProblem::RepeatedSegment(segment_id.into()));
        }
        let max = election.config.segments[segment].max_choices;
        if ids.len() > max {
            return Err(BallotProblem::TooManyChoices {
                segment: segment_id.into(),
                chosen: ids.len(),
                max,
            });
        }
        for id in ids {
            let id = id.as_ref();
            let &candidate = election
                .index
                .get(id)
                .ok_or_else(|| BallotProblem::UnknownCandidate(id.into()))?;
            if election.segment_of[candidate] != segment {
                return Err(BallotProblem::WrongSegment {
                    candidate: id.into(),
                    belongs_to: election.config.candidates[candidate].segment.clone(),
                    marked_in: segment_id.into(),
                });
            }
            if chosen[segment].contains(&candidate) {
                return Err(BallotProblem::Duplicate(id.into()));
            }
            chosen[segment].push(candidate);
        }
    }
    Ok(())
}

/// Every candidate, best first, by the published rank key: votes, then each tie-break in
/// order, then the id in byte order (so the order is total).
fn rank_order(election: &Election<'_>, votes: &[u64]) -> Vec<usize> {
    let config = election.config;
    let lots: Vec<String> = config
        .candidates
        .iter()
        .map(|c| {
            hex::encode(Sha256::digest(
                format!("{}:{}", config.lot_seed, c.id).as_bytes(),
            ))
        })
        .collect();
    let mut order: Vec<usize> = (0..config.candidates.len()).collect();
    order.sort_by(|&a, &b| {
        votes[b].cmp(&votes[a]).then_with(|| {
            config
                .tie_break
                .iter()
                .map(|rule| match rule {
                    TieBreak::OlderFirst => config.candidates[a]
                        .birth_date
                        .cmp(&config.candidates[b].birth_date),
                    TieBreak::Lot => lots[a].cmp(&lots[b]),
                })
                .find(|o| *o != Ordering::Equal)
                .unwrap_or(Ordering::Equal)
                .then_with(|| {
                    config.candidates[a]
                        .id
                        .as_bytes()
                        .cmp(config.candidates[b].id.as_bytes())
                })
        })
    });
    order
}

pub(crate) fn sum_groups(groups: &[ParityOutcome]) -> ParityOutcome {
    ParityOutcome {
        required: groups.iter().map(|g| g.required).sum(),
        achieved: groups.iter().map(|g| g.achieved).sum(),
        met: groups.iter().all(|g| g.met),
    }
}
