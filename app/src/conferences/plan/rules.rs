//! What an action and its indicators are, and how they are checked, pure.

use serde::{Deserialize, Serialize};

use crate::platform::text::one_line;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorStatus {
    NotStarted,
    InProgress,
    Achieved,
    Delayed,
}

crate::platform::codes::text_codes!(IndicatorStatus {
    NotStarted => "not_started",
    InProgress => "in_progress",
    Achieved => "achieved",
    Delayed => "delayed",
});

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: i64,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    /// (year, target), by year.
    pub targets: Vec<(u16, f64)>,
    pub status: IndicatorStatus,
    /// The last value reported, if any.
    pub current: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// `A12`.
    pub code: String,
    pub title: String,
    pub responsible: String,
    /// The consolidated proposals it comes from, by code.
    pub from: Vec<String>,
    pub indicators: Vec<Indicator>,
}

/// A new indicator as given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewIndicator {
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub targets: Vec<(u16, f64)>,
    pub status: IndicatorStatus,
}

/// A new action as given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewAction {
    pub title: String,
    pub responsible: String,
    pub from: Vec<String>,
    pub indicators: Vec<NewIndicator>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanProblem {
    #[error("{0}: a line of text is required (at most 200 characters, no markup)")]
    Text(&'static str),
    #[error("an action comes from 1 to 10 approved proposals")]
    From,
    #[error("an action has 1 to 10 indicators")]
    Indicators,
    #[error("an indicator's numbers must be finite, its years 2000–2100 in order, once each")]
    Numbers,
}

/// Checks an action: title, responsible body, indicator names and units are lines of
/// text; it comes from 1–10 proposals; 1–10 indicators, each with finite numbers and
/// targets by year (increasing years, 2000–2100).
pub fn check_action(new: &NewAction) -> Result<NewAction, PlanProblem> {
    let line =
        |text: &str, what: &'static str| one_line(text, 200).map_err(|_| PlanProblem::Text(what));
    let mut from = new.from.clone();
    from.sort_unstable();
    from.dedup();
    if from.is_empty() || from.len() > 10 {
        return Err(PlanProblem::From);
    }
    if new.indicators.is_empty() || new.indicators.len() > 10 {
        return Err(PlanProblem::Indicators);
    }
    let indicators = new
        .indicators
        .iter()
        .map(|i| {
            let years_in_order = i.targets.windows(2).all(|w| w[0].0 < w[1].0);
            let numbers = i.baseline.is_finite()
                && i.targets
                    .iter()
                    .all(|(y, t)| t.is_finite() && (2000..=2100).contains(y));
            if !years_in_order || !numbers {
                return Err(PlanProblem::Numbers);
            }
            Ok(NewIndicator {
                name: line(&i.name, "indicator")?,
                unit: line(&i.unit, "unit")?,
                ..i.clone()
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(NewAction {
        title: line(&new.title, "title")?,
        responsible: line(&new.responsible, "responsible")?,
        from,
        indicators,
    })
}

/// How far an indicator has come towards its last target, 0–100 %, when a value was
/// reported and the target differs from the baseline (targets may go down: fewer days
/// waiting, fewer refusals).
pub fn progress(indicator: &Indicator) -> Option<u8> {
    let current = indicator.current?;
    let (_, target) = *indicator.targets.last()?;
    let span = target - indicator.baseline;
    if span == 0.0 {
        return None;
    }
    let share = ((current - indicator.baseline) / span).clamp(0.0, 1.0);
    Some((share * 100.0).round() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn indicator(baseline: f64, target: f64, current: Option<f64>) -> Indicator {
        Indicator {
            id: 1,
            name: "Pessoas atendidas".into(),
            unit: "pessoas".into(),
            baseline,
            targets: vec![(2020, (baseline + target) / 2.0), (2023, target)],
            status: IndicatorStatus::InProgress,
            current,
        }
    }

    #[test]
    fn progress_goes_towards_the_last_target_either_way() {
        assert_eq!(progress(&indicator(0.0, 200.0, Some(50.0))), Some(25));
        assert_eq!(
            progress(&indicator(30.0, 10.0, Some(20.0))),
            Some(50),
            "a target below the baseline"
        );
        assert_eq!(progress(&indicator(0.0, 200.0, Some(500.0))), Some(100));
        assert_eq!(progress(&indicator(0.0, 200.0, None)), None);
    }

    #[test]
    fn an_action_is_checked() {
        let good = NewAction {
            title: "Centro de referência na zona leste".into(),
            responsible: "SMDHC".into(),
            from: vec!["E2-3".into(), "E2-3".into()],
            indicators: vec![NewIndicator {
                name: "Atendimentos".into(),
                unit: "pessoas".into(),
                baseline: 0.0,
                targets: vec![(2020, 100.0), (2021, 200.0)],
                status: IndicatorStatus::NotStarted,
            }],
        };
        assert_eq!(check_action(&good).expect("valid").from, ["E2-3"]);
        let mut bad = good.clone();
        bad.indicators[0].targets = vec![(2021, 1.0), (2020, 2.0)];
        assert_eq!(check_action(&bad), Err(PlanProblem::Numbers));
        bad.indicators[0].targets = vec![(2020, f64::NAN)];
        assert_eq!(check_action(&bad), Err(PlanProblem::Numbers));
        let none = NewAction {
            from: vec![],
            ..good.clone()
        };
        assert_eq!(check_action(&none), Err(PlanProblem::From));
        let markup = NewAction {
            title: "<b>x</b>".into(),
            ..good
        };
        assert_eq!(check_action(&markup), Err(PlanProblem::Text("title")));
    }

    proptest! {
        #[test]
        fn progress_is_a_percentage(baseline in -1e6f64..1e6, target in -1e6f64..1e6, current in -1e7f64..1e7) {
            if let Some(p) = progress(&indicator(baseline, target, Some(current))) {
                prop_assert!(p <= 100);
            }
        }
    }
}
