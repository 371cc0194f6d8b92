//! Who a conference event sends to the final plenary (DOMAIN.md § Process 2): the rule,
//! as a pure function. No storage, no I/O: the server calls it, `voz tally` recounts it.
//!
//! # The rule, in plain words
//!
//! 1. **Who can be chosen.** The candidates are the people who stood at the event. A person
//!    is a delegate of one event only, so whoever is already a delegate of another event is
//!    taken off the list before the vote ([`without_delegates_elsewhere`], which says who).
//! 2. **Who votes.** Each participant checked in at the event marks up to `max_choices`
//!    candidates (or leaves the ballot blank, or spoils it: a null ballot).
//! 3. **Ranking.** Every candidate gets one vote per ballot that marks them. More votes rank
//!    higher; equal votes are settled by lot: the smaller SHA-256 of
//!    `"<lot_seed>:<candidate id>"` ranks higher. The seed is drawn and published before
//!    the count starts, so nobody can pick it to favour someone and anyone can redo it.
//! 4. **Delegates.** The `delegates` best-ranked candidates are the delegates.
//! 5. **Quota.** At least `quota` of the delegates (e.g. ⅓), rounded up, must be migrants.
//!    While they are fewer, the lowest-ranked delegate who is not a migrant gives way to
//!    the best-ranked migrant who is not a delegate, one at a time. If no migrant
//!    candidate is left, the quota is not met and the result says so.
//! 6. **Reserve.** The next `reserve` best-ranked candidates form the ranked reserve list.
//!    The quota applies to the reserve list on its own, the same way: the lowest-ranked
//!    reserve who is not a migrant gives way to the best-ranked migrant who is neither a
//!    delegate nor in the reserve.
//! 7. Both lists are given in rank order: a migrant who comes in by the quota takes their
//!    own place by votes, not the place of the person who gave way.
//!
//! This is exactly Voz's published count (`voz_count`, DOMAIN.md § "Counting") with one
//! segment, [`SEGMENT`]: `seats` = delegates, `alternates` = reserve, the migrant flag as
//! the parity group, the quota as the parity ratio with `scope = segment`, no extra seats
//! and the lot as the only tie-break. [`election_config`] writes that configuration: it is
//! the `election.json` with which `voz tally` recounts an event from its ballots.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};
use voz_count::{
    Ballot, BallotCounts, CandidateConfig, ElectionConfig, ParityConfig, ParityOutcome,
    ParityScope, ReceiptMode, SegmentConfig, Swap, TallyError, TallyResult, TieBreak,
};

/// The one segment of an event's count.
pub const SEGMENT: &str = "delegates";

/// Group sizes up to which every quota is turned into the count's ratio exactly (a rule
/// with more delegates or reserve places is checked up to its own sizes).
pub const EXACT_UP_TO: usize = 1000;

/// The count reads its ratio in millionths.
const MILLION: u64 = 1_000_000;

/// "At least `numerator`/`denominator` of the delegates are migrants": 1/3; 1/2; 0/1 for
/// no quota; 1/1 for migrants only. Kept as a fraction because that is how organizers
/// state it, and ⅓ has no exact decimal form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Quota {
    pub numerator: u32,
    pub denominator: u32,
}

impl Quota {
    /// No quota.
    pub const NONE: Quota = Quota {
        numerator: 0,
        denominator: 1,
    };

    /// The count's ratio, in millionths, for groups of up to `largest_group` people: the
    /// six-decimal `m` with `ceil(m × n / 10⁶) = ceil(numerator × n / denominator)` for
    /// every group size `n` up to it, so that the count requires exactly the quota.
    ///
    /// Rounding the fraction down is right for every denominator up to 1000 (the error,
    /// under 10⁻⁶ × n ≤ 0.001, is smaller than any non-zero remainder, at least
    /// 1/denominator); for larger denominators rounding up may be the one that works.
    /// One of the two always works for groups up to [`EXACT_UP_TO`]: the ratios that
    /// require the same numbers for every n ≤ 1000 form intervals between neighbouring
    /// fractions of denominators ≤ 1000, each longer than 1/(1000 × 999) > 10⁻⁶, so each
    /// holds a six-decimal number, and the nearest one to the quota is its floor or ceiling.
    /// Larger groups can make a quota inexpressible: then this is an error.
    pub fn millionths(self, largest_group: usize) -> Result<u32, DelegateError> {
        self.check()?;
        let below = u64::from(self.numerator) * MILLION / u64::from(self.denominator);
        [below, below + 1]
            .into_iter()
            .filter(|&m| m <= MILLION && self.exact(m, largest_group))
            .find_map(|m| u32::try_from(m).ok())
            .ok_or(DelegateError::QuotaNotExpressible {
                quota: self,
                largest_group,
            })
    }

