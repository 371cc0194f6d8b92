//! An organization's settings as its administrator writes them, checked field by field.
//! Pure: the settings page and `voz org create` both go through [`validate`], so an
//! organization made from the command line obeys the same rules as one edited on the page.
//!
//! The rules:
//! - a name in the organization's own language is required; names in Voz's other
//!   languages are optional (a reader sees theirs, else English, else the original);
//! - at least one accepted identity document;
//! - a minimum age to register between 14 and 21;
//! - the residence rule: the person declares it, or staff see a document;
//! - districts, one per line, each named once (none: people type their own);
//! - the time zone is an IANA name (`America/Sao_Paulo`): deadlines and voting hours are
//!   read on it, so it cannot change while an election is under way (checked where the
//!   elections are known, `organization::api`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::accounts::duplicates::rules::name_words;
use crate::accounts::types::{DocumentType, Organization, RegistrationRules, ResidenceProof};
use crate::error::{FieldProblem, Problem};
use crate::i18n::Locale;
use crate::locale::SWITCHER_ORDER;
use crate::platform::text::labels::Labels;
use crate::platform::text::one_line;
use leptos_i18n::Locale as _;

pub const NAME_MAX: u16 = 200;
pub const DISTRICT_MAX: u16 = 100;
pub const MOST_DISTRICTS: u8 = 250;
pub const MIN_AGE_RANGE: (u8, u8) = (14, 21);

/// The form, every field a string as a plain HTML form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganizationForm {
    /// The name by language tag (`form[names][pt-BR]`); empty ones are left out.
    pub names: BTreeMap<String, String>,
    /// The language the organization writes in (its name's original).
    pub default_locale: String,
    /// Ticked document types (`form[documents][passport]=on`).
    pub documents: BTreeMap<String, String>,
    pub min_age: String,
    /// `self_declaration` or `document`.
    pub residence: String,
    /// One district per line.
    pub districts: String,
    pub time_zone: String,
    /// Ticked: the list of enabled voters (name and district) is public.
    pub voter_list_public: String,
}

/// What the form becomes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationSettings {
    /// The original (in `default_locale`) first.
    pub names: Labels,
    pub default_locale: String,
    pub rules: RegistrationRules,
    pub voter_list_public: bool,
}

impl OrganizationSettings {
    /// The name in the organization's own language.
    pub fn name(&self) -> &str {
        self.names.original().map_or("", |(_, name)| name)
    }
}

/// The form field holding the name in `lang`.
pub fn name_field(lang: &str) -> String {
    format!("name-{lang}")
}

impl OrganizationForm {
    /// The form filled with what `organization` holds now.
    pub fn of(organization: &Organization) -> Self {
        let mut names: BTreeMap<String, String> = organization
            .names
            .iter()
            .map(|(l, t)| (l.to_owned(), t.to_owned()))
            .collect();
        names
            .entry(organization.default_locale.clone())
            .or_insert_with(|| organization.name.clone());
        let rules = &organization.rules;
        Self {
            names,
            default_locale: organization.default_locale.clone(),
            documents: rules
                .accepted_documents
                .iter()
                .map(|d| (d.code().to_owned(), "on".to_owned()))
                .collect(),
            min_age: rules.min_age.to_string(),
            residence: residence_code(rules.residence_proof).to_owned(),
            districts: rules.districts.join("\n"),
            time_zone: rules.time_zone.clone(),
            voter_list_public: if organization.voter_list_public {
                "on".into()
            } else {
                String::new()
            },
        }
    }
}

pub fn residence_code(proof: ResidenceProof) -> &'static str {
    match proof {
        ResidenceProof::SelfDeclaration => "self_declaration",
        ResidenceProof::Document => "document",
    }
}

fn ticked(value: &str) -> bool {
    matches!(value.trim(), "on" | "true" | "1" | "yes")
}

fn problem(field: impl Into<String>, problem: Problem) -> FieldProblem {
    FieldProblem {
        field: field.into(),
        problem,
    }
}

