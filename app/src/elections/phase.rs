//! An election's calendar (DOMAIN.md § Process 1) as a state machine: the phases in their
//! only order, what each phase allows, and deadlines that can be extended but never
//! shortened. The commission moves an election forward one phase at a time; every move is
//! audited and shown on the public page.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Draft,
    CandidacyRegistration,
    Review,
    Appeals,
    FinalList,
    Campaign,
    Voting,
    Counting,
    ProvisionalResults,
    OfficialResults,
}

impl Phase {
    /// The phase after this one; `None` once results are official.
    pub fn next(self) -> Option<Phase> {
        let at = Self::ALL.iter().position(|p| *p == self)?;
        Self::ALL.get(at + 1).copied()
    }

    /// The configuration (segments, seats, parity, channels) can change only in draft.
    pub fn allows_configuration(self) -> bool {
        self == Self::Draft
    }

    pub fn allows_candidacies(self) -> bool {
        self == Self::CandidacyRegistration
    }

    pub fn allows_review(self) -> bool {
        self == Self::Review
    }

    /// Only rejected candidates appeal, and only in this phase; the commission decides
    /// appeals in it too.
    pub fn allows_appeals(self) -> bool {
        self == Self::Appeals
    }

    pub fn allows_voting(self) -> bool {
        self == Self::Voting
    }

    /// The candidate list is public from the final list on.
    pub fn candidates_public(self) -> bool {
        self >= Self::FinalList
    }

    /// Ballots (and the bulletin board of tracking codes) are public once voting closed.
    pub fn ballots_public(self) -> bool {
        self >= Self::Counting
    }

    pub fn results_public(self) -> bool {
        self >= Self::ProvisionalResults
    }
}

crate::platform::codes::text_codes!(Phase {
    Draft => "draft",
    CandidacyRegistration => "candidacy_registration",
    Review => "review",
    Appeals => "appeals",
    FinalList => "final_list",
    Campaign => "campaign",
    Voting => "voting",
    Counting => "counting",
    ProvisionalResults => "provisional_results",
    OfficialResults => "official_results",
});

/// Why a calendar change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("an election moves one phase forward at a time")]
    NotNextPhase,
    #[error("results are official: the calendar is closed")]
    Closed,
    #[error("a deadline can only be extended")]
    NotLater,
    #[error("a deadline cannot be in the past")]
    InThePast,
}

/// Checks a move from `current` to `wanted`.
pub fn check_move(current: Phase, wanted: Phase) -> Result<(), CalendarError> {
    match current.next() {
        None => Err(CalendarError::Closed),
        Some(next) if next == wanted => Ok(()),
        Some(_) => Err(CalendarError::NotNextPhase),
    }
}

/// Checks a deadline change: later than the current one (when there is one) and not past.
pub fn check_extension(current: Option<i64>, wanted: i64, now: i64) -> Result<(), CalendarError> {
    if wanted <= now {
        return Err(CalendarError::InThePast);
    }
    match current {
        Some(current) if wanted <= current => Err(CalendarError::NotLater),
        _ => Ok(()),
    }
}

/// A move of the calendar, as the public reads it: the phase, when it began, and the audit
/// log's head right after the move (the hash of the move's own entry). An observer who
/// writes the head down can later check with `voz audit verify --head` that the log still
/// reaches it: nothing before the move was removed or rewritten since.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseChange {
    pub phase: Phase,
    pub at: i64,
    pub audit_head: String,
}

/// A change of a phase's last day, as the public calendar shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineChange {
    pub at: i64,
    pub phase: Phase,
    pub before: Option<crate::calendar::Date>,
    pub after: crate::calendar::Date,
}