    /// [`Quota::millionths`] as the count's `ratio`, which it reads back as
    /// `round(ratio × 10⁶)`: the same millionths.
    pub fn ratio(self, largest_group: usize) -> Result<f64, DelegateError> {
        self.millionths(largest_group)
            .map(|m| f64::from(m) / MILLION as f64)
    }

    fn check(self) -> Result<(), DelegateError> {
        if self.denominator == 0 {
            Err(DelegateError::ZeroDenominator(self))
        } else if self.numerator > self.denominator {
            Err(DelegateError::QuotaAboveOne(self))
        } else {
            Ok(())
        }
    }

    /// Whether the count, given `millionths`, requires what the quota does of every
    /// group up to `largest_group`.
    fn exact(self, millionths: u64, largest_group: usize) -> bool {
        (0..=largest_group as u64).all(|n| {
            (millionths * n).div_ceil(MILLION)
                == (u64::from(self.numerator) * n).div_ceil(u64::from(self.denominator))
        })
    }
}

impl fmt::Display for Quota {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

/// How one event elects its delegates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegateRule {
    /// Seats at the final plenary (at least 1).
    pub delegates: usize,
    /// Length of the ranked reserve list (0 for none).
    pub reserve: usize,
    /// The share of delegates (and, apart, of the reserve) who must be migrants.
    pub quota: Quota,
    /// How many candidates a ballot may mark (at least 1).
    pub max_choices: usize,
    /// Hexadecimal, drawn at random and published before the count (equal votes go by
    /// lot).
    pub lot_seed: String,
}

impl DelegateRule {
    /// The count's parity ratio for this rule: exact for its delegates and its reserve,
    /// and for any group up to [`EXACT_UP_TO`].
    fn ratio(&self) -> Result<f64, DelegateError> {
        if self.delegates == 0 {
            return Err(DelegateError::NoDelegates);
        }
        if self.max_choices == 0 {
            return Err(DelegateError::NoChoices);
        }
        let largest_group = EXACT_UP_TO.max(self.delegates).max(self.reserve);
        self.quota.ratio(largest_group)
    }
}

/// A person who stood at the event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegateCandidate {
    /// The candidate's public id: what ballots name and results list.
    pub id: String,
    pub migrant: bool,
}

/// An event's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    /// Candidate ids, by rank.
    pub delegates: Vec<String>,
    /// The ranked reserve list: candidate ids, by rank.
    pub reserve: Vec<String>,
    /// Every candidate's votes, by rank.
    pub votes: Vec<(String, u64)>,
    /// Migrants required and elected among the delegates.
    pub quota: ParityOutcome,
    /// The same for the reserve list, on its own.
    pub reserve_quota: ParityOutcome,
    pub ballots: BallotCounts,
    /// Who gave way to whom for the quota, in order: to explain the result in the
    /// minutes (not part of `voz tally`'s output, which the ballots alone determine).
    pub swaps: Vec<Swap>,
}

/// Why an event's delegates could not be allocated.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DelegateError {
    #[error("an event elects at least one delegate")]
    NoDelegates,
    #[error("a ballot must be able to mark at least one candidate")]
    NoChoices,
    #[error("quota {0}: the denominator is 0")]
    ZeroDenominator(Quota),
    #[error("quota {0} is more than all of the delegates")]
    QuotaAboveOne(Quota),
    #[error(
        "quota {quota} has no six-decimal ratio that counts exactly for groups of up to \
         {largest_group}"
    )]
    QuotaNotExpressible { quota: Quota, largest_group: usize },
    /// The count stopped: a ballot it refuses (named by its number), or a configuration it
    /// refuses (a lot seed that is not hexadecimal, a candidate listed twice).
    #[error(transparent)]
    Count(#[from] TallyError),
}

