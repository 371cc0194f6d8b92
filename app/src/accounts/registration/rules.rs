//! Registration rules (DOMAIN.md § Identity and eligibility) as pure functions: a form
//! goes in, a `Registration` with parsed values or every field error comes out.

use crate::accounts::countries::is_nationality_code;
use crate::accounts::types::{
    DocumentType, Field, FieldError, GenderIdentity, Problem, RegistrationForm, RegistrationRules,
    ResidenceProof,
};
use crate::calendar::Date;
use crate::i18n::Locale;
use crate::platform::text::{email, one_line};

pub const NAME_MAX: u16 = 80;
pub const MAX_NATIONALITIES: u8 = 3;
pub const OLDEST_PLAUSIBLE_AGE: i32 = 120;

/// A registration whose every field passed the rules.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Registration {
    pub display_name: String,
    #[serde(with = "locale_tag")]
    pub preferred_locale: Locale,
    pub nationalities: Vec<String>,
    pub birth_date: Date,
    pub district: String,
    pub gender: GenderIdentity,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub document_type: DocumentType,
    /// Normalized (see [`normalize_document_number`]); only ever stored as a keyed hash,
    /// and never serialized, so it cannot end up in a stored ceremony state or a log.
    #[serde(skip)]
    pub document_number: String,
}

mod locale_tag {
    use leptos_i18n::Locale as _;
    use serde::{Deserialize as _, Deserializer, Serializer};

    use crate::i18n::Locale;

    pub fn serialize<S: Serializer>(locale: &Locale, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(locale.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Locale, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(|_| serde::de::Error::custom("unknown locale"))
    }
}

/// Checks a form against an organization's rules on `today`.
pub fn validate_registration(
    form: &RegistrationForm,
    rules: &RegistrationRules,
    today: Date,
) -> Result<Registration, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut check = |field: Field, result: Result<(), Problem>| {
        if let Err(problem) = result {
            errors.push(FieldError { field, problem });
        }
    };

    let display_name = one_line(&form.display_name, NAME_MAX);
    check(
        Field::DisplayName,
        display_name.as_ref().map(|_| ()).map_err(|p| *p),
    );

    let preferred_locale = form.preferred_locale.parse::<Locale>().ok();
    check(
        Field::PreferredLocale,
        preferred_locale.map(|_| ()).ok_or(Problem::UnknownOption),
    );

    let nationalities = nationalities(&form.nationalities);
    check(
        Field::Nationalities,
        nationalities.as_ref().map(|_| ()).map_err(|p| *p),
    );

    let birth_date = birth_date(&form.birth_date, rules.min_age, today);
    check(Field::BirthDate, birth_date.map(|_| ()));

    let district = district(&form.district, &rules.districts);
    check(
        Field::District,
        district.as_ref().map(|_| ()).map_err(|p| *p),
    );

    let gender = required(&form.gender)
        .and_then(|code| GenderIdentity::from_code(code).ok_or(Problem::UnknownOption));
    check(Field::Gender, gender.map(|_| ()));

    let email = optional(&form.email, email);
    check(Field::Email, email.as_ref().map(|_| ()).map_err(|p| *p));

    let phone = optional(&form.phone, phone);
    check(Field::Phone, phone.as_ref().map(|_| ()).map_err(|p| *p));

    let document_type = required(&form.document_type).and_then(|code| {
        DocumentType::from_code(code)
            .filter(|d| rules.accepted_documents.contains(d))
            .ok_or(Problem::UnknownOption)
    });
    check(Field::DocumentType, document_type.map(|_| ()));

    let document_number = normalize_document_number(&form.document_number);
    check(
        Field::DocumentNumber,
        document_number.as_ref().map(|_| ()).map_err(|p| *p),
    );

    let declared =
        rules.residence_proof != ResidenceProof::SelfDeclaration || form.residence_declared;
    check(
        Field::ResidenceDeclared,
        if declared {
            Ok(())
        } else {
            Err(Problem::DeclarationRequired)
        },
    );

