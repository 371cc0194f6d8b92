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
    }
}
