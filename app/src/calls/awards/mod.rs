//! The awards and their follow-up: each winner's award (its category's incentive), its
//! payment (recorded by the call team, the winner told), the winner's final report (a
//! document uploaded like the application's, checked the same way) and the team's
//! follow-up visits; and the public page of winners and their initiatives.
//!
//! What the public reads of an award: the initiative (title, summary, category, applicant
//! type), the amount, whether and when it was paid, when the final report arrived and how
//! many visits were made. Never the people's names or documents, the report itself or the
//! visits' notes: those stay with the winner and the call team.

pub mod api;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;

use serde::{Deserialize, Serialize};

use crate::calls::call::rules::ApplicantType;

/// The document code a winner's final report is stored under (with the application's
/// files; document codes are slugs, without underscores: no call can ask for one so named).
pub const FINAL_REPORT: &str = "final_report";

/// The longest note of a follow-up visit.
pub const MAX_VISIT_NOTE: u16 = 2000;

/// An award and its follow-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Award {
    pub application: i64,
    pub receipt: String,
    pub title: String,
    pub summary: String,
    /// The category's code.
    pub category: String,
    pub applicant_type: ApplicantType,
    /// At least one member declared themselves a migrant (else: host community).
    pub migrant: bool,
    pub amount: i64,
    /// `YYYY-MM-DD`; `None`: not paid yet.
    pub paid_on: Option<String>,
    pub report: Option<Report>,
    pub visits: Vec<Visit>,
}

/// The final report as received: its file (a private download) and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub file: i64,
    pub at: i64,
}

/// A follow-up visit: the day and what the team saw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub on: String,
    pub note: String,
}

impl Award {
    /// What anyone may read: the report's file and the visits' notes removed.
    pub fn public(mut self) -> Self {
        if let Some(report) = &mut self.report {
            report.file = 0;
        }
        for visit in &mut self.visits {
            visit.note.clear();
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_reads_no_report_file_and_no_visit_notes() {
        let award = Award {
            application: 7,
            receipt: "PANAS-00007".into(),
            title: "Huerta".into(),
            summary: "Una huerta.".into(),
            category: "arte".into(),
            applicant_type: ApplicantType::Group,
            migrant: true,
            amount: 5_000_000,
            paid_on: Some("2026-05-02".into()),
            report: Some(Report { file: 99, at: 1 }),
            visits: vec![Visit {
                on: "2026-06-01".into(),
                note: "La familia X no estaba".into(),
            }],
        };
        let public = award.clone().public();
        assert_eq!(public.report, Some(Report { file: 0, at: 1 }));
        assert_eq!(public.visits[0].note, "");
        assert_eq!(public.visits[0].on, "2026-06-01");
        assert_eq!(public.title, award.title);
    }
}
