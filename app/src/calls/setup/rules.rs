//! The new-call form as typed, checked into a `NewCall`: texts in the organization's
//! language, categories, the rubric, the documents per applicant type and the eligibility
//! rule. Rows left without a name are dropped; each kept row's code is made from its name
//! (`Cultura y memoria` → `cultura-y-memoria`), so staff never type codes, and the codes
//! are what the exports and `voz select` name. Every problem is named by its field
//! (`categories.1.awards`), so the form comes back with each one under its box.

use serde::{Deserialize, Serialize};

use crate::calls::call::rules::ApplicantType;
#[cfg(feature = "ssr")]
use crate::calls::call::rules::{Criterion, DocumentRequirement, NewCall, NewCategory, Rubric};
#[cfg(feature = "ssr")]
use crate::calls::select::TieBreak;
#[cfg(feature = "ssr")]
use crate::error::{FieldProblem, Problem};

/// Rows the form shows of each list.
pub const CATEGORY_ROWS: usize = 4;
pub const CRITERION_ROWS: usize = 5;
pub const DOCUMENT_ROWS: usize = 5;
pub const TITLE_MAX: u16 = 120;
pub const TEXT_MAX: u16 = 20_000;
pub const NAME_MAX: u16 = 120;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CategoryForm {
    pub name: String,
    pub awards: String,
    pub reserve: String,
    pub incentive: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CriterionForm {
    pub name: String,
    pub weight: String,
}

/// A required document: its name and, ticked, the applicant types it is asked of.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentForm {
    pub name: String,
    pub individual: Option<String>,
    pub group: Option<String>,
    pub organization: Option<String>,
    pub registered_organization: Option<String>,
}

impl DocumentForm {
    pub fn ticked(&self, kind: ApplicantType) -> bool {
        match kind {
            ApplicantType::Individual => self.individual.is_some(),
            ApplicantType::Group => self.group.is_some(),
            ApplicantType::Organization => self.organization.is_some(),
            ApplicantType::RegisteredOrganization => self.registered_organization.is_some(),
        }
    }
}

/// How ties are broken, as the form offers it: three orders of the published tie-breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TieOrder {
    /// Jury score, then public votes, then the earlier submission, then the lot.
    JuryFirst,
    /// Public votes, then jury score, then the earlier submission, then the lot.
    PublicFirst,
    /// The earlier submission, then jury score, then the lot.
    EarlierFirst,
}

crate::platform::codes::text_codes!(TieOrder {
    JuryFirst => "jury_first",
    PublicFirst => "public_first",
    EarlierFirst => "earlier_first",
});

/// The form: every field a string, nothing trusted yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallForm {
    pub slug: String,
    pub title: String,
    pub text: String,
    pub currency: String,
    pub min_migrants: String,
    pub scale_max: String,
    pub public_vote_weight: String,
    /// Points out of 100, up to two decimals (`60`, `62.5`).
    pub minimum_score: String,
    pub tie_break: String,
    pub anonymous_jurors: Option<String>,
    pub categories: Vec<CategoryForm>,
    pub criteria: Vec<CriterionForm>,
    pub documents: Vec<DocumentForm>,
}

impl Default for CallForm {
    /// What a new form shows: the usual choices filled in, the lists empty.
    fn default() -> Self {
        Self {
            slug: String::new(),
            title: String::new(),
            text: String::new(),
            currency: String::new(),
            min_migrants: "1".into(),
            scale_max: "10".into(),
            public_vote_weight: "0".into(),
            minimum_score: "60".into(),
            tie_break: TieOrder::JuryFirst.code().into(),
            anonymous_jurors: Some("on".into()),
            categories: Vec::new(),
            criteria: Vec::new(),
            documents: Vec::new(),
        }
    }
}

/// A code made of a row's name: lowercase ASCII letters and digits joined by dashes,
/// accents dropped, at most 40 characters; `fallback` when nothing of the name is left
/// (a name in Arabic script).
#[cfg(feature = "ssr")]
pub fn code_of(name: &str, fallback: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    let mut code = String::new();
    for c in name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        if c.is_ascii_alphanumeric() {
            code.push(c.to_ascii_lowercase());
        } else if !code.is_empty() && !code.ends_with('-') {
            code.push('-');
        }
        if code.len() >= 40 {
            break;
        }
    }
    let code = code.trim_end_matches('-');
    if code.is_empty() {
        fallback.to_owned()
    } else {
        code.to_owned()
    }
}

