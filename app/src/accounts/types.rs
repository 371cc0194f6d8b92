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
    /// The parity group is everyone except "man" and "prefer not to say".
    pub fn in_parity_group(self) -> bool {
        !matches!(self, Self::Man | Self::PreferNotToSay)
    }
}

crate::platform::codes::text_codes!(GenderIdentity {
    Woman => "woman",
    Man => "man",
    TransWoman => "trans_woman",
    TransMan => "trans_man",
    Travesti => "travesti",
    NonBinary => "non_binary",
    PreferNotToSay => "prefer_not_to_say",
});

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
}

crate::platform::codes::text_codes!(DocumentType {
    Passport => "passport",
    OriginIdCard => "origin_id_card",
    OriginVoterCard => "origin_voter_card",
    ConsularCertificate => "consular_certificate",
    CrnmRne => "crnm_rne",
    RefugeeRequestProtocol => "refugee_request_protocol",
    DocumentRequestProtocol => "document_request_protocol",
    NaturalisationRequest => "naturalisation_request",
    WorkCard => "work_card",
    TemporaryProtectionPermit => "temporary_protection_permit",
    ForeignerIdCard => "foreigner_id_card",
    SafeConduct => "safe_conduct",
});

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
    /// Organizes conference editions: events, free conferences' review, the calendar.
    ConferenceTeam,
    /// Runs open calls: the document check, jurors, selection, awards.
    CallTeam,
}

crate::platform::codes::text_codes!(Role {
    Administrator => "administrator",
    ElectoralCommission => "electoral_commission",
    PollWorker => "poll_worker",
    Moderator => "moderator",
    Jury => "jury",
    ConferenceTeam => "conference_team",
    CallTeam => "call_team",
});

/// A registration form as submitted: every field a string, nothing trusted yet. A field
/// left out is empty (a plain HTML form omits unticked boxes and empty selects); the rules
/// then say which ones were required.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
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

pub use crate::platform::ids::{AccountId, OrganizationId, RegistrationId};

/// An organizing body and its registration rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub id: OrganizationId,
    pub slug: String,
    /// The name in the organization's own language.
    pub name: String,
    /// The name in several languages, the original first (empty until an administrator
    /// names it in more than one).
    #[serde(default)]
    pub names: crate::platform::text::labels::Labels,
    /// Language tag the organization writes in by default.
    pub default_locale: String,
    pub rules: RegistrationRules,
    /// Whether the list of enabled voters (name and district only) is public.
    pub voter_list_public: bool,
}

impl Organization {
    /// The name a reader of `locale` sees: theirs, else English, else the original.
    pub fn name_for(&self, locale: &str) -> String {
        self.names.text_or(locale, &self.name)
    }
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

crate::platform::codes::text_codes!(RegistrationStatus {
    Pending => "pending",
    Verified => "verified",
    Rejected => "rejected",
    NeedsCorrection => "needs_correction",
});

/// A reviewer's decision on a registration: the platform's verdict; a registration sent
/// back "needs correction" (no last day: the person corrects whenever they can).
pub use crate::platform::review::Verdict as Decision;

/// Where a verdict leaves a registration.
pub fn registration_status(verdict: &Decision) -> RegistrationStatus {
    match verdict {
        Decision::Accept => RegistrationStatus::Verified,
        Decision::Refuse { .. } => RegistrationStatus::Rejected,
        Decision::FixBy { .. } => RegistrationStatus::NeedsCorrection,
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
    pub duplicates: Vec<DuplicateHint>,
}

/// One page of registrations (a queue's tab, or what a search found).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationPage {
    pub items: Vec<RegistrationSummary>,
    /// How many there are in all.
    pub total: u32,
    /// Which page this is, from 1.
    pub page: u32,
    pub per_page: u32,
}

impl RegistrationPage {
    /// The number of pages there are (at least one).
    pub fn pages(&self) -> u32 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

/// Why two registrations may be one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Likeness {
    SameNameAndBirthDate,
    SimilarNameSameBirthDateAndNationality,
}

/// A registration flagged as possibly the same person as the one under review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateHint {
    pub registration: i64,
    pub name: String,
    pub status: RegistrationStatus,
    pub document_type: DocumentType,
    pub likeness: Likeness,
}

/// One country or "stateless", named in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NationalityOption {
    pub code: String,
    pub name: String,
}
