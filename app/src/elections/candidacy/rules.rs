//! Candidacies (DOMAIN.md § Process 1): who may stand in which segment, what a candidacy
//! must say, and how review and appeals move it. Pure functions, checked by the server.

use serde::{Deserialize, Serialize};

use crate::accounts::types::GenderIdentity;
use crate::calendar::Date;
use crate::elections::calendar::rules::Phase;
use crate::error::{FieldProblem, Problem};
use crate::i18n::Locale;
use crate::platform::text::one_line;

/// Who stands in a segment: individual immigrants, or organizations (formal or informal).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateKind {
    Individual,
    Organization,
}

crate::platform::codes::text_codes!(CandidateKind {
    Individual => "individual",
    Organization => "organization",
});

/// What the election says about a segment beyond seats: who may stand there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentRules {
    pub id: String,
    pub kind: CandidateKind,
    /// Minimum age of an individual candidate on the day the candidacy is filed.
    pub min_age: u8,
}

/// A candidacy as filed: every field a string. Who stands — name (for a person), birth
/// date, gender identity, nationality — is not typed here: it comes from the filer's
/// verified registration ([`Filer`]), since those facts drive parity, age limits and ties.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidacyForm {
    pub segment: String,
    /// The organization's name (a person stands under their registered name).
    #[serde(default)]
    pub name: String,
    /// The organization's founding date (a person's birth date is registered).
    #[serde(default)]
    pub date: String,
    /// The platform, Markdown, in one or more languages.
    pub platform: Vec<(String, String)>,
}

/// What a candidacy takes from the filer's verified registration, never from the form.
/// For an organization the filer is its immigrant representative, who would sit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filer {
    pub name: String,
    pub birth_date: Date,
    pub gender: GenderIdentity,
    /// The first nationality registered (or `stateless`).
    pub nationality: String,
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

/// Checks a candidacy against the election's segments on `today`, for `filer`.
pub fn validate_candidacy(
    form: &CandidacyForm,
    segments: &[SegmentRules],
    today: Date,
    filer: &Filer,
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
    let kind = segment.map(|s| s.kind);
    let organization = kind == Some(CandidateKind::Organization);
    // A person stands under their registered name and birth date; an organization under
    // the name and founding date given here, with the filer as its representative.
    let name = if organization {
        one_line(&form.name, NAME_MAX)
            .map_err(|p| errors.push(problem("name", p)))
            .ok()
    } else {
        Some(filer.name.clone())
    };
    let date = if organization {
        match form.date.trim().parse::<Date>() {
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
            Ok(date) => Some(date),
        }
    } else {
        if let Some(segment) = segment
            && filer.birth_date.age_on(today) < i32::from(segment.min_age)
        {
            errors.push(problem(
                "segment",
                Problem::UnderAge {
                    min: segment.min_age,
                },
            ));
        }
        Some(filer.birth_date)
    };
    let platform = platform(&form.platform)
        .map_err(|p| errors.push(problem("platform", p)))
        .ok();
    match (segment, name, date, platform) {
        (Some(segment), Some(name), Some(date), Some(platform)) if errors.is_empty() => {
            Ok(Candidacy {
                segment: segment.id.clone(),
                kind: segment.kind,
                name,
                representative: organization.then(|| filer.name.clone()),
                nationality: filer.nationality.clone(),
                gender: filer.gender,
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

crate::platform::codes::text_codes!(CandidacyStatus {
    Submitted => "submitted",
    Accepted => "accepted",
    Rejected => "rejected",
    Appealed => "appealed",
    AppealAccepted => "appeal_accepted",
    AppealRejected => "appeal_rejected",
});

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
            platform: vec![
                ("ht".into(), "Mwen vle...".into()),
                ("pt-BR".into(), "Quero...".into()),
            ],
            ..Default::default()
        }
    }

    /// A verified registrant: Marie-Ange Joseph, Haitian, a woman, born 1985.
    fn filer() -> Filer {
        Filer {
            name: "Marie-Ange Joseph".into(),
            birth_date: "1985-02-10".parse().expect("date"),
            gender: GenderIdentity::Woman,
            nationality: "HT".into(),
        }
    }

    fn fields(errors: Vec<FieldProblem>) -> Vec<(String, Problem)> {
        errors.into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn a_person_stands_as_registered() {
        let mut form = person();
        // Whatever a form might carry, the facts are the registration's.
        form.name = "Someone Else".into();
        form.date = "2000-01-01".into();
        let candidacy = validate_candidacy(&form, &segments(), today(), &filer()).expect("valid");
        assert_eq!(candidacy.kind, CandidateKind::Individual);
        assert_eq!(candidacy.name, "Marie-Ange Joseph");
        assert_eq!(candidacy.date.to_string(), "1985-02-10");
        assert_eq!(candidacy.nationality, "HT");
        assert!(candidacy.parity());
        assert_eq!(candidacy.representative, None);
    }

    #[test]
    fn an_organization_is_represented_by_its_filer() {
        let mut org = person();
        org.segment = "A".into();
        assert_eq!(
            fields(validate_candidacy(&org, &segments(), today(), &filer()).expect_err("invalid")),
            [
                ("name".into(), Problem::Required),
                ("date".into(), Problem::Required)
            ]
        );
        org.name = "Associação de Bolivianos".into();
        org.date = "2001-08-06".into();
        let man = Filer {
            name: "Juan Mamani".into(),
            gender: GenderIdentity::Man,
            nationality: "BO".into(),
            ..filer()
        };
        let candidacy = validate_candidacy(&org, &segments(), today(), &man).expect("valid");
        assert!(!candidacy.parity(), "the representative's gender counts");
        assert_eq!(candidacy.representative.as_deref(), Some("Juan Mamani"));
        assert_eq!(candidacy.date.to_string(), "2001-08-06", "founding date");
    }

    #[test]
    fn bad_input_is_named_field_by_field() {
        let form = CandidacyForm {
            segment: "Z".into(),
            platform: vec![],
            ..Default::default()
        };
        assert_eq!(
            fields(validate_candidacy(&form, &segments(), today(), &filer()).expect_err("invalid")),
            [
                ("segment".into(), Problem::UnknownOption),
                ("platform".into(), Problem::Required),
            ]
        );
        let org = CandidacyForm {
            segment: "A".into(),
            name: "<b>x</b>".into(),
            date: "2030-01-01".into(),
            ..person()
        };
        assert_eq!(
            fields(validate_candidacy(&org, &segments(), today(), &filer()).expect_err("invalid")),
            [
                ("name".into(), Problem::ForbiddenCharacters),
                ("date".into(), Problem::FutureDate),
            ]
        );
        let young = Filer {
            birth_date: "2010-01-01".parse().expect("date"),
            ..filer()
        };
        assert_eq!(
            fields(
                validate_candidacy(&person(), &segments(), today(), &young).expect_err("invalid")
            ),
            [("segment".into(), Problem::UnderAge { min: 18 })]
        );
        let mut long = person();
        long.platform = vec![("es".into(), "x".repeat(4001))];
        assert_eq!(
            fields(validate_candidacy(&long, &segments(), today(), &filer()).expect_err("invalid")),
            [("platform".into(), Problem::TooLong { max: 4000 })]
        );
        let mut twice = person();
        twice.platform = vec![("es".into(), "a".into()), ("es".into(), "b".into())];
        assert!(validate_candidacy(&twice, &segments(), today(), &filer()).is_err());
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
