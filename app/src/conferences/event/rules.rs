//! What an event is and how its registration form is checked, pure.

use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::error::{FieldProblem, Problem};
use crate::platform::ids::{ConferenceId, EventId};
use crate::platform::text::labels::is_language_tag;
use crate::platform::text::one_line;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Official, regional, created by the organizers.
    PreConference,
    /// Registered by a civil-society group, approved by the organizers.
    FreeConference,
}

crate::platform::codes::text_codes!(EventKind {
    PreConference => "pre_conference",
    FreeConference => "free_conference",
});

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// Registered, waiting for the organizers.
    Pending,
    /// Part of the conference: public, takes participants and proposals.
    Approved,
    /// Sent back with what to fix; the group corrects and sends it again.
    Returned,
    /// Not part of the conference (the reason is shown to the group).
    Refused,
}

crate::platform::codes::text_codes!(EventStatus {
    Pending => "pending",
    Approved => "approved",
    Returned => "returned",
    Refused => "refused",
});

/// An event as stored and shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub conference: ConferenceId,
    pub slug: String,
    pub kind: EventKind,
    pub name: String,
    pub organizer: String,
    pub held_on: Date,
    pub place: Option<String>,
    pub online_link: Option<String>,
    pub expected_audience: i64,
    pub languages: Vec<String>,
    pub status: EventStatus,
    pub status_reason: Option<String>,
}

/// The registration form as typed (a free conference's public form; the organizers'
/// form for a pre-conference).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventForm {
    pub name: String,
    pub organizer: String,
    pub held_on: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub online_link: String,
    pub expected_audience: String,
    #[serde(default)]
    pub languages: Vec<String>,
}

/// A checked registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEvent {
    pub name: String,
    pub organizer: String,
    pub held_on: Date,
    pub place: Option<String>,
    pub online_link: Option<String>,
    pub expected_audience: i64,
    pub languages: Vec<String>,
}

const MAX_AUDIENCE: u16 = 10_000;

/// Checks a registration: names are lines of text; the day falls within the edition's
/// dates; a place, an online link (`https://`), or both; an expected audience of
/// 1–10,000; 1–6 languages spoken, each once. Every problem is reported with its field.
pub fn validate_event(
    form: &EventForm,
    starts_on: Date,
    ends_on: Date,
) -> Result<NewEvent, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut field = |name: &str, problem: Problem| {
        problems.push(FieldProblem {
            field: name.to_owned(),
            problem,
        });
    };
    let name = one_line(&form.name, 120).map_err(|p| field("name", p)).ok();
    let organizer = one_line(&form.organizer, 120)
        .map_err(|p| field("organizer", p))
        .ok();
    let held_on = match form.held_on.trim().parse::<Date>() {
        Ok(day) if day < starts_on || day > ends_on => {
            field("held_on", Problem::InvalidDate);
            None
        }
        Ok(day) => Some(day),
        Err(_) if form.held_on.trim().is_empty() => {
            field("held_on", Problem::Required);
            None
        }
        Err(_) => {
            field("held_on", Problem::InvalidDate);
            None
        }
    };
    let place = optional_line(&form.place, 200).map_err(|p| field("place", p));
    let online_link = online_link(&form.online_link).map_err(|p| field("online_link", p));
    if let (Ok(None), Ok(None)) = (&place, &online_link) {
        field("place", Problem::Required);
    }
    let expected_audience = match form.expected_audience.trim().parse::<i64>() {
        Ok(n) if (1..=i64::from(MAX_AUDIENCE)).contains(&n) => Some(n),
        _ => {
            field(
                "expected_audience",
                Problem::OutOfRange {
                    min: 1,
                    max: MAX_AUDIENCE,
                },
            );
            None
        }
    };
    let languages = languages(&form.languages)
        .map_err(|p| field("languages", p))
        .ok();
    match (
        name,
        organizer,
        held_on,
        place,
        online_link,
        expected_audience,
        languages,
    ) {
        (
            Some(name),
            Some(organizer),
            Some(held_on),
            Ok(place),
            Ok(online_link),
            Some(expected_audience),
            Some(languages),
        ) if problems.is_empty() => Ok(NewEvent {
            name,
            organizer,
            held_on,
            place,
            online_link,
            expected_audience,
            languages,
        }),
        _ => Err(problems),
    }
}

