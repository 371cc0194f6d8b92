//! Deciding on something a person submitted — a registration, a candidacy today; a free
//! conference, a report of abuse, an application's documents next. Every process decides
//! the same three ways, and says why in words the person can act on.

use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::error::{AppError, ErrorCode, Problem};
use crate::platform::text::{for_field, paragraphs};

/// A reviewer's decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    Accept,
    /// Refused; the reason is shown to the person.
    Refuse {
        reason: String,
    },
    /// Sent back to be fixed: what to fix and, where the process sets one, the last day.
    FixBy {
        reason: String,
        #[serde(default)]
        by: Option<Date>,
    },
}

impl Verdict {
    pub fn reason(&self) -> Option<&str> {
        match self {
            Self::Accept => None,
            Self::Refuse { reason } | Self::FixBy { reason, .. } => Some(reason),
        }
    }

    /// The verdict with its reason checked as paragraphs of at most `max` characters
    /// (field `reason`), and a "fix by" day, if any, not before `today` (field `by`).
    /// `dated`: whether this process keeps a last day for fixes; where it does not, a
    /// verdict that names one is refused rather than have the day silently dropped.
    pub fn checked(self, max: u16, today: Date, dated: bool) -> Result<Self, AppError> {
        let reason = |text: String| for_field("reason", paragraphs(&text, max));
        Ok(match self {
            Self::Accept => Self::Accept,
            Self::Refuse { reason: text } => Self::Refuse {
                reason: reason(text)?,
            },
            Self::FixBy { reason: text, by } => {
                match by {
                    Some(_) if !dated => return Err(AppError::new(ErrorCode::InvalidInput)),
                    Some(day) if day < today => {
                        return Err(AppError::fields([crate::error::FieldProblem {
                            field: "by".into(),
                            problem: Problem::InvalidDate,
                        }]));
                    }
                    _ => {}
                }
                Self::FixBy {
                    reason: reason(text)?,
                    by,
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().expect("date")
    }

    #[test]
    fn reasons_are_required_and_checked() {
        let today = day("2026-12-01");
        assert_eq!(
            Verdict::Accept.checked(300, today, false),
            Ok(Verdict::Accept)
        );
        let refused = Verdict::Refuse {
            reason: "  Documento ilegível.  ".into(),
        };
        assert_eq!(
            refused.checked(300, today, false).expect("valid").reason(),
            Some("Documento ilegível.")
        );
        let empty = Verdict::Refuse { reason: " ".into() };
        let error = empty.checked(300, today, false).expect_err("required");
        assert_eq!(error.problem_of("reason"), Some(Problem::Required));
    }

    #[test]
    fn a_fix_by_day_is_today_or_later_and_only_where_kept() {
        let today = day("2026-12-01");
        let fix = |by: &str| Verdict::FixBy {
            reason: "Envie a ata.".into(),
            by: Some(day(by)),
        };
        assert!(fix("2026-12-01").checked(300, today, true).is_ok());
        let past = fix("2026-11-30")
            .checked(300, today, true)
            .expect_err("past");
        assert_eq!(past.problem_of("by"), Some(Problem::InvalidDate));
        assert!(fix("2026-12-05").checked(300, today, false).is_err());
        let undated = Verdict::FixBy {
            reason: "Envie a ata.".into(),
            by: None,
        };
        assert!(undated.checked(300, today, false).is_ok());
    }
}
