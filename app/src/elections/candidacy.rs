//! Candidacies (DOMAIN.md § Process 1): who may stand in which segment, what a candidacy
//! must say, and how review and appeals move it. Pure functions, checked by the server.

use serde::{Deserialize, Serialize};

use crate::accounts::countries::is_nationality_code;
use crate::accounts::rules::clean_text;
use crate::accounts::types::GenderIdentity;
use crate::calendar::Date;
use crate::elections::phase::Phase;
use crate::error::{FieldProblem, Problem};
use crate::i18n::Locale;

/// Who stands in a segment: individual immigrants, or organizations (formal or informal).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateKind {
    Individual,
    Organization,
}

/// What the election says about a segment beyond seats: who may stand there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentRules {
    pub id: String,
    pub kind: CandidateKind,
    /// Minimum age of an individual candidate on the day the candidacy is filed.
    pub min_age: u8,
}

/// A candidacy as filed: every field a string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidacyForm {
    pub segment: String,
    /// The person, or the organization's name.
    pub name: String,
    /// For organizations: the immigrant who represents it (and would sit).
    #[serde(default)]
    pub representative: String,
    /// Of the individual, or of the representative.
    pub nationality: String,
    /// Of the individual, or of the representative: what parity counts.
    pub gender: String,
    /// Birth date of the individual; founding date of the organization.
    pub date: String,
    /// The platform, Markdown, in one or more languages.
    pub platform: Vec<(String, String)>,
}

/// A candidacy whose every field passed the rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidacy {
    pub segment: String,
    pub kind: CandidateKind,
    pub name: String,
    pub representative: Option<String>,
    pub nationality: String,
    pub gender: GenderIdentity,
    pub date: Date,
    pub platform: Vec<(String, String)>,
}

impl Candidacy {
    /// Whether this candidacy counts for parity (DOMAIN.md: everyone but "man" and
    /// "prefer not to say"; for an organization, its representative).
    pub fn parity(&self) -> bool {
        self.gender.in_parity_group()
    }
}

pub const NAME_MAX: u16 = 120;
pub const PLATFORM_MAX: usize = 4000;

fn problem(field: &str, problem: Problem) -> FieldProblem {
    FieldProblem {
        field: field.to_owned(),
        problem,
    }
}

/// Checks a candidacy against the election's segments on `today`.
pub fn validate_candidacy(
    form: &CandidacyForm,
    segments: &[SegmentRules],
    today: Date,
) -> Result<Candidacy, Vec<FieldProblem>> {
    let mut errors = Vec::new();
    let segment = segments.iter().find(|s| s.id == form.segment);
    if segment.is_none() {
        errors.push(problem(
            "segment",
            if form.segment.trim().is_empty() {
                Problem::Required
            } else {
                Problem::UnknownOption
            },
        ));
    }
    let name = clean_text(&form.name, NAME_MAX)
        .map_err(|p| errors.push(problem("name", p)))
        .ok();
    let kind = segment.map(|s| s.kind);
    let representative = match kind {
        Some(CandidateKind::Organization) => {
            clean_text(&form.representative, crate::accounts::rules::NAME_MAX)
                .map(Some)
                .map_err(|p| errors.push(problem("representative", p)))
                .ok()
                .flatten()
        }
        _ => None,
    };
    let nationality = form.nationality.trim();
    if nationality.is_empty() {
        errors.push(problem("nationality", Problem::Required));
    } else if !is_nationality_code(nationality) {
        errors.push(problem("nationality", Problem::UnknownOption));
    }
    let gender = GenderIdentity::from_code(form.gender.trim());
    if gender.is_none() {
        errors.push(problem(
            "gender",
            if form.gender.trim().is_empty() {
                Problem::Required
            } else {
                Problem::UnknownOption
            },
        ));
    }
    let date = match form.date.trim().parse::<Date>() {
        Err(_) => {
            errors.push(problem(
                "date",
                if form.date.trim().is_empty() {
                    Problem::Required
                } else {
                    Problem::InvalidDate
                },
            ));
            None
        }
        Ok(date) if date > today => {
            errors.push(problem("date", Problem::FutureDate));
            None
        }
        Ok(date) => {
            if let Some(segment) = segment.filter(|s| s.kind == CandidateKind::Individual)
                && date.age_on(today) < i32::from(segment.min_age)
            {
                errors.push(problem(
                    "date",
                    Problem::UnderAge {
                        min: segment.min_age,
                    },
                ));
            }
            Some(date)
        }
    };
    let platform = platform(&form.platform)
        .map_err(|p| errors.push(problem("platform", p)))
        .ok();
    match (segment, name, gender, date, platform) {
        (Some(segment), Some(name), Some(gender), Some(date), Some(platform))
            if errors.is_empty() =>
        {
            Ok(Candidacy {
                segment: segment.id.clone(),
                kind: segment.kind,
                name,
                representative,
                nationality: nationality.to_owned(),
                gender,
                date,
                platform,
            })
        }
        _ => Err(errors),
    }
}

