//! Errors cross the server boundary as codes, never as prose: the server cannot know the
//! reader's language and must not leak internals, so the UI translates the code.

use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::{Locale, td_string, use_i18n};

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
    /// See `fields` for what is wrong where.
    InvalidInput,
    TooManyAttempts,
    /// Someone else changed the same thing concurrently.
    Conflict,
    /// The passkey ceremony failed or was cancelled on the device.
    PasskeyFailed,
    /// A passkey form was sent without the script that makes the passkey (scripts off, or
    /// sent before the page's script arrived); what was typed is kept.
    PasskeyNeedsScript,
    /// An access code or link that is unknown, used or expired (deliberately one answer).
    InvalidCode,
    /// This person has already voted in this election (in any channel).
    AlreadyVoted,
    /// The election is not taking votes now.
    VotingClosed,
    /// This person already filed a candidacy in this election.
    AlreadyFiled,
    /// Not possible at this stage of the election's calendar.
    WrongPhase,
    /// Counting cannot start while a polling station has not signed its closure.
    StationsOpen,
    /// The polling station is not open (or already closed).
    StationNotOpen,
    /// Every paired kiosk of the station holds a ballot already (or none is paired).
    NoKioskFree,
    /// This voting channel is not offered, not open yet or already closed.
    ChannelClosed,
    /// No verified registration with the organization.
    NotEnabledVoter,
    /// Under the election's minimum voting age on election day.
    UnderVotingAge,
    /// May be someone already registered under another document: staff resolve it first.
    PossibleDuplicate,
    /// Appeals open only once every candidacy is decided.
    CandidaciesUndecided,
    /// The phase's last day is over.
    DeadlinePassed,
    /// The person declared a conflict of interest with what they tried to decide.
    ConflictOfInterest,
    /// A photo form sent without a file.
    PhotoMissing,
    /// Not a JPEG, PNG or WebP picture we can decode.
    PhotoUnreadable,
    PhotoTooLarge,
    PhotoTooSmall,
    /// The organization's only administrator cannot lose the role: nobody could manage
    /// it any more.
    LastAdministrator,
    /// Only participants checked in at a conference event submit and vote there.
    NotCheckedIn,
    /// A decision is taken back only within a minute, by its author, before anything else.
    TooLateToUndo,
    /// An absent delegate's event has no reserve left to take the place.
    NoReserveLeft,
    /// A document form sent without a file.
    FileMissing,
    /// A document above the size limit.
    FileTooLarge,
    /// Not a PDF, JPEG, PNG or WebP file, judged by its content (not its name).
    FileNotAccepted,
    /// A PDF that does not parse, is encrypted, or carries scripts, launch actions or
    /// embedded files.
    FileUnsafe,
}

impl ErrorCode {
    /// The code as a plain form post's redirect carries it (`?error=already_voted`).
    pub fn as_query(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The code back from `?error=…`; anything else is ignored.
    pub fn from_query(text: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(text.to_owned())).ok()
    }
}