/// The candidates who may still stand, and the ids of those taken off because they are
/// already delegates of another event (`already`: public ids), both in the given order.
///
/// Apply it when the ballot is drawn up, before voting opens: a ballot that marks a
/// candidate missing from the count's list stops the count (it never guesses what the
/// voter meant). `already` must not hold this event's own delegates (a recount).
pub fn without_delegates_elsewhere(
    candidates: &[DelegateCandidate],
    already: &HashSet<String>,
) -> (Vec<DelegateCandidate>, Vec<String>) {
    let (removed, kept): (Vec<_>, Vec<_>) = candidates
        .iter()
        .cloned()
        .partition(|candidate| already.contains(&candidate.id));
    (kept, removed.into_iter().map(|c| c.id).collect())
}

/// The count's configuration for an event: what `voz tally` reads as `election.json`.
/// Checked as the count will check it, so a bad rule fails here rather than at the count.
pub fn election_config(
    rule: &DelegateRule,
    candidates: &[DelegateCandidate],
) -> Result<ElectionConfig, DelegateError> {
    let config = ElectionConfig {
        segments: vec![SegmentConfig {
            id: SEGMENT.to_owned(),
            seats: rule.delegates,
            alternates: rule.reserve,
            max_choices: rule.max_choices,
        }],
        extra_seats: 0,
        parity: ParityConfig {
            ratio: rule.ratio()?,
            scope: ParityScope::Segment,
        },
        tie_break: vec![TieBreak::Lot],
        lot_seed: rule.lot_seed.clone(),
        candidates: candidates.iter().map(candidate_config).collect(),
        receipts: ReceiptMode::default(),
    };
    voz_count::validate_config(&config)?;
    Ok(config)
}

fn candidate_config(candidate: &DelegateCandidate) -> CandidateConfig {
    CandidateConfig {
        id: candidate.id.clone(),
        segment: SEGMENT.to_owned(),
        parity: candidate.migrant,
        birth_date: None,
    }
}

/// A participant's ballot marking `choices` (candidate ids; none for a blank ballot).
/// The ids are sorted, as the count's canonical form has them, so the order a voter
/// marked them in cannot identify the ballot.
pub fn ballot<I, S>(choices: I) -> Ballot
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let mut ids: Vec<String> = choices.into_iter().map(Into::into).collect();
    ids.sort_unstable();
    Ballot {
        null: false,
        choices: vec![(SEGMENT.to_owned(), ids)],
    }
}

/// Counts an event's ballots (each with its number, which an error names) by the rule.
pub fn allocate<I>(
    rule: &DelegateRule,
    candidates: &[DelegateCandidate],
    ballots: I,
) -> Result<Allocation, DelegateError>
where
    I: IntoIterator<Item = (usize, Ballot)>,
{
    let config = election_config(rule, candidates)?;
    let (result, swaps) = voz_count::tally_explained(&config, ballots)?;
    Ok(allocation(result, swaps))
}