fn optional_line(text: &str, max: u16) -> Result<Option<String>, Problem> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    one_line(text, max).map(Some)
}

/// An online meeting's address: `https://`, a host, no spaces, at most 300 characters.
fn online_link(text: &str) -> Result<Option<String>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let host = text.strip_prefix("https://").unwrap_or_default();
    let host = host.split(['/', '?', '#']).next().unwrap_or_default();
    let plausible = !host.is_empty()
        && host.contains('.')
        && text.len() <= 300
        && !text
            .chars()
            .any(|c| c.is_whitespace() || crate::platform::text::is_forbidden_char(c));
    if plausible {
        Ok(Some(text.to_owned()))
    } else {
        Err(Problem::ForbiddenCharacters)
    }
}

fn languages(chosen: &[String]) -> Result<Vec<String>, Problem> {
    let mut out: Vec<String> = Vec::new();
    for lang in chosen.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        if !is_language_tag(lang) {
            return Err(Problem::UnknownOption);
        }
        if !out.iter().any(|l| l == lang) {
            out.push(lang.to_owned());
        }
    }
    match out.len() {
        0 => Err(Problem::Required),
        n if n > 6 => Err(Problem::TooMany { max: 6 }),
        _ => Ok(out),
    }
}

/// An address part made from an event's name: lowercase ASCII letters and digits joined
/// by dashes, accents dropped ("Pré-conferência Zona Sul" → `pre-conferencia-zona-sul`),
/// at most 40 characters; `evento` when nothing is left (a name in Arabic script). The
/// store adds `-2`, `-3`… when taken.
pub fn slug_from_name(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "evento".to_owned()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(text: &str) -> Date {
        text.parse().expect("date")
    }

    fn form() -> EventForm {
        EventForm {
            name: "Conferência Livre dos Haitianos".into(),
            organizer: "Coletivo Haiti SP".into(),
            held_on: "2019-08-10".into(),
            place: "Missão Paz, Glicério".into(),
            online_link: String::new(),
            expected_audience: "40".into(),
            languages: vec!["pt-BR".into(), "ht".into(), "fr".into()],
        }
    }

    fn check(form: &EventForm) -> Result<NewEvent, Vec<FieldProblem>> {
        validate_event(form, day("2019-06-01"), day("2019-09-30"))
    }

    fn fields(form: &EventForm) -> Vec<String> {
        check(form)
            .expect_err("refused")
            .into_iter()
            .map(|p| p.field)
            .collect()
    }

    #[test]
    fn a_good_registration_is_kept_as_typed() {
        let event = check(&form()).expect("valid");
        assert_eq!(event.held_on, day("2019-08-10"));
        assert_eq!(event.languages, ["pt-BR", "ht", "fr"]);
        assert_eq!(event.place.as_deref(), Some("Missão Paz, Glicério"));
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = EventForm {
            name: " ".into(),
            organizer: "<b>x</b>".into(),
            held_on: "2020-01-01".into(),
            place: String::new(),
            online_link: "javascript:alert(1)".into(),
            expected_audience: "0".into(),
            languages: vec!["not a tag".into()],
        };
        assert_eq!(
            fields(&bad),
            [
                "name",
                "organizer",
                "held_on",
                "online_link",
                "expected_audience",
                "languages"
            ]
        );
        let nowhere = EventForm {
            place: String::new(),
            ..form()
        };
        assert_eq!(fields(&nowhere), ["place"]);
        let online = EventForm {
            place: String::new(),
            online_link: "https://meet.example.org/conf".into(),
            ..form()
        };
        assert!(check(&online).is_ok());
    }

    #[test]
    fn slugs_are_made_from_names() {
        assert_eq!(
            slug_from_name("Pré-conferência Zona Sul"),
            "pre-conferencia-zona-sul"
        );
        assert_eq!(slug_from_name("مؤتمر"), "evento");
        assert_eq!(slug_from_name("  São Paulo — 2019 "), "sao-paulo-2019");
    }

    proptest! {
        #[test]
        fn any_name_gives_an_address(name in "\\PC{0,80}") {
            let slug = slug_from_name(&name);
            prop_assert!(crate::conferences::edition::rules::is_slug(&slug), "{:?}", slug);
        }
    }
}
