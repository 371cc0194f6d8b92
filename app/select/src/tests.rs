//! The rule's examples (the README's worked example among them) and its properties.

use proptest::prelude::*;

use crate::*;

fn call(json: serde_json::Value) -> CallConfig {
    serde_json::from_value(json).expect("a call")
}

fn line(application: &str, juror: &str, scores: &[(&str, i64)]) -> ScoreLine {
    ScoreLine {
        application: application.into(),
        juror: juror.into(),
        scores: scores.iter().map(|(c, s)| ((*c).to_owned(), *s)).collect(),
    }
}

/// The README's worked example.
fn readme_call() -> CallConfig {
    call(serde_json::json!({
        "criteria": [{"id": "impact", "weight": 60}, {"id": "feasibility", "weight": 40}],
        "scale_max": 5,
        "public_vote_weight": 20,
        "minimum_score": 60,
        "categories": [{"id": "culture", "awards": 1, "reserve": 1}],
        "tie_break": ["jury", "earlier", "lot"],
        "lot_seed": "panas-2026",
        "applications": [
            {"id": "A", "category": "culture", "status": "eligible", "submitted_at": "2026-03-02T10:00:00Z"},
            {"id": "B", "category": "culture", "status": "eligible", "submitted_at": "2026-03-01T09:00:00Z"},
            {"id": "C", "category": "culture", "status": "eligible", "submitted_at": "2026-03-03T08:00:00Z"},
            {"id": "D", "category": "culture", "status": "rejected", "submitted_at": "2026-03-01T08:00:00Z"}
        ]
    }))
}

fn readme_scores() -> Vec<ScoreLine> {
    vec![
        line("A", "j1", &[("impact", 5), ("feasibility", 3)]),
        line("A", "j2", &[("impact", 4), ("feasibility", 4)]),
        line("B", "j1", &[("impact", 4), ("feasibility", 4)]),
        line("B", "j2", &[("impact", 4), ("feasibility", 5)]),
        line("C", "j2", &[("impact", 3), ("feasibility", 2)]),
    ]
}

#[test]
fn the_readme_example() {
    let votes: Votes = [("A".into(), 30), ("B".into(), 60), ("C".into(), 90)].into();
    let result = select(&readme_call(), &readme_scores(), Some(&votes)).expect("selects");
    let culture = &result.categories["culture"];
    // A: jury = 60·4.5/5 + 40·3.5/5 = 54 + 28 = 82; public = 100·30/90 = 33.33…;
    //    final = (80·82 + 20·33.33…)/100 = 72.27 (72.2666…)
    // B: jury = 60·4/5 + 40·4.5/5 = 48 + 36 = 84; public = 66.67; final = 80.53 (80.5333…)
    // C: jury = 60·3/5 + 40·2/5 = 36 + 16 = 52; public = 100; final = 61.6
    let got: Vec<_> = culture
        .ranking
        .iter()
        .map(|r| (r.id.as_str(), r.jury, r.public, r.final_score))
        .collect();
    assert_eq!(
        got,
        [
            ("B", 84.0, 66.67, 80.53),
            ("A", 82.0, 33.33, 72.27),
            ("C", 52.0, 100.0, 61.6),
        ]
    );
    assert_eq!(culture.winners, ["B"]);
    assert_eq!(culture.reserve, ["A"]);
}

#[test]
fn below_the_minimum_is_ranked_but_never_seated() {
    let mut config = readme_call();
    config.minimum_score = 75.0;
    let votes: Votes = [("A".into(), 30), ("B".into(), 60), ("C".into(), 90)].into();
    let result = select(&config, &readme_scores(), Some(&votes)).expect("selects");
    let culture = &result.categories["culture"];
    assert_eq!(culture.winners, ["B"]);
    assert!(culture.reserve.is_empty(), "A (72.27) is below 75");
    assert_eq!(culture.ranking.len(), 3);
}

#[test]
fn ties_follow_the_calls_order_then_the_id() {
    let config = |tie_break: serde_json::Value| {
        call(serde_json::json!({
            "criteria": [{"id": "q", "weight": 100}],
            "scale_max": 10,
            "categories": [{"id": "k", "awards": 1}],
            "tie_break": tie_break,
            "lot_seed": "seed",
            "applications": [
                {"id": "b", "category": "k", "status": "eligible", "submitted_at": "2026-01-01T00:00:00Z"},
                {"id": "a", "category": "k", "status": "eligible", "submitted_at": "2026-01-02T00:00:00Z"}
            ]
        }))
    };
    let scores = [line("a", "j", &[("q", 7)]), line("b", "j", &[("q", 7)])];
    let winner = |tie_break| {
        select(&config(tie_break), &scores, None)
            .expect("selects")
            .categories["k"]
            .winners[0]
            .clone()
    };
    assert_eq!(winner(serde_json::json!([])), "a", "the id, byte order");
    assert_eq!(winner(serde_json::json!(["earlier"])), "b");
    let lot = |id: &str| hex::encode(<sha2::Sha256 as sha2::Digest>::digest(format!("seed:{id}")));
    let by_lot = if lot("a") < lot("b") { "a" } else { "b" };
    assert_eq!(winner(serde_json::json!(["lot", "earlier"])), by_lot);
}