    match (
        display_name,
        preferred_locale,
        nationalities,
        birth_date,
        district,
        gender,
        email,
        phone,
        document_type,
        document_number,
    ) {
        (
            Ok(display_name),
            Some(preferred_locale),
            Ok(nationalities),
            Ok(birth_date),
            Ok(district),
            Ok(gender),
            Ok(email),
            Ok(phone),
            Ok(document_type),
            Ok(document_number),
        ) if errors.is_empty() => Ok(Registration {
            display_name,
            preferred_locale,
            nationalities,
            birth_date,
            district,
            gender,
            email,
            phone,
            document_type,
            document_number,
        }),
        _ => Err(errors),
    }
}

fn required(text: &str) -> Result<&str, Problem> {
    let text = text.trim();
    if text.is_empty() {
        Err(Problem::Required)
    } else {
        Ok(text)
    }
}

fn optional<T>(
    text: &str,
    parse: impl Fn(&str) -> Result<T, Problem>,
) -> Result<Option<T>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

fn nationalities(codes: &[String]) -> Result<Vec<String>, Problem> {
    let mut chosen: Vec<String> = Vec::new();
    for code in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if !is_nationality_code(code) {
            return Err(Problem::UnknownOption);
        }
        if !chosen.iter().any(|c| c == code) {
            chosen.push(code.to_owned());
        }
    }
    match chosen.len() {
        0 => Err(Problem::Required),
        n if n > usize::from(MAX_NATIONALITIES) => Err(Problem::TooMany {
            max: MAX_NATIONALITIES,
        }),
        _ => Ok(chosen),
    }
}

fn birth_date(text: &str, min_age: u8, today: Date) -> Result<Date, Problem> {
    let date: Date = required(text)?.parse().map_err(|_| Problem::InvalidDate)?;
    if date > today {
        return Err(Problem::FutureDate);
    }
    let age = date.age_on(today);
    if age > OLDEST_PLAUSIBLE_AGE {
        return Err(Problem::ImplausibleAge);
    }
    if age < i32::from(min_age) {
        return Err(Problem::UnderAge { min: min_age });
    }
    Ok(date)
}

fn district(text: &str, districts: &[String]) -> Result<String, Problem> {
    if districts.is_empty() {
        return one_line(text, NAME_MAX);
    }
    let text = required(text)?;
    districts
        .iter()
        .find(|d| d.as_str() == text)
        .cloned()
        .ok_or(Problem::UnknownOption)
}

/// International (E.164) shape: an optional `+`, then 8 to 15 digits; spaces, dots,
/// dashes and parentheses are dropped.
fn phone(text: &str) -> Result<String, Problem> {
    let (plus, rest) = match text.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => ("", text),
    };
    let mut digits = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '(' | ')' => {}
            _ => return Err(Problem::InvalidPhone),
        }
    }
    if (8..=15).contains(&digits.len()) {
        Ok(format!("{plus}{digits}"))
    } else {
        Err(Problem::InvalidPhone)
    }
}