/// Checks every field; `zone_known` says whether an IANA time zone exists (the zone
/// database is server-side).
pub fn validate(
    form: &OrganizationForm,
    zone_known: impl Fn(&str) -> bool,
) -> Result<OrganizationSettings, Vec<FieldProblem>> {
    let mut errors = Vec::new();
    let default_locale = match form.default_locale.trim().parse::<Locale>() {
        Ok(locale) => Some(locale),
        Err(_) => {
            errors.push(problem("default_locale", Problem::UnknownOption));
            None
        }
    };
    // Names: the default language's first (the original), then Voz's others in order.
    for lang in form.names.keys() {
        if !SWITCHER_ORDER.iter().any(|l| l.as_str() == lang) {
            errors.push(problem("names", Problem::UnknownOption));
        }
    }
    let mut pairs = Vec::new();
    let order = default_locale.into_iter().chain(
        SWITCHER_ORDER
            .into_iter()
            .filter(|l| Some(*l) != default_locale),
    );
    for (index, lang) in order.enumerate() {
        let lang = lang.as_str();
        let text = form.names.get(lang).map_or("", String::as_str);
        if text.trim().is_empty() && index > 0 {
            continue;
        }
        match one_line(text, NAME_MAX) {
            Ok(name) => pairs.push((lang.to_owned(), name)),
            Err(p) => errors.push(problem(name_field(lang), p)),
        }
    }
    let names = Labels::parse(pairs, NAME_MAX).ok();

    let mut accepted_documents = Vec::new();
    for (code, value) in &form.documents {
        match DocumentType::from_code(code) {
            Some(document) if ticked(value) => accepted_documents.push(document),
            Some(_) => {}
            None => errors.push(problem("documents", Problem::UnknownOption)),
        }
    }
    // Kept in the order the registration form lists them.
    accepted_documents.sort_by_key(|d| DocumentType::ALL.iter().position(|a| a == d));
    if accepted_documents.is_empty() && !errors.iter().any(|e| e.field == "documents") {
        errors.push(problem("documents", Problem::Required));
    }

    let (low, high) = MIN_AGE_RANGE;
    let min_age = match form.min_age.trim().parse::<u8>() {
        Ok(age) if (low..=high).contains(&age) => age,
        _ if form.min_age.trim().is_empty() => {
            errors.push(problem("min_age", Problem::Required));
            0
        }
        _ => {
            errors.push(problem(
                "min_age",
                Problem::OutOfRange {
                    min: low.into(),
                    max: high.into(),
                },
            ));
            0
        }
    };
    let residence_proof = match form.residence.trim() {
        "self_declaration" => ResidenceProof::SelfDeclaration,
        "document" => ResidenceProof::Document,
        _ => {
            errors.push(problem("residence", Problem::UnknownOption));
            ResidenceProof::SelfDeclaration
        }
    };

    let mut districts: Vec<String> = Vec::new();
    for line in form.districts.lines().filter(|l| !l.trim().is_empty()) {
        match one_line(line, DISTRICT_MAX) {
            Ok(district) if districts.iter().any(|d| same_district(d, &district)) => {
                errors.push(problem("districts", Problem::AlreadyUsed));
                break;
            }
            Ok(district) => districts.push(district),
            Err(p) => {
                errors.push(problem("districts", p));
                break;
            }
        }
    }
    if districts.len() > usize::from(MOST_DISTRICTS) {
        errors.push(problem(
            "districts",
            Problem::TooMany {
                max: MOST_DISTRICTS,
            },
        ));
    }

    let time_zone = form.time_zone.trim().to_owned();
    if time_zone.is_empty() {
        errors.push(problem("time_zone", Problem::Required));
    } else if !zone_known(&time_zone) {
        errors.push(problem("time_zone", Problem::UnknownOption));
    }

    match (names, default_locale) {
        (Some(names), Some(locale)) if errors.is_empty() => Ok(OrganizationSettings {
            names,
            default_locale: locale.as_str().to_owned(),
            rules: RegistrationRules {
                accepted_documents,
                min_age,
                residence_proof,
                districts,
                time_zone,
            },
            voter_list_public: ticked(&form.voter_list_public),
        }),
        _ => Err(errors),
    }
}

