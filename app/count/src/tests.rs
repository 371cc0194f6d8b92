//! The count's examples (computed by hand from DOMAIN.md) and its properties.

use proptest::prelude::*;
use sha2::{Digest as _, Sha256};

use super::*;
use std::collections::HashSet;

fn candidate(id: &str, segment: &str, parity: bool, born: &str) -> CandidateConfig {
    CandidateConfig {
        id: id.into(),
        segment: segment.into(),
        parity,
        birth_date: Some(born.parse().expect("date")),
    }
}

fn segment(id: &str, seats: usize, alternates: usize, max_choices: usize) -> SegmentConfig {
    SegmentConfig {
        id: id.into(),
        seats,
        alternates,
        max_choices,
    }
}

fn vote(choices: &[(&str, &[&str])]) -> Ballot {
    Ballot {
        null: false,
        choices: choices
            .iter()
            .map(|(s, ids)| (s.to_string(), ids.iter().map(|i| i.to_string()).collect()))
            .collect(),
    }
}

fn null() -> Ballot {
    Ballot {
        null: true,
        choices: vec![],
    }
}

/// Repeats a ballot `n` times.
fn times(n: usize, ballot: Ballot) -> Vec<Ballot> {
    vec![ballot; n]
}

fn run(config: &ElectionConfig, ballots: Vec<Ballot>) -> Result<TallyResult, TallyError> {
    tally(
        config,
        ballots.into_iter().enumerate().map(|(i, b)| (i + 1, b)),
    )
}

fn seg<'r>(result: &'r TallyResult, id: &str) -> &'r SegmentResult {
    &result
        .segments
        .iter()
        .find(|(s, _)| s == id)
        .expect("segment")
        .1
}

/// A CMI-like election: A (2 seats), B (1 seat), 1 extra seat, half the titulares from
/// the parity group, counted over the whole election.
fn cmi() -> ElectionConfig {
    ElectionConfig {
        segments: vec![segment("A", 2, 1, 1), segment("B", 1, 1, 1)],
        extra_seats: 1,
        parity: ParityConfig {
            ratio: 0.5,
            scope: ParityScope::Election,
        },
        tie_break: vec![TieBreak::OlderFirst, TieBreak::Lot],
        lot_seed: "c0ffee".into(),
        candidates: vec![
            candidate("a1", "A", false, "1970-01-01"),
            candidate("a2", "A", false, "1980-01-01"),
            candidate("a3", "A", true, "1990-01-01"),
            candidate("a4", "A", true, "1991-01-01"),
            candidate("b1", "B", false, "1975-01-01"),
            candidate("b2", "B", true, "1985-01-01"),
            candidate("b3", "B", false, "1995-01-01"),
        ],
        receipts: ReceiptMode::default(),
    }
}

#[test]
fn ballots_are_valid_blank_or_null_and_segment_blanks_count_separately() {
    let ballots = [
        times(3, vote(&[("A", &["a1"]), ("B", &["b1"])])),
        times(2, vote(&[("A", &["a2"])])),         // B left blank
        times(1, vote(&[("A", &[]), ("B", &[])])), // blank ballot
        times(1, vote(&[])),                       // blank ballot too
        times(2, null()),
    ]
    .concat();
    let result = run(&cmi(), ballots).expect("count");
    assert_eq!(
        result.ballots,
        BallotCounts {
            total: 9,
            valid: 5,
            blank: 2,
            null: 2
        }
    );
    assert_eq!(seg(&result, "A").blank, 2);
    assert_eq!(seg(&result, "B").blank, 4);
    assert_eq!(seg(&result, "A").votes[0], ("a1".to_owned(), 3));
}

