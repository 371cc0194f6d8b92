//! An election's segments as the commission lays them out: how many, each one's code,
//! names in several languages, who stands in it (people or organizations), the minimum
//! age of its candidates, its seats and alternates. The São Paulo CMI's three segments are
//! the template the form starts from, not the only shape. Pure; checked row by row.
//!
//! The rules:
//! - a row without code, seats or name is not a segment; a row with 0 seats is left out of this
//!   election (so a template segment can be dropped without retyping the others);
//! - a code is 1–8 capital letters or digits, each code once (ballots, results and
//!   exports name segments by it);
//! - a name in at least one language; the original is the first given of the
//!   organization's own language, then the language the form was filled in, then Voz's
//!   languages in order;
//! - 1–50 seats, 0–50 alternates, candidates at least 14 years old;
//! - at least one segment, at most [`MOST_SEGMENTS`].

use std::collections::BTreeMap;

use leptos_i18n::Locale as _;
use serde::{Deserialize, Serialize};

use crate::elections::candidacy::CandidateKind;
use crate::elections::election::settings::SegmentInfo;
use crate::error::{FieldProblem, Problem};
use crate::locale::SWITCHER_ORDER;
use crate::platform::text::labels::Labels;

pub const MOST_SEGMENTS: usize = 8;
pub const NAME_MAX: u16 = 120;

/// One row of the form, every field a string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SegmentForm {
    pub code: String,
    /// `individual` or `organization`.
    pub kind: String,
    pub seats: String,
    pub alternates: String,
    pub min_age: String,
    /// The name by language tag; empty ones are left out.
    pub names: BTreeMap<String, String>,
}

impl SegmentForm {
    fn is_blank(&self) -> bool {
        self.code.trim().is_empty()
            && self.seats.trim().is_empty()
            && self.names.values().all(|n| n.trim().is_empty())
    }

    /// A template segment as a row, with its seats and alternates.
    pub fn of(segment: &SegmentInfo, seats: usize, alternates: usize) -> Self {
        Self {
            code: segment.id.clone(),
            kind: match segment.kind {
                CandidateKind::Individual => "individual",
                CandidateKind::Organization => "organization",
            }
            .into(),
            seats: seats.to_string(),
            alternates: alternates.to_string(),
            min_age: segment.min_age.to_string(),
            names: segment
                .labels
                .iter()
                .map(|(l, t)| (l.to_owned(), t.to_owned()))
                .collect(),
        }
    }
}

/// The form ids (and problem fields) of one row: `segment-<n>-<part>`.
#[derive(Clone, Copy, Debug)]
pub struct RowFields {
    pub code: &'static str,
    pub kind: &'static str,
    pub seats: &'static str,
    pub alternates: &'static str,
    pub min_age: &'static str,
    /// Problems with the names (none given, one too long).
    pub names: &'static str,
}

macro_rules! rows {
    ($($n:literal),*) => {
        [$(RowFields {
            code: concat!("segment-", $n, "-code"),
            kind: concat!("segment-", $n, "-kind"),
            seats: concat!("segment-", $n, "-seats"),
            alternates: concat!("segment-", $n, "-alternates"),
            min_age: concat!("segment-", $n, "-min_age"),
            names: concat!("segment-", $n, "-names"),
        }),*]
    };
}

pub const ROWS: [RowFields; MOST_SEGMENTS] = rows!(0, 1, 2, 3, 4, 5, 6, 7);

/// A segment as the count and the election's settings need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidSegment {
    pub info: SegmentInfo,
    pub seats: usize,
    pub alternates: usize,
}

fn problem(field: &str, problem: Problem) -> FieldProblem {
    FieldProblem {
        field: field.to_owned(),
        problem,
    }
}

