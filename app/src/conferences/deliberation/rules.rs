//! Deliberation on a proposal, pure: what a comment, an amendment and a report may say,
//! how comments thread, and when the rapporteur may accept an amendment.

use serde::{Deserialize, Serialize};

use crate::conferences::proposal::rules::{BODY_MAX, TITLE_MAX};
use crate::error::{FieldProblem, Problem};
use crate::platform::ids::{AmendmentId, CommentId, ProposalId};
use crate::platform::text::{one_line, paragraphs};

pub const COMMENT_MAX: u16 = 2_000;
pub const NOTE_MAX: u16 = 1_000;
pub const REASON_MAX: u16 = 500;
/// Replies deeper than this are shown at this depth (a phone's width is the limit).
pub const MAX_DEPTH: usize = 3;

/// A comment as stored; the text is empty when hidden by moderation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub id: CommentId,
    pub parent: Option<CommentId>,
    pub author: String,
    pub body: String,
    pub hidden_reason: Option<String>,
    pub created_at: i64,
}

/// A comment in reading order, with how far it is indented.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Threaded {
    pub depth: usize,
    pub comment: Comment,
}

/// Comments in reading order: each thread after its parent, oldest first at every level;
/// replies deeper than [`MAX_DEPTH`] stay at that depth. A comment whose parent is
/// missing (never written by the store) starts a thread of its own.
pub fn thread(mut comments: Vec<Comment>) -> Vec<Threaded> {
    use std::collections::{HashMap, HashSet};
    comments.sort_by_key(|c| c.id);
    let known: HashSet<CommentId> = comments.iter().map(|c| c.id).collect();
    let mut roots = Vec::new();
    let mut replies: HashMap<CommentId, Vec<usize>> = HashMap::new();
    for (at, c) in comments.iter().enumerate() {
        match c.parent.filter(|p| known.contains(p) && *p != c.id) {
            Some(parent) => replies.entry(parent).or_default().push(at),
            None => roots.push(at),
        }
    }
    let mut out = Vec::with_capacity(comments.len());
    let mut seen = HashSet::new();
    let mut stack: Vec<(usize, usize)> = roots.into_iter().rev().map(|at| (at, 0)).collect();
    while let Some((at, depth)) = stack.pop() {
        let comment = &comments[at];
        if !seen.insert(comment.id) {
            continue;
        }
        out.push(Threaded {
            depth: depth.min(MAX_DEPTH),
            comment: comment.clone(),
        });
        if let Some(children) = replies.get(&comment.id) {
            stack.extend(children.iter().rev().map(|&child| (child, depth + 1)));
        }
    }
    out
}

/// A comment's text: paragraphs, shown as plain text.
pub fn validate_comment(body: &str) -> Result<String, Vec<FieldProblem>> {
    paragraphs(body, COMMENT_MAX).map_err(|problem| {
        vec![FieldProblem {
            field: "body".into(),
            problem,
        }]
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmendmentStatus {
    Proposed,
    Accepted,
    Rejected,
}

crate::platform::codes::text_codes!(AmendmentStatus {
    Proposed => "proposed",
    Accepted => "accepted",
    Rejected => "rejected",
});

/// An amendment as stored and shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub id: AmendmentId,
    pub proposal: ProposalId,
    pub author: String,
    /// The proposal's version it was written against.
    pub based_on: i64,
    pub title: String,
    pub body: String,
    /// Why the author proposes it.
    pub note: String,
    pub status: AmendmentStatus,
    /// The rapporteur's reason for a rejection.
    pub reason: Option<String>,
    pub created_at: i64,
}

/// The amendment form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AmendmentForm {
    pub title: String,
    pub body: String,
    pub note: String,
}

/// A checked amendment: the whole new title and text, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAmendment {
    pub title: String,
    pub body: String,
    pub note: String,
}

/// Checks an amendment against the text it amends: the same limits as a proposal, a
/// reason, and some change (an amendment that changes nothing is refused).
pub fn validate_amendment(
    form: &AmendmentForm,
    current_title: &str,
    current_body: &str,
) -> Result<NewAmendment, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut field = |name: &str, problem: Problem| {
        problems.push(FieldProblem {
            field: name.to_owned(),
            problem,
        });
    };
    let title = one_line(&form.title, TITLE_MAX)
        .map_err(|p| field("title", p))
        .ok();
    let body = paragraphs(&form.body, BODY_MAX)
        .map_err(|p| field("body", p))
        .ok();
    let note = paragraphs(&form.note, NOTE_MAX)
        .map_err(|p| field("note", p))
        .ok();
    if let (Some(title), Some(body)) = (&title, &body)
        && title == current_title
        && body.trim() == current_body.trim()
    {
        field("body", Problem::Unchanged);
    }
    match (title, body, note) {
        (Some(title), Some(body), Some(note)) if problems.is_empty() => {
            Ok(NewAmendment { title, body, note })
        }
        _ => Err(problems),
    }
}

/// The rapporteur's decision on an amendment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Accept,
    Reject { reason: String },
}

/// Why a decision cannot be taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undecidable {
    /// Accepted or rejected already.
    Decided,
    /// The proposal changed since the amendment was written: accepting it would undo
    /// that change unseen. The rapporteur rejects it, or its author writes it again.
    Stale,
}

