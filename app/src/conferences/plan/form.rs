//! The plan's forms as typed, and how they become an action or an indicator's report:
//! pure, so that every refusal names its field. Numbers may use a decimal comma (`12,5`);
//! targets are written `2027: 40; 2028: 60` (year, colon, value; one per line or
//! separated by semicolons; years in order).

use serde::{Deserialize, Serialize};

use crate::conferences::plan::rules::{IndicatorStatus, NewAction, NewIndicator, check_action};
use crate::error::{FieldProblem, Problem};
use crate::platform::text::one_line;

/// An indicator's slot on the action form; a slot left wholly empty is not an indicator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorForm {
    pub name: String,
    pub unit: String,
    pub baseline: String,
    pub targets: String,
}

impl IndicatorForm {
    fn is_empty(&self) -> bool {
        [&self.name, &self.unit, &self.baseline, &self.targets]
            .iter()
            .all(|f| f.trim().is_empty())
    }
}

/// The new action form: title, responsible body, the approved proposals it comes from
/// (codes), and its indicators.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    pub title: String,
    pub responsible: String,
    pub from: Vec<String>,
    pub indicators: Vec<IndicatorForm>,
}

/// How many indicator slots the form offers.
pub const INDICATOR_SLOTS: usize = 3;

/// The field name of slot `n`'s `part` in refusals: `indicator-0-targets`.
pub fn indicator_field(n: usize, part: &str) -> String {
    format!("indicator-{n}-{part}")
}

/// A number as people type it: `12`, `-3`, `12.5` or `12,5`.
pub fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = if text.contains('.') {
        text.to_owned()
    } else {
        text.replacen(',', ".", 1)
    };
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Targets by year, `2027: 40; 2028: 60`: 1–10 of them, years 2000–2100 in order.
pub fn targets(text: &str) -> Option<Vec<(u16, f64)>> {
    let targets = text
        .split([';', '\n'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            let (year, value) = t.split_once([':', '='])?;
            let year = year.trim().parse::<u16>().ok()?;
            Some((year, number(value)?))
        })
        .collect::<Option<Vec<_>>>()?;
    let in_order = targets.windows(2).all(|w| w[0].0 < w[1].0);
    let years = targets.iter().all(|(y, _)| (2000..=2100).contains(y));
    (!targets.is_empty() && targets.len() <= 10 && in_order && years).then_some(targets)
}

/// The action the form describes, or every field's problem. Whether its proposals were
/// approved by the plenary is the store's to check.
pub fn parse_action(form: &ActionForm) -> Result<NewAction, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut field = |field: String, problem| problems.push(FieldProblem { field, problem });
    let title = one_line(&form.title, 200).map_err(|p| field("title".into(), p));
    let responsible = one_line(&form.responsible, 200).map_err(|p| field("responsible".into(), p));
    let mut from: Vec<String> = form
        .from
        .iter()
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    from.sort_unstable();
    from.dedup();
    if from.is_empty() {
        field("from".into(), Problem::Required);
    } else if from.len() > 10 {
        field("from".into(), Problem::TooMany { max: 10 });
    }
    let slots: Vec<(usize, &IndicatorForm)> = form
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, i)| !i.is_empty())
        .collect();
    if slots.is_empty() {
        field(indicator_field(0, "name"), Problem::Required);
    }
    let mut indicators = Vec::new();
    for (n, slot) in slots {
        let name = one_line(&slot.name, 200).map_err(|p| field(indicator_field(n, "name"), p));
        let unit = one_line(&slot.unit, 60).map_err(|p| field(indicator_field(n, "unit"), p));
        let baseline = number(&slot.baseline)
            .ok_or_else(|| field(indicator_field(n, "baseline"), Problem::NotANumber));
        let targets = targets(&slot.targets)
            .ok_or_else(|| field(indicator_field(n, "targets"), Problem::TargetsFormat));
        if let (Ok(name), Ok(unit), Ok(baseline), Ok(targets)) = (name, unit, baseline, targets) {
            indicators.push(NewIndicator {
                name,
                unit,
                baseline,
                targets,
                status: IndicatorStatus::NotStarted,
            });
        }
    }
    let (Ok(title), Ok(responsible)) = (title, responsible) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    check_action(&NewAction {
        title,
        responsible,
        from,
        indicators,
    })
    .map_err(|_| {
        vec![FieldProblem {
            field: "from".into(),
            problem: Problem::UnknownOption,
        }]
    })
}

