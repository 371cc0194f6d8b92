//! Names of election values in the reader's language.

use leptos_i18n::I18nContext;

use crate::elections::calendar::rules::Phase;
use crate::elections::candidacy::CandidacyStatus;
use crate::i18n::{Locale, t_string};

pub fn phase(i18n: I18nContext<Locale>, phase: Phase) -> &'static str {
    match phase {
        Phase::Draft => t_string!(i18n, elections.phase_draft),
        Phase::CandidacyRegistration => t_string!(i18n, elections.phase_candidacy_registration),
        Phase::Review => t_string!(i18n, elections.phase_review),
        Phase::Appeals => t_string!(i18n, elections.phase_appeals),
        Phase::FinalList => t_string!(i18n, elections.phase_final_list),
        Phase::Campaign => t_string!(i18n, elections.phase_campaign),
        Phase::Voting => t_string!(i18n, elections.phase_voting),
        Phase::Counting => t_string!(i18n, elections.phase_counting),
        Phase::ProvisionalResults => t_string!(i18n, elections.phase_provisional_results),
        Phase::OfficialResults => t_string!(i18n, elections.phase_official_results),
    }
}

pub fn candidacy_status(i18n: I18nContext<Locale>, status: CandidacyStatus) -> &'static str {
    match status {
        CandidacyStatus::Submitted => t_string!(i18n, elections.candidacy_submitted),
        CandidacyStatus::Accepted => t_string!(i18n, elections.candidacy_accepted),
        CandidacyStatus::Rejected => t_string!(i18n, elections.candidacy_rejected),
        CandidacyStatus::Appealed => t_string!(i18n, elections.candidacy_appealed),
        CandidacyStatus::AppealAccepted => t_string!(i18n, elections.candidacy_appeal_accepted),
        CandidacyStatus::AppealRejected => t_string!(i18n, elections.candidacy_appeal_rejected),
    }
}

pub use crate::platform::timeline::ui::day;
