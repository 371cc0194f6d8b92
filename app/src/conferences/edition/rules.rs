//! An edition's phases and what each allows, its themes and levels (DOMAIN.md § Process 2).

use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::platform::ids::{ConferenceId, OrganizationId};
use crate::platform::text::labels::Labels;

/// An edition's calendar, in its only order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Being set up by the organizers; not public.
    Draft,
    /// Public: pre-conferences are announced and civil-society groups register free
    /// conferences.
    Preparation,
    /// Events take place: participants check in, write, discuss, support and prioritise
    /// proposals, and elect delegates.
    Events,
    /// The systematization team merges and codes the events' proposals.
    Consolidation,
    /// Delegates vote on the consolidated proposals and motions.
    Plenary,
    /// Approved proposals become the plan's actions and indicators.
    Plan,
    /// The plan is carried out; its progress is published.
    Monitoring,
}

crate::platform::codes::text_codes!(Phase {
    Draft => "draft",
    Preparation => "preparation",
    Events => "events",
    Consolidation => "consolidation",
    Plenary => "plenary",
    Plan => "plan",
    Monitoring => "monitoring",
});

impl Phase {
    /// Everything but the draft is public.
    pub fn public(self) -> bool {
        self > Self::Draft
    }

    /// Free conferences register while events are still being prepared or held.
    pub fn takes_free_conferences(self) -> bool {
        matches!(self, Self::Preparation | Self::Events)
    }

    /// Participants register, check in and write proposals only while events are held.
    pub fn events_open(self) -> bool {
        self == Self::Events
    }

    /// The systematization team works only in its phase.
    pub fn allows_consolidation(self) -> bool {
        self == Self::Consolidation
    }

    /// Counts "after consolidation" mean something from the end of it on.
    pub fn consolidated(self) -> bool {
        self > Self::Consolidation
    }
}

/// A level of government a proposal is addressed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    /// `municipal`, `state`, `federal`, or one the organizers add.
    pub code: String,
    pub names: Labels,
}

/// A theme (eixo), numbered from 1 in the edition's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub number: i64,
    pub names: Labels,
}

impl Theme {
    /// `E3`: how codes and lists name the theme.
    pub fn code(number: i64) -> String {
        format!("E{number}")
    }

    /// The number of one of `themes` as a form sends it (`"3"`); `None` for anything else.
    pub fn pick(text: &str, themes: &[Theme]) -> Option<i64> {
        text.trim()
            .parse::<i64>()
            .ok()
            .filter(|n| themes.iter().any(|t| t.number == *n))
    }
}

/// An edition as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conference {
    pub id: ConferenceId,
    pub organization: OrganizationId,
    pub slug: String,
    pub names: Labels,
    pub starts_on: Date,
    pub ends_on: Date,
    pub levels: Vec<Level>,
    pub phase: Phase,
}

impl Conference {
    /// The edition as a process of the platform (its audit entries, its timeline).
    pub fn process(&self) -> crate::platform::audit::event::Process {
        crate::platform::audit::event::Process::Conference(self.id)
    }

    pub fn level(&self, code: &str) -> Option<&Level> {
        self.levels.iter().find(|level| level.code == code)
    }
}

/// Municipal, state and federal, named in Voz's languages: the default levels of a new
/// edition (organizers may add or rename).
pub fn default_levels() -> Vec<Level> {
    let level = |code: &str, names: [(&str, &str); 6]| Level {
        code: code.to_owned(),
        names: Labels::from_pairs(names),
    };
    vec![
        level(
            "municipal",
            [
                ("pt-BR", "Municipal"),
                ("es", "Municipal"),
                ("en", "Municipal"),
                ("fr", "Municipal"),
                ("ht", "Minisipal"),
                ("ar", "بلدي"),
            ],
        ),
        level(
            "state",
            [
                ("pt-BR", "Estadual"),
                ("es", "Estatal"),
                ("en", "State"),
                ("fr", "État fédéré"),
                ("ht", "Eta"),
                ("ar", "الولاية"),
            ],
        ),
        level(
            "federal",
            [
                ("pt-BR", "Federal"),
                ("es", "Federal"),
                ("en", "Federal"),
                ("fr", "Fédéral"),
                ("ht", "Federal"),
                ("ar", "اتحادي"),
            ],
        ),
    ]
}

/// A new edition, checked: the slug as elections' (lowercase letters, digits, dashes),
/// the last day not before the first, at least one theme and one level, level codes
/// once each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewConference {
    pub slug: String,
    pub names: Labels,
    pub starts_on: Date,
    pub ends_on: Date,
    pub themes: Vec<Labels>,
    pub levels: Vec<Level>,
}

/// Why a new edition was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditionProblem {
    #[error("the address must be 1–40 lowercase letters, digits and dashes")]
    Slug,
    #[error("the last day is before the first")]
    Dates,
    #[error("an edition has 1 to 20 themes")]
    Themes,
    #[error("an edition has at least one level of government, each code once")]
    Levels,
}

impl NewConference {
    pub fn check(&self) -> Result<(), EditionProblem> {
        if !is_slug(&self.slug) {
            return Err(EditionProblem::Slug);
        }
        if self.ends_on < self.starts_on {
            return Err(EditionProblem::Dates);
        }
        if self.themes.is_empty() || self.themes.len() > 20 {
            return Err(EditionProblem::Themes);
        }
        let mut codes: Vec<&str> = self.levels.iter().map(|l| l.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        if codes.is_empty() || codes.len() != self.levels.len() || !codes.iter().all(|c| is_slug(c))
        {
            return Err(EditionProblem::Levels);
        }
        Ok(())
    }
}

/// The new-edition form as typed: its name in the organization's language, address,
/// first and last day, and its themes one per line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EditionForm {
    pub name: String,
    pub slug: String,
    pub starts_on: String,
    pub ends_on: String,
    pub themes: String,
}