#[test]
fn a_bad_ballot_stops_the_count_and_is_named() {
    let good = vote(&[("A", &["a1"])]);
    let cases = [
        (
            vote(&[("Z", &["a1"])]),
            BallotProblem::UnknownSegment("Z".into()),
        ),
        (
            vote(&[("A", &["x9"])]),
            BallotProblem::UnknownCandidate("x9".into()),
        ),
        (
            vote(&[("A", &["b1"])]),
            BallotProblem::WrongSegment {
                candidate: "b1".into(),
                belongs_to: "B".into(),
                marked_in: "A".into(),
            },
        ),
        (
            vote(&[("A", &["a1", "a2"])]),
            BallotProblem::TooManyChoices {
                segment: "A".into(),
                chosen: 2,
                max: 1,
            },
        ),
        (
            vote(&[("A", &["a1"]), ("A", &["a2"])]),
            BallotProblem::RepeatedSegment("A".into()),
        ),
    ];
    for (bad, problem) in cases {
        let outcome = run(&cmi(), vec![good.clone(), good.clone(), bad]);
        assert_eq!(outcome, Err(TallyError::Ballot { ballot: 3, problem }));
    }
    let mut two = cmi();
    two.segments[0].max_choices = 2;
    let twice = run(&two, vec![vote(&[("A", &["a1", "a1"])])]);
    assert_eq!(
        twice,
        Err(TallyError::Ballot {
            ballot: 1,
            problem: BallotProblem::Duplicate("a1".into())
        })
    );
}

#[test]
fn ties_break_by_age_then_lot_then_id() {
    let mut config = cmi();
    config.parity.ratio = 0.0;
    // a1..a4 all at 0 votes: older_first decides A entirely.
    let result = run(&config, vec![]).expect("count");
    assert_eq!(seg(&result, "A").titulares, ["a1", "a2"]);

    // Same birth dates: the lot decides, by the published hash.
    for c in &mut config.candidates {
        c.birth_date = Some("1980-05-05".parse().expect("date"));
    }
    let lot = |id: &str| hex::encode(Sha256::digest(format!("c0ffee:{id}").as_bytes()));
    let mut expected: Vec<&str> = vec!["a1", "a2", "a3", "a4"];
    expected.sort_by_key(|id| lot(id));
    let result = run(&config, vec![]).expect("count");
    assert_eq!(seg(&result, "A").titulares, expected[..2]);
    assert_eq!(seg(&result, "A").alternates, expected[2..3]);

    // No tie-break rules at all: byte order of ids.
    config.tie_break.clear();
    let result = run(&config, vec![]).expect("count");
    assert_eq!(seg(&result, "A").titulares, ["a1", "a2"]);
}

fn ballots_of_the_swaps() -> Vec<Ballot> {
    [
        times(10, vote(&[("A", &["a1"]), ("B", &["b1"])])),
        times(8, vote(&[("A", &["a2"]), ("B", &["b3"])])),
        times(3, vote(&[("A", &["a3"]), ("B", &["b2"])])),
        times(2, vote(&[("A", &["a4"])])),
    ]
    .concat()
}

#[test]
fn parity_swaps_the_smallest_vote_difference_across_the_election() {
    let ballots = ballots_of_the_swaps();
    // Before parity: A = a1 (10), a2 (8); B = b1 (10); extra = b3 (8). No one from the
    // parity group; 4 titulares need 2.
    // Offers: A: a2 (8) out, a3 (3) in → 5; B: b1 (10) out, b2 (3) in → 7;
    //         extra: b3 (8) out, a3 (3) in → 5, ties with A, A is earlier: A swaps.
    // Then:   A: a1 out, a4 in → 8; B: 7; extra: b3 out, b2 in → 5: the extra seat swaps.
    let result = run(&cmi(), ballots).expect("count");
    assert_eq!(seg(&result, "A").titulares, ["a1", "a3"]);
    assert_eq!(seg(&result, "B").titulares, ["b1"]);
    assert_eq!(result.extra, ["b2"]);
    assert_eq!(
        result.parity,
        ParityOutcome {
            required: 2,
            achieved: 2,
            met: true
        }
    );
    // Alternates: A's best non-titular is a2; B's is b3. One alternate each, the group of 2
    // needs 1 from the parity group: A offers a2 (8) → a4 (2) = 6; B has none left (b2 is
    // titular): a4 comes in.
    assert_eq!(seg(&result, "A").alternates, ["a4"]);
    assert_eq!(seg(&result, "B").alternates, ["b3"]);
    assert_eq!(
        result.alternates_parity,
        ParityOutcome {
            required: 1,
            achieved: 1,
            met: true
        }
    );
    // The swaps, as the results page explains them: in this order, from these seat sets.
    let numbered = ballots_of_the_swaps().into_iter().enumerate();
    let (explained, swaps) =
        tally_explained(&cmi(), numbered.map(|(i, b)| (i + 1, b))).expect("count");
    assert_eq!(explained, result);
    let swap = |segment: Option<&str>, alternates, out: &str, incoming: &str| Swap {
        segment: segment.map(str::to_owned),
        alternates,
        out: out.to_owned(),
        incoming: incoming.to_owned(),
    };
    assert_eq!(
        swaps,
        [
            swap(Some("A"), false, "a2", "a3"),
            swap(None, false, "b3", "b2"),
            swap(Some("A"), true, "a2", "a4"),
        ]
    );
}

