//! A new election as the commission configures it (its segments laid out from the CMI
//! template or its own, `segments`), checked field by field. Pure: the server calls it,
//! the tests read like the form.

use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::elections::election::segments::{SegmentForm, validate_segments};
use crate::elections::election::settings::DEFAULT_MIN_GROUP_SIZE;
use crate::elections::election::settings::{ElectionSettings, InPersonDay, Station};
use crate::error::{FieldProblem, Problem};
use crate::platform::text::one_line;
use crate::results::count::{
    ElectionConfig, ParityConfig, ParityScope, ReceiptMode, SegmentConfig, TieBreak,
};

/// The form, every field a string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionForm {
    pub title: String,
    pub slug: String,
    /// The segments, one row each (`segments::SegmentForm`).
    #[serde(default)]
    pub segments: Vec<SegmentForm>,
    pub max_choices: String,
    pub extra_seats: String,
    /// Percent of each group that must be in the parity group, e.g. "50".
    pub parity_percent: String,
    /// `election` or `segment`.
    pub parity_scope: String,
    pub min_voter_age: String,
    /// YYYY-MM-DD, both or neither.
    pub online_from: String,
    pub online_to: String,
    /// YYYY-MM-DD, HH:MM, HH:MM; the day empty for no in-person voting.
    pub in_person_date: String,
    pub opens: String,
    pub closes: String,
    /// One station per line: `name | address | region`.
    pub stations: String,
    /// `separate` (default) or `paired`: see `ReceiptMode`.
    #[serde(default)]
    pub receipts: String,
    /// The smallest group any published figure may describe (default 10).
    #[serde(default)]
    pub min_group_size: String,
}

/// What the form becomes: the count's configuration (no candidates yet: they come from
/// the final list) and the settings.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidElection {
    pub title: String,
    pub slug: String,
    pub config: ElectionConfig,
    pub settings: ElectionSettings,
}

fn problem(field: &str, problem: Problem) -> FieldProblem {
    FieldProblem {
        field: field.to_owned(),
        problem,
    }
}

fn number(text: &str, field: &str, min: u32, max: u32, errors: &mut Vec<FieldProblem>) -> u32 {
    match text.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => n,
        _ if text.trim().is_empty() => {
            errors.push(problem(field, Problem::Required));
            0
        }
        _ => {
            errors.push(problem(
                field,
                Problem::OutOfRange {
                    min: min as u16,
                    max: max as u16,
                },
            ));
            0
        }
    }
}