#[test]
fn bad_lines_are_named() {
    let config = readme_call();
    let bad = |text: &str| {
        select_jsonl(&config, text.as_bytes(), Some(&Votes::new())).expect_err("refused")
    };
    let ok = r#"{"application":"A","juror":"j1","scores":{"impact":5,"feasibility":3}}"#;
    let cases = [
        (
            r#"{"application":"A","juror":"j1","scores":{"impact":6,"feasibility":3}}"#,
            "outside 0..5",
        ),
        (
            r#"{"application":"A","juror":"j2","scores":{"impact":-1,"feasibility":3}}"#,
            "outside",
        ),
        (
            r#"{"application":"A","juror":"j2","scores":{"impact":5}}"#,
            "has no score",
        ),
        (
            r#"{"application":"Z","juror":"j2","scores":{"impact":5,"feasibility":3}}"#,
            "unknown application",
        ),
        (
            r#"{"application":"A","juror":"j2","scores":{"impact":5,"feasibility":3,"x":1}}"#,
            "unknown criterion",
        ),
        (
            r#"{"application":"D","juror":"j2","scores":{"impact":5,"feasibility":3}}"#,
            "not eligible",
        ),
        (ok, "already scored"),
        (
            r#"{"application":"A","juror":"j2","scores":{"impact":4.5,"feasibility":3}}"#,
            "invalid type",
        ),
        ("not json", "expected"),
    ];
    for (second, says) in cases {
        let error = bad(&format!("{ok}\n\n{second}\n"));
        let SelectError::Line { line, .. } = &error else {
            panic!("{error}");
        };
        assert_eq!(*line, 3, "{second}");
        assert!(
            error.to_string().contains(says),
            "{error} should say {says}"
        );
    }
}

#[test]
fn bad_calls_are_refused() {
    let mut config = readme_call();
    config.criteria[0].weight = 50;
    assert_eq!(
        select(&config, &[], Some(&Votes::new())),
        Err(SelectError::Config(ConfigError::WeightsNot100(90)))
    );
    let mut config = readme_call();
    config.public_vote_weight = 51;
    assert!(select(&config, &[], Some(&Votes::new())).is_err());
    assert_eq!(
        select(&readme_call(), &[], None),
        Err(SelectError::Config(ConfigError::VotesNeeded))
    );
    let votes: Votes = [("nobody".into(), 1)].into();
    assert!(matches!(
        select(&readme_call(), &[], Some(&votes)),
        Err(SelectError::Votes(_))
    ));
}

/// A random call: one criterion set, 1–3 categories, up to 12 applications, every
/// eligible one scored by a random subset of 3 jurors.
fn arbitrary_case() -> impl Strategy<Value = (CallConfig, Vec<ScoreLine>, Votes)> {
    (
        1u32..=10,
        0u32..=50,
        0u32..=80,
        prop::collection::vec((0usize..3, any::<bool>(), 0u64..20, 0u8..8), 1..12),
        prop::collection::vec((0u32..4, 0u32..3), 3),
        prop::collection::vec(prop::collection::vec(0i64..=10, 2), 36),
        prop::collection::vec(any::<bool>(), 36),
    )
        .prop_map(
            |(scale, w, minimum, applications, categories, scores, who)| {
                let config = call(serde_json::json!({
                    "criteria": [{"id": "impact", "weight": 70}, {"id": "cost", "weight": 30}],
                    "scale_max": scale,
                    "public_vote_weight": w,
                    "minimum_score": minimum,
                    "categories": categories.iter().enumerate().map(|(i, (awards, reserve))|
                        serde_json::json!({"id": format!("c{i}"), "awards": awards, "reserve": reserve})
                    ).collect::<Vec<_>>(),
                    "tie_break": ["jury", "public", "earlier", "lot"],
                    "lot_seed": "prop",
                    "applications": applications.iter().enumerate().map(|(i, (category, eligible, _, hour))|
                        serde_json::json!({
                            "id": format!("app-{i}"),
                            "category": format!("c{category}"),
                            "status": if *eligible { "eligible" } else { "rejected" },
                            "submitted_at": format!("2026-03-01T0{hour}:00:00Z"),
                        })
                    ).collect::<Vec<_>>(),
                }));
                let mut lines = Vec::new();
                for (i, (_, eligible, _, _)) in applications.iter().enumerate() {
                    for juror in 0..3 {
                        let k = i * 3 + juror;
                        if *eligible && who[k] {
                            lines.push(line(
                                &format!("app-{i}"),
                                &format!("j{juror}"),
                                &[
                                    ("impact", scores[k][0].min(i64::from(scale))),
                                    ("cost", scores[k][1].min(i64::from(scale))),
                                ],
                            ));
                        }
                    }
                }
                let votes = applications
                    .iter()
                    .enumerate()
                    .map(|(i, (_, _, votes, _))| (format!("app-{i}"), *votes))
                    .collect();
                (config, lines, votes)
            },
        )
}