/// The count's result, read as delegates and reserve.
fn allocation(result: TallyResult, swaps: Vec<Swap>) -> Allocation {
    let TallyResult {
        segments,
        ballots,
        parity,
        alternates_parity,
        ..
    } = result;
    let (_, segment) = segments
        .into_iter()
        .next()
        .expect("an event's count has its one segment");
    Allocation {
        delegates: segment.titulares,
        reserve: segment.alternates,
        votes: segment.votes,
        quota: parity,
        reserve_quota: alternates_parity,
        ballots,
        swaps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;
    use proptest::sample::subsequence;
    use voz_count::BallotProblem;

    const SEED: &str = "5eed";

    fn rule(
        delegates: usize,
        reserve: usize,
        quota: (u32, u32),
        max_choices: usize,
    ) -> DelegateRule {
        DelegateRule {
            delegates,
            reserve,
            quota: Quota {
                numerator: quota.0,
                denominator: quota.1,
            },
            max_choices,
            lot_seed: SEED.to_owned(),
        }
    }

    fn candidate(id: &str, migrant: bool) -> DelegateCandidate {
        DelegateCandidate {
            id: id.to_owned(),
            migrant,
        }
    }

    /// One-choice ballots: `votes` of them for each candidate, numbered from 1.
    fn single_votes(votes: &[(&str, usize)]) -> Vec<(usize, Ballot)> {
        votes
            .iter()
            .flat_map(|&(id, n)| std::iter::repeat_n(ballot([id]), n))
            .enumerate()
            .map(|(i, b)| (i + 1, b))
            .collect()
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|&s| s.to_owned()).collect()
    }

    /// Six delegates, ⅓ migrants, two reserves: only bruno, among the six best, is a
    /// migrant, so fabio (6th) gives way to gita, the best-ranked migrant left; the reserve
    /// (fabio, hugo) has none, so hugo gives way to jamal, although ines has more votes.
    #[test]
    fn six_delegates_a_third_migrants_two_reserves() {
        let migrants = ["bruno", "gita", "jamal"];
        let names = [
            "ana", "bruno", "carla", "davi", "elena", "fabio", "gita", "hugo", "ines", "jamal",
        ];
        let candidates: Vec<_> = names
            .iter()
            .map(|&n| candidate(n, migrants.contains(&n)))
            .collect();
        let votes: Vec<(&str, usize)> = names
            .iter()
            .zip((1..=10).rev())
            .map(|(&n, v)| (n, v))
            .collect();
        let mut ballots = single_votes(&votes);
        ballots.push((56, ballot(Vec::<String>::new())));
        ballots.push((
            57,
            Ballot {
                null: true,
                choices: vec![],
            },
        ));

        let result = allocate(&rule(6, 2, (1, 3), 1), &candidates, ballots).expect("counts");

        assert_eq!(
            result.delegates,
            ids(&["ana", "bruno", "carla", "davi", "elena", "gita"])
        );
        assert_eq!(result.reserve, ids(&["fabio", "jamal"]));
        let met = |required, achieved| ParityOutcome {
            required,
            achieved,
            met: true,
        };
        assert_eq!(result.quota, met(2, 2));
        assert_eq!(result.reserve_quota, met(1, 1));
        let swapped: Vec<_> = result
            .swaps
            .iter()
            .map(|s| (s.alternates, s.out.as_str(), s.incoming.as_str()))
            .collect();
        assert_eq!(swapped, [(false, "fabio", "gita"), (true, "hugo", "jamal")]);
        assert_eq!(result.votes[0], ("ana".to_owned(), 10));
        assert_eq!(
            result.ballots,
            BallotCounts {
                total: 57,
                valid: 55,
                blank: 1,
                null: 1
            }
        );
    }

    #[test]
    fn the_quota_is_unmet_when_no_migrant_stood() {
        let candidates = [candidate("ana", false), candidate("bruno", false)];
        let result = allocate(
            &rule(2, 0, (1, 2), 2),
            &candidates,
            single_votes(&[("ana", 1)]),
        )
        .expect("counts");
        assert_eq!(result.delegates, ids(&["ana", "bruno"]));
        assert_eq!(
            result.quota,
            ParityOutcome {
                required: 1,
                achieved: 0,
                met: false
            }
        );
    }

    #[test]
    fn equal_votes_go_by_the_published_lot() {
        let candidates = [candidate("ana", false), candidate("bruno", false)];
        let first = |seed: &str| {
            let rule = DelegateRule {
                lot_seed: seed.to_owned(),
                ..rule(1, 1, (0, 1), 1)
            };
            allocate(&rule, &candidates, []).expect("counts").delegates
        };
        let seeds = ["00", "01", "02", "03", "04", "05", "06", "07"];
        let winners: HashSet<_> = seeds.iter().map(|s| first(s)).collect();
        assert_eq!(winners.len(), 2, "the seed, not the id, settles a tie");
    }

    #[test]
    fn a_delegate_of_another_event_cannot_stand() {
        let candidates = [
            candidate("ana", false),
            candidate("bruno", true),
            candidate("carla", false),
        ];
        let already: HashSet<String> = ["bruno", "zoe"].map(String::from).into();

        let (kept, removed) = without_delegates_elsewhere(&candidates, &already);

        assert_eq!(kept, [candidate("ana", false), candidate("carla", false)]);
        assert_eq!(removed, ids(&["bruno"]));
        let result =
            allocate(&rule(1, 1, (1, 2), 1), &kept, single_votes(&[("carla", 2)])).expect("counts");
        assert_eq!(
            (result.delegates, result.reserve),
            (ids(&["carla"]), ids(&["ana"]))
        );
    }

    #[test]
    fn a_ballot_for_a_removed_candidate_stops_the_count() {
        let (kept, _) = without_delegates_elsewhere(
            &[candidate("ana", false), candidate("bruno", true)],
            &["bruno".to_owned()].into(),
        );
        let error = allocate(&rule(1, 0, (0, 1), 1), &kept, single_votes(&[("bruno", 1)]));
        assert_eq!(
            error,
            Err(DelegateError::Count(TallyError::Ballot {
                ballot: 1,
                problem: BallotProblem::UnknownCandidate("bruno".into())
            }))
        );
    }

    #[test]
    fn a_ballot_with_too_many_choices_is_named() {
        let candidates = [candidate("ana", false), candidate("bruno", true)];
        let ballots = [(1, ballot(["ana"])), (2, ballot(["ana", "bruno"]))];
        let error = allocate(&rule(1, 0, (0, 1), 1), &candidates, ballots);
        assert!(matches!(
            error,
            Err(DelegateError::Count(TallyError::Ballot {
                ballot: 2,
                problem: BallotProblem::TooManyChoices { .. }
            }))
        ));
    }

    /// A ballot is already in the count's canonical form, whatever order it was marked in.
    #[test]
    fn a_ballot_is_canonical() {
        let candidates = [candidate("bruno", true), candidate("ana", false)];
        let config = election_config(&rule(1, 0, (0, 1), 2), &candidates).expect("config");
        let marked = ballot(["bruno", "ana"]);
        assert_eq!(
            marked.choices,
            [(SEGMENT.to_owned(), ids(&["ana", "bruno"]))]
        );
        assert_eq!(voz_count::canonical_ballot(&config, &marked), Ok(marked));
    }

    #[test]
    fn bad_rules_are_refused() {
        let refused = |rule: DelegateRule| election_config(&rule, &[]).err();
        let quota = |numerator, denominator| Quota {
            numerator,
            denominator,
        };
        assert_eq!(
            refused(rule(0, 1, (1, 3), 1)),
            Some(DelegateError::NoDelegates)
        );
        assert_eq!(
            refused(rule(1, 1, (1, 3), 0)),
            Some(DelegateError::NoChoices)
        );
        assert_eq!(
            refused(rule(1, 1, (1, 0), 1)),
            Some(DelegateError::ZeroDenominator(quota(1, 0)))
        );
        assert_eq!(
            refused(rule(1, 1, (4, 3), 1)),
            Some(DelegateError::QuotaAboveOne(quota(4, 3)))
        );
        let unseeded = DelegateRule {
            lot_seed: "not hex".into(),
            ..rule(1, 1, (1, 3), 1)
        };
        assert!(matches!(
            refused(unseeded),
            Some(DelegateError::Count(TallyError::Config(_)))
        ));
    }

    /// 976/1001 counts exactly up to 1000 (every quota does), but no six-decimal ratio
    /// does for every group of up to 1041 (found by search): an event that large is refused.
    #[test]
    fn a_quota_can_be_inexpressible_for_groups_over_1000() {
        let quota = Quota {
            numerator: 976,
            denominator: 1001,
        };
        assert!(quota.millionths(EXACT_UP_TO).is_ok());
        assert_eq!(
            election_config(&rule(1041, 0, (976, 1001), 1), &[]),
            Err(DelegateError::QuotaNotExpressible {
                quota,
                largest_group: 1041
            })
        );
    }

    #[test]
    fn common_quotas_round_down() {
        let millionths = |numerator, denominator| {
            Quota {
                numerator,
                denominator,
            }
            .millionths(EXACT_UP_TO)
        };
        assert_eq!(millionths(1, 3), Ok(333_333));
        assert_eq!(millionths(2, 3), Ok(666_666));
        assert_eq!(millionths(1, 2), Ok(500_000));
        assert_eq!(millionths(0, 1), Ok(0));
        assert_eq!(millionths(1, 1), Ok(1_000_000));
        // 0.333334 would require 2 of 3.
        assert_ne!(
            (333_334u64 * 3).div_ceil(MILLION),
            1,
            "rounding up over-requires"
        );
    }

    /// Every quota with a denominator up to 100, every group up to 1000.
    #[test]
    fn small_denominators_are_exact() {
        for denominator in 1..=100 {
            for numerator in 0..=denominator {
                let quota = Quota {
                    numerator,
                    denominator,
                };
                let m = quota.millionths(EXACT_UP_TO).expect("expressible");
                assert!(read_back_exact(quota, m), "{quota}");
            }
        }
    }

    /// The count reads the ratio back as `round(ratio × 10⁶)` (its `ratio_millionths`):
    /// every six-decimal ratio we can write comes back as the same millionths, also
    /// through JSON, as `voz tally` reads it.
    #[test]
    fn every_ratio_reads_back_as_its_millionths() {
        for m in 0..=1_000_000u32 {
            let ratio = f64::from(m) / MILLION as f64;
            assert_eq!((ratio * 1_000_000.0).round() as u64, u64::from(m));
        }
        for m in (0..=1_000_000u32)
            .step_by(997)
            .chain([333_333, 666_666, 1_000_000])
        {
            let ratio = f64::from(m) / MILLION as f64;
            let json = serde_json::to_string(&ratio).expect("json");
            let read: f64 = serde_json::from_str(&json).expect("json");
            assert_eq!((read * 1_000_000.0).round() as u64, u64::from(m), "{json}");
        }
    }

    /// The count itself, given the ratio, requires `ceil(quota × n)` of `n` delegates.
    #[test]
    fn the_count_requires_the_quota() {
        for (numerator, denominator) in [(1, 3), (2, 3), (1, 7), (3, 7)] {
            for n in (0..=1000).step_by(37).chain([3, 6, 7, 999, 1000]) {
                let candidates: Vec<_> =
                    (0..n).map(|i| candidate(&format!("c{i}"), false)).collect();
                let rule = rule(n.max(1), 0, (numerator, denominator), 1);
                let result = allocate(&rule, &candidates, []).expect("counts");
                let expected = (u64::from(numerator) * n as u64).div_ceil(u64::from(denominator));
                assert_eq!(
                    result.quota.required as u64, expected,
                    "{numerator}/{denominator} of {n}"
                );
            }
        }
    }

    /// What the count requires of every group up to 1000, given the ratio as written,
    /// equals `ceil(quota × n)`.
    fn read_back_exact(quota: Quota, millionths: u32) -> bool {
        let ratio = f64::from(millionths) / MILLION as f64;
        let read = (ratio * 1_000_000.0).round() as u64;
        (0..=EXACT_UP_TO as u64).all(|n| {
            (read * n).div_ceil(MILLION)
                == (u64::from(quota.numerator) * n).div_ceil(u64::from(quota.denominator))
        })
    }

    fn quota_strategy() -> impl Strategy<Value = Quota> {
        (1u32..=6).prop_flat_map(|denominator| {
            (0..=denominator).prop_map(move |numerator| Quota {
                numerator,
                denominator,
            })
        })
    }

    /// An event: a rule, candidates with random migrant flags, and valid ballots (some
    /// null, some blank).
    fn event() -> impl Strategy<Value = (DelegateRule, Vec<DelegateCandidate>, Vec<Ballot>)> {
        (
            1usize..8,
            0usize..5,
            quota_strategy(),
            1usize..5,
            prop::collection::vec(any::<bool>(), 0..14),
            "[0-9a-f]{1,16}",
        )
            .prop_flat_map(
                |(delegates, reserve, quota, max_choices, migrant, lot_seed)| {
                    let rule = DelegateRule {
                        delegates,
                        reserve,
                        quota,
                        max_choices,
                        lot_seed,
                    };
                    let candidates: Vec<_> = migrant
                        .iter()
                        .enumerate()
                        .map(|(i, &m)| candidate(&format!("p{i}"), m))
                        .collect();
                    let ids: Vec<String> = candidates.iter().map(|c| c.id.clone()).collect();
                    let most = max_choices.min(ids.len());
                    let one = (prop::bool::weighted(0.1), subsequence(ids, 0..=most)).prop_map(
                        |(null, chosen)| {
                            if null {
                                Ballot {
                                    null: true,
                                    choices: vec![],
                                }
                            } else {
                                ballot(chosen)
                            }
                        },
                    );
                    (
                        Just(rule),
                        Just(candidates),
                        prop::collection::vec(one, 0..40),
                    )
                },
            )
    }

    fn numbered(ballots: &[Ballot]) -> impl Iterator<Item = (usize, Ballot)> + '_ {
        ballots.iter().cloned().enumerate().map(|(i, b)| (i + 1, b))
    }

    fn migrants(candidates: &[DelegateCandidate], ids: &[String]) -> usize {
        candidates
            .iter()
            .filter(|c| c.migrant && ids.contains(&c.id))
            .count()
    }

    fn required(quota: Quota, n: usize) -> usize {
        (u64::from(quota.numerator) * n as u64).div_ceil(u64::from(quota.denominator)) as usize
    }

    proptest! {
        #[test]
        fn delegates_fill_every_seat_candidates_allow((rule, candidates, ballots) in event()) {
            let result = allocate(&rule, &candidates, numbered(&ballots)).expect("counts");
            prop_assert_eq!(result.delegates.len(), rule.delegates.min(candidates.len()));
            let distinct: HashSet<_> = result.delegates.iter().collect();
            prop_assert_eq!(distinct.len(), result.delegates.len());
        }

        #[test]
        fn the_reserve_is_apart_and_as_long_as_candidates_allow(
            (rule, candidates, ballots) in event()
        ) {
            let result = allocate(&rule, &candidates, numbered(&ballots)).expect("counts");
            let left = candidates.len() - result.delegates.len();
            prop_assert_eq!(result.reserve.len(), rule.reserve.min(left));
            prop_assert!(result.reserve.iter().all(|id| !result.delegates.contains(id)));
        }

        #[test]
        fn the_quota_is_met_when_enough_migrants_stood((rule, candidates, ballots) in event()) {
            let result = allocate(&rule, &candidates, numbered(&ballots)).expect("counts");
            let stood = candidates.iter().filter(|c| c.migrant).count();
            let elected = migrants(&candidates, &result.delegates);
            prop_assert_eq!(result.quota.achieved, elected);
            if stood >= required(rule.quota, rule.delegates) {
                prop_assert!(result.quota.met);
                prop_assert!(elected >= required(rule.quota, result.delegates.len()));
            }
            let in_reserve = migrants(&candidates, &result.reserve);
            prop_assert_eq!(result.reserve_quota.achieved, in_reserve);
            if stood - elected >= required(rule.quota, result.reserve.len()) {
                prop_assert!(result.reserve_quota.met);
            }
        }

        /// The allocation is what `voz tally` prints for the event's `election.json` and
        /// `ballots.jsonl`, both written to JSON and read back.
        #[test]
        fn voz_tally_recounts_the_allocation((rule, candidates, ballots) in event()) {
            let result = allocate(&rule, &candidates, numbered(&ballots)).expect("counts");
            let config = election_config(&rule, &candidates).expect("config");
            let json = serde_json::to_string(&config).expect("json");
            let config: ElectionConfig = serde_json::from_str(&json).expect("json");
            let lines: Vec<String> = ballots
                .iter()
                .map(|b| serde_json::to_string(b).expect("json"))
                .collect();
            let tally = voz_count::tally_jsonl(&config, lines.join("\n").as_bytes())
                .expect("recount");
            let (id, segment) = &tally.segments[0];
            prop_assert_eq!(id, SEGMENT);
            prop_assert!(tally.extra.is_empty());
            prop_assert_eq!(&result.delegates, &segment.titulares);
            prop_assert_eq!(&result.reserve, &segment.alternates);
            prop_assert_eq!(&result.votes, &segment.votes);
            prop_assert_eq!(result.quota, tally.parity);
            prop_assert_eq!(result.reserve_quota, tally.alternates_parity);
            prop_assert_eq!(result.ballots, tally.ballots);
        }

        /// Any quota at all (any u32 fraction): a six-decimal ratio exists that the count
        /// reads as requiring exactly `ceil(quota × n)` of every group up to 1000.
        #[test]
        fn every_quota_converts_exactly(numerator in any::<u32>(), denominator in 1u32..) {
            let quota = Quota {
                numerator: numerator % denominator.saturating_add(1),
                denominator,
            };
            let m = quota.millionths(EXACT_UP_TO).expect("expressible up to 1000");
            prop_assert!(read_back_exact(quota, m));
        }

        /// With a denominator up to 1000 the ratio is the fraction rounded down.
        #[test]
        fn small_denominators_round_down(denominator in 1u32..=1000, numerator in any::<u32>()) {
            let quota = Quota {
                numerator: numerator % (denominator + 1),
                denominator,
            };
            let floor = u64::from(quota.numerator) * MILLION / u64::from(denominator);
            prop_assert_eq!(quota.millionths(EXACT_UP_TO).map(u64::from), Ok(floor));
        }
    }
}
