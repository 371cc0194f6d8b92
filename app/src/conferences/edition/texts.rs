//! An edition's texts after its creation: its name, its themes' names and its levels of
//! government, each in the edition's own language (required) and in Voz's others
//! (optional: readers see their language when given, else the original). In each
//! language the themes and the levels are one per line, in order; a translation may stop
//! early (the ones left out show the original), the edition's own language may not. Levels are
//! listed by code, one per line, in the order forms offer them; a level a proposal is
//! addressed to cannot be removed. The number of themes is fixed at creation (proposals
//! are filed under them); their names can be corrected and translated. Pure.

use std::collections::BTreeMap;

use leptos_i18n::Locale as _;
use serde::{Deserialize, Serialize};

use crate::conferences::edition::rules::{Conference, Level, Theme, is_slug};
use crate::error::{FieldProblem, Problem};
use crate::locale::SWITCHER_ORDER;
use crate::platform::text::labels::Labels;
use crate::platform::text::one_line;

/// The texts form as typed; each map is keyed by language tag (`form[names][pt-BR]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TextsForm {
    pub names: BTreeMap<String, String>,
    /// The themes' names in each language, one per line, in the themes' order.
    pub themes: BTreeMap<String, String>,
    /// The levels' names in each language, one per line, in the codes' order.
    pub levels: BTreeMap<String, String>,
    /// The levels' codes, one per line (`municipal`).
    pub codes: String,
}

/// The texts as checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionTexts {
    pub names: Labels,
    /// One per theme, in order.
    pub themes: Vec<Labels>,
    pub levels: Vec<Level>,
}

const NAME_MAX: u16 = 120;
const THEME_MAX: u16 = 200;
const LEVEL_MAX: u16 = 80;
const MAX_LEVELS: usize = 10;

/// The field of language `lang`'s `part` in refusals: `themes-ar`.
pub fn field_of(part: &str, lang: &str) -> String {
    format!("{part}-{lang}")
}

/// Voz's languages with `original` first.
fn languages(original: &str) -> Vec<&'static str> {
    let mut all: Vec<&'static str> = SWITCHER_ORDER.iter().map(|l| l.as_str()).collect();
    if let Some(at) = all.iter().position(|l| *l == original) {
        let first = all.remove(at);
        all.insert(0, first);
    }
    all
}

