//! What the call stores refuse, and how it crosses to the browser: as codes, translated
//! there. Anything unexpected is logged here and crosses as `internal`.

use crate::calls::call::rules::CallProblem;
use crate::error::{AppError, ErrorCode, FieldProblem};
use crate::platform::timeline::TimelineError;

#[derive(Debug, thiserror::Error)]
pub enum CallError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error("no such call, category or application")]
    NotFound,
    #[error("not possible in the call's current phase")]
    WrongPhase,
    #[error(transparent)]
    Calendar(#[from] TimelineError),
    #[error(transparent)]
    Call(#[from] CallProblem),
    #[error("already decided, submitted or changed by someone else")]
    Conflict,
    #[error("the last day for this has passed")]
    DeadlinePassed,
    #[error("the person declared a conflict of interest")]
    ConflictOfInterest,
    #[error("this person already voted here")]
    AlreadyVoted,
    #[error("only people the organization verified vote")]
    NotVerified,
    #[error("invalid input")]
    Invalid(Vec<FieldProblem>),
    #[error("unreadable call data: {0}")]
    Corrupt(String),
}

/// Stored data that does not read back (a bug or a hand-edited row).
pub(crate) fn corrupt(what: impl std::fmt::Display) -> CallError {
    CallError::Corrupt(what.to_string())
}

/// One field's problem as a refusal.
pub(crate) fn invalid(field: &str, problem: crate::error::Problem) -> CallError {
    CallError::Invalid(vec![FieldProblem {
        field: field.into(),
        problem,
    }])
}

impl From<crate::platform::timeline::store::TimelineStoreError> for CallError {
    fn from(error: crate::platform::timeline::store::TimelineStoreError) -> Self {
        use crate::platform::timeline::store::TimelineStoreError as E;
        match error {
            E::Db(e) => Self::Db(e),
            E::Refused(e) => Self::Calendar(e),
        }
    }
}

impl From<CallError> for AppError {
    fn from(error: CallError) -> Self {
        match error {
            CallError::NotFound => AppError::new(ErrorCode::NotFound),
            CallError::WrongPhase | CallError::Calendar(_) => AppError::new(ErrorCode::WrongPhase),
            CallError::Conflict => AppError::new(ErrorCode::Conflict),
            CallError::DeadlinePassed => AppError::new(ErrorCode::DeadlinePassed),
            CallError::ConflictOfInterest => AppError::new(ErrorCode::ConflictOfInterest),
            CallError::AlreadyVoted => AppError::new(ErrorCode::AlreadyVoted),
            CallError::NotVerified => AppError::new(ErrorCode::NotEnabledVoter),
            CallError::Call(_) => AppError::new(ErrorCode::InvalidInput),
            CallError::Invalid(fields) => AppError {
                code: ErrorCode::InvalidInput,
                fields,
            },
            CallError::Db(error) => error.into(),
            CallError::Corrupt(_) => {
                tracing::error!(error = %error, "call error");
                AppError::new(ErrorCode::Internal)
            }
        }
    }
}
