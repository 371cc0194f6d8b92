//! Codes and the consolidation form, pure.

use serde::{Deserialize, Serialize};

use crate::conferences::edition::rules::Theme;
use crate::conferences::proposal::rules::{BODY_MAX, TITLE_MAX};
use crate::error::{FieldProblem, Problem};
use crate::platform::ids::{ConsolidatedId, ProposalId};
use crate::platform::text::{one_line, paragraphs};

/// A consolidated proposal (or motion) as stored and shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consolidated {
    pub id: ConsolidatedId,
    /// `E3-12`: theme 3, the twelfth of that theme; motions `M1`, `M2`…
    pub code: String,
    pub theme: i64,
    pub motion: bool,
    pub title: String,
    pub body: String,
    pub sources: Vec<ProposalId>,
    /// How many versions its text has had (1: never edited).
    pub versions: i64,
}

/// The code of the `number`th consolidated proposal of `theme`, or of the `number`th
/// motion: numbered in order of creation, never reused.
pub fn code(theme: i64, motion: bool, number: i64) -> String {
    if motion {
        format!("M{number}")
    } else {
        format!("{}-{number}", Theme::code(theme))
    }
}

/// The form as typed: the merged text and the proposals it takes in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsolidatedForm {
    pub theme: String,
    #[serde(default)]
    pub motion: bool,
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A checked consolidated proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewConsolidated {
    pub theme: i64,
    pub motion: bool,
    pub title: String,
    pub body: String,
    /// Each once, in the order given.
    pub sources: Vec<ProposalId>,
}

/// At most this many sources (a merge of more is a sign of a wrong selection).
pub const MAX_SOURCES: usize = 60;

/// Checks the form: a theme of the edition, a title and a text, 1–60 source proposal
/// ids (each once; that they belong to the edition is the store's check).
pub fn validate_consolidated(
    form: &ConsolidatedForm,
    themes: &[Theme],
) -> Result<NewConsolidated, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut field = |name: &str, problem: Problem| {
        problems.push(FieldProblem {
            field: name.to_owned(),
            problem,
        });
    };
    let theme = Theme::pick(&form.theme, themes);
    if theme.is_none() {
        field("theme", Problem::UnknownOption);
    }
    let title = one_line(&form.title, TITLE_MAX)
        .map_err(|p| field("title", p))
        .ok();
    let body = paragraphs(&form.body, BODY_MAX)
        .map_err(|p| field("body", p))
        .ok();
    let mut sources: Vec<ProposalId> = Vec::new();
    let mut unreadable = false;
    // One id per box, or several typed in one ("12, 45 #301").
    for text in form
        .sources
        .iter()
        .flat_map(|s| s.split(|c: char| c.is_whitespace() || c == ','))
        .map(|s| s.trim_start_matches('#'))
        .filter(|s| !s.is_empty())
    {
        match text.parse::<i64>() {
            Ok(id) if !sources.contains(&ProposalId(id)) => sources.push(ProposalId(id)),
            Ok(_) => {}
            Err(_) => unreadable = true,
        }
    }
    if unreadable {
        field("sources", Problem::UnknownOption);
    } else if sources.is_empty() {
        field("sources", Problem::Required);
    } else if sources.len() > MAX_SOURCES {
        field(
            "sources",
            Problem::TooMany {
                max: MAX_SOURCES as u8,
            },
        );
    }
    match (theme, title, body) {
        (Some(theme), Some(title), Some(body)) if problems.is_empty() => Ok(NewConsolidated {
            theme,
            motion: form.motion,
            title,
            body,
            sources,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::text::labels::Labels;

    fn themes() -> Vec<Theme> {
        (1..=8)
            .map(|number| Theme {
                number,
                names: Labels::from_pairs([("pt-BR", format!("Eixo {number}"))]),
            })
            .collect()
    }

    #[test]
    fn codes_name_the_theme_or_the_motion() {
        assert_eq!(code(3, false, 12), "E3-12");
        assert_eq!(code(3, true, 4), "M4");
    }

    #[test]
    fn sources_are_ids_each_once() {
        let form = ConsolidatedForm {
            theme: "2".into(),
            motion: false,
            title: "Moradia".into(),
            body: "Texto.".into(),
            sources: vec!["4".into(), " 9 ".into(), "4".into(), String::new()],
        };
        let ok = validate_consolidated(&form, &themes()).expect("valid");
        assert_eq!(ok.sources, [ProposalId(4), ProposalId(9)]);
        let typed = ConsolidatedForm {
            sources: vec!["12, 45 #301".into(), "9".into()],
            ..form.clone()
        };
        let ok = validate_consolidated(&typed, &themes()).expect("several in one box");
        assert_eq!(
            ok.sources,
            [
                ProposalId(12),
                ProposalId(45),
                ProposalId(301),
                ProposalId(9)
            ]
        );
        let none = ConsolidatedForm {
            sources: vec![],
            ..form.clone()
        };
        let problems = validate_consolidated(&none, &themes()).expect_err("refused");
        assert_eq!(problems[0].field, "sources");
        let bad = ConsolidatedForm {
            theme: "0".into(),
            sources: vec!["x".into()],
            ..form
        };
        let fields: Vec<String> = validate_consolidated(&bad, &themes())
            .expect_err("refused")
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["theme", "sources"]);
    }
}