/// Problems noted while reading the form.
#[cfg(feature = "ssr")]
#[derive(Default)]
struct Problems(Vec<FieldProblem>);

#[cfg(feature = "ssr")]
impl Problems {
    fn note(&mut self, field: impl Into<String>, problem: Problem) {
        self.0.push(FieldProblem {
            field: field.into(),
            problem,
        });
    }

    /// A whole number in `min..=max`, required.
    fn number(&mut self, field: impl Into<String>, text: &str, min: u16, max: u32) -> u32 {
        let field = field.into();
        let text = text.trim();
        if text.is_empty() {
            self.note(field, Problem::Required);
            return 0;
        }
        match text.parse::<u32>() {
            Ok(n) if (u32::from(min)..=max).contains(&n) => n,
            Ok(_) => {
                let max = u16::try_from(max).unwrap_or(u16::MAX);
                self.note(field, Problem::OutOfRange { min, max });
                0
            }
            Err(_) => {
                self.note(field, Problem::NotANumber);
                0
            }
        }
    }

    fn text(&mut self, field: &str, checked: Result<String, Problem>) -> String {
        checked.unwrap_or_else(|problem| {
            self.note(field, problem);
            String::new()
        })
    }
}

/// Codes unique within a list: a repeated one gets `-2`, `-3`…
#[cfg(feature = "ssr")]
fn unique(codes: &mut Vec<String>, code: String) -> String {
    let mut candidate = code.clone();
    let mut n = 2;
    while codes.contains(&candidate) {
        candidate = format!("{code}-{n}");
        n += 1;
    }
    codes.push(candidate.clone());
    candidate
}

/// Points with up to two decimals as hundredths (`62.5` → 6250), 0..=100 points.
#[cfg(feature = "ssr")]
fn hundredths(text: &str) -> Result<u32, Problem> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Err(Problem::Required);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if fraction.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
        || whole.is_empty()
    {
        return Err(Problem::NotANumber);
    }
    let whole: u32 = whole.parse().map_err(|_| Problem::NotANumber)?;
    let fraction: u32 = format!("{fraction:0<2}").parse().unwrap_or(0);
    let value = whole.saturating_mul(100).saturating_add(fraction);
    if value > 10_000 {
        return Err(Problem::OutOfRange { min: 0, max: 100 });
    }
    Ok(value)
}

