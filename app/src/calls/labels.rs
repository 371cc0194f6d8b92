//! A call's words in the reader's language: its phases, applicant types, statuses, and
//! the amounts it offers.

use leptos_i18n::I18nContext;

use crate::calls::apply::types::Status;
use crate::calls::call::rules::{ApplicantType, Phase};
use crate::i18n::{Locale, t_string};

pub fn phase(i18n: I18nContext<Locale>, phase: Phase) -> &'static str {
    match phase {
        Phase::Draft => t_string!(i18n, calls.phase_draft),
        Phase::Open => t_string!(i18n, calls.phase_open),
        Phase::DocumentCheck => t_string!(i18n, calls.phase_document_check),
        Phase::Fixes => t_string!(i18n, calls.phase_fixes),
        Phase::Jury => t_string!(i18n, calls.phase_jury),
        Phase::PublicVote => t_string!(i18n, calls.phase_public_vote),
        Phase::Selection => t_string!(i18n, calls.phase_selection),
        Phase::Awards => t_string!(i18n, calls.phase_awards),
        Phase::FollowUp => t_string!(i18n, calls.phase_follow_up),
    }
}

pub fn applicant_type(i18n: I18nContext<Locale>, kind: ApplicantType) -> &'static str {
    match kind {
        ApplicantType::Individual => t_string!(i18n, calls.type_individual),
        ApplicantType::Group => t_string!(i18n, calls.type_group),
        ApplicantType::Organization => t_string!(i18n, calls.type_organization),
        ApplicantType::RegisteredOrganization => {
            t_string!(i18n, calls.type_registered_organization)
        }
    }
}

pub fn status(i18n: I18nContext<Locale>, status: Status) -> &'static str {
    match status {
        Status::Draft => t_string!(i18n, calls.status_draft),
        Status::Submitted => t_string!(i18n, calls.status_submitted),
        Status::FixRequested => t_string!(i18n, calls.status_fix_requested),
        Status::Eligible => t_string!(i18n, calls.status_eligible),
        Status::Rejected => t_string!(i18n, calls.status_rejected),
    }
}

/// An amount in the call's currency, grouped by thousands (`COP 5.000.000` reads the
/// same in every language: digits and the code).
pub fn money(currency: &str, amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            grouped.push('\u{202F}');
        }
        grouped.push(digit);
    }
    let sign = if amount < 0 { "-" } else { "" };
    format!("{currency} {sign}{grouped}")
}

/// A file size for people: `840 KB`, `2.4 MB`.
pub fn size(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// What a document of an application is called in `reader`'s language: the call's name
/// for it, or "final report" for a winner's report.
pub fn document_name(
    i18n: I18nContext<Locale>,
    call: &crate::calls::call::rules::Call,
    code: &str,
    reader: &str,
) -> String {
    if code == crate::calls::awards::FINAL_REPORT {
        return t_string!(i18n, calls.report_title).to_string();
    }
    call.documents
        .iter()
        .find(|d| d.code == code)
        .map_or_else(|| code.to_owned(), |d| d.names.text_or(reader, &d.code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_sizes_read_the_same_everywhere() {
        assert_eq!(money("COP", 5_000_000), "COP 5\u{202F}000\u{202F}000");
        assert_eq!(money("BRL", 950), "BRL 950");
        assert_eq!(size(1), "1 KB");
        assert_eq!(size(3 * 1024 * 1024 / 2), "1.5 MB");
    }
}