#[test]
fn parity_by_segment_treats_each_segment_and_the_extra_seats_apart() {
    let mut config = cmi();
    config.parity.scope = ParityScope::Segment;
    let ballots = [
        times(10, vote(&[("A", &["a1"]), ("B", &["b1"])])),
        times(8, vote(&[("A", &["a2"]), ("B", &["b3"])])),
        times(3, vote(&[("A", &["a3"]), ("B", &["b2"])])),
    ]
    .concat();
    // A: 2 titulares need 1: a2 → a3. B: 1 needs 1: b1 → b2. Extra (b3): 1 needs 1:
    // b3 → a4 (the best parity candidate left anywhere).
    let result = run(&config, ballots).expect("count");
    assert_eq!(seg(&result, "A").titulares, ["a1", "a3"]);
    assert_eq!(seg(&result, "B").titulares, ["b2"]);
    assert_eq!(result.extra, ["a4"]);
    assert_eq!(
        result.parity,
        ParityOutcome {
            required: 3,
            achieved: 3,
            met: true
        }
    );
}

#[test]
fn parity_unmet_when_no_swap_exists_and_the_result_says_so() {
    let mut config = cmi();
    for c in &mut config.candidates {
        c.parity = c.id == "a4";
    }
    config.parity.ratio = 1.0;
    let result = run(&config, vec![vote(&[("A", &["a1"]), ("B", &["b1"])])]).expect("count");
    assert!(!result.parity.met);
    assert_eq!(result.parity.required, 4);
    assert_eq!(
        result.parity.achieved, 1,
        "a4 was brought in; nobody else can be"
    );
}

#[test]
fn ratios_are_exact() {
    let mut config = cmi();
    config.parity.ratio = 0.3;
    let election = Election::new(&config).expect("valid");
    assert_eq!(
        election.required(10),
        3,
        "0.3 × 10 is 3, not 3.0000000000000004 → 4"
    );
    assert_eq!(election.required(3), 1);
    assert_eq!(election.required(0), 0);
}

#[test]
fn the_output_format_is_stable() {
    let config = ElectionConfig {
        segments: vec![segment("C", 1, 1, 1)],
        extra_seats: 0,
        parity: ParityConfig {
            ratio: 0.5,
            scope: ParityScope::Election,
        },
        tie_break: vec![TieBreak::Lot],
        lot_seed: "ab".into(),
        candidates: vec![
            candidate("c1", "C", true, "1990-01-01"),
            candidate("c2", "C", false, "1990-01-01"),
        ],
        receipts: ReceiptMode::default(),
    };
    let result = run(&config, vec![vote(&[("C", &["c2"])]), null()]).expect("count");
    let json = serde_json::to_string(&result).expect("json");
    assert_eq!(
        json,
        r#"{"segments":{"C":{"votes":{"c2":1,"c1":0},"blank":0,"titulares":["c1"],"alternates":["c2"]}},"extra":[],"ballots":{"total":2,"valid":1,"blank":0,"null":1},"parity":{"required":1,"achieved":1,"met":true},"alternates_parity":{"required":1,"achieved":0,"met":false}}"#
    );
}