/// What is wrong with a form field; the UI turns it into a sentence in the reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "problem")]
pub enum Problem {
    Required,
    TooLong {
        max: u16,
    },
    ForbiddenCharacters,
    InvalidDate,
    FutureDate,
    UnderAge {
        min: u8,
    },
    ImplausibleAge,
    UnknownOption,
    TooMany {
        max: u8,
    },
    InvalidEmail,
    InvalidPhone,
    InvalidDocumentNumber,
    DeclarationRequired,
    /// This document already registered someone in this organization.
    AlreadyRegistered,
    /// Another record already uses this value (e.g. an election's address).
    AlreadyUsed,
    /// A deadline can only move later.
    NotLater,
    /// Not 16 letters and digits (a tracking code).
    NotATrackingCode,
    /// Cannot change while an election is under way (the organization's clock).
    HeldByElection,
    /// The same as what it would replace (an amendment that changes nothing).
    Unchanged,
    /// A number outside what the field accepts.
    OutOfRange {
        min: u16,
        max: u16,
    },
    /// A plenary priority chosen among proposals the same ballot does not approve.
    PriorityNotApproved,
    /// Not a number (`12`, `12.5` or `12,5`).
    NotANumber,
    /// Targets not written `2027: 40; 2028: 60`, years 2000–2100 in order.
    TargetsFormat,
    /// Something still used elsewhere (a level proposals are filed under) was removed.
    StillInUse,
    /// A list typed one per line needs this many lines.
    LineCount {
        expected: u8,
    },
    /// An application of this kind needs at least this many people, each with a name and
    /// a document.
    MembersNeeded {
        min: u8,
    },
    /// The call asks for at least this many members who are migrants.
    NotEnoughMigrants {
        min: u8,
    },
    /// A rubric's weights add up to this instead of 100.
    WeightsTotal {
        total: u16,
    },
}

/// A problem with one named form field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    #[serde(flatten)]
    pub problem: Problem,
}

/// The error every server function returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{code:?}")]
pub struct AppError {
    pub code: ErrorCode,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldProblem>,
}

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            fields: Vec::new(),
        }
    }

    /// Invalid input, with what is wrong in each field.
    pub fn fields(fields: impl IntoIterator<Item = impl Into<FieldProblem>>) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            fields: fields.into_iter().map(Into::into).collect(),
        }
    }

    /// An error back from a plain form's redirect (`?error=<code>&fields=<JSON>`, see
    /// `platform::web::http::redirect_with`); an unknown code is no error, unreadable
    /// fields are left out.
    pub fn from_query(code: Option<&str>, fields: Option<&str>) -> Option<Self> {
        let code = ErrorCode::from_query(code?)?;
        let fields = fields
            .and_then(|json| serde_json::from_str(json).ok())
            .unwrap_or_default();
        Some(Self { code, fields })
    }

    /// The problem reported for one field, if any.
    pub fn problem_of(&self, field: &str) -> Option<Problem> {
        self.fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| f.problem)
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
            // On the server, a body that does not decode is the client's mistake (a field
            // missing or of the wrong type), answered 422; in the browser it would be an
            // answer we cannot read.
            ServerFnErrorErr::Deserialization(_) if cfg!(feature = "ssr") => {
                ErrorCode::InvalidInput
            }
            _ => ErrorCode::Internal,
        };
        Self::new(code)
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status a server function's error response carries, so that clients,
    /// proxies and tests see a 403 as a 403.
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self.code {
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Network => StatusCode::BAD_GATEWAY,
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::Forbidden => StatusCode::FORBIDDEN,
            ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidInput => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::Conflict => StatusCode::CONFLICT,
            ErrorCode::PasskeyFailed | ErrorCode::InvalidCode | ErrorCode::PasskeyNeedsScript => {
                StatusCode::BAD_REQUEST
            }
            ErrorCode::AlreadyVoted
            | ErrorCode::VotingClosed
            | ErrorCode::AlreadyFiled
            | ErrorCode::WrongPhase
            | ErrorCode::StationsOpen
            | ErrorCode::StationNotOpen
            | ErrorCode::NoKioskFree
            | ErrorCode::ChannelClosed
            | ErrorCode::PossibleDuplicate
            | ErrorCode::CandidaciesUndecided
            | ErrorCode::DeadlinePassed
            | ErrorCode::ConflictOfInterest
            | ErrorCode::LastAdministrator
            | ErrorCode::TooLateToUndo
            | ErrorCode::NoReserveLeft => StatusCode::CONFLICT,
            ErrorCode::NotCheckedIn => StatusCode::FORBIDDEN,
            ErrorCode::NotEnabledVoter | ErrorCode::UnderVotingAge => StatusCode::FORBIDDEN,
            ErrorCode::PhotoMissing
            | ErrorCode::PhotoUnreadable
            | ErrorCode::PhotoTooSmall
            | ErrorCode::FileMissing
            | ErrorCode::FileNotAccepted
            | ErrorCode::FileUnsafe => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::PhotoTooLarge | ErrorCode::FileTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        }
    }
}

