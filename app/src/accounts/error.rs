//! How the accounts store's errors cross to the browser: as codes (and field problems),
//! translated there. Anything unexpected is logged here and crosses as `internal`.

use crate::accounts::store::StoreError;
use crate::accounts::types::{Field, FieldError};
use crate::error::{AppError, ErrorCode, Problem};

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::DuplicateDocument => AppError::fields([FieldError {
                field: Field::DocumentNumber,
                problem: Problem::AlreadyRegistered,
            }]),
            StoreError::AlreadyRegistered | StoreError::DuplicateSlug => {
                AppError::new(ErrorCode::Conflict)
            }
            StoreError::NotFound => AppError::new(ErrorCode::NotFound),
            StoreError::TooLate => AppError::new(ErrorCode::TooLateToUndo),
            StoreError::Db(error) => error.into(),
            StoreError::Corrupt(what) => {
                tracing::error!(%what, "corrupt stored data");
                AppError::new(ErrorCode::Internal)
            }
        }
    }
}
