//! The plenary's rules, pure.
//!
//! **Ballot.** For each item of the theme (its consolidated proposals; for theme 0, the
//! motions) a delegate marks approve or reject, or leaves it (abstains); and chooses up
//! to `priorities` of the proposals they approve as the theme's priorities (motions take
//! no priorities).
//!
//! **Count.** An item is approved when it has more approvals than rejections. The
//! approved proposals of a theme are ranked by priority marks, then approvals, then code;
//! the first `priorities` of them with at least one priority mark are the theme's
//! **priority proposals**, the others are approved. An approved motion is adopted
//! (`motion`); anything else is rejected.
//!
//! **Replacing an absent delegate.** The event's highest-ranked reserve not yet
//! credentialled takes the place; when the absent delegate is an immigrant and the
//! event's credentialled delegates would fall under its quota without them, the
//! highest-ranked immigrant reserve does.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Approve,
    Reject,
}

/// A delegate's ballot on one theme: item code → choice (absent: abstains), priorities.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlenaryBallot {
    #[serde(default)]
    pub votes: BTreeMap<String, Choice>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub priorities: BTreeSet<String>,
}

/// How many priorities a ballot may choose per theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlenaryRule {
    pub priorities: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BallotProblem {
    #[error("{0} is not voted in this theme")]
    Unknown(String),
    #[error("priority {0} is not approved on the same ballot")]
    PriorityNotApproved(String),
    #[error("more than {0} priorities")]
    TooManyPriorities(u8),
    #[error("motions take no priorities")]
    PriorityOnMotion,
}

/// One item voted on: a consolidated proposal or a motion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub code: String,
    pub motion: bool,
}

pub fn check_ballot(
    ballot: &PlenaryBallot,
    items: &[Item],
    rule: PlenaryRule,
) -> Result<(), BallotProblem> {
    let item = |code: &str| items.iter().find(|i| i.code == code);
    for code in ballot.votes.keys() {
        item(code).ok_or_else(|| BallotProblem::Unknown(code.clone()))?;
    }
    if ballot.priorities.len() > usize::from(rule.priorities) {
        return Err(BallotProblem::TooManyPriorities(rule.priorities));
    }
    for code in &ballot.priorities {
        let found = item(code).ok_or_else(|| BallotProblem::Unknown(code.clone()))?;
        if found.motion {
            return Err(BallotProblem::PriorityOnMotion);
        }
        if ballot.votes.get(code) != Some(&Choice::Approve) {
            return Err(BallotProblem::PriorityNotApproved(code.clone()));
        }
    }
    Ok(())
}

/// What the plenary decided on an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Priority,
    Approved,
    Rejected,
    /// An adopted motion.
    Motion,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Self::Priority => "priority",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Motion => "motion",
        }
    }
}

/// An item's votes and result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemResult {
    pub code: String,
    pub approve: u64,
    pub reject: u64,
    pub abstain: u64,
    pub priority: u64,
    pub result: Outcome,
}

/// Counts a theme's ballots (already checked) into each item's votes and result, in the
/// items' order.
pub fn count(items: &[Item], ballots: &[PlenaryBallot], rule: PlenaryRule) -> Vec<ItemResult> {
    let mut results: Vec<ItemResult> = items
        .iter()
        .map(|item| {
            let marked = |choice| {
                ballots
                    .iter()
                    .filter(|b| b.votes.get(&item.code) == Some(&choice))
                    .count() as u64
            };
            let (approve, reject) = (marked(Choice::Approve), marked(Choice::Reject));
            let approved = approve > reject;
            ItemResult {
                code: item.code.clone(),
                approve,
                reject,
                abstain: ballots.len() as u64 - approve - reject,
                priority: ballots
                    .iter()
                    .filter(|b| b.priorities.contains(&item.code))
                    .count() as u64,
                result: match (approved, item.motion) {
                    (true, true) => Outcome::Motion,
                    (true, false) => Outcome::Approved,
                    (false, _) => Outcome::Rejected,
                },
            }
        })
        .collect();
    let mut ranked: Vec<usize> = (0..results.len())
        .filter(|&i| results[i].result == Outcome::Approved && results[i].priority > 0)
        .collect();
    ranked.sort_by(|&a, &b| {
        let (x, y) = (&results[a], &results[b]);
        y.priority
            .cmp(&x.priority)
            .then(y.approve.cmp(&x.approve))
            .then(x.code.cmp(&y.code))
    });
    for &i in ranked.iter().take(usize::from(rule.priorities)) {
        results[i].result = Outcome::Priority;
    }
    results
}

/// An event's delegate or reserve, for choosing who replaces an absent delegate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seat {
    pub rank: usize,
    pub migrant: bool,
    /// Already credentialled at the plenary.
    pub credentialled: bool,
}