/// Passes a server function's result through, setting the response status on error.
#[cfg(feature = "ssr")]
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        response.set_status(error.status());
    }
    result
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        Self::new(ErrorCode::Internal)
    }
}

/// Whose voice a page speaks in. Staff screens talk about the person in front of the
/// staff member ("this person has already voted"), not to the reader ("you have already
/// voted"); the frame provides [`Voice::Staff`] on every `/staff/` page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Voice {
    #[default]
    Person,
    Staff,
}

impl Voice {
    /// The voice of the page being drawn.
    pub fn current() -> Self {
        use_context::<Voice>().unwrap_or_default()
    }
}

/// The translated sentence for an error code, in the current language and voice.
pub fn error_text(code: ErrorCode) -> String {
    error_text_for(use_i18n().get_locale_untracked(), Voice::current(), code)
}

/// The sentence for `code` in `locale`, worded for staff when `voice` says so (for the
/// codes that speak about a person).
pub fn error_text_for(locale: Locale, voice: Voice, code: ErrorCode) -> String {
    if voice == Voice::Staff {
        let staff = match code {
            ErrorCode::AlreadyVoted => Some(td_string!(locale, common.error_already_voted_staff)),
            ErrorCode::NotEnabledVoter => {
                Some(td_string!(locale, common.error_not_enabled_voter_staff))
            }
            ErrorCode::AlreadyFiled => Some(td_string!(locale, common.error_already_filed_staff)),
            _ => None,
        };
        if let Some(text) = staff {
            return text.to_string();
        }
    }
    error_text_in(locale, code)
}

/// The translated sentence for an error code in `locale`. Needs no reactive context, so it is
/// safe in closures that may run after a server render was dropped.
pub fn error_text_in(locale: Locale, code: ErrorCode) -> String {
    match code {
        ErrorCode::Internal => td_string!(locale, common.error_internal),
        ErrorCode::Network => td_string!(locale, common.error_network),
        ErrorCode::NotFound => td_string!(locale, common.error_not_found),
        ErrorCode::Forbidden => td_string!(locale, common.error_forbidden),
        ErrorCode::Unauthenticated => td_string!(locale, common.error_unauthenticated),
        ErrorCode::InvalidInput => td_string!(locale, common.error_invalid_input),
        ErrorCode::TooManyAttempts => td_string!(locale, common.error_too_many_attempts),
        ErrorCode::Conflict => td_string!(locale, common.error_conflict),
        ErrorCode::PasskeyFailed => td_string!(locale, common.error_passkey_failed),
        ErrorCode::PasskeyNeedsScript => td_string!(locale, common.error_passkey_needs_script),
        ErrorCode::InvalidCode => td_string!(locale, common.error_invalid_code),
        ErrorCode::AlreadyVoted => td_string!(locale, common.error_already_voted),
        ErrorCode::VotingClosed => td_string!(locale, common.error_voting_closed),
        ErrorCode::AlreadyFiled => td_string!(locale, common.error_already_filed),
        ErrorCode::WrongPhase => td_string!(locale, common.error_wrong_phase),
        ErrorCode::StationsOpen => td_string!(locale, common.error_stations_open),
        ErrorCode::StationNotOpen => td_string!(locale, common.error_station_not_open),
        ErrorCode::NoKioskFree => td_string!(locale, common.error_no_kiosk_free),
        ErrorCode::ChannelClosed => td_string!(locale, common.error_channel_closed),
        ErrorCode::NotEnabledVoter => td_string!(locale, common.error_not_enabled_voter),
        ErrorCode::UnderVotingAge => td_string!(locale, common.error_under_voting_age),
        ErrorCode::PossibleDuplicate => td_string!(locale, common.error_possible_duplicate),
        ErrorCode::CandidaciesUndecided => td_string!(locale, common.error_candidacies_undecided),
        ErrorCode::DeadlinePassed => td_string!(locale, common.error_deadline_passed),
        ErrorCode::ConflictOfInterest => td_string!(locale, common.error_conflict_of_interest),
        ErrorCode::PhotoMissing => td_string!(locale, common.error_photo_missing),
        ErrorCode::PhotoUnreadable => td_string!(locale, common.error_photo_unreadable),
        ErrorCode::PhotoTooLarge => td_string!(locale, common.error_photo_too_large),
        ErrorCode::PhotoTooSmall => td_string!(locale, common.error_photo_too_small),
        ErrorCode::LastAdministrator => td_string!(locale, common.error_last_administrator),
        ErrorCode::TooLateToUndo => td_string!(locale, common.error_too_late_to_undo),
        ErrorCode::NotCheckedIn => td_string!(locale, common.error_not_checked_in),
        ErrorCode::NoReserveLeft => td_string!(locale, common.error_no_reserve_left),
        ErrorCode::FileMissing => td_string!(locale, common.error_file_missing),
        ErrorCode::FileTooLarge => td_string!(locale, common.error_file_too_large),
        ErrorCode::FileNotAccepted => td_string!(locale, common.error_file_not_accepted),
        ErrorCode::FileUnsafe => td_string!(locale, common.error_file_unsafe),
    }
    .to_string()
}