/// Checks a phase's deadline (a last day): set for a phase not yet over, never in the
/// past, and, once set, only ever later.
pub fn check_deadline(
    phase: Phase,
    current_phase: Phase,
    current: Option<crate::calendar::Date>,
    wanted: crate::calendar::Date,
    today: crate::calendar::Date,
) -> Result<(), CalendarError> {
    if phase < current_phase || phase == Phase::Draft || phase == Phase::OfficialResults {
        return Err(CalendarError::Closed);
    }
    if wanted < today {
        return Err(CalendarError::InThePast);
    }
    match current {
        Some(current) if wanted <= current => Err(CalendarError::NotLater),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn phases_go_forward_one_at_a_time() {
        assert_eq!(
            check_move(Phase::Draft, Phase::CandidacyRegistration),
            Ok(())
        );
        assert_eq!(
            check_move(Phase::Draft, Phase::Voting),
            Err(CalendarError::NotNextPhase)
        );
        assert_eq!(
            check_move(Phase::Voting, Phase::Campaign),
            Err(CalendarError::NotNextPhase)
        );
        assert_eq!(
            check_move(Phase::OfficialResults, Phase::Draft),
            Err(CalendarError::Closed)
        );
    }

    #[test]
    fn each_phase_allows_only_its_own_work() {
        let allowed: Vec<Phase> = Phase::ALL
            .into_iter()
            .filter(|p| p.allows_voting())
            .collect();
        assert_eq!(allowed, [Phase::Voting]);
        assert!(!Phase::Voting.candidates_public() || Phase::Voting >= Phase::FinalList);
        assert!(!Phase::Voting.ballots_public());
        assert!(Phase::Counting.ballots_public());
        assert!(!Phase::Counting.results_public());
        assert!(Phase::ProvisionalResults.results_public());
    }

    #[test]
    fn deadlines_only_move_later() {
        assert_eq!(check_extension(Some(100), 200, 50), Ok(()));
        assert_eq!(
            check_extension(Some(100), 100, 50),
            Err(CalendarError::NotLater)
        );
        assert_eq!(
            check_extension(Some(100), 90, 50),
            Err(CalendarError::NotLater)
        );
        assert_eq!(check_extension(None, 40, 50), Err(CalendarError::InThePast));
        assert_eq!(check_extension(None, 60, 50), Ok(()));
    }

    #[test]
    fn deadlines_are_set_ahead_and_only_extended() {
        let d = |s: &str| s.parse::<crate::calendar::Date>().expect("date");
        let today = d("2026-11-23");
        let (reg, voting) = (Phase::CandidacyRegistration, Phase::Voting);
        assert_eq!(
            check_deadline(reg, reg, None, d("2026-12-10"), today),
            Ok(())
        );
        assert_eq!(
            check_deadline(voting, reg, None, d("2027-05-23"), today),
            Ok(()),
            "a later phase"
        );
        assert_eq!(
            check_deadline(reg, reg, Some(d("2026-12-10")), d("2026-12-15"), today),
            Ok(()),
            "extended"
        );
        assert_eq!(
            check_deadline(reg, reg, Some(d("2026-12-10")), d("2026-12-01"), today),
            Err(CalendarError::NotLater)
        );
        assert_eq!(
            check_deadline(reg, reg, Some(d("2026-12-10")), d("2026-12-10"), today),
            Err(CalendarError::NotLater)
        );
        assert_eq!(
            check_deadline(reg, reg, None, d("2026-11-01"), today),
            Err(CalendarError::InThePast)
        );
        assert_eq!(
            check_deadline(reg, voting, None, d("2027-01-01"), today),
            Err(CalendarError::Closed),
            "a phase already over"
        );
    }

    #[test]
    fn codes_round_trip() {
        for phase in Phase::ALL {
            assert_eq!(Phase::from_code(phase.code()), Some(phase));
        }
    }

    proptest! {
        #[test]
        fn following_next_visits_every_phase_once(start in 0usize..10) {
            let mut seen = vec![Phase::ALL[start]];
            while let Some(next) = seen.last().and_then(|p| p.next()) {
                prop_assert!(check_move(*seen.last().expect("non-empty"), next).is_ok());
                seen.push(next);
            }
            prop_assert_eq!(seen.len(), 10 - start);
            prop_assert_eq!(*seen.last().expect("non-empty"), Phase::OfficialResults);
        }
    }
}