#[test]
fn bad_configurations_are_refused() {
    let mut twice = cmi();
    twice
        .candidates
        .push(candidate("a1", "B", true, "1990-01-01"));
    assert!(matches!(run(&twice, vec![]), Err(TallyError::Config(_))));
    let mut nowhere = cmi();
    nowhere
        .candidates
        .push(candidate("z1", "Z", true, "1990-01-01"));
    assert!(matches!(run(&nowhere, vec![]), Err(TallyError::Config(_))));
    let mut no_seed = cmi();
    no_seed.lot_seed = "not hex".into();
    assert!(matches!(run(&no_seed, vec![]), Err(TallyError::Config(_))));
}

// ---------------------------------------------------------------- properties

fn arbitrary_election() -> impl Strategy<Value = ElectionConfig> {
    let segments = prop::collection::vec((0usize..4, 0usize..3, 1usize..3), 1..4);
    let candidates = prop::collection::vec((0usize..3, any::<bool>(), 0u16..5), 0..10);
    (
        segments,
        candidates,
        0usize..3,
        prop_oneof![Just(0.0), Just(0.3), Just(0.5), Just(1.0)],
        any::<bool>(),
    )
        .prop_map(|(segments, candidates, extra_seats, ratio, by_segment)| {
            let segments: Vec<SegmentConfig> = segments
                .into_iter()
                .enumerate()
                .map(|(i, (seats, alternates, max))| {
                    segment(&format!("S{i}"), seats, alternates, max)
                })
                .collect();
            let candidates = candidates
                .into_iter()
                .enumerate()
                .map(|(i, (s, parity, year))| {
                    let segment = &segments[s % segments.len()].id;
                    candidate(
                        &format!("c{i}"),
                        segment,
                        parity,
                        &format!("19{}0-01-01", 5 + year),
                    )
                })
                .collect();
            ElectionConfig {
                segments,
                extra_seats,
                parity: ParityConfig {
                    ratio,
                    scope: if by_segment {
                        ParityScope::Segment
                    } else {
                        ParityScope::Election
                    },
                },
                tie_break: vec![TieBreak::OlderFirst, TieBreak::Lot],
                lot_seed: "5eed".into(),
                candidates,
                receipts: ReceiptMode::default(),
            }
        })
}

