//! An application as its form sends it, checked in two steps: a draft keeps whatever is
//! typed that is well formed (so nothing is lost between visits), and submission — final —
//! needs everything the call asks: the people an applicant type needs, the migrants the
//! call's eligibility rule asks for, and every required document.

use serde::{Deserialize, Serialize};

use crate::calls::call::rules::{ApplicantType, Call};
use crate::error::{FieldProblem, Problem};
use crate::platform::text::{email, one_line, paragraphs};

pub const TITLE_MAX: u16 = 120;
pub const SUMMARY_MAX: u16 = 3000;
pub const NAME_MAX: u16 = 120;
pub const DOCUMENT_MAX: u16 = 40;
/// Member rows a form may carry (a group's members).
pub const MEMBERS_MAX: usize = 30;

/// One person of an application as the form sends them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberForm {
    pub name: String,
    pub document: String,
    /// A ticked box sends `on`; an unticked one sends nothing.
    pub migrant: Option<String>,
}

/// The application form: every field a string, nothing trusted yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplicationForm {
    pub category: String,
    pub applicant_type: String,
    pub title: String,
    pub summary: String,
    pub organization_name: String,
    pub legal_id: String,
    pub email: String,
    pub members: Vec<MemberForm>,
}

/// What a member's place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    /// The individual applicant, a group's leader, an organization's representative.
    Leader,
    /// An individual applicant's alternate.
    Alternate,
    Member,
}

crate::platform::codes::text_codes!(MemberRole {
    Leader => "leader",
    Alternate => "alternate",
    Member => "member",
});

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub role: MemberRole,
    pub name: String,
    pub document: String,
    pub migrant: bool,
}

/// A well-formed draft: maybe incomplete, never malformed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub category: String,
    pub applicant_type: ApplicantType,
    pub title: String,
    pub summary: String,
    pub organization_name: Option<String>,
    pub legal_id: Option<String>,
    pub email: Option<String>,
    /// Rows left empty are dropped; the first is the leader, the second an individual's
    /// alternate.
    pub members: Vec<Member>,
}

/// Problems found so far, by field.
#[derive(Default)]
struct Problems(Vec<FieldProblem>);

impl Problems {
    fn note(&mut self, field: impl Into<String>, problem: Problem) {
        self.0.push(FieldProblem {
            field: field.into(),
            problem,
        });
    }

    /// An optional text: empty is `None`, otherwise checked (a problem is noted).
    fn text(
        &mut self,
        field: impl Into<String>,
        value: &str,
        check: impl Fn(&str) -> Result<String, Problem>,
    ) -> Option<String> {
        if value.trim().is_empty() {
            return None;
        }
        check(value)
            .map_err(|problem| self.note(field, problem))
            .ok()
    }
}