/// At least one language; each text a known language, non-empty, at most 4,000 characters.
fn platform(texts: &[(String, String)]) -> Result<Vec<(String, String)>, Problem> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (locale, text) in texts {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if locale.parse::<Locale>().is_err() || out.iter().any(|(l, _)| l == locale) {
            return Err(Problem::UnknownOption);
        }
        if text.chars().count() > PLATFORM_MAX {
            return Err(Problem::TooLong {
                max: PLATFORM_MAX as u16,
            });
        }
        out.push((locale.clone(), text.to_owned()));
    }
    if out.is_empty() {
        Err(Problem::Required)
    } else {
        Ok(out)
    }
}

/// Where a candidacy stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidacyStatus {
    Submitted,
    Accepted,
    Rejected,
    Appealed,
    AppealAccepted,
    AppealRejected,
}

impl CandidacyStatus {
    /// On the final list (and so on the ballot).
    pub fn on_final_list(self) -> bool {
        matches!(self, Self::Accepted | Self::AppealAccepted)
    }
}

/// What someone does to a candidacy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidacyAction {
    /// The commission, during review.
    Accept,
    Reject,
    /// The candidate, during the appeal window, only after a rejection.
    Appeal,
    /// The commission, deciding an appeal.
    UpholdAppeal,
    DismissAppeal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CandidacyError {
    #[error("not possible in this phase of the election")]
    WrongPhase,
    #[error("not possible from the candidacy's current status")]
    WrongStatus,
}