/// Checks the form into a new edition written in `language`, with the default levels of
/// government. Every field's problem is named.
pub fn validate_edition(
    form: &EditionForm,
    language: &str,
) -> Result<NewConference, Vec<crate::error::FieldProblem>> {
    use crate::error::{FieldProblem, Problem};
    use crate::platform::text::one_line;
    let mut problems = Vec::new();
    let mut field = |name: &str, problem: Problem| {
        problems.push(FieldProblem {
            field: name.to_owned(),
            problem,
        });
    };
    let name = one_line(&form.name, 120).map_err(|p| field("name", p)).ok();
    let slug = form.slug.trim().to_lowercase();
    if slug.is_empty() {
        field("slug", Problem::Required);
    } else if !is_slug(&slug) {
        field("slug", Problem::ForbiddenCharacters);
    }
    let mut day = |name: &str, text: &str| match text.trim() {
        "" => {
            field(name, Problem::Required);
            None
        }
        text => text
            .parse::<Date>()
            .map_err(|_| field(name, Problem::InvalidDate))
            .ok(),
    };
    let starts_on = day("starts_on", &form.starts_on);
    let ends_on = day("ends_on", &form.ends_on);
    if let (Some(starts), Some(ends)) = (starts_on, ends_on)
        && ends < starts
    {
        field("ends_on", Problem::InvalidDate);
    }
    let lines: Vec<&str> = form
        .themes
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut themes = Vec::new();
    if lines.is_empty() {
        field("themes", Problem::Required);
    } else if lines.len() > 20 {
        field("themes", Problem::TooMany { max: 20 });
    } else {
        for line in lines {
            match one_line(line, 200) {
                Ok(theme) => themes.push(Labels::from_pairs([(language, theme)])),
                Err(p) => {
                    field("themes", p);
                    break;
                }
            }
        }
    }
    match (name, starts_on, ends_on) {
        (Some(name), Some(starts_on), Some(ends_on)) if problems.is_empty() => Ok(NewConference {
            slug,
            names: Labels::from_pairs([(language, name)]),
            starts_on,
            ends_on,
            themes,
            levels: default_levels(),
        }),
        _ => Err(problems),
    }
}

pub use crate::platform::codes::is_slug;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::codes::Coded;

    #[test]
    fn a_new_edition_is_checked_field_by_field() {
        let form = EditionForm {
            name: "3ª Conferência Municipal".into(),
            slug: "Conf-2029".into(),
            starts_on: "2029-06-01".into(),
            ends_on: "2029-11-30".into(),
            themes: "Participação social\n\n  Trabalho e renda \n".into(),
        };
        let new = validate_edition(&form, "pt-BR").expect("valid");
        assert_eq!(new.slug, "conf-2029");
        assert_eq!(new.themes.len(), 2);
        assert!(new.check().is_ok());
        let bad = EditionForm {
            name: String::new(),
            slug: "conf 2029".into(),
            starts_on: "2029-06-01".into(),
            ends_on: "2029-05-01".into(),
            themes: (0..21).map(|n| format!("Eixo {n}\n")).collect(),
        };
        let fields: Vec<String> = validate_edition(&bad, "pt-BR")
            .expect_err("refused")
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["name", "slug", "ends_on", "themes"]);
    }

    #[test]
    fn phases_go_in_the_conference_order() {
        let codes: Vec<&str> = Phase::all().iter().map(|p| p.code()).collect();
        assert_eq!(
            codes,
            [
                "draft",
                "preparation",
                "events",
                "consolidation",
                "plenary",
                "plan",
                "monitoring"
            ]
        );
        assert!(!Phase::Draft.public());
        assert!(Phase::Preparation.public());
        assert!(Phase::Preparation.takes_free_conferences());
        assert!(!Phase::Consolidation.takes_free_conferences());
        assert!(Phase::Plenary.consolidated() && !Phase::Consolidation.consolidated());
    }

    #[test]
    fn default_levels_are_named_in_every_language() {
        let levels = default_levels();
        assert_eq!(levels.len(), 3);
        for level in &levels {
            for lang in ["pt-BR", "en", "es", "fr", "ht", "ar"] {
                assert!(
                    level.names.iter().any(|(l, _)| l == lang),
                    "{} {lang}",
                    level.code
                );
            }
        }
    }

    #[test]
    fn a_new_edition_is_checked() {
        let date = |d: &str| d.parse::<Date>().expect("valid in the test");
        let good = NewConference {
            slug: "conf-2019".into(),
            names: Labels::from_pairs([("pt-BR", "Conferência 2019")]),
            starts_on: date("2019-06-01"),
            ends_on: date("2019-11-30"),
            themes: vec![Labels::from_pairs([("pt-BR", "Saúde")])],
            levels: default_levels(),
        };
        assert_eq!(good.check(), Ok(()));
        let bad = |change: fn(&mut NewConference), problem| {
            let mut form = good.clone();
            change(&mut form);
            assert_eq!(form.check(), Err(problem));
        };
        bad(|f| f.slug = "Conf 2019".into(), EditionProblem::Slug);
        bad(|f| f.slug = "-x".into(), EditionProblem::Slug);
        bad(
            |f| f.ends_on = "2019-05-01".parse().expect("valid in the test"),
            EditionProblem::Dates,
        );
        bad(|f| f.themes.clear(), EditionProblem::Themes);
        bad(|f| f.levels.clear(), EditionProblem::Levels);
        bad(
            |f| f.levels.push(default_levels().remove(0)),
            EditionProblem::Levels,
        );
    }
}