/// Valid ballots for `config`, from random picks.
fn ballots_for(config: &ElectionConfig, picks: &[Vec<u8>]) -> Vec<Ballot> {
    picks
        .iter()
        .map(|pick| {
            if pick.first() == Some(&0) {
                return null();
            }
            let choices = config
                .segments
                .iter()
                .enumerate()
                .map(|(s, segment)| {
                    let pool: Vec<&CandidateConfig> = config
                        .candidates
                        .iter()
                        .filter(|c| c.segment == segment.id)
                        .collect();
                    let wanted =
                        pick.get(s + 1).copied().unwrap_or(0) as usize % (segment.max_choices + 1);
                    let mut ids: Vec<String> = Vec::new();
                    for k in 0..wanted {
                        if pool.is_empty() {
                            break;
                        }
                        let id = &pool
                            [(pick.get(s + 2 + k).copied().unwrap_or(0) as usize) % pool.len()]
                        .id;
                        if !ids.contains(id) {
                            ids.push(id.clone());
                        }
                    }
                    (segment.id.clone(), ids)
                })
                .collect();
            Ballot {
                null: false,
                choices,
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn seats_are_filled_as_configured_and_no_one_holds_two(
        config in arbitrary_election(),
        picks in prop::collection::vec(prop::collection::vec(any::<u8>(), 8), 0..40),
    ) {
        let ballots = ballots_for(&config, &picks);
        let result = run(&config, ballots.clone()).expect("valid ballots count");
        let mut everyone: Vec<&String> = result.extra.iter().collect();
        for (s, (id, seg_result)) in result.segments.iter().enumerate() {
            let segment = &config.segments[s];
            prop_assert_eq!(id, &segment.id);
            let available = config.candidates.iter().filter(|c| c.segment == segment.id).count();
            prop_assert_eq!(seg_result.titulares.len(), segment.seats.min(available));
            prop_assert!(seg_result.alternates.len() <= segment.alternates);
            everyone.extend(&seg_result.titulares);
            everyone.extend(&seg_result.alternates);
        }
        prop_assert!(result.extra.len() <= config.extra_seats);
        let unique: HashSet<&String> = everyone.iter().copied().collect();
        prop_assert_eq!(unique.len(), everyone.len(), "someone holds two seats");
        prop_assert_eq!(result.ballots.total, ballots.len() as u64);
        prop_assert_eq!(result.ballots.total, result.ballots.valid + result.ballots.blank + result.ballots.null);
    }

    #[test]
    fn the_result_does_not_depend_on_ballot_order(
        config in arbitrary_election(),
        picks in prop::collection::vec(prop::collection::vec(any::<u8>(), 8), 0..40),
        seed in any::<u64>(),
    ) {
        let ballots = ballots_for(&config, &picks);
        let mut shuffled = ballots.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(run(&config, ballots), run(&config, shuffled));
    }

    #[test]
    fn parity_is_met_whenever_a_swap_exists(
        config in arbitrary_election(),
        picks in prop::collection::vec(prop::collection::vec(any::<u8>(), 8), 0..40),
    ) {
        let result = run(&config, ballots_for(&config, &picks)).expect("count");
        let parity_of = |id: &String| config.candidates.iter().any(|c| &c.id == id && c.parity);
        let seated: HashSet<&String> = result.segments.iter().flat_map(|(_, r)| &r.titulares).chain(&result.extra).collect();
        let free_parity = |segment: Option<&str>| config.candidates.iter().any(|c| {
            c.parity && !seated.contains(&c.id) && segment.is_none_or(|s| c.segment == s)
        });
        // Each seat set that could still swap: a non-parity titular and a free parity candidate.
        let can_swap: Vec<bool> = result.segments.iter()
            .map(|(id, r)| r.titulares.iter().any(|t| !parity_of(t)) && free_parity(Some(id)))
            .chain([result.extra.iter().any(|t| !parity_of(t)) && free_parity(None)])
            .collect();
        let election = Election::new(&config).expect("valid");
        let sets: Vec<Vec<&String>> = result.segments.iter().map(|(_, r)| r.titulares.iter().collect())
            .chain([result.extra.iter().collect()]).collect();
        let groups: Vec<Vec<usize>> = match config.parity.scope {
            ParityScope::Election => vec![(0..sets.len()).collect()],
            ParityScope::Segment => (0..sets.len()).map(|i| vec![i]).collect(),
        };
        for group in groups {
            let size: usize = group.iter().map(|&i| sets[i].len()).sum();
            let achieved = group.iter().flat_map(|&i| &sets[i]).filter(|id| parity_of(id)).count();
            if achieved < election.required(size) {
                prop_assert!(group.iter().all(|&i| !can_swap[i]), "parity unmet although a swap existed");
                prop_assert!(!result.parity.met);
            }
        }
    }
}

#[test]
fn the_canonical_ballot_lists_every_segment_in_order_with_sorted_ids() {
    let config = cmi();
    let written = [
        vote(&[("B", &["b2"]), ("A", &["a3"])]),
        vote(&[("A", &["a3"]), ("B", &["b2"])]),
    ];
    let canonical: Vec<String> = written
        .iter()
        .map(|b| {
            serde_json::to_string(&canonical_ballot(&config, b).expect("valid")).expect("json")
        })
        .collect();
    assert_eq!(canonical[0], r#"{"choices":{"A":["a3"],"B":["b2"]}}"#);
    assert_eq!(canonical[0], canonical[1]);
    let blank = canonical_ballot(&config, &vote(&[])).expect("blank");
    assert_eq!(
        serde_json::to_string(&blank).expect("json"),
        r#"{"choices":{"A":[],"B":[]}}"#
    );
    let marked_null = Ballot {
        null: true,
        choices: vec![("A".into(), vec!["a1".into()])],
    };
    assert_eq!(
        serde_json::to_string(&canonical_ballot(&config, &marked_null).expect("null"))
            .expect("json"),
        r#"{"null":true}"#,
        "a null ballot carries no choices"
    );
    assert!(
        canonical_ballot(&config, &vote(&[("A", &["zz"])])).is_err(),
        "an invalid ballot has no canonical form"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any way of writing the same choices (segments in any order, names in any order,
    /// empty segments present or left out) stores the same bytes, and counts the same.
    #[test]
    fn variants_of_one_choice_have_one_canonical_form(
        config in arbitrary_election(),
        picks in prop::collection::vec(prop::collection::vec(any::<u8>(), 8), 1..2),
        seed in any::<u64>(),
    ) {
        let ballot = ballots_for(&config, &picks).remove(0);
        let mut variant = ballot.clone();
        let mut state = seed | 1;
        let mut next = || { state ^= state << 13; state ^= state >> 7; state ^= state << 17; state };
        for (_, ids) in &mut variant.choices {
            ids.reverse();
            if next() % 2 == 0 { ids.sort(); }
        }
        variant.choices.retain(|(_, ids)| !ids.is_empty() || next() % 2 == 0);
        variant.choices.reverse();
        let a = canonical_ballot(&config, &ballot).expect("valid");
        let b = canonical_ballot(&config, &variant).expect("valid variant");
        prop_assert_eq!(serde_json::to_string(&a).expect("json"), serde_json::to_string(&b).expect("json"));
        let segments = if ballot.null { 0 } else { config.segments.len() };
        prop_assert_eq!(a.choices.len(), segments);
        prop_assert_eq!(canonical_ballot(&config, &a).expect("idempotent"), a.clone());
        prop_assert_eq!(run(&config, vec![ballot]), run(&config, vec![a]));
    }
}

/// Ballots as a JSON-lines file, with blank lines and JSON escapes here and there (a
/// recounter's file need not be written the way Voz writes it).
fn jsonl(ballots: &[Ballot], seed: u64) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, ballot) in ballots.iter().enumerate() {
        let mut line = serde_json::to_string(ballot).expect("json");
        if let Some(at) = line.find("[\"").filter(|_| (seed >> (i % 64)) & 1 == 1) {
            // The first chosen id with its first letter as a JSON escape ("a1" as
            // "\u00611"): the same id, which cannot be read in place.
            let letter = line.as_bytes()[at + 2];
            line.replace_range(at + 2..at + 3, &format!("\\u{letter:04x}"));
        }
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
        if i % 7 == 3 {
            out.extend_from_slice(b"  \r\n");
        }
    }
    out
}

#[test]
fn an_id_written_with_an_escape_is_the_same_id() {
    let file = b"{\"choices\": {\"A\": [\"\\u00611\"]}}\n";
    let result = crate::jsonl::tally_in_parts(&cmi(), file, 1).expect("counts");
    assert_eq!(
        result,
        run(&cmi(), vec![vote(&[("A", &["a1"])])]).expect("counts")
    );
}

#[test]
fn a_bad_line_of_a_file_is_named_by_its_line() {
    let good = serde_json::to_string(&vote(&[("A", &["a1"])])).expect("json");
    for parts in 1..=4 {
        let file = format!("{good}\n\n{good}\n{{\"choices\": {{\"A\": [\"x9\"]}}}}\n{good}\n");
        assert_eq!(
            crate::jsonl::tally_in_parts(&cmi(), file.as_bytes(), parts),
            Err(TallyError::Ballot {
                ballot: 4,
                problem: BallotProblem::UnknownCandidate("x9".into())
            }),
            "{parts} parts"
        );
        let file = format!("{good}\n{good}\n{good}\nnot json\n{good}\n{{\"nul\": true}}\n");
        assert!(
            matches!(
                crate::jsonl::tally_in_parts(&cmi(), file.as_bytes(), parts),
                Err(TallyError::Unreadable { ballot: 4, .. })
            ),
            "{parts} parts"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn counting_a_file_in_parts_equals_counting_its_ballots(
        config in arbitrary_election(),
        picks in prop::collection::vec(prop::collection::vec(any::<u8>(), 8), 0..40),
        seed in any::<u64>(),
        parts in 1usize..6,
    ) {
        let ballots = ballots_for(&config, &picks);
        let file = jsonl(&ballots, seed);
        prop_assert_eq!(
            crate::jsonl::tally_in_parts(&config, &file, parts),
            run(&config, ballots)
        );
    }
}