/// The form showing an edition's current texts.
pub fn form_of(conference: &Conference, themes: &[Theme]) -> TextsForm {
    let mut form = TextsForm {
        codes: conference
            .levels
            .iter()
            .map(|l| l.code.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        ..TextsForm::default()
    };
    for lang in SWITCHER_ORDER.iter().map(|l| l.as_str()) {
        let exact = |labels: &Labels| {
            labels
                .iter()
                .find(|(l, _)| *l == lang)
                .map(|(_, t)| t.to_owned())
        };
        if let Some(name) = exact(&conference.names) {
            form.names.insert(lang.to_owned(), name);
        }
        // The translated lines up to the first one missing (a translation stops early).
        let lines = |all: Vec<Option<String>>| {
            let given: Vec<String> = all.into_iter().map_while(|line| line).collect();
            (!given.is_empty()).then(|| given.join("\n"))
        };
        if let Some(text) = lines(themes.iter().map(|t| exact(&t.names)).collect()) {
            form.themes.insert(lang.to_owned(), text);
        }
        if let Some(text) = lines(conference.levels.iter().map(|l| exact(&l.names)).collect()) {
            form.levels.insert(lang.to_owned(), text);
        }
    }
    form
}

/// Checks the form against the edition's `original` language, its number of themes and
/// the level codes its proposals use. Every field's problem is named.
pub fn validate_texts(
    form: &TextsForm,
    original: &str,
    theme_count: usize,
    codes_in_use: &[String],
) -> Result<EditionTexts, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut field =
        |field: String, problem: Problem| problems.push(FieldProblem { field, problem });
    let langs = languages(original);
    for lang in form
        .names
        .keys()
        .chain(form.themes.keys())
        .chain(form.levels.keys())
    {
        if !langs.contains(&lang.as_str()) {
            field("names".into(), Problem::UnknownOption);
        }
    }

    let codes: Vec<String> = form
        .codes
        .lines()
        .map(|c| c.trim().to_lowercase())
        .filter(|c| !c.is_empty())
        .collect();
    let mut unique = codes.clone();
    unique.sort_unstable();
    unique.dedup();
    if codes.is_empty() {
        field("codes".into(), Problem::Required);
    } else if codes.len() > MAX_LEVELS {
        field(
            "codes".into(),
            Problem::TooMany {
                max: MAX_LEVELS as u8,
            },
        );
    } else if !codes.iter().all(|c| is_slug(c)) {
        field("codes".into(), Problem::ForbiddenCharacters);
    } else if unique.len() != codes.len() {
        field("codes".into(), Problem::AlreadyUsed);
    } else if codes_in_use.iter().any(|c| !codes.contains(c)) {
        field("codes".into(), Problem::StillInUse);
    }

    let mut names = Vec::new();
    let mut themes: Vec<Vec<(String, String)>> = vec![Vec::new(); theme_count];
    let mut levels: Vec<Vec<(String, String)>> = vec![Vec::new(); codes.len()];
    for (index, &lang) in langs.iter().enumerate() {
        let required = index == 0;
        let name = form.names.get(lang).map_or("", String::as_str);
        if required || !name.trim().is_empty() {
            match one_line(name, NAME_MAX) {
                Ok(name) => names.push((lang.to_owned(), name)),
                Err(p) => field(field_of("names", lang), p),
            }
        }
        let mut per_line = |part: &str,
                            text: &str,
                            count: usize,
                            max: u16,
                            into: &mut Vec<Vec<(String, String)>>| {
            let lines: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            if lines.is_empty() && !required {
                return;
            }
            if lines.len() > count || (required && lines.len() != count) {
                field(
                    field_of(part, lang),
                    Problem::LineCount {
                        expected: count.min(255) as u8,
                    },
                );
                return;
            }
            for (at, line) in lines.into_iter().enumerate() {
                match one_line(line, max) {
                    Ok(text) => into[at].push((lang.to_owned(), text)),
                    Err(p) => {
                        field(field_of(part, lang), p);
                        return;
                    }
                }
            }
        };
        per_line(
            "themes",
            form.themes.get(lang).map_or("", String::as_str),
            theme_count,
            THEME_MAX,
            &mut themes,
        );
        per_line(
            "levels",
            form.levels.get(lang).map_or("", String::as_str),
            codes.len(),
            LEVEL_MAX,
            &mut levels,
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(EditionTexts {
        names: Labels::from_pairs(names),
        themes: themes.into_iter().map(Labels::from_pairs).collect(),
        levels: codes
            .into_iter()
            .zip(levels)
            .map(|(code, names)| Level {
                code,
                names: Labels::from_pairs(names),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;
    use crate::conferences::edition::rules::{Phase, default_levels};
    use crate::platform::ids::{ConferenceId, OrganizationId};
    use proptest::prelude::*;

    fn edition(names: Labels, levels: Vec<Level>) -> Conference {
        Conference {
            id: ConferenceId(1),
            organization: OrganizationId(1),
            slug: "conf-2027".into(),
            names,
            starts_on: "2027-03-01".parse::<Date>().expect("date"),
            ends_on: "2027-11-30".parse::<Date>().expect("date"),
            levels,
            phase: Phase::Preparation,
        }
    }

    fn themes(names: &[&str]) -> Vec<Theme> {
        names
            .iter()
            .enumerate()
            .map(|(at, n)| Theme {
                number: at as i64 + 1,
                names: Labels::from_pairs([("pt-BR", *n)]),
            })
            .collect()
    }

    fn fields(result: Result<EditionTexts, Vec<FieldProblem>>) -> Vec<String> {
        result
            .expect_err("refused")
            .into_iter()
            .map(|p| p.field)
            .collect()
    }

    #[test]
    fn translations_are_added_and_levels_renamed() {
        let conference = edition(
            Labels::from_pairs([("pt-BR", "2ª Conferência")]),
            default_levels(),
        );
        let themes = themes(&["Trabalho", "Saúde"]);
        let mut form = form_of(&conference, &themes);
        form.names.insert("es".into(), "2ª Conferencia".into());
        form.themes.insert("es".into(), "Trabajo\nSalud".into());
        form.themes.insert("ar".into(), "العمل".into());
        form.codes.push_str("\nregional");
        form.levels.insert(
            "pt-BR".into(),
            "Municipal\nEstadual\nFederal\nRegional".into(),
        );
        let texts = validate_texts(&form, "pt-BR", 2, &["municipal".into()]).expect("valid");
        assert_eq!(texts.names.text("es"), Some("2ª Conferencia"));
        assert_eq!(texts.themes[1].text("es"), Some("Salud"));
        assert_eq!(texts.themes[0].text("ar"), Some("العمل"));
        assert_eq!(
            texts.themes[1].text("ar"),
            Some("Saúde"),
            "a translation may stop early"
        );
        assert_eq!(texts.levels.len(), 4);
        assert_eq!(texts.levels[3].code, "regional");
        assert_eq!(
            texts.levels[3].names.iter().count(),
            1,
            "not yet translated"
        );
        assert_eq!(texts.levels[2].names.text("ar"), Some("اتحادي"));
    }

    #[test]
    fn every_bad_field_is_named() {
        let conference = edition(
            Labels::from_pairs([("pt-BR", "2ª Conferência")]),
            default_levels(),
        );
        let mut form = form_of(&conference, &themes(&["Trabalho", "Saúde"]));
        form.names.insert("pt-BR".into(), " ".into());
        form.themes.insert("ar".into(), "عمل\nصحة\nسكن".into());
        form.codes = "municipal\nMunicipal".into();
        assert_eq!(
            fields(validate_texts(&form, "pt-BR", 2, &[])),
            [
                "codes",
                "names-pt-BR",
                "levels-pt-BR",
                "levels-es",
                "levels-en",
                "levels-fr",
                "levels-ht",
                "themes-ar",
                "levels-ar"
            ]
        );
        let mut removed = form_of(&conference, &themes(&["Trabalho", "Saúde"]));
        removed.codes = "municipal\nstate".into();
        for text in removed.levels.values_mut() {
            *text = text.lines().take(2).collect::<Vec<_>>().join("\n");
        }
        assert_eq!(
            fields(validate_texts(&removed, "pt-BR", 2, &["federal".into()])),
            ["codes"]
        );
    }

    /// A line as stored: words separated by single spaces (the form collapses the rest).
    fn line() -> impl Strategy<Value = String> {
        "[A-Za-zÀ-ÿ0-9]{1,8}( [A-Za-zÀ-ÿ0-9]{1,8}){0,3}"
    }

    proptest! {
        /// Whatever an edition's texts are, its form sends them back unchanged.
        #[test]
        fn the_form_gives_back_the_texts(
            name in line(),
            translated in proptest::option::of(line()),
            theme_names in proptest::collection::vec(line(), 1..6),
        ) {
            let mut names = vec![("pt-BR".to_owned(), name)];
            if let Some(t) = translated {
                names.push(("ar".to_owned(), t));
            }
            let conference = edition(Labels::from_pairs(names), default_levels());
            let themes: Vec<Theme> = theme_names.iter().enumerate().map(|(at, n)| Theme {
                number: at as i64 + 1,
                names: Labels::from_pairs([("pt-BR", n.clone())]),
            }).collect();
            let texts = validate_texts(&form_of(&conference, &themes), "pt-BR", themes.len(), &[]).expect("valid");
            prop_assert_eq!(texts.names, conference.names);
            prop_assert_eq!(texts.themes, themes.into_iter().map(|t| t.names).collect::<Vec<_>>());
            prop_assert_eq!(texts.levels, conference.levels);
        }
    }
}