/// An indicator's report as typed: the value reached (may be left empty), its status,
/// a note.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub value: String,
    pub status: String,
    pub note: String,
}

/// The report the form describes: (value, status, note), or every field's problem.
pub fn parse_report(
    form: &ReportForm,
) -> Result<(Option<f64>, IndicatorStatus, String), Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let value = if form.value.trim().is_empty() {
        None
    } else {
        let parsed = number(&form.value);
        if parsed.is_none() {
            problems.push(FieldProblem {
                field: "value".into(),
                problem: Problem::NotANumber,
            });
        }
        parsed
    };
    let status = IndicatorStatus::from_code(form.status.trim());
    if status.is_none() {
        problems.push(FieldProblem {
            field: "status".into(),
            problem: Problem::UnknownOption,
        });
    }
    let note = if form.note.trim().is_empty() {
        String::new()
    } else {
        match crate::platform::text::paragraphs(&form.note, 1000) {
            Ok(note) => note,
            Err(problem) => {
                problems.push(FieldProblem {
                    field: "note".into(),
                    problem,
                });
                String::new()
            }
        }
    };
    match status {
        Some(status) if problems.is_empty() => Ok((value, status, note)),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn slot(targets: &str) -> IndicatorForm {
        IndicatorForm {
            name: "Pessoas atendidas".into(),
            unit: "pessoas".into(),
            baseline: "0".into(),
            targets: targets.into(),
        }
    }

    fn form() -> ActionForm {
        ActionForm {
            title: "Centro de referência na zona leste".into(),
            responsible: "SMDHC".into(),
            from: vec!["E2-3".into(), " E2-3 ".into()],
            indicators: vec![slot("2027: 100; 2028: 250,5"), IndicatorForm::default()],
        }
    }

    fn fields(result: Result<NewAction, Vec<FieldProblem>>) -> Vec<String> {
        result
            .expect_err("refused")
            .into_iter()
            .map(|p| p.field)
            .collect()
    }

    #[test]
    fn a_typed_action_becomes_an_action() {
        let action = parse_action(&form()).expect("valid");
        assert_eq!(action.from, ["E2-3"]);
        assert_eq!(action.indicators.len(), 1, "an empty slot is no indicator");
        assert_eq!(action.indicators[0].targets, [(2027, 100.0), (2028, 250.5)]);
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut bad = form();
        bad.title = " ".into();
        bad.from.clear();
        bad.indicators[0].baseline = "muitos".into();
        bad.indicators.push(slot("2028: 1; 2027: 2"));
        assert_eq!(
            fields(parse_action(&bad)),
            [
                "title",
                "from",
                "indicator-0-baseline",
                "indicator-2-targets"
            ]
        );
        let mut none = form();
        none.indicators = vec![IndicatorForm::default()];
        assert_eq!(fields(parse_action(&none)), ["indicator-0-name"]);
    }

    #[test]
    fn targets_are_years_in_order_with_numbers() {
        assert_eq!(
            targets("2027=1\n2028: 2"),
            Some(vec![(2027, 1.0), (2028, 2.0)])
        );
        for bad in [
            "",
            "2027",
            "2027: x",
            "1999: 1",
            "2028: 1; 2028: 2",
            "dois mil: 1",
        ] {
            assert_eq!(targets(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_report_may_leave_the_value_empty() {
        let report = ReportForm {
            value: " ".into(),
            status: "delayed".into(),
            note: String::new(),
        };
        assert_eq!(
            parse_report(&report),
            Ok((None, IndicatorStatus::Delayed, String::new()))
        );
        let bad = ReportForm {
            value: "NaN".into(),
            status: "finished".into(),
            note: String::new(),
        };
        let refused: Vec<String> = parse_report(&bad)
            .expect_err("refused")
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(refused, ["value", "status"]);
    }

    proptest! {
        #[test]
        fn numbers_read_back_as_written(n in -1e9f64..1e9) {
            let text = format!("{n}");
            prop_assert_eq!(number(&text), Some(n));
            prop_assert_eq!(number(&text.replace('.', ",")), Some(n));
        }
    }
}
