//! The calendar rules, pure. The first phase is the draft (nothing is public, the process
//! is being set up) and the last one is final (the calendar is closed): neither has a last
//! day.

use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::platform::codes::Coded;

/// Why a calendar change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimelineError {
    #[error("a process moves one phase forward at a time")]
    NotNextPhase,
    #[error("the process is over: the calendar is closed")]
    Closed,
    #[error("a deadline can only be extended")]
    NotLater,
    #[error("a deadline cannot be in the past")]
    InThePast,
}

/// The phase after `phase`; `None` for the last one.
pub fn next<P: Coded>(phase: P) -> Option<P> {
    let all = P::all();
    let at = all.iter().position(|p| *p == phase)?;
    all.get(at + 1).copied()
}

/// Checks a move from `current` to `wanted`: only ever to the next phase.
pub fn check_move<P: Coded>(current: P, wanted: P) -> Result<(), TimelineError> {
    match next(current) {
        None => Err(TimelineError::Closed),
        Some(next) if next == wanted => Ok(()),
        Some(_) => Err(TimelineError::NotNextPhase),
    }
}

/// Checks a phase's deadline (a last day): set for a phase not yet over (and neither the
/// draft nor the final phase), never in the past, and, once set, only ever later.
pub fn check_deadline<P: Coded + Ord>(
    phase: P,
    current_phase: P,
    current: Option<Date>,
    wanted: Date,
    today: Date,
) -> Result<(), TimelineError> {
    let all = P::all();
    if phase < current_phase || all.first() == Some(&phase) || all.last() == Some(&phase) {
        return Err(TimelineError::Closed);
    }
    if wanted < today {
        return Err(TimelineError::InThePast);
    }
    match current {
        Some(current) if wanted <= current => Err(TimelineError::NotLater),
        _ => Ok(()),
    }
}

/// A move of the calendar, as the public reads it: the phase, when it began, and the audit
/// log's head right after the move (the hash of the move's own entry). An observer who
/// writes the head down can later check with `voz audit verify --head` that the log still
/// reaches it: nothing before the move was removed or rewritten since.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseChange<P> {
    pub phase: P,
    pub at: i64,
    pub audit_head: String,
}

/// A change of a phase's last day, as the public calendar shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineChange<P> {
    pub at: i64,
    pub phase: P,
    pub before: Option<Date>,
    pub after: Date,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A process of four phases, standing for any.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
    enum Step {
        Draft,
        Open,
        Review,
        Done,
    }

    crate::platform::codes::text_codes!(Step {
        Draft => "draft",
        Open => "open",
        Review => "review",
        Done => "done",
    });

    #[test]
    fn phases_go_forward_one_at_a_time() {
        assert_eq!(check_move(Step::Draft, Step::Open), Ok(()));
        assert_eq!(
            check_move(Step::Draft, Step::Review),
            Err(TimelineError::NotNextPhase)
        );
        assert_eq!(
            check_move(Step::Review, Step::Open),
            Err(TimelineError::NotNextPhase)
        );
        assert_eq!(
            check_move(Step::Done, Step::Draft),
            Err(TimelineError::Closed)
        );
    }

    #[test]
    fn deadlines_are_set_ahead_and_only_extended() {
        let d = |s: &str| s.parse::<Date>().expect("date");
        let today = d("2026-11-23");
        let (open, review) = (Step::Open, Step::Review);
        assert_eq!(
            check_deadline(open, open, None, d("2026-12-10"), today),
            Ok(())
        );
        assert_eq!(
            check_deadline(review, open, None, d("2027-05-23"), today),
            Ok(()),
            "a later phase"
        );
        assert_eq!(
            check_deadline(open, open, Some(d("2026-12-10")), d("2026-12-15"), today),
            Ok(()),
            "extended"
        );
        assert_eq!(
            check_deadline(open, open, Some(d("2026-12-10")), d("2026-12-01"), today),
            Err(TimelineError::NotLater)
        );
        assert_eq!(
            check_deadline(open, open, Some(d("2026-12-10")), d("2026-12-10"), today),
            Err(TimelineError::NotLater)
        );
        assert_eq!(
            check_deadline(open, open, None, d("2026-11-01"), today),
            Err(TimelineError::InThePast)
        );
        assert_eq!(
            check_deadline(open, review, None, d("2027-01-01"), today),
            Err(TimelineError::Closed),
            "a phase already over"
        );
        for closed in [Step::Draft, Step::Done] {
            assert_eq!(
                check_deadline(closed, Step::Draft, None, d("2027-01-01"), today),
                Err(TimelineError::Closed),
                "{closed:?} has no last day"
            );
        }
    }

    proptest! {
        #[test]
        fn following_next_visits_every_phase_once(start in 0usize..4) {
            let mut seen = vec![Step::ALL[start]];
            while let Some(next) = seen.last().and_then(|p| next(*p)) {
                prop_assert!(check_move(*seen.last().expect("non-empty"), next).is_ok());
                seen.push(next);
            }
            prop_assert_eq!(seen.len(), 4 - start);
            prop_assert_eq!(*seen.last().expect("non-empty"), Step::Done);
        }

        #[test]
        fn a_move_is_allowed_only_to_the_next_phase(a in 0usize..4, b in 0usize..4) {
            let moved = check_move(Step::ALL[a], Step::ALL[b]);
            prop_assert_eq!(moved.is_ok(), b == a + 1);
        }
    }
}
