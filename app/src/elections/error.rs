//! How the elections stores' errors cross to the browser: as codes, translated there.
//! Anything unexpected is logged here and crosses as `internal`.

use crate::elections::candidacy::CandidacyError;
use crate::elections::election::store::ElectionError;
use crate::elections::station::store::StationError;
use crate::error::{AppError, ErrorCode};
use crate::results::count::TallyError;

impl From<ElectionError> for AppError {
    fn from(error: ElectionError) -> Self {
        match error {
            ElectionError::AlreadyVoted => AppError::new(ErrorCode::AlreadyVoted),
            ElectionError::NotVoting => AppError::new(ErrorCode::VotingClosed),
            ElectionError::Refused(refusal) => AppError::new(refusal.error_code()),
            ElectionError::NotFound => AppError::new(ErrorCode::NotFound),
            ElectionError::Count(TallyError::Ballot { .. }) => {
                AppError::new(ErrorCode::InvalidInput)
            }
            ElectionError::CandidacyExists => AppError::new(ErrorCode::AlreadyFiled),
            ElectionError::StationsOpen => AppError::new(ErrorCode::StationsOpen),
            ElectionError::Undecided => AppError::new(ErrorCode::CandidaciesUndecided),
            ElectionError::DeadlinePassed => AppError::new(ErrorCode::DeadlinePassed),
            ElectionError::ConflictOfInterest => AppError::new(ErrorCode::ConflictOfInterest),
            ElectionError::Candidacy(CandidacyError::WrongPhase)
            | ElectionError::ImportedList
            | ElectionError::Calendar(_) => AppError::new(ErrorCode::WrongPhase),
            ElectionError::Candidacy(CandidacyError::WrongStatus) => {
                AppError::new(ErrorCode::Conflict)
            }
            ElectionError::Invalid(fields) => AppError {
                code: ErrorCode::InvalidInput,
                fields,
            },
            ElectionError::Db(error) => error.into(),
            other => {
                tracing::error!(error = %other, "election error");
                AppError::new(ErrorCode::Internal)
            }
        }
    }
}

impl From<StationError> for AppError {
    fn from(error: StationError) -> Self {
        match error {
            StationError::Election(e) => AppError::from(e),
            StationError::NotOpen | StationError::Closed => {
                AppError::new(ErrorCode::StationNotOpen)
            }
            StationError::UnknownToken => AppError::new(ErrorCode::InvalidCode),
            StationError::NoKioskFree => AppError::new(ErrorCode::NoKioskFree),
            StationError::StillOpen => AppError::new(ErrorCode::Conflict),
        }
    }
}