/// The translated sentence for a field problem, in the current language and voice.
pub fn problem_text(problem: Problem) -> String {
    problem_text_for(use_i18n().get_locale_untracked(), Voice::current(), problem)
}

/// The sentence for a field problem in `locale`, worded for staff when `voice` says so.
pub fn problem_text_for(locale: Locale, voice: Voice, problem: Problem) -> String {
    if voice == Voice::Staff {
        let staff = match problem {
            Problem::UnderAge { min } => {
                Some(td_string!(locale, common.problem_under_age_staff, min).to_string())
            }
            Problem::DeclarationRequired => {
                Some(td_string!(locale, common.problem_declaration_required_staff).to_string())
            }
            Problem::AlreadyRegistered => {
                Some(td_string!(locale, common.problem_already_registered_staff).to_string())
            }
            _ => None,
        };
        if let Some(text) = staff {
            return text;
        }
    }
    problem_text_in(locale, problem)
}

/// The translated sentence for a field problem in `locale` (no reactive context needed).
pub fn problem_text_in(locale: Locale, problem: Problem) -> String {
    match problem {
        Problem::Required => td_string!(locale, common.problem_required).to_string(),
        Problem::TooLong { max } => td_string!(locale, common.problem_too_long, max).to_string(),
        Problem::ForbiddenCharacters => {
            td_string!(locale, common.problem_forbidden_characters).to_string()
        }
        Problem::InvalidDate => td_string!(locale, common.problem_invalid_date).to_string(),
        Problem::FutureDate => td_string!(locale, common.problem_future_date).to_string(),
        Problem::UnderAge { min } => td_string!(locale, common.problem_under_age, min).to_string(),
        Problem::ImplausibleAge => td_string!(locale, common.problem_implausible_age).to_string(),
        Problem::UnknownOption => td_string!(locale, common.problem_unknown_option).to_string(),
        Problem::TooMany { max } => td_string!(locale, common.problem_too_many, max).to_string(),
        Problem::InvalidEmail => td_string!(locale, common.problem_invalid_email).to_string(),
        Problem::InvalidPhone => td_string!(locale, common.problem_invalid_phone).to_string(),
        Problem::InvalidDocumentNumber => {
            td_string!(locale, common.problem_invalid_document_number).to_string()
        }
        Problem::DeclarationRequired => {
            td_string!(locale, common.problem_declaration_required).to_string()
        }
        Problem::AlreadyRegistered => {
            td_string!(locale, common.problem_already_registered).to_string()
        }
        Problem::AlreadyUsed => td_string!(locale, common.problem_already_used).to_string(),
        Problem::NotLater => td_string!(locale, common.problem_not_later).to_string(),
        Problem::Unchanged => td_string!(locale, common.problem_unchanged).to_string(),
        Problem::PriorityNotApproved => {
            td_string!(locale, common.problem_priority_not_approved).to_string()
        }
        Problem::NotANumber => td_string!(locale, common.problem_not_a_number).to_string(),
        Problem::TargetsFormat => td_string!(locale, common.problem_targets_format).to_string(),
        Problem::StillInUse => td_string!(locale, common.problem_still_in_use).to_string(),
        Problem::LineCount { expected } => {
            td_string!(locale, common.problem_line_count, expected).to_string()
        }
        Problem::HeldByElection => td_string!(locale, common.problem_held_by_election).to_string(),
        Problem::NotATrackingCode => {
            td_string!(locale, common.problem_not_a_tracking_code).to_string()
        }
        Problem::OutOfRange { min, max } => {
            td_string!(locale, common.problem_out_of_range, min, max).to_string()
        }
        Problem::MembersNeeded { min } => {
            td_string!(locale, common.problem_members_needed, min).to_string()
        }
        Problem::NotEnoughMigrants { min } => {
            td_string!(locale, common.problem_not_enough_migrants, min).to_string()
        }
        Problem::WeightsTotal { total } => {
            td_string!(locale, common.problem_weights_total, total).to_string()
        }
    }
}