/// The draft in `form`, or every field's problem (`members.2.name` for a member's).
pub fn parse_draft(call: &Call, form: &ApplicationForm) -> Result<Draft, Vec<FieldProblem>> {
    let mut problems = Problems::default();
    let category = match call.category_by_code(form.category.trim()) {
        Some(c) => c.code.clone(),
        None if form.category.trim().is_empty() => {
            problems.note("category", Problem::Required);
            String::new()
        }
        None => {
            problems.note("category", Problem::UnknownOption);
            String::new()
        }
    };
    let applicant_type = ApplicantType::from_code(form.applicant_type.trim());
    if applicant_type.is_none() {
        problems.note("applicant_type", Problem::Required);
    }
    let title = problems.text("title", &form.title, |t| one_line(t, TITLE_MAX));
    let summary = problems.text("summary", &form.summary, |t| paragraphs(t, SUMMARY_MAX));
    let organization_name = problems.text("organization_name", &form.organization_name, |t| {
        one_line(t, NAME_MAX)
    });
    let legal_id = problems.text("legal_id", &form.legal_id, |t| one_line(t, DOCUMENT_MAX));
    let email = problems.text("email", &form.email, email);
    if form.members.len() > MEMBERS_MAX {
        problems.note(
            "members",
            Problem::TooMany {
                max: small(MEMBERS_MAX),
            },
        );
    }
    let mut members = Vec::new();
    for (at, row) in form.members.iter().enumerate().take(MEMBERS_MAX) {
        if row.name.trim().is_empty() && row.document.trim().is_empty() {
            continue;
        }
        let name = problems.text(format!("members.{at}.name"), &row.name, |t| {
            one_line(t, NAME_MAX)
        });
        let document = problems.text(format!("members.{at}.document"), &row.document, |t| {
            one_line(t, DOCUMENT_MAX)
        });
        members.push(Member {
            role: MemberRole::Member,
            name: name.unwrap_or_default(),
            document: document.unwrap_or_default(),
            migrant: row.migrant.is_some(),
        });
    }
    let (Some(applicant_type), true) = (applicant_type, problems.0.is_empty()) else {
        return Err(problems.0);
    };
    for (at, member) in members.iter_mut().enumerate() {
        member.role = match (at, applicant_type) {
            (0, _) => MemberRole::Leader,
            (1, ApplicantType::Individual) => MemberRole::Alternate,
            _ => MemberRole::Member,
        };
    }
    let organizational = matches!(
        applicant_type,
        ApplicantType::Organization | ApplicantType::RegisteredOrganization
    );
    Ok(Draft {
        category,
        applicant_type,
        title: title.unwrap_or_default(),
        summary: summary.unwrap_or_default(),
        organization_name: organization_name.filter(|_| organizational),
        legal_id: legal_id.filter(|_| applicant_type == ApplicantType::RegisteredOrganization),
        email,
        members,
    })
}

/// The people an applicant type needs at least (each with a name and a document) and at
/// most.
pub fn members_needed(applicant: ApplicantType) -> (usize, usize) {
    match applicant {
        ApplicantType::Individual => (2, 2),
        ApplicantType::Group => (3, MEMBERS_MAX),
        ApplicantType::Organization | ApplicantType::RegisteredOrganization => (1, MEMBERS_MAX),
    }
}

/// What still stops `draft` from being submitted to `call`, given the documents already
/// attached (codes): empty when it may be submitted.
pub fn missing_for_submission(
    call: &Call,
    draft: &Draft,
    attached: &[String],
) -> Vec<FieldProblem> {
    let mut problems = Problems::default();
    let mut note = |field: &str, problem| problems.note(field, problem);
    if draft.title.is_empty() {
        note("title", Problem::Required);
    }
    if draft.summary.is_empty() {
        note("summary", Problem::Required);
    }
    match draft.applicant_type {
        ApplicantType::Organization | ApplicantType::RegisteredOrganization
            if draft.organization_name.is_none() =>
        {
            note("organization_name", Problem::Required);
        }
        _ => {}
    }
    if draft.applicant_type == ApplicantType::RegisteredOrganization && draft.legal_id.is_none() {
        note("legal_id", Problem::Required);
    }
    let complete = draft
        .members
        .iter()
        .filter(|m| !m.name.is_empty() && !m.document.is_empty())
        .count();
    let (min, max) = members_needed(draft.applicant_type);
    if complete < min || complete != draft.members.len() {
        note("members", Problem::MembersNeeded { min: small(min) });
    } else if complete > max {
        note("members", Problem::TooMany { max: small(max) });
    }
    let migrants = draft.members.iter().filter(|m| m.migrant).count();
    let needed = call.min_migrant_members as usize;
    if migrants < needed {
        note("members", Problem::NotEnoughMigrants { min: small(needed) });
    }
    for document in call.documents_for(draft.applicant_type) {
        if !attached.contains(&document.code) {
            note(&format!("document.{}", document.code), Problem::Required);
        }
    }
    problems.0
}

fn small(n: usize) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}

