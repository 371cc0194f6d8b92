//! The prioritisation rule, pure. A ballot chooses up to `per_theme` of the event's
//! proposals in each theme (a theme may be left empty); each choice is one vote. The
//! event's list ranks each theme's proposals by votes, then by supports, then by id
//! (earlier first), so the order is always total and anyone can redo it from the ballots.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::platform::ids::ProposalId;

/// How many proposals a ballot may choose per theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityRule {
    pub per_theme: u8,
}

pub const MAX_PER_THEME: u8 = 10;

/// A proposal a ballot may choose: one of the event's, neither withdrawn nor hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligible {
    pub id: ProposalId,
    pub theme: i64,
    pub supports: i64,
}

/// A checked ballot: per theme, the chosen proposals (sorted: its canonical form).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PriorityBallot(pub BTreeMap<i64, BTreeSet<ProposalId>>);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BallotProblem {
    #[error("proposal {0} cannot be chosen at this event")]
    NotEligible(ProposalId),
    #[error("proposal {0} is chosen twice")]
    Twice(ProposalId),
    #[error("more than {max} proposals chosen in theme {theme}")]
    TooMany { theme: i64, max: u8 },
}

/// Checks the chosen proposal ids against the event's eligible proposals and the rule.
pub fn check_ballot(
    chosen: &[ProposalId],
    eligible: &[Eligible],
    rule: PriorityRule,
) -> Result<PriorityBallot, BallotProblem> {
    let mut ballot = PriorityBallot::default();
    for &id in chosen {
        let proposal = eligible
            .iter()
            .find(|e| e.id == id)
            .ok_or(BallotProblem::NotEligible(id))?;
        let theme = ballot.0.entry(proposal.theme).or_default();
        if !theme.insert(id) {
            return Err(BallotProblem::Twice(id));
        }
        if theme.len() > usize::from(rule.per_theme) {
            return Err(BallotProblem::TooMany {
                theme: proposal.theme,
                max: rule.per_theme,
            });
        }
    }
    Ok(ballot)
}

impl PriorityBallot {
    /// The stored form: `{"1":[3,5],"4":[9]}`, themes and ids in order.
    pub fn canonical(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn parse(content: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(content)
    }
}

/// One theme's ranked list: (proposal, votes), best first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeRanking {
    pub theme: i64,
    pub ranked: Vec<(ProposalId, u64)>,
}

/// Ranks every eligible proposal of each theme by votes, then supports, then id. Votes
/// for a proposal that is not eligible (any more) are not counted.
pub fn rank<'a>(
    eligible: &[Eligible],
    ballots: impl IntoIterator<Item = &'a PriorityBallot>,
) -> Vec<ThemeRanking> {
    let mut votes: BTreeMap<ProposalId, u64> = eligible.iter().map(|e| (e.id, 0)).collect();
    for ballot in ballots {
        for id in ballot.0.values().flatten() {
            if let Some(count) = votes.get_mut(id) {
                *count += 1;
            }
        }
    }
    let themes: BTreeSet<i64> = eligible.iter().map(|e| e.theme).collect();
    themes
        .into_iter()
        .map(|theme| {
            let mut ours: Vec<&Eligible> = eligible.iter().filter(|e| e.theme == theme).collect();
            ours.sort_by_key(|e| {
                (
                    std::cmp::Reverse(votes[&e.id]),
                    std::cmp::Reverse(e.supports),
                    e.id,
                )
            });
            ThemeRanking {
                theme,
                ranked: ours.into_iter().map(|e| (e.id, votes[&e.id])).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn eligible() -> Vec<Eligible> {
        (1..=9)
            .map(|n| Eligible {
                id: ProposalId(n),
                theme: (n - 1) / 3 + 1,
                supports: 10 - n,
            })
            .collect()
    }

    #[test]
    fn a_ballot_chooses_up_to_k_per_theme_of_the_events_proposals() {
        let rule = PriorityRule { per_theme: 2 };
        let ok = check_ballot(
            &[ProposalId(2), ProposalId(1), ProposalId(7)],
            &eligible(),
            rule,
        )
        .expect("valid");
        assert_eq!(ok.canonical(), r#"{"1":[1,2],"3":[7]}"#);
        assert_eq!(PriorityBallot::parse(&ok.canonical()).expect("parse"), ok);
        assert_eq!(
            check_ballot(
                &[ProposalId(1), ProposalId(2), ProposalId(3)],
                &eligible(),
                rule
            ),
            Err(BallotProblem::TooMany { theme: 1, max: 2 })
        );
        assert_eq!(
            check_ballot(&[ProposalId(4), ProposalId(4)], &eligible(), rule),
            Err(BallotProblem::Twice(ProposalId(4)))
        );
        assert_eq!(
            check_ballot(&[ProposalId(99)], &eligible(), rule),
            Err(BallotProblem::NotEligible(ProposalId(99)))
        );
        assert_eq!(
            check_ballot(&[], &eligible(), rule)
                .expect("blank")
                .canonical(),
            "{}"
        );
    }

    #[test]
    fn ties_go_to_supports_then_the_earlier_proposal() {
        let ballots = [
            check_ballot(&[ProposalId(3)], &eligible(), PriorityRule { per_theme: 1 })
                .expect("valid in the test"),
            check_ballot(&[ProposalId(2)], &eligible(), PriorityRule { per_theme: 1 })
                .expect("valid in the test"),
        ];
        let ranked = rank(&eligible(), &ballots);
        // 2 and 3 have one vote each; 2 has more supports. 1 has none.
        assert_eq!(
            ranked[0].ranked,
            [(ProposalId(2), 1), (ProposalId(3), 1), (ProposalId(1), 0)]
        );
    }

    proptest! {
        #[test]
        fn every_choice_is_one_vote_and_every_list_is_in_order(
            picks in proptest::collection::vec(proptest::collection::vec(1i64..=9, 0..6), 0..40),
            per_theme in 1u8..4,
        ) {
            let rule = PriorityRule { per_theme };
            let ballots: Vec<PriorityBallot> = picks
                .iter()
                .filter_map(|p| check_ballot(&p.iter().map(|&n| ProposalId(n)).collect::<Vec<_>>(), &eligible(), rule).ok())
                .collect();
            let ranked = rank(&eligible(), &ballots);
            let marks: usize = ballots.iter().map(|b| b.0.values().map(BTreeSet::len).sum::<usize>()).sum();
            let counted: u64 = ranked.iter().flat_map(|t| t.ranked.iter().map(|(_, v)| *v)).sum();
            prop_assert_eq!(counted as usize, marks);
            let listed: usize = ranked.iter().map(|t| t.ranked.len()).sum();
            prop_assert_eq!(listed, eligible().len(), "every eligible proposal is listed once");
            for theme in &ranked {
                prop_assert!(theme.ranked.windows(2).all(|w| w[0].1 >= w[1].1));
            }
            for ballot in &ballots {
                prop_assert!(ballot.0.values().all(|ids| ids.len() <= usize::from(per_theme)));
            }
        }
    }
}
