//! Account types shared by the server and the browser.

use serde::{Deserialize, Serialize};

pub use crate::error::Problem;

/// Self-declared gender identity, used for nothing but parity (DOMAIN.md § Identity).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GenderIdentity {
    Woman,
    Man,
    TransWoman,
    TransMan,
    Travesti,
    NonBinary,
    PreferNotToSay,
}

impl GenderIdentity {
    pub const ALL: [GenderIdentity; 7] = [
        Self::Woman,
        Self::Man,
        Self::TransWoman,
        Self::TransMan,
        Self::Travesti,
        Self::NonBinary,
        Self::PreferNotToSay,
    ];

    /// The parity group is everyone except "man" and "prefer not to say".
    pub fn in_parity_group(self) -> bool {
        !matches!(self, Self::Man | Self::PreferNotToSay)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Woman => "woman",
            Self::Man => "man",
            Self::TransWoman => "trans_woman",
            Self::TransMan => "trans_man",
            Self::Travesti => "travesti",
            Self::NonBinary => "non_binary",
            Self::PreferNotToSay => "prefer_not_to_say",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// Identity documents Voz knows how to name. Each organization accepts a subset; foreign
/// documents count. Migratory status is never asked: a document only proves who you are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    Passport,
    OriginIdCard,
    OriginVoterCard,
    ConsularCertificate,
    /// Brazil: Carteira de Registro Nacional Migratório / Registro Nacional de Estrangeiro.
    CrnmRne,
    RefugeeRequestProtocol,
    /// Protocol of a document request, with photo.
    DocumentRequestProtocol,
    NaturalisationRequest,
    /// Brazil: Carteira de Trabalho (CTPS).
    WorkCard,
    /// Colombia: Permiso por Protección Temporal.
    TemporaryProtectionPermit,
    /// Colombia: Cédula de extranjería.
    ForeignerIdCard,
    /// Colombia: Salvoconducto (safe-conduct while a request is pending).
    SafeConduct,
}

impl DocumentType {
    pub const ALL: [DocumentType; 12] = [
        Self::Passport,
        Self::OriginIdCard,
        Self::OriginVoterCard,
        Self::ConsularCertificate,
        Self::CrnmRne,
        Self::RefugeeRequestProtocol,
        Self::DocumentRequestProtocol,
        Self::NaturalisationRequest,
        Self::WorkCard,
        Self::TemporaryProtectionPermit,
        Self::ForeignerIdCard,
        Self::SafeConduct,
    ];

    /// São Paulo's default list (DOMAIN.md).
    pub const SAO_PAULO: [DocumentType; 9] = [
        Self::Passport,
        Self::OriginIdCard,
        Self::OriginVoterCard,
        Self::ConsularCertificate,
        Self::CrnmRne,
        Self::RefugeeRequestProtocol,
        Self::DocumentRequestProtocol,
        Self::NaturalisationRequest,
        Self::WorkCard,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Passport => "passport",
            Self::OriginIdCard => "origin_id_card",
            Self::OriginVoterCard => "origin_voter_card",
            Self::ConsularCertificate => "consular_certificate",
            Self::CrnmRne => "crnm_rne",
            Self::RefugeeRequestProtocol => "refugee_request_protocol",
            Self::DocumentRequestProtocol => "document_request_protocol",
            Self::NaturalisationRequest => "naturalisation_request",
            Self::WorkCard => "work_card",
            Self::TemporaryProtectionPermit => "temporary_protection_permit",
            Self::ForeignerIdCard => "foreigner_id_card",
            Self::SafeConduct => "safe_conduct",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// How residence in the city is shown at registration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResidenceProof {
    /// The person declares it (a checkbox they must tick).
    SelfDeclaration,
    /// Staff see a document during verification.
    Document,
}

/// What an organization requires of the people who register with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationRules {
    pub accepted_documents: Vec<DocumentType>,
    pub min_age: u8,
    pub residence_proof: ResidenceProof,
    /// Districts to choose from; empty means free text.
    pub districts: Vec<String>,
    /// The IANA time zone of the organization's clock (`America/Sao_Paulo`): voting
    /// windows, station hours and deadlines are read on it.
    #[serde(default = "utc")]
    pub time_zone: String,
}

fn utc() -> String {
    "UTC".to_owned()
}

/// Staff roles, per organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Administrator,
    ElectoralCommission,
    PollWorker,
    Moderator,
    Jury,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Self::Administrator,
        Self::ElectoralCommission,
        Self::PollWorker,
        Self::Moderator,
        Self::Jury,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Administrator => "administrator",
            Self::ElectoralCommission => "electoral_commission",
            Self::PollWorker => "poll_worker",
            Self::Moderator => "moderator",
            Self::Jury => "jury",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A registration form as submitted: every field a string, nothing trusted yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationForm {
    pub display_name: String,
    pub preferred_locale: String,
    pub nationalities: Vec<String>,
    pub birth_date: String,
    pub district: String,
    pub gender: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    pub document_type: String,
    pub document_number: String,
    #[serde(default)]
    pub residence_declared: bool,
    /// At the help desk: staff checked that a flagged possible duplicate is another person.
    #[serde(default)]
    pub not_a_duplicate: bool,
}

/// The registration form's fields, as error reports name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    DisplayName,
    PreferredLocale,
    Nationalities,
    BirthDate,
    District,
    Gender,
    Email,
    Phone,
    DocumentType,
    DocumentNumber,
    ResidenceDeclared,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    #[serde(flatten)]
    pub problem: Problem,
}