proptest! {
    #[test]
    fn winners_and_reserve_are_the_best_that_reach_the_minimum(
        (config, lines, votes) in arbitrary_case()
    ) {
        let result = select(&config, &lines, Some(&votes)).expect("selects");
        for spec in &config.categories {
            let category = &result.categories[&spec.id];
            let finals: Vec<f64> = category.ranking.iter().map(|r| r.final_score).collect();
            prop_assert!(finals.windows(2).all(|w| w[0] >= w[1]), "rank order: {finals:?}");
            let seated: Vec<&String> = category.winners.iter().chain(&category.reserve).collect();
            let leading: Vec<&String> = category
                .ranking
                .iter()
                .filter(|r| r.final_score >= config.minimum_score - 0.005)
                .map(|r| &r.id)
                .take(seated.len())
                .collect();
            prop_assert_eq!(&seated, &leading);
            prop_assert!(category.winners.len() <= spec.awards as usize);
            prop_assert!(category.reserve.len() <= spec.reserve as usize);
            if !category.reserve.is_empty() {
                prop_assert_eq!(category.winners.len(), spec.awards as usize);
            }
            for r in &category.ranking {
                prop_assert!((0.0..=100.0).contains(&r.jury));
                prop_assert!((0.0..=100.0).contains(&r.public));
                prop_assert!((0.0..=100.0).contains(&r.final_score));
            }
        }
        // Only eligible, scored applications take part.
        let taking_part: usize = result.categories.values().map(|c| c.ranking.len()).sum();
        let scored: std::collections::BTreeSet<&str> =
            lines.iter().map(|l| l.application.as_str()).collect();
        prop_assert_eq!(taking_part, scored.len());
    }

    #[test]
    fn the_order_of_lines_and_applications_does_not_matter(
        (config, lines, votes) in arbitrary_case(), seed in any::<u64>()
    ) {
        let before = select(&config, &lines, Some(&votes)).expect("selects");
        let mut shuffled = lines.clone();
        let mut reordered = config.clone();
        let n = shuffled.len().max(1);
        shuffled.rotate_left((seed as usize) % n);
        shuffled.reverse();
        reordered.applications.reverse();
        reordered.categories.reverse();
        prop_assert_eq!(before, select(&reordered, &shuffled, Some(&votes)).expect("selects"));
    }

    #[test]
    fn a_better_score_never_costs_a_winner_their_award(
        (config, lines, votes) in arbitrary_case(), pick in any::<prop::sample::Index>()
    ) {
        let before = select(&config, &lines, Some(&votes)).expect("selects");
        let winners: Vec<&String> = before.categories.values().flat_map(|c| &c.winners).collect();
        prop_assume!(!winners.is_empty());
        let winner = winners[pick.index(winners.len())].clone();
        let mut better = lines.clone();
        for line in better.iter_mut().filter(|l| l.application == winner) {
            for score in line.scores.values_mut() {
                *score = (*score + 1).min(i64::from(config.scale_max));
            }
        }
        let after = select(&config, &better, Some(&votes)).expect("selects");
        prop_assert!(after.categories.values().any(|c| c.winners.contains(&winner)));
    }

    #[test]
    fn without_a_public_vote_the_final_score_is_the_jury_score(
        (mut config, lines, votes) in arbitrary_case()
    ) {
        config.public_vote_weight = 0;
        let result = select(&config, &lines, Some(&votes)).expect("selects");
        for ranked in result.categories.values().flat_map(|c| &c.ranking) {
            prop_assert_eq!(ranked.jury, ranked.final_score);
        }
    }

    #[test]
    fn a_score_outside_the_scale_stops_the_selection_at_its_line(
        (config, mut lines, votes) in arbitrary_case(), pick in any::<prop::sample::Index>(),
        over in 1i64..5
    ) {
        prop_assume!(!lines.is_empty());
        let at = pick.index(lines.len());
        if let Some(score) = lines[at].scores.get_mut("cost") {
            *score = i64::from(config.scale_max) + over;
        }
        let error = select(&config, &lines, Some(&votes)).expect_err("refused");
        let is_out_of_scale = matches!(error, SelectError::Line { line, problem: LineProblem::OutOfScale { .. } } if line == at + 1);
        prop_assert!(is_out_of_scale, "{error}");
    }
}