fn time(text: &str) -> Option<String> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// Checks the form; `lot_seed` is drawn by the caller (random) and published with the
/// election, before counting; `languages`: whose segment names are the originals, in order
/// (the organization's own, then the one the form was filled in).
pub fn validate_election(
    form: &ElectionForm,
    lot_seed: &str,
    today: Date,
    languages: &[&str],
) -> Result<ValidElection, Vec<FieldProblem>> {
    let mut errors = Vec::new();
    let title = one_line(&form.title, 120)
        .map_err(|p| errors.push(problem("title", p)))
        .ok();
    let slug = form.slug.trim().to_lowercase();
    if slug.is_empty() {
        errors.push(problem("slug", Problem::Required));
    } else if slug.len() > 40
        || !slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || slug.starts_with('-')
    {
        errors.push(problem("slug", Problem::ForbiddenCharacters));
    }
    let segments = validate_segments(&form.segments, languages, &mut errors);
    let max_choices = number(&form.max_choices, "max_choices", 1, 50, &mut errors);
    let extra_seats = number(&form.extra_seats, "extra_seats", 0, 50, &mut errors);
    let percent = number(&form.parity_percent, "parity_percent", 0, 100, &mut errors);
    let scope = match form.parity_scope.as_str() {
        "election" => ParityScope::Election,
        "segment" => ParityScope::Segment,
        _ => {
            errors.push(problem("parity_scope", Problem::UnknownOption));
            ParityScope::Election
        }
    };
    let min_voter_age = number(&form.min_voter_age, "min_voter_age", 0, 120, &mut errors);
    let receipts = match form.receipts.trim() {
        "" => ReceiptMode::default(),
        code => ReceiptMode::from_code(code).unwrap_or_else(|| {
            errors.push(problem("receipts", Problem::UnknownOption));
            ReceiptMode::default()
        }),
    };
    let min_group_size = if form.min_group_size.trim().is_empty() {
        DEFAULT_MIN_GROUP_SIZE
    } else {
        number(&form.min_group_size, "min_group_size", 1, 1000, &mut errors)
    };
    let day = |text: &str, field: &str, errors: &mut Vec<FieldProblem>| -> Option<Date> {
        match text.trim().parse::<Date>() {
            Ok(date) if date < today => {
                errors.push(problem(field, Problem::InvalidDate));
                None
            }
            Ok(date) => Some(date),
            Err(_) => {
                errors.push(problem(field, Problem::InvalidDate));
                None
            }
        }
    };
    let online = match (
        form.online_from.trim().is_empty(),
        form.online_to.trim().is_empty(),
    ) {
        (true, true) => None,
        _ => {
            let from = day(&form.online_from, "online_from", &mut errors);
            let to = day(&form.online_to, "online_to", &mut errors);
            match (from, to) {
                (Some(from), Some(to)) if to < from => {
                    errors.push(problem("online_to", Problem::InvalidDate));
                    None
                }
                (Some(from), Some(to)) => Some((from, to)),
                _ => None,
            }
        }
    };
    let in_person = if form.in_person_date.trim().is_empty() {
        None
    } else {
        let date = day(&form.in_person_date, "in_person_date", &mut errors);
        let opens = time(&form.opens);
        let closes = time(&form.closes);
        if opens.is_none() {
            errors.push(problem("opens", Problem::InvalidDate));
        }
        if closes.is_none() || closes <= opens {
            errors.push(problem("closes", Problem::InvalidDate));
        }
        match (date, opens, closes) {
            (Some(date), Some(opens), Some(closes)) => Some(InPersonDay {
                date,
                opens,
                closes,
            }),
            _ => None,
        }
    };
    let mut stations = Vec::new();
    for (n, line) in form
        .stations
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
    {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let cleaned: Vec<Result<String, Problem>> =
            parts.iter().map(|p| one_line(p, 160)).collect();
        match (parts.len(), cleaned.as_slice()) {
            (3, [Ok(name), Ok(address), Ok(region)]) => stations.push(Station {
                id: n as i64 + 1,
                name: name.clone(),
                address: address.clone(),
                region: region.clone(),
            }),
            _ => {
                errors.push(problem("stations", Problem::UnknownOption));
                break;
            }
        }
    }
    if online.is_none()
        && in_person.is_none()
        && !errors
            .iter()
            .any(|e| e.field.starts_with("online") || e.field == "in_person_date")
    {
        errors.push(problem("online_from", Problem::Required));
    }
    if in_person.is_some() && stations.is_empty() && !errors.iter().any(|e| e.field == "stations") {
        errors.push(problem("stations", Problem::Required));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidElection {
        title: title.unwrap_or_default(),
        slug,
        config: ElectionConfig {
            segments: segments
                .iter()
                .map(|segment| SegmentConfig {
                    id: segment.info.id.clone(),
                    seats: segment.seats,
                    alternates: segment.alternates,
                    max_choices: max_choices as usize,
                })
                .collect(),
            extra_seats: extra_seats as usize,
            parity: ParityConfig {
                ratio: f64::from(percent) / 100.0,
                scope,
            },
            tie_break: vec![TieBreak::OlderFirst, TieBreak::Lot],
            lot_seed: lot_seed.to_owned(),
            candidates: vec![],
            receipts,
        },
        settings: ElectionSettings {
            segments: segments.into_iter().map(|segment| segment.info).collect(),
            min_voter_age: min_voter_age as u8,
            online,
            in_person,
            stations,
            min_group_size,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elections::election::settings::cmi_segments;

    fn today() -> Date {
        "2026-11-23".parse().expect("date")
    }

    fn cmi() -> ElectionForm {
        ElectionForm {
            title: "Conselho Municipal de Imigrantes — 2027".into(),
            slug: "cmi-2027".into(),
            segments: cmi_segments()
                .iter()
                .zip([3, 2, 3])
                .map(|(s, seats)| SegmentForm::of(s, seats, seats))
                .collect(),
            max_choices: "1".into(),
            extra_seats: "0".into(),
            parity_percent: "50".into(),
            parity_scope: "election".into(),
            min_voter_age: "16".into(),
            online_from: "2027-05-18".into(),
            online_to: "2027-05-21".into(),
            in_person_date: "2027-05-23".into(),
            opens: "8:00".into(),
            closes: "17:00".into(),
            stations: "CRAI | Rua Japurá, 234 | Sé\nCEU Jambeiro | Av. José Pinheiro Borges, 60 | Guaianases\n".into(),
            receipts: String::new(),
            min_group_size: String::new(),
        }
    }

    fn fields(errors: Vec<FieldProblem>) -> Vec<(String, Problem)> {
        errors.into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn the_cmi_form_gives_the_cmi_election() {
        let election = validate_election(&cmi(), "ab12", today(), &["pt-BR"]).expect("valid");
        let seats: Vec<_> = election
            .config
            .segments
            .iter()
            .map(|s| (s.id.as_str(), s.seats, s.alternates))
            .collect();
        assert_eq!(seats, [("A", 3, 3), ("B", 2, 2), ("C", 3, 3)]);
        assert_eq!(election.config.parity.ratio, 0.5);
        assert_eq!(election.config.lot_seed, "ab12");
        assert_eq!(election.settings.stations.len(), 2);
        assert_eq!(election.settings.stations[1].id, 2);
        assert_eq!(election.settings.in_person.expect("day").opens, "08:00");
        assert!(crate::results::count::validate_config(&election.config).is_ok());
    }

    #[test]
    fn a_segment_without_seats_is_left_out() {
        let mut form = cmi();
        form.segments[1].seats = "0".into();
        let election = validate_election(&form, "ab12", today(), &["pt-BR"]).expect("valid");
        let ids: Vec<_> = election
            .settings
            .segments
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, ["A", "C"]);
        assert_eq!(election.config.segments.len(), 2);
    }

    #[test]
    fn bad_input_is_named_field_by_field() {
        let form = ElectionForm {
            title: "<script>".into(),
            slug: "CMI 2027!".into(),
            segments: vec![SegmentForm {
                seats: "x".into(),
                ..SegmentForm::default()
            }],
            max_choices: "0".into(),
            extra_seats: String::new(),
            parity_percent: "150".into(),
            parity_scope: "city".into(),
            min_voter_age: "16".into(),
            online_from: "2020-01-01".into(),
            online_to: String::new(),
            in_person_date: "2027-05-23".into(),
            opens: "18:00".into(),
            closes: "17:00".into(),
            stations: "only a name".into(),
            receipts: "public".into(),
            min_group_size: "0".into(),
        };
        let found =
            fields(validate_election(&form, "ab12", today(), &["pt-BR"]).expect_err("invalid"));
        for field in [
            "receipts",
            "min_group_size",
            "title",
            "slug",
            "segment-0-seats",
            "max_choices",
            "extra_seats",
            "parity_percent",
            "parity_scope",
            "online_from",
            "online_to",
            "closes",
            "stations",
        ] {
            assert!(
                found.iter().any(|(f, _)| f == field),
                "{field} in {found:?}"
            );
        }
    }

    #[test]
    fn some_channel_and_stations_for_in_person_voting() {
        let mut form = cmi();
        form.online_from.clear();
        form.online_to.clear();
        form.in_person_date.clear();
        assert_eq!(
            fields(validate_election(&form, "ab12", today(), &["pt-BR"]).expect_err("no channel")),
            [("online_from".into(), Problem::Required)]
        );
        let mut form = cmi();
        form.stations.clear();
        assert_eq!(
            fields(validate_election(&form, "ab12", today(), &["pt-BR"]).expect_err("no station")),
            [("stations".into(), Problem::Required)]
        );
    }
}
