//! Names of account-related values in the reader's language.

use crate::accounts::types::{DocumentType, GenderIdentity, RegistrationStatus, Role};
use leptos_i18n::I18nContext;

use crate::i18n::{Locale, t_string};

pub fn document_type(i18n: I18nContext<Locale>, document: DocumentType) -> &'static str {
    match document {
        DocumentType::Passport => t_string!(i18n, common.doc_passport),
        DocumentType::OriginIdCard => t_string!(i18n, common.doc_origin_id_card),
        DocumentType::OriginVoterCard => t_string!(i18n, common.doc_origin_voter_card),
        DocumentType::ConsularCertificate => t_string!(i18n, common.doc_consular_certificate),
        DocumentType::CrnmRne => t_string!(i18n, common.doc_crnm_rne),
        DocumentType::RefugeeRequestProtocol => {
            t_string!(i18n, common.doc_refugee_request_protocol)
        }
        DocumentType::DocumentRequestProtocol => {
            t_string!(i18n, common.doc_document_request_protocol)
        }
        DocumentType::NaturalisationRequest => t_string!(i18n, common.doc_naturalisation_request),
        DocumentType::WorkCard => t_string!(i18n, common.doc_work_card),
        DocumentType::TemporaryProtectionPermit => {
            t_string!(i18n, common.doc_temporary_protection_permit)
        }
        DocumentType::ForeignerIdCard => t_string!(i18n, common.doc_foreigner_id_card),
        DocumentType::SafeConduct => t_string!(i18n, common.doc_safe_conduct),
    }
}

pub fn gender(i18n: I18nContext<Locale>, gender: GenderIdentity) -> &'static str {
    match gender {
        GenderIdentity::Woman => t_string!(i18n, common.gender_woman),
        GenderIdentity::Man => t_string!(i18n, common.gender_man),
        GenderIdentity::TransWoman => t_string!(i18n, common.gender_trans_woman),
        GenderIdentity::TransMan => t_string!(i18n, common.gender_trans_man),
        GenderIdentity::Travesti => t_string!(i18n, common.gender_travesti),
        GenderIdentity::NonBinary => t_string!(i18n, common.gender_non_binary),
        GenderIdentity::PreferNotToSay => t_string!(i18n, common.gender_prefer_not_to_say),
    }
}

pub fn status(i18n: I18nContext<Locale>, status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::Pending => t_string!(i18n, common.status_pending),
        RegistrationStatus::Verified => t_string!(i18n, common.status_verified),
        RegistrationStatus::Rejected => t_string!(i18n, common.status_rejected),
        RegistrationStatus::NeedsCorrection => t_string!(i18n, common.status_needs_correction),
    }
}

pub fn role(i18n: I18nContext<Locale>, role: Role) -> &'static str {
    match role {
        Role::Administrator => t_string!(i18n, accounts.role_administrator),
        Role::ElectoralCommission => t_string!(i18n, accounts.role_electoral_commission),
        Role::PollWorker => t_string!(i18n, accounts.role_poll_worker),
        Role::Moderator => t_string!(i18n, accounts.role_moderator),
        Role::Jury => t_string!(i18n, accounts.role_jury),
        Role::ConferenceTeam => t_string!(i18n, accounts.role_conference_team),
        Role::CallTeam => t_string!(i18n, accounts.role_call_team),
    }
}

