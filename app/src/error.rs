//! Errors cross the server boundary as codes, never as prose: the server cannot know the
//! reader's language and must not leak internals, so the UI translates the code.

use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::{t_string, use_i18n};

/// What went wrong, in terms a person can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A bug or an outage on our side; details are in the server log only.
    Internal,
    /// The request never reached us or its answer never came back.
    Network,
    NotFound,
    Forbidden,
    Unauthenticated,
    InvalidInput,
    TooManyAttempts,
    /// Someone else changed the same thing concurrently.
    Conflict,
}

/// The error every server function returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{code:?}")]
pub struct AppError {
    pub code: ErrorCode,
    /// For form errors: the field at fault, so the UI can point at it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        Self { code, field: None }
    }

    pub fn invalid(field: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            field: Some(field.into()),
        }
    }
}

impl From<ErrorCode> for AppError {
    fn from(code: ErrorCode) -> Self {
        Self::new(code)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let code = match value {
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => ErrorCode::Network,
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => ErrorCode::InvalidInput,
            _ => ErrorCode::Internal,
        };
        Self::new(code)
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        Self::new(ErrorCode::Internal)
    }
}

/// The translated sentence for an error code, in the current language.
pub fn error_text(code: ErrorCode) -> String {
    let i18n = use_i18n();
    match code {
        ErrorCode::Internal => t_string!(i18n, error_internal),
        ErrorCode::Network => t_string!(i18n, error_network),
        ErrorCode::NotFound => t_string!(i18n, error_not_found),
        ErrorCode::Forbidden => t_string!(i18n, error_forbidden),
        ErrorCode::Unauthenticated => t_string!(i18n, error_unauthenticated),
        ErrorCode::InvalidInput => t_string!(i18n, error_invalid_input),
        ErrorCode::TooManyAttempts => t_string!(i18n, error_too_many_attempts),
        ErrorCode::Conflict => t_string!(i18n, error_conflict),
    }
    .to_string()
}

/// An error message box that screen readers announce.
#[component]
pub fn ErrorMessage(#[prop(into)] code: Signal<ErrorCode>) -> impl IntoView {
    view! { <p class="error" role="alert">{move || error_text(code.get())}</p> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_travel_as_snake_case_json() {
        let json = serde_json_like(&AppError::new(ErrorCode::TooManyAttempts));
        assert_eq!(json, r#"{"code":"too_many_attempts"}"#);
        let with_field = serde_json_like(&AppError::invalid("birth_date"));
        assert_eq!(
            with_field,
            r#"{"code":"invalid_input","field":"birth_date"}"#
        );
    }

    #[test]
    fn transport_failures_become_network_errors() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Request("offline".into()));
        assert_eq!(err.code, ErrorCode::Network);
    }

    fn serde_json_like(error: &AppError) -> String {
        let encoded = <AppError as FromServerFnError>::ser(error);
        String::from_utf8(encoded.to_vec()).expect("utf-8")
    }
}