/// An error message box that screen readers announce. With `focus`, the page opens with
/// the focus on it (`autofocus`, no script needed): after a plain form comes back refused,
/// a keyboard or screen-reader user starts from the reason.
#[component]
pub fn ErrorMessage(
    #[prop(into)] code: Signal<ErrorCode>,
    #[prop(optional)] focus: bool,
) -> impl IntoView {
    // The locale is read now, while the page's context is at hand: the closure may run in
    // a server render whose owner the dropped request already disposed.
    let locale = use_i18n().get_locale_untracked();
    let voice = Voice::current();
    let text = move || {
        code.try_get()
            .map(|code| error_text_for(locale, voice, code))
    };
    view! {
        <p class="error" role="alert" tabindex=focus.then_some("-1") autofocus=focus>{text}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_travel_as_snake_case_json() {
        let json = wire(&AppError::new(ErrorCode::TooManyAttempts));
        assert_eq!(json, r#"{"code":"too_many_attempts"}"#);
        let problem = FieldProblem {
            field: "birth_date".into(),
            problem: Problem::UnderAge { min: 16 },
        };
        let with_field = wire(&AppError::fields([problem]));
        assert_eq!(
            with_field,
            r#"{"code":"invalid_input","fields":[{"field":"birth_date","problem":"under_age","min":16}]}"#
        );
        let back = <AppError as FromServerFnError>::de(with_field.into_bytes().into());
        assert_eq!(
            back.problem_of("birth_date"),
            Some(Problem::UnderAge { min: 16 })
        );
    }

    #[test]
    fn codes_round_trip_through_a_query_string() {
        assert_eq!(ErrorCode::AlreadyVoted.as_query(), "already_voted");
        assert_eq!(
            ErrorCode::from_query("voting_closed"),
            Some(ErrorCode::VotingClosed)
        );
        assert_eq!(ErrorCode::from_query("<script>"), None);
    }

    #[test]
    fn transport_failures_become_network_errors() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Request("offline".into()));
        assert_eq!(err.code, ErrorCode::Network);
    }

    fn wire(error: &AppError) -> String {
        let encoded = <AppError as FromServerFnError>::ser(error);
        String::from_utf8(encoded.to_vec()).expect("utf-8")
    }
}
