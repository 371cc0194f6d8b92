//! A proposal's public status and its form, pure.

use serde::{Deserialize, Serialize};

use crate::conferences::edition::rules::{Conference, Theme};
use crate::error::{FieldProblem, Problem};
use crate::platform::ids::{EventId, ProposalId};
use crate::platform::text::labels::is_language_tag;
use crate::platform::text::{one_line, paragraphs};

/// What consolidation or its author decided for a proposal, apart from feeding
/// consolidated proposals (which the lineage records).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Open,
    /// Outside what the conference can decide, and not taken into a motion.
    OutOfScope,
    /// Withdrawn by its event (its rapporteur) before consolidation.
    Withdrawn,
}

crate::platform::codes::text_codes!(Outcome {
    Open => "open",
    OutOfScope => "out_of_scope",
    Withdrawn => "withdrawn",
});

/// What became of a proposal, as the public record says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    /// Written at its event; consolidation has not taken it anywhere yet.
    Submitted,
    /// Fed at least one consolidated proposal.
    Consolidated,
    /// Fed motions only (out of the conference's scope, carried as a motion).
    Motion,
    OutOfScope,
    Withdrawn,
    /// Hidden by moderation (the reason is public, the text is not shown).
    Hidden,
}

crate::platform::codes::text_codes!(ProposalStatus {
    Submitted => "submitted",
    Consolidated => "consolidated",
    Motion => "motion",
    OutOfScope => "out_of_scope",
    Withdrawn => "withdrawn",
    Hidden => "hidden",
});

/// The public status: a withdrawal or moderation comes first (whatever consolidation did
/// before); then feeding a consolidated proposal; then feeding only motions; then the
/// outcome recorded.
pub fn status(
    outcome: Outcome,
    hidden: bool,
    proposals_fed: i64,
    motions_fed: i64,
) -> ProposalStatus {
    match outcome {
        Outcome::Withdrawn => ProposalStatus::Withdrawn,
        _ if hidden => ProposalStatus::Hidden,
        _ if proposals_fed > 0 => ProposalStatus::Consolidated,
        _ if motions_fed > 0 => ProposalStatus::Motion,
        Outcome::OutOfScope => ProposalStatus::OutOfScope,
        Outcome::Open => ProposalStatus::Submitted,
    }
}

/// A proposal as stored and shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub id: ProposalId,
    pub event: EventId,
    pub theme: i64,
    pub level: String,
    /// The language it was written in.
    pub language: String,
    pub title: String,
    /// Markdown, as written (rendered safe where shown).
    pub body: String,
    pub supports: i64,
    pub status: ProposalStatus,
    pub hidden_reason: Option<String>,
}

/// The form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalForm {
    pub theme: String,
    pub level: String,
    pub language: String,
    pub title: String,
    pub body: String,
}

/// A checked proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProposal {
    pub theme: i64,
    pub level: String,
    pub language: String,
    pub title: String,
    pub body: String,
}

pub const TITLE_MAX: u16 = 200;
pub const BODY_MAX: u16 = 5_000;

/// Checks a proposal against its edition: one of its themes and levels, a language tag,
/// a title line and a text of paragraphs (Markdown, rendered safe when shown).
pub fn validate_proposal(
    form: &ProposalForm,
    conference: &Conference,
    themes: &[Theme],
) -> Result<NewProposal, Vec<FieldProblem>> {
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
    let level = Some(form.level.trim()).filter(|code| conference.level(code).is_some());
    if level.is_none() {
        field("level", Problem::UnknownOption);
    }
    let language = Some(form.language.trim()).filter(|tag| is_language_tag(tag));
    if language.is_none() {
        field("language", Problem::UnknownOption);
    }
    let title = one_line(&form.title, TITLE_MAX)
        .map_err(|p| field("title", p))
        .ok();
    let body = paragraphs(&form.body, BODY_MAX)
        .map_err(|p| field("body", p))
        .ok();
    match (theme, level, language, title, body) {
        (Some(theme), Some(level), Some(language), Some(title), Some(body)) => Ok(NewProposal {
            theme,
            level: level.to_owned(),
            language: language.to_owned(),
            title,
            body,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conferences::edition::rules::{Phase, default_levels};
    use crate::platform::ids::{ConferenceId, OrganizationId};
    use crate::platform::text::labels::Labels;
    use proptest::prelude::*;

    fn conference() -> Conference {
        Conference {
            id: ConferenceId(1),
            organization: OrganizationId(1),
            slug: "conf".into(),
            names: Labels::from_pairs([("pt-BR", "Conf")]),
            starts_on: "2019-06-01".parse().expect("valid in the test"),
            ends_on: "2019-11-30".parse().expect("valid in the test"),
            levels: default_levels(),
            phase: Phase::Events,
        }
    }

    fn themes() -> Vec<Theme> {
        (1..=8)
            .map(|number| Theme {
                number,
                names: Labels::from_pairs([("pt-BR", format!("Eixo {number}"))]),
            })
            .collect()
    }

    #[test]
    fn a_proposal_is_checked_against_its_edition() {
        let form = ProposalForm {
            theme: "3".into(),
            level: "municipal".into(),
            language: "ht".into(),
            title: "Kou pòtigè gratis nan chak CEU".into(),
            body: "Ouvri kou **pòtigè** pou imigran.\n\n- aswè\n- wikenn".into(),
        };
        let ok = validate_proposal(&form, &conference(), &themes()).expect("valid");
        assert_eq!((ok.theme, ok.language.as_str()), (3, "ht"));
        let bad = ProposalForm {
            theme: "9".into(),
            level: "galactic".into(),
            language: "Kreyòl".into(),
            title: String::new(),
            body: "\u{202E}x".into(),
        };
        let fields: Vec<String> = validate_proposal(&bad, &conference(), &themes())
            .expect_err("refused")
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["theme", "level", "language", "title", "body"]);
    }

    #[test]
    fn withdrawal_and_moderation_come_before_lineage() {
        use ProposalStatus as S;
        assert_eq!(status(Outcome::Open, false, 0, 0), S::Submitted);
        assert_eq!(status(Outcome::Open, false, 2, 1), S::Consolidated);
        assert_eq!(status(Outcome::Open, false, 0, 1), S::Motion);
        assert_eq!(status(Outcome::OutOfScope, false, 0, 0), S::OutOfScope);
        assert_eq!(status(Outcome::OutOfScope, false, 0, 1), S::Motion);
        assert_eq!(status(Outcome::Withdrawn, true, 1, 0), S::Withdrawn);
        assert_eq!(status(Outcome::Open, true, 1, 0), S::Hidden);
    }

    proptest! {
        #[test]
        fn a_proposal_that_fed_a_consolidated_one_says_so_unless_withdrawn_or_hidden(
            outcome in 0usize..3, hidden: bool, fed in 0i64..3, motions in 0i64..3,
        ) {
            let outcome = Outcome::ALL[outcome];
            let shown = status(outcome, hidden, fed, motions);
            let set_aside = outcome == Outcome::Withdrawn || hidden;
            prop_assert_eq!(shown == ProposalStatus::Consolidated, fed > 0 && !set_aside);
            prop_assert_eq!(shown == ProposalStatus::Submitted, !set_aside && fed + motions == 0 && outcome == Outcome::Open);
        }
    }
}