/// The receipt number of a submitted application: the call's first address word and the
/// application's number (`PANAS-00042`); unique within the call.
pub fn receipt_number(call_slug: &str, application: i64) -> String {
    let word: String = call_slug
        .split('-')
        .next()
        .unwrap_or("VOZ")
        .chars()
        .take(8)
        .collect::<String>()
        .to_uppercase();
    format!("{word}-{application:05}")
}

/// The form that shows `draft` again (the page fills its fields with it).
pub fn form_of(draft: &Draft) -> ApplicationForm {
    ApplicationForm {
        category: draft.category.clone(),
        applicant_type: draft.applicant_type.code().to_owned(),
        title: draft.title.clone(),
        summary: draft.summary.clone(),
        organization_name: draft.organization_name.clone().unwrap_or_default(),
        legal_id: draft.legal_id.clone().unwrap_or_default(),
        email: draft.email.clone().unwrap_or_default(),
        members: draft
            .members
            .iter()
            .map(|m| MemberForm {
                name: m.name.clone(),
                document: m.document.clone(),
                migrant: m.migrant.then(|| "on".to_owned()),
            })
            .collect(),
    }
}

/// Whether `draft` comes from the host community only (no migrant member): for the open
/// data's counts by applicant origin.
pub fn has_migrant_member(members: &[Member]) -> bool {
    members.iter().any(|m| m.migrant)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calls::call::rules::{Category, DocumentRequirement, Rubric};
    use crate::platform::ids::{CallId, CategoryId, OrganizationId};
    use crate::platform::text::labels::Labels;
    use proptest::prelude::*;

    fn call(min_migrants: u32) -> Call {
        Call {
            id: CallId(1),
            organization: OrganizationId(1),
            slug: "panas-y-parces".into(),
            titles: Labels::default(),
            texts: Labels::default(),
            currency: "COP".into(),
            phase: crate::calls::call::rules::Phase::Open,
            rubric: Rubric {
                criteria: vec![],
                scale_max: 5,
                public_vote_weight: 0,
                minimum_score: 0,
                tie_break: vec![],
                lot_seed: String::new(),
                anonymous_jurors: false,
            },
            min_migrant_members: min_migrants,
            categories: vec![Category {
                id: CategoryId(7),
                code: "culture".into(),
                names: Labels::default(),
                awards: 1,
                reserve: 0,
                incentive: 0,
            }],
            documents: vec![DocumentRequirement {
                code: "identity".into(),
                names: Labels::default(),
                applicant_types: vec![ApplicantType::Individual, ApplicantType::Group],
            }],
        }
    }

    fn form(kind: &str, members: &[(&str, &str, bool)]) -> ApplicationForm {
        ApplicationForm {
            category: "culture".into(),
            applicant_type: kind.into(),
            title: "Olla comunitaria".into(),
            summary: "Cocinar juntos.".into(),
            members: members
                .iter()
                .map(|(name, document, migrant)| MemberForm {
                    name: (*name).into(),
                    document: (*document).into(),
                    migrant: migrant.then(|| "on".into()),
                })
                .collect(),
            ..ApplicationForm::default()
        }
    }

    fn problems_of(
        call: &Call,
        form: &ApplicationForm,
        attached: &[&str],
    ) -> Vec<(String, Problem)> {
        let draft = parse_draft(call, form).expect("well formed");
        let attached: Vec<String> = attached.iter().map(|s| (*s).to_owned()).collect();
        missing_for_submission(call, &draft, &attached)
            .into_iter()
            .map(|p| (p.field, p.problem))
            .collect()
    }

    #[test]
    fn a_group_of_two_is_not_a_group() {
        let two = form("group", &[("Ana", "P-1", true), ("Luis", "P-2", false)]);
        assert_eq!(
            problems_of(&call(1), &two, &["identity"]),
            [("members".to_owned(), Problem::MembersNeeded { min: 3 })]
        );
        let three = form(
            "group",
            &[
                ("Ana", "P-1", true),
                ("Luis", "P-2", false),
                ("Eva", "P-3", false),
            ],
        );
        assert!(problems_of(&call(1), &three, &["identity"]).is_empty());
    }

    #[test]
    fn an_individual_has_a_leader_and_an_alternate() {
        let alone = form("individual", &[("Ana", "P-1", true)]);
        assert_eq!(
            problems_of(&call(0), &alone, &["identity"]),
            [("members".to_owned(), Problem::MembersNeeded { min: 2 })]
        );
        let draft = parse_draft(
            &call(0),
            &form(
                "individual",
                &[("Ana", "P-1", true), ("Luis", "P-2", false)],
            ),
        )
        .expect("draft");
        assert_eq!(draft.members[0].role, MemberRole::Leader);
        assert_eq!(draft.members[1].role, MemberRole::Alternate);
    }

    #[test]
    fn eligibility_and_documents_are_checked_at_submission() {
        let hosts = form(
            "group",
            &[
                ("Ana", "P-1", false),
                ("Luis", "P-2", false),
                ("Eva", "P-3", false),
            ],
        );
        assert_eq!(
            problems_of(&call(1), &hosts, &[]),
            [
                ("members".to_owned(), Problem::NotEnoughMigrants { min: 1 }),
                ("document.identity".to_owned(), Problem::Required),
            ]
        );
        let organization = ApplicationForm {
            organization_name: String::new(),
            ..form("registered_organization", &[("Ana", "P-1", true)])
        };
        let fields: Vec<String> = problems_of(&call(1), &organization, &[])
            .into_iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(
            fields,
            ["organization_name", "legal_id"],
            "no document asked of organizations here"
        );
    }

    #[test]
    fn malformed_fields_are_named_and_half_rows_kept_for_the_draft() {
        let mut bad = form(
            "group",
            &[("Ana <script>", "P-1", true), ("", "P-2", false)],
        );
        bad.category = "sports".into();
        bad.email = "not-an-address".into();
        let problems: Vec<(String, Problem)> = parse_draft(&call(1), &bad)
            .expect_err("refused")
            .into_iter()
            .map(|p| (p.field, p.problem))
            .collect();
        assert_eq!(
            problems,
            [
                ("category".to_owned(), Problem::UnknownOption),
                ("email".to_owned(), Problem::InvalidEmail),
                ("members.0.name".to_owned(), Problem::ForbiddenCharacters),
            ]
        );
        // A draft keeps a row with only its document typed; submission wants both.
        let half = form(
            "group",
            &[
                ("Ana", "P-1", true),
                ("", "P-2", false),
                ("Eva", "P-3", false),
            ],
        );
        assert_eq!(
            problems_of(&call(1), &half, &["identity"]),
            [("members".to_owned(), Problem::MembersNeeded { min: 3 })]
        );
    }

    #[test]
    fn receipts_name_the_call_and_the_application() {
        assert_eq!(receipt_number("panas-y-parces", 42), "PANAS-00042");
        assert_eq!(receipt_number("festival2026largo", 7), "FESTIVAL-00007");
    }

    proptest! {
        #[test]
        fn submission_needs_exactly_the_types_people(
            kind in prop::sample::select(vec!["individual", "group", "organization", "registered_organization"]),
            people in 0usize..8,
            migrants in 0usize..8,
        ) {
            let rows: Vec<(String, String, bool)> = (0..people)
                .map(|n| (format!("Persona {n}"), format!("D-{n}"), n < migrants))
                .collect();
            let rows: Vec<(&str, &str, bool)> = rows.iter().map(|(a, b, m)| (a.as_str(), b.as_str(), *m)).collect();
            let mut form = form(kind, &rows);
            form.organization_name = "Fundación".into();
            form.legal_id = "900.123.456-7".into();
            let problems = problems_of(&call(1), &form, &["identity"]);
            let applicant = ApplicantType::from_code(kind).expect("type");
            let (min, max) = members_needed(applicant);
            let enough = people >= min && people <= max;
            let has_migrant = migrants.min(people) >= 1;
            prop_assert_eq!(problems.is_empty(), enough && has_migrant, "{:?}", problems);
        }
    }
}