fn number(text: &str, field: &str, (min, max): (u16, u16), errors: &mut Vec<FieldProblem>) -> u16 {
    match text.trim().parse::<u16>() {
        Ok(n) if (min..=max).contains(&n) => n,
        _ if text.trim().is_empty() => {
            errors.push(problem(field, Problem::Required));
            0
        }
        _ => {
            errors.push(problem(field, Problem::OutOfRange { min, max }));
            0
        }
    }
}

/// Checks every row; problems go to `errors` under each row's fields (or `segments` for
/// the layout as a whole). `preferred`: the languages whose name is the original, in order
/// (the organization's own, then the writer's).
pub fn validate_segments(
    rows: &[SegmentForm],
    preferred: &[&str],
    errors: &mut Vec<FieldProblem>,
) -> Vec<ValidSegment> {
    let before = errors.len();
    if rows.len() > MOST_SEGMENTS {
        errors.push(problem(
            "segments",
            Problem::TooMany {
                max: MOST_SEGMENTS as u8,
            },
        ));
        return Vec::new();
    }
    let mut valid: Vec<ValidSegment> = Vec::new();
    for (row, fields) in rows.iter().zip(ROWS) {
        if row.is_blank() || row.seats.trim() == "0" {
            continue;
        }
        let code = row.code.trim().to_uppercase();
        if code.is_empty() {
            errors.push(problem(fields.code, Problem::Required));
        } else if code.len() > 8
            || !code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            errors.push(problem(fields.code, Problem::ForbiddenCharacters));
        } else if valid.iter().any(|s| s.info.id == code) {
            errors.push(problem(fields.code, Problem::AlreadyUsed));
        }
        let kind = match row.kind.trim() {
            "individual" => CandidateKind::Individual,
            "organization" => CandidateKind::Organization,
            _ => {
                errors.push(problem(fields.kind, Problem::UnknownOption));
                CandidateKind::Individual
            }
        };
        let seats = number(&row.seats, fields.seats, (1, 50), errors);
        let alternates = number(&row.alternates, fields.alternates, (0, 50), errors);
        let min_age = number(&row.min_age, fields.min_age, (14, 99), errors);
        let labels = names(row, preferred).map_err(|p| errors.push(problem(fields.names, p)));
        if let Ok(labels) = labels {
            valid.push(ValidSegment {
                info: SegmentInfo {
                    id: code,
                    kind,
                    min_age: min_age as u8,
                    labels,
                },
                seats: usize::from(seats),
                alternates: usize::from(alternates),
            });
        }
    }
    if valid.is_empty() && errors.len() == before {
        errors.push(problem(ROWS[0].seats, Problem::Required));
    }
    valid
}