/// The canonical form of a document number, so "AB 123.456-7" and "ab1234567" are the same
/// document: separators dropped, letters upper-cased, 3 to 30 letters and digits left.
pub fn normalize_document_number(text: &str) -> Result<String, Problem> {
    let mut normalized = String::new();
    for c in required(text)?.chars() {
        match c {
            c if c.is_ascii_alphanumeric() => normalized.push(c.to_ascii_uppercase()),
            ' ' | '.' | '-' | '/' => {}
            _ => return Err(Problem::InvalidDocumentNumber),
        }
    }
    if (3..=30).contains(&normalized.len()) {
        Ok(normalized)
    } else {
        Err(Problem::InvalidDocumentNumber)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> Date {
        "2026-11-23".parse().expect("date")
    }

    fn rules() -> RegistrationRules {
        RegistrationRules {
            accepted_documents: DocumentType::SAO_PAULO.to_vec(),
            min_age: 16,
            residence_proof: ResidenceProof::SelfDeclaration,
            districts: vec![],
            time_zone: "America/Sao_Paulo".into(),
        }
    }

    fn form() -> RegistrationForm {
        RegistrationForm {
            display_name: "  Marie-Ange   Joseph ".into(),
            preferred_locale: "ht".into(),
            nationalities: vec!["HT".into()],
            birth_date: "1990-04-12".into(),
            district: "Brás".into(),
            gender: "woman".into(),
            email: String::new(),
            phone: "+55 (11) 98765-4321".into(),
            document_type: "crnm_rne".into(),
            document_number: "v123456-7".into(),
            residence_declared: true,
            not_a_duplicate: false,
        }
    }

    fn problems(form: &RegistrationForm) -> Vec<(Field, Problem)> {
        match validate_registration(form, &rules(), today()) {
            Ok(_) => vec![],
            Err(errors) => errors.into_iter().map(|e| (e.field, e.problem)).collect(),
        }
    }

    #[test]
    fn the_document_number_never_serializes() {
        let registration = validate_registration(&form(), &rules(), today()).expect("valid");
        let json = serde_json::to_string(&registration).expect("json");
        assert!(!json.contains("V1234567"), "{json}");
        assert!(json.contains(r#""preferred_locale":"ht""#), "{json}");
        let back: Registration = serde_json::from_str(&json).expect("back");
        assert_eq!(back.document_number, "");
        assert_eq!(back.display_name, registration.display_name);
    }

    #[test]
    fn a_complete_form_without_email_is_accepted() {
        let registration = validate_registration(&form(), &rules(), today()).expect("valid");
        assert_eq!(registration.display_name, "Marie-Ange Joseph");
        assert_eq!(registration.preferred_locale, Locale::ht);
        assert_eq!(registration.phone.as_deref(), Some("+5511987654321"));
        assert_eq!(registration.email, None);
        assert_eq!(registration.document_number, "V1234567");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let empty = RegistrationForm::default();
        let found: Vec<Field> = problems(&empty).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            found,
            [
                Field::DisplayName,
                Field::PreferredLocale,
                Field::Nationalities,
                Field::BirthDate,
                Field::District,
                Field::Gender,
                Field::DocumentType,
                Field::DocumentNumber,
                Field::ResidenceDeclared
            ]
        );
    }

    #[test]
    fn age_limits() {
        let mut young = form();
        young.birth_date = "2010-11-24".into(); // 16 tomorrow
        assert_eq!(
            problems(&young),
            [(Field::BirthDate, Problem::UnderAge { min: 16 })]
        );
        young.birth_date = "2010-11-23".into(); // 16 today
        assert_eq!(problems(&young), []);
        young.birth_date = "2027-01-01".into();
        assert_eq!(problems(&young), [(Field::BirthDate, Problem::FutureDate)]);
        young.birth_date = "1890-01-01".into();
        assert_eq!(
            problems(&young),
            [(Field::BirthDate, Problem::ImplausibleAge)]
        );
        young.birth_date = "23/05/1990".into();
        assert_eq!(problems(&young), [(Field::BirthDate, Problem::InvalidDate)]);
    }

    #[test]
    fn markup_and_direction_tricks_are_refused_in_names() {
        for name in [
            "<script>alert(1)</script>",
            "Ana <b>",
            "Ana\u{202E}lasrever",
            "A\u{0007}na",
        ] {
            let mut f = form();
            f.display_name = name.into();
            assert_eq!(
                problems(&f),
                [(Field::DisplayName, Problem::ForbiddenCharacters)],
                "{name:?}"
            );
        }
        let mut long = form();
        long.display_name = "x".repeat(81);
        assert_eq!(
            problems(&long),
            [(Field::DisplayName, Problem::TooLong { max: 80 })]
        );
        let mut arabic = form();
        arabic.display_name = "محمد الأحمد".into();
        assert_eq!(problems(&arabic), []);
    }

    #[test]
    fn documents_must_be_on_the_organizations_list() {
        let mut f = form();
        f.document_type = "temporary_protection_permit".into(); // Colombian, not São Paulo's
        assert_eq!(
            problems(&f),
            [(Field::DocumentType, Problem::UnknownOption)]
        );
        f.document_type = "drivers_licence".into();
        assert_eq!(
            problems(&f),
            [(Field::DocumentType, Problem::UnknownOption)]
        );
    }

    #[test]
    fn nationalities_are_known_codes_without_repeats() {
        let mut f = form();
        f.nationalities = vec!["VE".into(), "CO".into(), "VE".into()];
        let r = validate_registration(&f, &rules(), today()).expect("valid");
        assert_eq!(r.nationalities, ["VE", "CO"]);
        f.nationalities = vec!["stateless".into()];
        assert_eq!(problems(&f), []);
        f.nationalities = vec!["ZZ".into()];
        assert_eq!(
            problems(&f),
            [(Field::Nationalities, Problem::UnknownOption)]
        );
        f.nationalities = vec!["VE".into(), "CO".into(), "HT".into(), "BO".into()];
        assert_eq!(
            problems(&f),
            [(Field::Nationalities, Problem::TooMany { max: 3 })]
        );
    }

    #[test]
    fn residence_declaration_follows_the_rule() {
        let mut f = form();
        f.residence_declared = false;
        assert_eq!(
            problems(&f),
            [(Field::ResidenceDeclared, Problem::DeclarationRequired)]
        );
        let by_document = RegistrationRules {
            residence_proof: ResidenceProof::Document,
            ..rules()
        };
        assert!(validate_registration(&f, &by_document, today()).is_ok());
    }

    #[test]
    fn districts_come_from_the_list_when_there_is_one() {
        let listed = RegistrationRules {
            districts: vec!["Sé".into(), "Mooca".into()],
            ..rules()
        };
        let mut f = form();
        assert!(validate_registration(&f, &listed, today()).is_err());
        f.district = "Mooca".into();
        assert!(validate_registration(&f, &listed, today()).is_ok());
    }

    #[test]
    fn contact_details_are_checked_when_given() {
        let mut f = form();
        f.email = "maria@example".into();
        f.phone = "12".into();
        assert_eq!(
            problems(&f),
            [
                (Field::Email, Problem::InvalidEmail),
                (Field::Phone, Problem::InvalidPhone)
            ]
        );
        f.email = "Maria@Example.org".into();
        f.phone = String::new();
        let r = validate_registration(&f, &rules(), today()).expect("valid");
        assert_eq!(r.email.as_deref(), Some("maria@example.org"));
    }

    proptest! {
        #[test]
        fn document_numbers_normalize_idempotently(text in "[A-Za-z0-9 .\\-/]{0,40}") {
            if let Ok(once) = normalize_document_number(&text) {
                prop_assert_eq!(normalize_document_number(&once), Ok(once.clone()));
                prop_assert!(once.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
            }
        }

        #[test]
        fn separators_and_case_never_make_a_new_document(digits in "[0-9A-Z]{3,20}") {
            let spaced: String = digits.chars().flat_map(|c| [c.to_ascii_lowercase(), ' ']).collect();
            prop_assert_eq!(normalize_document_number(&spaced), Ok(digits));
        }

        #[test]
        fn accepted_names_are_clean(name in "\\PC{0,100}") {
            if let Ok(clean) = one_line(&name, NAME_MAX) {
                prop_assert!(!clean.contains('<') && !clean.contains('>'));
                prop_assert!(clean.chars().count() <= 80);
                prop_assert_eq!(clean.trim(), clean.as_str());
            }
        }

        #[test]
        fn validation_never_panics(name in ".{0,90}", date in ".{0,12}", number in ".{0,40}") {
            let mut f = form();
            f.display_name = name;
            f.birth_date = date;
            f.document_number = number;
            let _ = validate_registration(&f, &rules(), today());
        }
    }
}
