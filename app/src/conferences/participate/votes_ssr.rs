//! The server side of an event's votes: reading them for its page, and each step as one
//! audited write in the event-vote store.

use super::*;
use crate::conferences::delegates::{Allocation, DelegateRule, Quota};
use crate::conferences::edition::store as edition_store;
use crate::conferences::event::store as event_store;
use crate::conferences::event_vote::VoteKind;
use crate::conferences::event_vote::priorities::{PriorityRule, ThemeRanking};
use crate::conferences::event_vote::store as vote_store;
use crate::conferences::participate::access::{
    edition_event, event_path, require_runner, runs_event,
};
use crate::conferences::proposal::store as proposal_store;
use crate::db::now_millis;
use crate::error::{ErrorCode, FieldProblem, Problem};
use crate::platform::ids::ProposalId;
use crate::platform::voting::store as voting_store;
use crate::platform::web::context::{app_state, current_session, require_account};
use crate::platform::web::http::form_redirect_at;

fn kind_of(kind: &str) -> Result<VoteKind, AppError> {
    VoteKind::from_code(kind).ok_or_else(|| AppError::new(ErrorCode::InvalidInput))
}

fn number(field: &str, text: &str, min: u16, max: u16) -> Result<u16, FieldProblem> {
    let problem = |problem| FieldProblem {
        field: field.into(),
        problem,
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(problem(Problem::Required));
    }
    text.parse::<u16>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| problem(Problem::OutOfRange { min, max }))
}

/// The quota as the form offers it: `n/d` with 0 ≤ n < d ≤ 10 (`0/1`: none).
fn quota(text: &str) -> Result<Quota, FieldProblem> {
    let bad = || FieldProblem {
        field: "quota".into(),
        problem: Problem::UnknownOption,
    };
    let (n, d) = text.trim().split_once('/').ok_or_else(bad)?;
    let (numerator, denominator) = (
        n.parse::<u32>().map_err(|_| bad())?,
        d.parse::<u32>().map_err(|_| bad())?,
    );
    if denominator == 0 || denominator > 10 || numerator >= denominator.max(2) {
        return Err(bad());
    }
    Ok(Quota {
        numerator,
        denominator,
    })
}

/// The rule the form describes, or every field's problem.
fn rule(kind: VoteKind, n: &RuleForm) -> Result<serde_json::Value, AppError> {
    let value = match kind {
        VoteKind::Priorities => {
            let per_theme = number("per_theme", &n.per_theme, 1, 10).map_err(one)?;
            serde_json::to_value(PriorityRule {
                per_theme: per_theme as u8,
            })
        }
        VoteKind::Delegates => {
            let results = (
                number("delegates", &n.delegates, 1, 500),
                number("reserve", &n.reserve, 0, 500),
                quota(&n.quota),
                number("max_choices", &n.max_choices, 1, 50),
            );
            let (Ok(delegates), Ok(reserve), Ok(quota), Ok(max_choices)) = results else {
                let (a, b, c, d) = results;
                return Err(AppError::fields(
                    [a.err(), b.err(), c.err(), d.err()].into_iter().flatten(),
                ));
            };
            // Drawn now and published with the rule, long before the count.
            let lot_seed = hex::encode(rand::random::<[u8; 8]>());
            serde_json::to_value(DelegateRule {
                delegates: delegates.into(),
                reserve: reserve.into(),
                quota,
                max_choices: max_choices.min(delegates).into(),
                lot_seed,
            })
        }
    };
    value.map_err(|_| AppError::new(ErrorCode::Internal))
}

fn one(problem: FieldProblem) -> AppError {
    AppError::fields([problem])
}