/// Two spellings of one district: case, accents and punctuation aside ("Sé", "SE").
fn same_district(a: &str, b: &str) -> bool {
    name_words(a) == name_words(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn form() -> OrganizationForm {
        OrganizationForm {
            names: [
                (
                    "pt-BR".to_owned(),
                    "Conselho Municipal de Imigrantes".to_owned(),
                ),
                ("ar".to_owned(), "المجلس البلدي للمهاجرين".to_owned()),
            ]
            .into(),
            default_locale: "pt-BR".into(),
            documents: [("passport".to_owned(), "on".to_owned())].into(),
            min_age: "16".into(),
            residence: "self_declaration".into(),
            districts: "Sé\nMooca\n\n  Brás  ".into(),
            time_zone: "America/Sao_Paulo".into(),
            voter_list_public: String::new(),
        }
    }

    fn zones(zone: &str) -> bool {
        ["America/Sao_Paulo", "America/Bogota", "UTC"].contains(&zone)
    }

    fn fields(result: Result<OrganizationSettings, Vec<FieldProblem>>) -> Vec<(String, Problem)> {
        result
            .expect_err("refused")
            .into_iter()
            .map(|p| (p.field, p.problem))
            .collect()
    }

    #[test]
    fn a_good_form_becomes_settings_with_the_original_name_first() {
        let settings = validate(&form(), zones).expect("valid");
        assert_eq!(settings.name(), "Conselho Municipal de Imigrantes");
        assert_eq!(settings.names.text("ar"), Some("المجلس البلدي للمهاجرين"));
        assert_eq!(
            settings.names.text("fr"),
            Some("Conselho Municipal de Imigrantes")
        );
        assert_eq!(settings.rules.districts, ["Sé", "Mooca", "Brás"]);
        assert_eq!(settings.rules.min_age, 16);
        assert!(!settings.voter_list_public);
    }

    #[test]
    fn each_bad_field_is_named() {
        let mut bad = form();
        bad.names.insert("pt-BR".into(), "  ".into());
        bad.documents = [("passport".to_owned(), String::new())].into();
        bad.min_age = "30".into();
        bad.residence = "maybe".into();
        bad.districts = "Sé\nSE".into();
        bad.time_zone = "Mars/Olympus".into();
        assert_eq!(
            fields(validate(&bad, zones)),
            [
                ("name-pt-BR".to_owned(), Problem::Required),
                ("documents".to_owned(), Problem::Required),
                (
                    "min_age".to_owned(),
                    Problem::OutOfRange { min: 14, max: 21 }
                ),
                ("residence".to_owned(), Problem::UnknownOption),
                ("districts".to_owned(), Problem::AlreadyUsed),
                ("time_zone".to_owned(), Problem::UnknownOption),
            ]
        );
    }

    #[test]
    fn unknown_languages_and_documents_are_refused() {
        let mut bad = form();
        bad.names.insert("xx".into(), "X".into());
        bad.documents.insert("library_card".into(), "on".into());
        bad.default_locale = "de".into();
        let problems = fields(validate(&bad, zones));
        assert!(problems.contains(&("names".to_owned(), Problem::UnknownOption)));
        assert!(problems.contains(&("documents".to_owned(), Problem::UnknownOption)));
        assert!(problems.contains(&("default_locale".to_owned(), Problem::UnknownOption)));
    }

    #[test]
    fn the_default_language_decides_which_name_is_required() {
        let mut arabic = form();
        arabic.default_locale = "ar".into();
        arabic.names.remove("pt-BR");
        let settings = validate(&arabic, zones).expect("valid");
        assert_eq!(
            settings.names.original(),
            Some(("ar", "المجلس البلدي للمهاجرين"))
        );
        arabic.default_locale = "es".into();
        assert_eq!(
            fields(validate(&arabic, zones)),
            [("name-es".to_owned(), Problem::Required)]
        );
    }

    proptest! {
        /// What the page shows of an organization is what saving it unchanged stores.
        #[test]
        fn settings_survive_the_form(
            districts in proptest::collection::vec("[a-zA-Z]{1,12}( [a-zA-Z]{1,12})?", 0..8),
            docs in proptest::sample::subsequence(DocumentType::ALL.to_vec(), 1..=DocumentType::ALL.len()),
            min_age in 14u8..=21,
            public in any::<bool>(),
        ) {
            let mut seen = Vec::new();
            let districts: Vec<String> = districts.into_iter().filter(|d| {
                let fresh = !seen.iter().any(|s: &String| same_district(s, d));
                if fresh { seen.push(d.clone()); }
                fresh
            }).collect();
            let settings = OrganizationSettings {
                names: Labels::parse([("es".to_owned(), "Instituto".to_owned())], NAME_MAX).expect("valid"),
                default_locale: "es".into(),
                rules: RegistrationRules {
                    accepted_documents: docs,
                    min_age,
                    residence_proof: ResidenceProof::Document,
                    districts,
                    time_zone: "America/Bogota".into(),
                },
                voter_list_public: public,
            };
            let organization = Organization {
                id: crate::platform::ids::OrganizationId(1),
                slug: "idpac".into(),
                name: settings.name().to_owned(),
                names: settings.names.clone(),
                default_locale: settings.default_locale.clone(),
                rules: settings.rules.clone(),
                voter_list_public: public,
            };
            prop_assert_eq!(validate(&OrganizationForm::of(&organization), zones), Ok(settings));
        }
    }
}