/// An audit entry's action in the reader's language (its code for one this build does
/// not know).
pub fn audit_action(i18n: I18nContext<Locale>, code: &str) -> String {
    use crate::platform::audit::event::Action;
    match Action::from_code(code) {
        Some(Action::OrganizationCreate) => {
            t_string!(i18n, accounts.audit_action_organization_create)
        }
        Some(Action::OrganizationSettings) => {
            t_string!(i18n, accounts.audit_action_organization_settings)
        }
        Some(Action::InviteCreate) => t_string!(i18n, accounts.audit_action_invite_create),
        Some(Action::RoleGrant) => t_string!(i18n, accounts.audit_action_role_grant),
        Some(Action::RoleRevoke) => t_string!(i18n, accounts.audit_action_role_revoke),
        Some(Action::PasskeyAdd) => t_string!(i18n, accounts.audit_action_passkey_add),
        Some(Action::PasskeyRemove) => t_string!(i18n, accounts.audit_action_passkey_remove),
        Some(Action::AccessCodeIssue) => t_string!(i18n, accounts.audit_action_access_code_issue),
        Some(Action::RegistrationApprove) => {
            t_string!(i18n, accounts.audit_action_registration_approve)
        }
        Some(Action::RegistrationDecide) => {
            t_string!(i18n, accounts.audit_action_registration_decide)
        }
        Some(Action::RegistrationNotDuplicate) => {
            t_string!(i18n, accounts.audit_action_registration_not_duplicate)
        }
        Some(Action::ElectionCreate) => t_string!(i18n, accounts.audit_action_election_create),
        Some(Action::ElectionPhase) => t_string!(i18n, accounts.audit_action_election_phase),
        Some(Action::ElectionDeadline) => t_string!(i18n, accounts.audit_action_election_deadline),
        Some(Action::CandidacyFile) => t_string!(i18n, accounts.audit_action_candidacy_file),
        Some(Action::CandidacyStatus) => t_string!(i18n, accounts.audit_action_candidacy_status),
        Some(Action::CandidacyPhoto) => t_string!(i18n, accounts.audit_action_candidacy_photo),
        Some(Action::CandidacyRepresentative) => {
            t_string!(i18n, accounts.audit_action_candidacy_representative)
        }
        Some(Action::StationOpen) => t_string!(i18n, accounts.audit_action_station_open),
        Some(Action::StationClose) => t_string!(i18n, accounts.audit_action_station_close),
        Some(Action::StationReopen) => t_string!(i18n, accounts.audit_action_station_reopen),
        Some(Action::StationLookup) => t_string!(i18n, accounts.audit_action_station_lookup),
        Some(Action::StationMark) => t_string!(i18n, accounts.audit_action_station_mark),
        Some(Action::StationPaperBallot) => {
            t_string!(i18n, accounts.audit_action_station_paper_ballot)
        }
        Some(Action::StationAssign) => t_string!(i18n, accounts.audit_action_station_assign),
        Some(Action::StationUnassign) => t_string!(i18n, accounts.audit_action_station_unassign),
        Some(Action::KioskPairingCode) => t_string!(i18n, accounts.audit_action_kiosk_pairing_code),
        Some(Action::KioskPair) => t_string!(i18n, accounts.audit_action_kiosk_pair),
        Some(Action::KioskUnpair) => t_string!(i18n, accounts.audit_action_kiosk_unpair),
        Some(Action::ConflictDeclare) => t_string!(i18n, accounts.audit_action_conflict_declare),
        Some(Action::RegistrySearch) => t_string!(i18n, accounts.audit_action_registry_search),
        Some(Action::ConferenceCreate) => t_string!(i18n, accounts.audit_action_conference_create),
        Some(Action::ConferenceTexts) => t_string!(i18n, accounts.audit_action_conference_texts),
        Some(Action::ConferencePhase) => t_string!(i18n, accounts.audit_action_conference_phase),
        Some(Action::ConferenceDeadline) => {
            t_string!(i18n, accounts.audit_action_conference_deadline)
        }
        Some(Action::EventCreate) => t_string!(i18n, accounts.audit_action_event_create),
        Some(Action::EventReview) => t_string!(i18n, accounts.audit_action_event_review),
        Some(Action::ParticipantCheckIn) => {
            t_string!(i18n, accounts.audit_action_participant_check_in)
        }
        Some(Action::ConsolidatedCreate) => {
            t_string!(i18n, accounts.audit_action_consolidated_create)
        }
        Some(Action::ConsolidatedEdit) => t_string!(i18n, accounts.audit_action_consolidated_edit),
        Some(Action::ProposalOutcome) => t_string!(i18n, accounts.audit_action_proposal_outcome),
        Some(Action::ProposalHide) => t_string!(i18n, accounts.audit_action_proposal_hide),
        Some(Action::CommentHide) => t_string!(i18n, accounts.audit_action_comment_hide),
        Some(Action::AmendmentDecide) => t_string!(i18n, accounts.audit_action_amendment_decide),
        Some(Action::ReportResolve) => t_string!(i18n, accounts.audit_action_report_resolve),
        Some(Action::EventVoteOpen) => t_string!(i18n, accounts.audit_action_event_vote_open),
        Some(Action::EventVoteStart) => t_string!(i18n, accounts.audit_action_event_vote_start),
        Some(Action::EventVoteCount) => t_string!(i18n, accounts.audit_action_event_vote_count),
        Some(Action::PlenaryOpen) => t_string!(i18n, accounts.audit_action_plenary_open),
        Some(Action::PlenaryCredential) => {
            t_string!(i18n, accounts.audit_action_plenary_credential)
        }
        Some(Action::PlenaryCount) => t_string!(i18n, accounts.audit_action_plenary_count),
        Some(Action::PlanAction) => t_string!(i18n, accounts.audit_action_plan_action),
        Some(Action::PlanIndicator) => t_string!(i18n, accounts.audit_action_plan_indicator),
        Some(Action::CallCreate) => t_string!(i18n, accounts.audit_action_call_create),
        Some(Action::CallPhase) => t_string!(i18n, accounts.audit_action_call_phase),
        Some(Action::CallDeadline) => t_string!(i18n, accounts.audit_action_call_deadline),
        Some(Action::JurorAssign) => t_string!(i18n, accounts.audit_action_call_juror),
        Some(Action::ApplicationSubmit) => {
            t_string!(i18n, accounts.audit_action_application_submit)
        }
        Some(Action::ApplicationCheck) => t_string!(i18n, accounts.audit_action_application_check),
        Some(Action::ApplicationFix) => t_string!(i18n, accounts.audit_action_application_fix),
        Some(Action::JuryScore) => t_string!(i18n, accounts.audit_action_jury_score),
        Some(Action::SelectionPublish) => t_string!(i18n, accounts.audit_action_selection_publish),
        Some(Action::AwardPayment) => t_string!(i18n, accounts.audit_action_award_payment),
        Some(Action::AwardReport) => t_string!(i18n, accounts.audit_action_award_report),
        Some(Action::AwardVisit) => t_string!(i18n, accounts.audit_action_award_visit),
        None => return code.to_owned(),
    }
    .to_owned()
}

/// What kind of thing an audit entry was done to, in the reader's language.
pub fn audit_subject(i18n: I18nContext<Locale>, kind: &str) -> &'static str {
    match kind {
        "organization" => t_string!(i18n, accounts.audit_subject_organization),
        "account" => t_string!(i18n, accounts.audit_subject_account),
        "registration" => t_string!(i18n, accounts.audit_subject_registration),
        "election" => t_string!(i18n, accounts.audit_subject_election),
        "candidacy" => t_string!(i18n, accounts.audit_subject_candidacy),
        "conference" => t_string!(i18n, accounts.audit_subject_conference),
        "event" => t_string!(i18n, accounts.audit_subject_event),
        "proposal" => t_string!(i18n, accounts.audit_subject_proposal),
        "comment" => t_string!(i18n, accounts.audit_subject_comment),
        "consolidated" => t_string!(i18n, accounts.audit_subject_consolidated),
        "plenary" => t_string!(i18n, accounts.audit_subject_plenary),
        "call" => t_string!(i18n, accounts.audit_subject_call),
        "category" => t_string!(i18n, accounts.audit_subject_category),
        "application" => t_string!(i18n, accounts.audit_subject_application),
        _ => t_string!(i18n, accounts.audit_subject_station),
    }
}