pub async fn votes(
    organization: &str,
    conference: &str,
    event: &str,
) -> Result<EventVotes, AppError> {
    let (org, found, event) = edition_event(organization, conference, event).await?;
    let app = app_state()?;
    let db = &app.db;
    let themes = edition_store::themes(db, found.id).await?;
    let names = |theme: i64| {
        themes
            .iter()
            .find(|t| t.number == theme)
            .map(|t| t.names.clone())
            .unwrap_or_default()
    };
    let proposals = proposal_store::proposals_of_event(db, event.id).await?;
    let title = |id: ProposalId| {
        proposals
            .iter()
            .find(|p| p.id == id)
            .map(|p| Labels::from_pairs([(p.language.as_str(), p.title.as_str())]))
            .unwrap_or_default()
    };
    let priorities = match vote_store::event_vote(db, event.id, VoteKind::Priorities).await? {
        None => None,
        Some(vote) => {
            let rule: PriorityRule =
                serde_json::from_str(&vote.rule).map_err(|_| AppError::new(ErrorCode::Internal))?;
            let themes = match &vote.result {
                Some(result) => serde_json::from_str::<Vec<ThemeRanking>>(result)
                    .map_err(|_| AppError::new(ErrorCode::Internal))?
                    .into_iter()
                    .map(|ranking| ThemeChoices {
                        theme: ranking.theme,
                        names: names(ranking.theme),
                        choices: ranking
                            .ranked
                            .iter()
                            .map(|(id, votes)| Choice {
                                id: id.0,
                                title: title(*id),
                                n: *votes,
                            })
                            .collect(),
                    })
                    .collect(),
                None => {
                    let eligible = vote_store::eligible(db, event.id).await?;
                    let mut by_theme: Vec<ThemeChoices> = Vec::new();
                    for e in eligible {
                        let choice = Choice {
                            id: e.id.0,
                            title: title(e.id),
                            n: e.supports as u64,
                        };
                        match by_theme.iter_mut().find(|t| t.theme == e.theme) {
                            Some(t) => t.choices.push(choice),
                            None => by_theme.push(ThemeChoices {
                                theme: e.theme,
                                names: names(e.theme),
                                choices: vec![choice],
                            }),
                        }
                    }
                    by_theme.sort_by_key(|t| t.theme);
                    by_theme
                }
            };
            Some(PrioritiesView {
                per_theme: rule.per_theme,
                status: vote.status,
                themes,
            })
        }
    };
    let delegates = match vote_store::event_vote(db, event.id, VoteKind::Delegates).await? {
        None => None,
        Some(vote) => {
            let rule: DelegateRule =
                serde_json::from_str(&vote.rule).map_err(|_| AppError::new(ErrorCode::Internal))?;
            let everyone = event_store::participants(db, event.id).await?;
            let name = |account: crate::platform::ids::AccountId| {
                everyone
                    .iter()
                    .find(|(a, ..)| *a == account)
                    .map(|(_, n, _)| n.clone())
                    .unwrap_or_default()
            };
            let standing = vote_store::candidates(db, event.id).await?;
            let allocation: Option<Allocation> = match &vote.result {
                Some(result) => Some(
                    serde_json::from_str(result).map_err(|_| AppError::new(ErrorCode::Internal))?,
                ),
                None => None,
            };
            let name_of_code = |code: &str| {
                standing
                    .iter()
                    .find(|(_, c, _)| c == code)
                    .map(|(a, ..)| name(*a))
                    .unwrap_or_default()
            };
            let candidates = standing
                .iter()
                .map(|(account, code, _)| Candidate {
                    code: code.clone(),
                    name: name(*account),
                    votes: allocation
                        .as_ref()
                        .and_then(|a| a.votes.iter().find(|(c, _)| c == code).map(|(_, v)| *v)),
                })
                .collect();
            Some(DelegatesView {
                status: vote.status,
                delegates: rule.delegates,
                reserve: rule.reserve,
                quota: (rule.quota.numerator, rule.quota.denominator),
                max_choices: rule.max_choices,
                lot_seed: rule.lot_seed.clone(),
                candidates,
                elected: allocation
                    .as_ref()
                    .map(|a| a.delegates.iter().map(|c| name_of_code(c)).collect())
                    .unwrap_or_default(),
                reserve_list: allocation
                    .as_ref()
                    .map(|a| a.reserve.iter().map(|c| name_of_code(c)).collect())
                    .unwrap_or_default(),
                quota_line: allocation
                    .as_ref()
                    .map(|a| (a.quota.required as u64, a.quota.achieved as u64)),
            })
        }
    };
    let mut me = MyVotes {
        open: found.phase.events_open(),
        ..MyVotes::default()
    };
    if let Some((account, method)) = current_session().await? {
        me.checked_in = event_store::is_participant(db, event.id, account, true).await?;
        me.runs_event = runs_event(&org, &event, account, method).await?;
        for kind in [VoteKind::Priorities, VoteKind::Delegates] {
            if let Some(vote) = vote_store::event_vote(db, event.id, kind).await? {
                let voted = voting_store::has_marked(db, vote.poll, account).await?;
                match kind {
                    VoteKind::Priorities => me.voted_priorities = voted,
                    VoteKind::Delegates => me.voted_delegates = voted,
                }
            }
        }
        me.standing = vote_store::candidates(db, event.id)
            .await?
            .into_iter()
            .find(|(a, ..)| *a == account)
            .map(|(_, code, _)| code);
    }
    Ok(EventVotes {
        organization: org.slug.clone(),
        conference: found.slug.clone(),
        event: event.slug.clone(),
        priorities,
        delegates,
        me,
    })
}