/// Whether `decision` may be taken on an amendment in `status`, written against
/// `based_on`, when the proposal is at `current` version. A rejection needs no check of
/// the version: it changes no text.
pub fn may_decide(
    status: AmendmentStatus,
    based_on: i64,
    current: i64,
    decision: &Decision,
) -> Result<(), Undecidable> {
    if status != AmendmentStatus::Proposed {
        return Err(Undecidable::Decided);
    }
    if matches!(decision, Decision::Accept) && based_on != current {
        return Err(Undecidable::Stale);
    }
    Ok(())
}

/// What a report is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Reported {
    Proposal(ProposalId),
    Comment(CommentId),
}

impl Reported {
    /// Its stored text (`proposal:12`, `comment:5`).
    pub fn text(self) -> String {
        match self {
            Self::Proposal(id) => format!("proposal:{id}"),
            Self::Comment(id) => format!("comment:{id}"),
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let (kind, id) = text.split_once(':')?;
        let id = id.parse::<i64>().ok()?;
        match kind {
            "proposal" => Some(Self::Proposal(ProposalId(id))),
            "comment" => Some(Self::Comment(CommentId(id))),
            _ => None,
        }
    }
}

/// A report's reason: one line.
pub fn validate_reason(reason: &str) -> Result<String, Vec<FieldProblem>> {
    one_line(reason, REASON_MAX).map_err(|problem| {
        vec![FieldProblem {
            field: "reason".into(),
            problem,
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn comment(id: i64, parent: Option<i64>) -> Comment {
        Comment {
            id: CommentId(id),
            parent: parent.map(CommentId),
            author: format!("p{id}"),
            body: format!("c{id}"),
            hidden_reason: None,
            created_at: id,
        }
    }

    #[test]
    fn replies_follow_their_parent_oldest_first() {
        let shown = thread(vec![
            comment(4, Some(1)),
            comment(1, None),
            comment(2, None),
            comment(3, Some(1)),
            comment(5, Some(3)),
        ]);
        let order: Vec<(i64, usize)> = shown.iter().map(|t| (t.comment.id.0, t.depth)).collect();
        assert_eq!(order, [(1, 0), (3, 1), (5, 2), (4, 1), (2, 0)]);
    }

    #[test]
    fn an_amendment_must_change_something_and_say_why() {
        let same = AmendmentForm {
            title: "Aulas de português".into(),
            body: "Nos CEUs.".into(),
            note: "Mais claro".into(),
        };
        let problems =
            validate_amendment(&same, "Aulas de português", "Nos CEUs.").expect_err("no change");
        assert_eq!(problems[0].field, "body");
        let changed = AmendmentForm {
            body: "Nos CEUs, também à noite.".into(),
            ..same.clone()
        };
        assert!(validate_amendment(&changed, "Aulas de português", "Nos CEUs.").is_ok());
        let no_note = AmendmentForm {
            note: "  ".into(),
            ..changed
        };
        let problems =
            validate_amendment(&no_note, "Aulas de português", "Nos CEUs.").expect_err("no reason");
        assert_eq!(problems[0].field, "note");
    }

    #[test]
    fn only_a_pending_amendment_on_the_current_text_is_accepted() {
        use AmendmentStatus as S;
        let reject = Decision::Reject { reason: "x".into() };
        assert_eq!(may_decide(S::Proposed, 2, 2, &Decision::Accept), Ok(()));
        assert_eq!(
            may_decide(S::Proposed, 1, 2, &Decision::Accept),
            Err(Undecidable::Stale)
        );
        assert_eq!(may_decide(S::Proposed, 1, 2, &reject), Ok(()));
        for done in [S::Accepted, S::Rejected] {
            assert_eq!(
                may_decide(done, 2, 2, &Decision::Accept),
                Err(Undecidable::Decided)
            );
            assert_eq!(may_decide(done, 2, 2, &reject), Err(Undecidable::Decided));
        }
    }

    #[test]
    fn reports_read_back() {
        for r in [
            Reported::Proposal(ProposalId(12)),
            Reported::Comment(CommentId(5)),
        ] {
            assert_eq!(Reported::parse(&r.text()), Some(r));
        }
        for bad in ["", "proposal", "proposal:x", "account:1"] {
            assert_eq!(Reported::parse(bad), None);
        }
    }

    proptest! {
        /// Any forest (parents always older, as the store writes them): every comment
        /// once, each after its parent, one deeper than it up to the cap.
        #[test]
        fn every_comment_is_shown_once_after_its_parent(parents in proptest::collection::vec(proptest::option::of(0usize..1000), 0..60)) {
            let comments: Vec<Comment> = parents.iter().enumerate().map(|(i, p)| {
                let parent = p.filter(|_| i > 0).map(|p| (p % i) as i64 + 1);
                comment(i as i64 + 1, parent)
            }).collect();
            let shown = thread(comments.clone());
            prop_assert_eq!(shown.len(), comments.len());
            let position = |id: CommentId| shown.iter().position(|t| t.comment.id == id);
            for (at, t) in shown.iter().enumerate() {
                prop_assert_eq!(position(t.comment.id), Some(at));
                match t.comment.parent {
                    None => prop_assert_eq!(t.depth, 0),
                    Some(parent) => {
                        let p = position(parent).expect("parent shown");
                        prop_assert!(p < at);
                        prop_assert_eq!(t.depth, (shown[p].depth + 1).min(MAX_DEPTH));
                    }
                }
            }
        }
    }
}