/// The row's names, the original first: the first given of `preferred`, else of Voz's
/// languages in order.
fn names(row: &SegmentForm, preferred: &[&str]) -> Result<Labels, Problem> {
    let given = |lang: &str| row.names.get(lang).filter(|n| !n.trim().is_empty());
    if row
        .names
        .keys()
        .any(|l| !SWITCHER_ORDER.iter().any(|s| s.as_str() == l))
    {
        return Err(Problem::UnknownOption);
    }
    let first = preferred
        .iter()
        .chain(
            SWITCHER_ORDER
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .iter(),
        )
        .find(|lang| given(lang).is_some())
        .map(|lang| (*lang).to_owned());
    let pairs = first.clone().into_iter().chain(
        SWITCHER_ORDER
            .iter()
            .map(|l| l.as_str().to_owned())
            .filter(|l| Some(l) != first.as_ref()),
    );
    let pairs = pairs.filter_map(|lang| given(&lang).map(|text| (lang.clone(), text.clone())));
    Labels::parse(pairs, NAME_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elections::election::settings::cmi_segments;

    fn row(code: &str, seats: &str, names: &[(&str, &str)]) -> SegmentForm {
        SegmentForm {
            code: code.into(),
            kind: "individual".into(),
            seats: seats.into(),
            alternates: "1".into(),
            min_age: "18".into(),
            names: names
                .iter()
                .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                .collect(),
        }
    }

    fn check(rows: &[SegmentForm]) -> (Vec<ValidSegment>, Vec<(String, Problem)>) {
        let mut errors = Vec::new();
        let valid = validate_segments(rows, &["pt-BR", "ar"], &mut errors);
        (
            valid,
            errors.into_iter().map(|e| (e.field, e.problem)).collect(),
        )
    }

    #[test]
    fn the_cmi_template_reads_back_as_itself() {
        let rows: Vec<SegmentForm> = cmi_segments()
            .iter()
            .map(|s| SegmentForm::of(s, 3, 3))
            .collect();
        let (valid, errors) = check(&rows);
        assert!(errors.is_empty(), "{errors:?}");
        let infos: Vec<SegmentInfo> = valid.into_iter().map(|v| v.info).collect();
        assert_eq!(infos, cmi_segments());
    }

    #[test]
    fn a_layout_of_its_own() {
        let mut youth = row("j", "2", &[("es", "Jóvenes"), ("ar", "الشباب")]);
        let other = row("K", "1", &[("fr", "Autres"), ("es", "Otros")]);
        youth.min_age = "16".into();
        let (valid, errors) = check(&[
            row("", "", &[]),
            youth,
            row("W1", "1", &[("pt-BR", "Mulheres"), ("en", "Women")]),
            row("X", "0", &[("en", "Dropped")]),
            other,
        ]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(valid.len(), 3, "blank and seatless rows are left out");
        assert_eq!(
            valid[2].info.labels.original(),
            Some(("es", "Otros")),
            "else Voz's order"
        );
        assert_eq!(
            valid[2].info.labels.original(),
            Some(("es", "Otros")),
            "else Voz's order"
        );
        assert_eq!(valid[0].info.id, "J", "codes in capitals");
        assert_eq!(
            valid[0].info.labels.original(),
            Some(("ar", "الشباب")),
            "no Portuguese: the writer's language"
        );
        assert_eq!(valid[0].info.min_age, 16);
        assert_eq!(
            valid[1].info.labels.original(),
            Some(("pt-BR", "Mulheres")),
            "the organization's language first"
        );
        assert_eq!((valid[1].seats, valid[1].alternates), (1, 1));
    }

    #[test]
    fn each_bad_cell_is_named() {
        let mut bad_kind = row("B", "51", &[("fr", "x".repeat(121).as_str())]);
        bad_kind.kind = "party".into();
        bad_kind.alternates = "-1".into();
        bad_kind.min_age = "9".into();
        let (_, errors) = check(&[
            row("A", "1", &[("en", "One")]),
            row("a", "1", &[]),
            bad_kind,
            row("A B", "1", &[("en", "x")]),
        ]);
        assert_eq!(
            errors,
            [
                ("segment-1-code".to_owned(), Problem::AlreadyUsed),
                ("segment-1-names".to_owned(), Problem::Required),
                ("segment-2-kind".to_owned(), Problem::UnknownOption),
                (
                    "segment-2-seats".to_owned(),
                    Problem::OutOfRange { min: 1, max: 50 }
                ),
                (
                    "segment-2-alternates".to_owned(),
                    Problem::OutOfRange { min: 0, max: 50 }
                ),
                (
                    "segment-2-min_age".to_owned(),
                    Problem::OutOfRange { min: 14, max: 99 }
                ),
                ("segment-2-names".to_owned(), Problem::TooLong { max: 120 }),
                ("segment-3-code".to_owned(), Problem::ForbiddenCharacters),
            ]
        );
    }

    #[test]
    fn at_least_one_at_most_eight() {
        assert_eq!(
            check(&[row("", "", &[])]).1,
            [("segment-0-seats".to_owned(), Problem::Required)]
        );
        let many: Vec<SegmentForm> = (0..9)
            .map(|n| row(&format!("S{n}"), "1", &[("en", "S")]))
            .collect();
        assert_eq!(
            check(&many).1,
            [("segments".to_owned(), Problem::TooMany { max: 8 })]
        );
    }
}
