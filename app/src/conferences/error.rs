//! What the conference stores refuse, and how it crosses to the browser: as codes,
//! translated there. Anything unexpected is logged here and crosses as `internal`.

use crate::conferences::edition::rules::EditionProblem;
use crate::error::{AppError, ErrorCode, FieldProblem};
use crate::platform::timeline::TimelineError;

#[derive(Debug, thiserror::Error)]
pub enum ConferenceError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error("no such conference, event or proposal")]
    NotFound,
    #[error("not possible in the edition's current phase")]
    WrongPhase,
    #[error(transparent)]
    Calendar(#[from] TimelineError),
    #[error(transparent)]
    Edition(#[from] EditionProblem),
    #[error("only participants checked in at the event take part")]
    NotCheckedIn,
    #[error("this person has already voted here")]
    AlreadyVoted,
    #[error("already decided or changed by someone else")]
    Conflict,
    #[error("invalid input")]
    Invalid(Vec<FieldProblem>),
    #[error("unreadable conference data: {0}")]
    Corrupt(String),
}

/// Stored data that does not read back (a bug or a hand-edited row).
pub(crate) fn corrupt(what: impl std::fmt::Display) -> ConferenceError {
    ConferenceError::Corrupt(what.to_string())
}

impl From<crate::platform::timeline::store::TimelineStoreError> for ConferenceError {
    fn from(error: crate::platform::timeline::store::TimelineStoreError) -> Self {
        use crate::platform::timeline::store::TimelineStoreError as E;
        match error {
            E::Db(e) => Self::Db(e),
            E::Refused(e) => Self::Calendar(e),
        }
    }
}

impl From<ConferenceError> for AppError {
    fn from(error: ConferenceError) -> Self {
        match error {
            ConferenceError::NotFound => AppError::new(ErrorCode::NotFound),
            ConferenceError::WrongPhase | ConferenceError::Calendar(_) => {
                AppError::new(ErrorCode::WrongPhase)
            }
            ConferenceError::Conflict => AppError::new(ErrorCode::Conflict),
            ConferenceError::NotCheckedIn => AppError::new(ErrorCode::NotCheckedIn),
            ConferenceError::AlreadyVoted => AppError::new(ErrorCode::AlreadyVoted),
            ConferenceError::Edition(_) => AppError::new(ErrorCode::InvalidInput),
            ConferenceError::Invalid(fields) => AppError {
                code: ErrorCode::InvalidInput,
                fields,
            },
            ConferenceError::Db(error) => error.into(),
            ConferenceError::Corrupt(_) => {
                tracing::error!(error = %error, "conference error");
                AppError::new(ErrorCode::Internal)
            }
        }
    }
}