pub async fn open(
    organization: &str,
    conference: &str,
    event: &str,
    kind: &str,
    numbers: RuleForm,
) -> Result<(), AppError> {
    let (org, found, event) = edition_event(organization, conference, event).await?;
    let actor = require_runner(&org, &event).await?;
    let kind = kind_of(kind)?;
    let rule = rule(kind, &numbers)?;
    let app = app_state()?;
    let mut tx = app.db.begin_write().await?;
    vote_store::open_vote(&mut tx, &found, &event, kind, &rule, actor, now_millis()).await?;
    tx.commit().await?;
    form_redirect_at(&event_path(&org, &found, &event), "votes");
    Ok(())
}

pub async fn stand(organization: &str, conference: &str, event: &str) -> Result<(), AppError> {
    let account = require_account().await?;
    let (org, found, event) = edition_event(organization, conference, event).await?;
    if !found.phase.events_open() {
        return Err(AppError::new(ErrorCode::WrongPhase));
    }
    let app = app_state()?;
    let mut tx = app.db.begin_write().await?;
    vote_store::stand(&mut tx, &event, account).await?;
    tx.commit().await?;
    form_redirect_at(&event_path(&org, &found, &event), "votes");
    Ok(())
}

pub async fn start(organization: &str, conference: &str, event: &str) -> Result<(), AppError> {
    let (org, found, event) = edition_event(organization, conference, event).await?;
    let actor = require_runner(&org, &event).await?;
    let app = app_state()?;
    let mut tx = app.db.begin_write().await?;
    vote_store::start_delegate_voting(&mut tx, &found, &event, actor, now_millis()).await?;
    tx.commit().await?;
    form_redirect_at(&event_path(&org, &found, &event), "votes");
    Ok(())
}

pub async fn cast(
    organization: &str,
    conference: &str,
    event: &str,
    kind: &str,
    choices: &[String],
) -> Result<(), AppError> {
    let voter = require_account().await?;
    let (org, found, event) = edition_event(organization, conference, event).await?;
    let kind = kind_of(kind)?;
    if !found.phase.events_open() {
        return Err(AppError::new(ErrorCode::WrongPhase));
    }
    let app = app_state()?;
    let mut tx = app.db.begin_write().await?;
    match kind {
        VoteKind::Priorities => {
            let chosen = choices
                .iter()
                .map(|c| c.trim().parse::<i64>().map(ProposalId))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
            vote_store::cast_priorities(&mut tx, &found, &event, voter, &chosen).await?;
        }
        VoteKind::Delegates => {
            vote_store::cast_delegates(&mut tx, &found, &event, voter, choices).await?;
        }
    }
    tx.commit().await?;
    form_redirect_at(&event_path(&org, &found, &event), "votes");
    Ok(())
}

pub async fn count(
    organization: &str,
    conference: &str,
    event: &str,
    kind: &str,
) -> Result<(), AppError> {
    let (org, found, event) = edition_event(organization, conference, event).await?;
    let actor = require_runner(&org, &event).await?;
    let kind = kind_of(kind)?;
    let app = app_state()?;
    let mut tx = app.db.begin_write().await?;
    vote_store::count(&mut tx, &found, &event, kind, actor, now_millis()).await?;
    tx.commit().await?;
    // Voting is over here: nothing stored may keep the order people voted in.
    voting_store::seal_ballot_box(&app.db).await?;
    form_redirect_at(&event_path(&org, &found, &event), "votes");
    Ok(())
}