/// The status after `action`, if the phase and the current status allow it.
pub fn apply(
    phase: Phase,
    status: CandidacyStatus,
    action: CandidacyAction,
) -> Result<CandidacyStatus, CandidacyError> {
    use CandidacyAction as A;
    use CandidacyStatus as S;
    let phase_ok = match action {
        A::Accept | A::Reject => phase.allows_review(),
        A::Appeal | A::UpholdAppeal | A::DismissAppeal => phase.allows_appeals(),
    };
    if !phase_ok {
        return Err(CandidacyError::WrongPhase);
    }
    match (status, action) {
        (S::Submitted, A::Accept) => Ok(S::Accepted),
        (S::Submitted, A::Reject) => Ok(S::Rejected),
        (S::Rejected, A::Appeal) => Ok(S::Appealed),
        (S::Appealed, A::UpholdAppeal) => Ok(S::AppealAccepted),
        (S::Appealed, A::DismissAppeal) => Ok(S::AppealRejected),
        _ => Err(CandidacyError::WrongStatus),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments() -> Vec<SegmentRules> {
        vec![
            SegmentRules {
                id: "A".into(),
                kind: CandidateKind::Organization,
                min_age: 18,
            },
            SegmentRules {
                id: "C".into(),
                kind: CandidateKind::Individual,
                min_age: 18,
            },
        ]
    }

    fn today() -> Date {
        "2026-11-23".parse().expect("date")
    }

    fn person() -> CandidacyForm {
        CandidacyForm {
            segment: "C".into(),
            name: "Marie-Ange Joseph".into(),
            representative: String::new(),
            nationality: "HT".into(),
            gender: "woman".into(),
            date: "1985-02-10".into(),
            platform: vec![
                ("ht".into(), "Mwen vle...".into()),
                ("pt-BR".into(), "Quero...".into()),
            ],
        }
    }

    fn fields(errors: Vec<FieldProblem>) -> Vec<(String, Problem)> {
        errors.into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn an_individual_candidacy_is_accepted() {
        let candidacy = validate_candidacy(&person(), &segments(), today()).expect("valid");
        assert_eq!(candidacy.kind, CandidateKind::Individual);
        assert!(candidacy.parity());
        assert_eq!(candidacy.representative, None);
    }

    #[test]
    fn organizations_need_a_representative_whose_gender_counts() {
        let mut org = person();
        org.segment = "A".into();
        org.name = "Associação de Bolivianos".into();
        org.date = "2001-08-06".into();
        assert_eq!(
            fields(validate_candidacy(&org, &segments(), today()).expect_err("invalid")),
            [("representative".into(), Problem::Required)]
        );
        org.representative = "Juan Mamani".into();
        org.gender = "man".into();
        let candidacy = validate_candidacy(&org, &segments(), today()).expect("valid");
        assert!(!candidacy.parity());
        assert_eq!(candidacy.representative.as_deref(), Some("Juan Mamani"));
    }

    #[test]
    fn bad_input_is_named_field_by_field() {
        let form = CandidacyForm {
            segment: "Z".into(),
            name: "<b>x</b>".into(),
            nationality: "ZZ".into(),
            gender: String::new(),
            date: "2030-01-01".into(),
            platform: vec![],
            ..Default::default()
        };
        assert_eq!(
            fields(validate_candidacy(&form, &segments(), today()).expect_err("invalid")),
            [
                ("segment".into(), Problem::UnknownOption),
                ("name".into(), Problem::ForbiddenCharacters),
                ("nationality".into(), Problem::UnknownOption),
                ("gender".into(), Problem::Required),
                ("date".into(), Problem::FutureDate),
                ("platform".into(), Problem::Required),
            ]
        );
        let mut young = person();
        young.date = "2010-01-01".into();
        assert_eq!(
            fields(validate_candidacy(&young, &segments(), today()).expect_err("invalid")),
            [("date".into(), Problem::UnderAge { min: 18 })]
        );
        let mut long = person();
        long.platform = vec![("es".into(), "x".repeat(4001))];
        assert_eq!(
            fields(validate_candidacy(&long, &segments(), today()).expect_err("invalid")),
            [("platform".into(), Problem::TooLong { max: 4000 })]
        );
        let mut twice = person();
        twice.platform = vec![("es".into(), "a".into()), ("es".into(), "b".into())];
        assert!(validate_candidacy(&twice, &segments(), today()).is_err());
    }

    #[test]
    fn review_and_appeals_follow_the_calendar() {
        use CandidacyAction as A;
        use CandidacyStatus as S;
        assert_eq!(
            apply(Phase::Review, S::Submitted, A::Accept),
            Ok(S::Accepted)
        );
        assert_eq!(
            apply(Phase::Review, S::Submitted, A::Reject),
            Ok(S::Rejected)
        );
        assert_eq!(
            apply(Phase::Appeals, S::Submitted, A::Accept),
            Err(CandidacyError::WrongPhase)
        );
        assert_eq!(
            apply(Phase::Review, S::Rejected, A::Appeal),
            Err(CandidacyError::WrongPhase)
        );
        assert_eq!(
            apply(Phase::Appeals, S::Rejected, A::Appeal),
            Ok(S::Appealed)
        );
        assert_eq!(
            apply(Phase::Appeals, S::Accepted, A::Appeal),
            Err(CandidacyError::WrongStatus),
            "only the rejected appeal"
        );
        assert_eq!(
            apply(Phase::Appeals, S::Appealed, A::UpholdAppeal),
            Ok(S::AppealAccepted)
        );
        assert_eq!(
            apply(Phase::Appeals, S::Appealed, A::DismissAppeal),
            Ok(S::AppealRejected)
        );
        assert_eq!(
            apply(Phase::Appeals, S::AppealRejected, A::Appeal),
            Err(CandidacyError::WrongStatus),
            "one appeal"
        );
        assert!(S::AppealAccepted.on_final_list() && S::Accepted.on_final_list());
        assert!(!S::Appealed.on_final_list() && !S::Rejected.on_final_list());
    }
}