/// Checks the form into a new call written in `language`, with `lot_seed` (drawn by the
/// server when the call is created, published with it). Every field's problem is named.
#[cfg(feature = "ssr")]
pub fn validate_call(
    form: &CallForm,
    language: &str,
    lot_seed: &str,
) -> Result<NewCall, Vec<FieldProblem>> {
    use crate::platform::text::labels::Labels;
    use crate::platform::text::{one_line, paragraphs};

    let mut p = Problems::default();
    let labels = |text: &str| Labels::from_pairs([(language, text)]);
    let slug = form.slug.trim().to_lowercase();
    if slug.is_empty() {
        p.note("slug", Problem::Required);
    } else if !crate::platform::codes::is_slug(&slug) {
        p.note("slug", Problem::ForbiddenCharacters);
    } else if slug == "new" {
        // `/staff/<org>/calls/new` is this form's own page.
        p.note("slug", Problem::AlreadyUsed);
    }
    let title = p.text("title", one_line(&form.title, TITLE_MAX));
    let text = p.text("text", paragraphs(&form.text, TEXT_MAX));
    let currency = form.currency.trim().to_uppercase();
    if currency.is_empty() {
        p.note("currency", Problem::Required);
    } else if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        p.note("currency", Problem::ForbiddenCharacters);
    }
    let min_migrant_members = p.number("min_migrants", &form.min_migrants, 0, 30);
    let scale_max = p.number("scale_max", &form.scale_max, 1, 100);
    let public_vote_weight = p.number("public_vote_weight", &form.public_vote_weight, 0, 50);
    let minimum_score = hundredths(&form.minimum_score).unwrap_or_else(|problem| {
        p.note("minimum_score", problem);
        0
    });
    let order = match form.tie_break.trim() {
        "" => Some(TieOrder::JuryFirst),
        code => TieOrder::from_code(code),
    };
    let tie_break = match order {
        Some(TieOrder::JuryFirst) => {
            vec![
                TieBreak::Jury,
                TieBreak::Public,
                TieBreak::Earlier,
                TieBreak::Lot,
            ]
        }
        Some(TieOrder::PublicFirst) => {
            vec![
                TieBreak::Public,
                TieBreak::Jury,
                TieBreak::Earlier,
                TieBreak::Lot,
            ]
        }
        Some(TieOrder::EarlierFirst) => vec![TieBreak::Earlier, TieBreak::Jury, TieBreak::Lot],
        None => {
            p.note("tie_break", Problem::UnknownOption);
            Vec::new()
        }
    };

    let mut codes = Vec::new();
    let mut categories = Vec::new();
    for (n, row) in form.categories.iter().enumerate().take(20) {
        if row.name.trim().is_empty() {
            continue;
        }
        let field = |name: &str| format!("categories.{n}.{name}");
        let name = p.text(&field("name"), one_line(&row.name, NAME_MAX));
        let awards = p.number(field("awards"), &row.awards, 1, 100);
        let reserve = if row.reserve.trim().is_empty() {
            0
        } else {
            p.number(field("reserve"), &row.reserve, 0, 100)
        };
        let incentive = p.number(field("incentive"), &row.incentive, 0, u32::MAX);
        let code = unique(&mut codes, code_of(&name, &format!("c{}", n + 1)));
        categories.push(NewCategory {
            code,
            names: labels(&name),
            awards,
            reserve,
            incentive: i64::from(incentive),
        });
    }
    if categories.is_empty() {
        p.note("categories.0.name", Problem::Required);
    }

    let mut codes = Vec::new();
    let mut criteria = Vec::new();
    for (n, row) in form.criteria.iter().enumerate().take(20) {
        if row.name.trim().is_empty() {
            continue;
        }
        let field = |name: &str| format!("criteria.{n}.{name}");
        let name = p.text(&field("name"), one_line(&row.name, NAME_MAX));
        let weight = p.number(field("weight"), &row.weight, 1, 100);
        let code = unique(&mut codes, code_of(&name, &format!("k{}", n + 1)));
        criteria.push(Criterion {
            code,
            names: labels(&name),
            weight,
        });
    }
    let total: u32 = criteria.iter().map(|c| c.weight).sum();
    if criteria.is_empty() {
        p.note("criteria.0.name", Problem::Required);
    } else if total != 100 && criteria.iter().all(|c| c.weight > 0) {
        p.note(
            "criteria",
            Problem::WeightsTotal {
                total: u16::try_from(total).unwrap_or(u16::MAX),
            },
        );
    }

    let mut codes = Vec::new();
    let mut documents = Vec::new();
    for (n, row) in form.documents.iter().enumerate().take(20) {
        if row.name.trim().is_empty() {
            continue;
        }
        let name = p.text(
            &format!("documents.{n}.name"),
            one_line(&row.name, NAME_MAX),
        );
        let applicant_types: Vec<ApplicantType> = ApplicantType::ALL
            .into_iter()
            .filter(|kind| row.ticked(*kind))
            .collect();
        if applicant_types.is_empty() {
            p.note(format!("documents.{n}.types"), Problem::Required);
        }
        let code = unique(&mut codes, code_of(&name, &format!("d{}", n + 1)));
        documents.push(DocumentRequirement {
            code,
            names: labels(&name),
            applicant_types,
        });
    }

    if !p.0.is_empty() {
        return Err(p.0);
    }
    let new = NewCall {
        slug,
        titles: labels(&title),
        texts: labels(&text),
        currency,
        rubric: Rubric {
            criteria,
            scale_max,
            public_vote_weight,
            minimum_score,
            tie_break,
            lot_seed: lot_seed.to_owned(),
            anonymous_jurors: form.anonymous_jurors.is_some(),
        },
        min_migrant_members,
        categories,
        documents,
    };
    // Everything `check` refuses was named above; a refusal here is a bug, said plainly.
    new.check().map_err(|_| {
        vec![FieldProblem {
            field: "slug".into(),
            problem: Problem::UnknownOption,
        }]
    })?;
    Ok(new)
}

#[cfg(all(test, feature = "ssr"))]
mod tests;