impl Field {
    /// The form control's `name`, which is also how errors name it on the wire.
    pub fn name(self) -> &'static str {
        match self {
            Self::DisplayName => "display_name",
            Self::PreferredLocale => "preferred_locale",
            Self::Nationalities => "nationalities",
            Self::BirthDate => "birth_date",
            Self::District => "district",
            Self::Gender => "gender",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::DocumentType => "document_type",
            Self::DocumentNumber => "document_number",
            Self::ResidenceDeclared => "residence_declared",
        }
    }
}

impl From<FieldError> for crate::error::FieldProblem {
    fn from(error: FieldError) -> Self {
        Self {
            field: error.field.name().to_owned(),
            problem: error.problem,
        }
    }
}

/// Typed ids: an organization id can never be passed where an account id is expected.
macro_rules! typed_id {
    ($($name:ident),*) => {$(
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}
typed_id!(OrganizationId, AccountId, RegistrationId);

/// An organizing body and its registration rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub id: OrganizationId,
    pub slug: String,
    pub name: String,
    /// Language tag the organization writes in by default.
    pub default_locale: String,
    pub rules: RegistrationRules,
    /// Whether the list of enabled voters (name and district only) is public.
    pub voter_list_public: bool,
}

/// What it takes to set up an organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOrganization {
    pub slug: String,
    pub name: String,
    pub default_locale: String,
    pub rules: RegistrationRules,
    pub voter_list_public: bool,
}

/// Where a registration stands in verification ("habilitação").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    Pending,
    Verified,
    Rejected,
    NeedsCorrection,
}

impl RegistrationStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Verified => "verified",
            Self::Rejected => "rejected",
            Self::NeedsCorrection => "needs_correction",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::Pending,
            Self::Verified,
            Self::Rejected,
            Self::NeedsCorrection,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// A reviewer's decision on a registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "decision")]
pub enum Decision {
    Approve,
    Reject { reason: String },
    AskCorrection { reason: String },
}

impl Decision {
    pub fn status(&self) -> RegistrationStatus {
        match self {
            Self::Approve => RegistrationStatus::Verified,
            Self::Reject { .. } => RegistrationStatus::Rejected,
            Self::AskCorrection { .. } => RegistrationStatus::NeedsCorrection,
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Self::Approve => None,
            Self::Reject { reason } | Self::AskCorrection { reason } => Some(reason),
        }
    }
}

/// A registration as the review queue shows it. The document number is not here: it was
/// never stored, only its keyed hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationSummary {
    pub id: RegistrationId,
    pub account_id: AccountId,
    pub display_name: String,
    pub nationalities: Vec<String>,
    pub birth_date: String,
    pub district: String,
    pub document_type: DocumentType,
    pub status: RegistrationStatus,
    pub status_reason: Option<String>,
    pub created_at: i64,
    /// Registrations that may be the same person (`accounts::duplicates`); staff resolve
    /// them before approving.
    #[serde(default)]
    pub duplicates: Vec<crate::accounts::duplicates::DuplicateHint>,
}