/// The reserve (index into `reserves`, in rank order) who replaces an absent delegate;
/// `None` when no reserve is left. `present_migrants` counts the event's credentialled
/// delegates who are immigrants; `required` is the quota's number for the event.
pub fn replacement(
    absent_is_migrant: bool,
    present_migrants: usize,
    required: usize,
    reserves: &[Seat],
) -> Option<usize> {
    let free = |s: &&Seat| !s.credentialled;
    let by_rank = || {
        reserves
            .iter()
            .enumerate()
            .filter(|(_, s)| free(s))
            .min_by_key(|(_, s)| s.rank)
            .map(|(i, _)| i)
    };
    if absent_is_migrant && present_migrants < required {
        let migrant = reserves
            .iter()
            .enumerate()
            .filter(|(_, s)| free(s) && s.migrant)
            .min_by_key(|(_, s)| s.rank)
            .map(|(i, _)| i);
        return migrant.or_else(by_rank);
    }
    by_rank()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn items() -> Vec<Item> {
        ["E1-1", "E1-2", "E1-3"]
            .iter()
            .map(|c| Item {
                code: (*c).into(),
                motion: false,
            })
            .chain([Item {
                code: "M1".into(),
                motion: true,
            }])
            .collect()
    }

    fn ballot(votes: &[(&str, Choice)], priorities: &[&str]) -> PlenaryBallot {
        PlenaryBallot {
            votes: votes.iter().map(|(c, v)| ((*c).to_owned(), *v)).collect(),
            priorities: priorities.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    #[test]
    fn ballots_are_checked() {
        use Choice::*;
        let rule = PlenaryRule { priorities: 1 };
        assert_eq!(
            check_ballot(&ballot(&[("E1-1", Approve)], &["E1-1"]), &items(), rule),
            Ok(())
        );
        assert_eq!(
            check_ballot(&ballot(&[("E9-1", Approve)], &[]), &items(), rule),
            Err(BallotProblem::Unknown("E9-1".into()))
        );
        assert_eq!(
            check_ballot(&ballot(&[("E1-1", Reject)], &["E1-1"]), &items(), rule),
            Err(BallotProblem::PriorityNotApproved("E1-1".into()))
        );
        assert_eq!(
            check_ballot(
                &ballot(&[("E1-1", Approve), ("E1-2", Approve)], &["E1-1", "E1-2"]),
                &items(),
                rule
            ),
            Err(BallotProblem::TooManyPriorities(1))
        );
        assert_eq!(
            check_ballot(
                &ballot(&[("M1", Approve)], &["M1"]),
                &items(),
                PlenaryRule { priorities: 2 }
            ),
            Err(BallotProblem::PriorityOnMotion)
        );
    }

    #[test]
    fn a_worked_example() {
        use Choice::*;
        let ballots = [
            ballot(
                &[
                    ("E1-1", Approve),
                    ("E1-2", Approve),
                    ("E1-3", Reject),
                    ("M1", Approve),
                ],
                &["E1-2"],
            ),
            ballot(
                &[("E1-1", Approve), ("E1-2", Approve), ("E1-3", Reject)],
                &["E1-1"],
            ),
            ballot(
                &[("E1-1", Approve), ("E1-2", Reject), ("M1", Reject)],
                &["E1-1"],
            ),
        ];
        let results = count(&items(), &ballots, PlenaryRule { priorities: 1 });
        let outcome: Vec<(&str, Outcome, u64, u64, u64, u64)> = results
            .iter()
            .map(|r| {
                (
                    r.code.as_str(),
                    r.result,
                    r.approve,
                    r.reject,
                    r.abstain,
                    r.priority,
                )
            })
            .collect();
        assert_eq!(
            outcome,
            [
                ("E1-1", Outcome::Priority, 3, 0, 0, 2),
                ("E1-2", Outcome::Approved, 2, 1, 0, 1),
                ("E1-3", Outcome::Rejected, 0, 2, 1, 0),
                ("M1", Outcome::Rejected, 1, 1, 1, 0),
            ]
        );
    }

    #[test]
    fn an_absent_immigrant_delegate_is_replaced_by_an_immigrant_when_the_quota_needs_it() {
        let reserves = [
            Seat {
                rank: 1,
                migrant: false,
                credentialled: false,
            },
            Seat {
                rank: 2,
                migrant: true,
                credentialled: false,
            },
        ];
        assert_eq!(replacement(true, 0, 1, &reserves), Some(1));
        assert_eq!(replacement(true, 1, 1, &reserves), Some(0));
        assert_eq!(replacement(false, 0, 1, &reserves), Some(0));
        let used = [
            Seat {
                credentialled: true,
                ..reserves[0]
            },
            Seat {
                credentialled: true,
                ..reserves[1]
            },
        ];
        assert_eq!(replacement(true, 0, 1, &used), None);
    }

    proptest! {
        #[test]
        fn votes_add_up_and_priorities_are_capped_and_approved(
            raw in proptest::collection::vec((proptest::collection::vec(0u8..3, 4), 0usize..4), 0..30),
            n in 0u8..3,
        ) {
            let rule = PlenaryRule { priorities: n };
            let ballots: Vec<PlenaryBallot> = raw.iter().map(|(marks, pick)| {
                let mut b = PlenaryBallot::default();
                for (item, mark) in items().iter().zip(marks) {
                    match mark {
                        0 => { b.votes.insert(item.code.clone(), Choice::Approve); }
                        1 => { b.votes.insert(item.code.clone(), Choice::Reject); }
                        _ => {}
                    }
                }
                let code = &items()[*pick].code;
                if !items()[*pick].motion && b.votes.get(code) == Some(&Choice::Approve) && n > 0 {
                    b.priorities.insert(code.clone());
                }
                b
            }).collect();
            for b in &ballots {
                prop_assert_eq!(check_ballot(b, &items(), rule), Ok(()));
            }
            let results = count(&items(), &ballots, rule);
            for r in &results {
                prop_assert_eq!(r.approve + r.reject + r.abstain, ballots.len() as u64);
                let approved = r.approve > r.reject;
                prop_assert_eq!(r.result != Outcome::Rejected, approved);
            }
            let priorities = results.iter().filter(|r| r.result == Outcome::Priority).count();
            prop_assert!(priorities <= usize::from(n));
        }
    }
}
