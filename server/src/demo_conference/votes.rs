//! The demo edition's votes, cast through the same store functions as the pages: each
//! event's prioritisation and delegate election (177 delegates in all, at least a third
//! immigrants at every event), the plenary (a few delegates absent, their reserves in
//! their place), and the plan with its indicators' first reports.

use voz_app::accounts::types::AccountId;
use voz_app::conferences::delegates::{DelegateRule, Quota};
use voz_app::conferences::edition::Conference;
use voz_app::conferences::event::store as event_store;
use voz_app::conferences::event_vote::VoteKind;
use voz_app::conferences::event_vote::store as vote_store;
use voz_app::conferences::plan::rules::{IndicatorStatus, NewAction, NewIndicator};
use voz_app::conferences::plan::store as plan_store;
use voz_app::conferences::plenary::rules::{Choice, PlenaryBallot, PlenaryRule};
use voz_app::conferences::plenary::store as plenary_store;
use voz_app::db::Db;
use voz_app::platform::ids::{EventId, ProposalId};

use super::content::{Demo, EventKind};
use super::{Outcome_, bar};

/// A small deterministic mixer: the demo's "preferences" are reproducible.
fn mix(a: usize, b: usize) -> usize {
    let mut x = (a as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (b as u64).wrapping_add(0x632B_E59B_D9B4_E019);
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (x ^ (x >> 32)) as usize
}

/// Delegates per event: 20 at each pre-conference, 5 or 6 at free conferences — 177.
fn seats(demo: &Demo) -> Vec<usize> {
    let mut extra = 177 - 20 * 4 - 5 * 19;
    demo.events
        .iter()
        .map(|e| match e.kind {
            EventKind::PreConference => 20,
            EventKind::FreeConference if extra > 0 => {
                extra -= 1;
                6
            }
            EventKind::FreeConference => 5,
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
pub async fn event_votes(
    db: &Db,
    conference: &Conference,
    organizer: AccountId,
    demo: &Demo,
    events: &[EventId],
    participants: &[Vec<AccountId>],
    proposals: &[ProposalId],
    now: i64,
) -> Outcome_ {
    let seats = seats(demo);
    let progress = bar(events.len(), "event votes");
    for (n, (&event, people)) in events.iter().zip(participants).enumerate() {
        let found = event_store::event_by_id(db, event).await?;
        let mut tx = db.begin_write().await?;
        // Prioritisation: up to 3 per theme; each participant picks among the event's
        // proposals of two themes.
        vote_store::open_vote(
            &mut tx,
            conference,
            &found,
            VoteKind::Priorities,
            &serde_json::json!({"per_theme": 3}),
            organizer,
            now,
        )
        .await?;
        let eligible = vote_store::eligible(&mut tx, event).await?;
        for (p, &voter) in people.iter().enumerate() {
            let mut chosen: Vec<ProposalId> = Vec::new();
            for theme in [mix(n, p) % 8 + 1, mix(p, n) % 8 + 1] {
                let of_theme: Vec<_> = eligible
                    .iter()
                    .filter(|e| e.theme == theme as i64)
                    .collect();
                for k in 0..of_theme.len().min(2) {
                    let pick = of_theme
                        [(mix(p + k, theme) % of_theme.len().max(1)).min(of_theme.len() - 1)]
                    .id;
                    if !chosen.contains(&pick)
                        && chosen
                            .iter()
                            .filter(|c| {
                                eligible
                                    .iter()
                                    .any(|e| e.id == **c && e.theme == theme as i64)
                            })
                            .count()
                            < 3
                    {
                        chosen.push(pick);
                    }
                }
            }
            vote_store::cast_priorities(&mut tx, conference, &found, voter, &chosen).await?;
        }
        vote_store::count(
            &mut tx,
            conference,
            &found,
            VoteKind::Priorities,
            organizer,
            now,
        )
        .await?;

        // Delegates: about twice the seats stand (every other immigrant first), each
        // participant marks up to 3.
        let delegates = seats[n];
        let rule = DelegateRule {
            delegates,
            reserve: delegates.div_ceil(2),
            quota: Quota {
                numerator: 1,
                denominator: 3,
            },
            max_choices: 3.min(delegates),
            lot_seed: format!("{:08x}", mix(n, 2019) as u32),
        };
        vote_store::open_vote(
            &mut tx,
            conference,
            &found,
            VoteKind::Delegates,
            &serde_json::to_value(&rule)?,
            organizer,
            now,
        )
        .await?;
        let standing = (delegates * 2).min(people.len());
        let mut codes = Vec::new();
        for &who in people
            .iter()
            .skip(1)
            .step_by(2)
            .chain(people.iter().step_by(2))
            .take(standing)
        {
            codes.push(vote_store::stand(&mut tx, &found, who).await?);
        }
        vote_store::start_delegate_voting(&mut tx, conference, &found, organizer, now).await?;
        for (p, &voter) in people.iter().enumerate() {
            let mut chosen: Vec<String> = Vec::new();
            for k in 0..rule.max_choices {
                // Earlier candidates are better known: preferences lean towards them.
                let at = mix(p, k) % codes.len();
                let at = at.min(mix(k, p) % codes.len());
                if !chosen.contains(&codes[at]) {
                    chosen.push(codes[at].clone());
                }
            }
            vote_store::cast_delegates(&mut tx, conference, &found, voter, &chosen).await?;
        }
        vote_store::count(
            &mut tx,
            conference,
            &found,
            VoteKind::Delegates,
            organizer,
            now,
        )
        .await?;
        tx.commit().await?;
        progress.inc(1);
    }
    let _ = proposals;
    progress.finish();
    Ok(())
}

/// The plenary: every delegate credentialled but one in twenty, whose reserve comes in;
/// each votes on every theme: approves most items, rejects a few (the ones no action
/// will come from), and marks up to 10 priorities per theme.
pub async fn plenary(
    db: &Db,
    conference: &Conference,
    organizer: AccountId,
    demo: &Demo,
    codes: &[String],
    now: i64,
) -> Outcome_ {
    let planned: Vec<&String> = demo
        .plan
        .iter()
        .flat_map(|a| a.from.iter().map(|&i| &codes[i]))
        .collect();
    let mut tx = db.begin_write().await?;
    let themes = plenary_store::open_plenary(
        db,
        &mut tx,
        conference,
        PlenaryRule { priorities: 10 },
        organizer,
        now,
    )
    .await?;
    let delegates = vote_store::delegates_of_conference(db, conference.id).await?;
    let mut present = Vec::new();
    for (n, delegate) in delegates.iter().enumerate() {
        if n % 20 == 7 {
            if let Some(reserve) =
                plenary_store::replace_absent(&mut tx, conference, *delegate, organizer, now)
                    .await?
            {
                present.push(reserve);
            }
        } else {
            plenary_store::credential(&mut tx, conference, *delegate, organizer, now).await?;
            present.push(*delegate);
        }
    }
    tx.commit().await?;
    let progress = bar(themes.len(), "plenary");
    for theme in themes {
        let items = plenary_store::items(db, conference, theme).await?;
        let mut tx = db.begin_write().await?;
        for (d, &voter) in present.iter().enumerate() {
            let mut ballot = PlenaryBallot::default();
            for (i, item) in items.iter().enumerate() {
                // Items no action comes from: a third of them lose by a majority.
                let contested =
                    !item.motion && !planned.contains(&&item.code) && i.is_multiple_of(3);
                let against = if contested {
                    mix(d, i) % 10 < 6
                } else {
                    mix(d, i).is_multiple_of(10)
                };
                if !mix(i, d).is_multiple_of(25) {
                    ballot.votes.insert(
                        item.code.clone(),
                        if against {
                            Choice::Reject
                        } else {
                            Choice::Approve
                        },
                    );
                }
            }
            let approved: Vec<&String> = ballot
                .votes
                .iter()
                .filter(|(_, c)| **c == Choice::Approve)
                .map(|(code, _)| code)
                .filter(|code| items.iter().any(|i| &i.code == *code && !i.motion))
                .collect();
            for k in 0..approved.len().min(10) {
                // Priorities lean towards the items the plan takes.
                let pick = approved[(mix(d, k) % approved.len()).min(mix(k, d) % approved.len())];
                ballot.priorities.insert(pick.clone());
            }
            plenary_store::cast(db, &mut tx, conference, theme, voter, &ballot).await?;
        }
        plenary_store::count(db, &mut tx, conference, theme, organizer, now).await?;
        tx.commit().await?;
        progress.inc(1);
    }
    progress.finish();
    Ok(())
}

/// The plan: each action from its approved proposals; indicators reported once.
pub async fn plan(
    db: &Db,
    conference: &Conference,
    organizer: AccountId,
    demo: &Demo,
    codes: &[String],
    now: i64,
) -> Outcome_ {
    let progress = bar(demo.plan.len(), "plan");
    let mut tx = db.begin_write().await?;
    for action in &demo.plan {
        let new = NewAction {
            title: action.title.clone(),
            responsible: action.responsible.clone(),
            from: action.from.iter().map(|&i| codes[i].clone()).collect(),
            indicators: action
                .indicators
                .iter()
                .map(|i| NewIndicator {
                    name: i.name.clone(),
                    unit: i.unit.clone(),
                    baseline: i.baseline,
                    targets: i.targets.clone(),
                    status: IndicatorStatus::NotStarted,
                })
                .collect(),
        };
        plan_store::create_action(&mut tx, conference, &new, organizer, now).await?;
        progress.inc(1);
    }
    tx.commit().await?;
    // The first report: each indicator's status as the demo has it, with a value part of
    // the way to its first target.
    let actions = plan_store::actions(db, conference).await?;
    let mut tx = db.begin_write().await?;
    for (stored, content) in actions.iter().zip(&demo.plan) {
        for (indicator, given) in stored.indicators.iter().zip(&content.indicators) {
            let status =
                IndicatorStatus::from_code(given.status).unwrap_or(IndicatorStatus::InProgress);
            let first = given.targets.first().map_or(given.baseline, |(_, t)| *t);
            let value = match status {
                IndicatorStatus::NotStarted => None,
                IndicatorStatus::Achieved => Some(first),
                _ => Some(given.baseline + (first - given.baseline) / 2.0),
            };
            plan_store::update_indicator(
                &mut tx,
                conference,
                indicator.id,
                &plan_store::Report {
                    value,
                    status,
                    note: "Relatório de monitoramento de 2020.",
                },
                organizer,
                now,
            )
            .await?;
        }
    }
    tx.commit().await?;
    progress.finish();
    Ok(())
}
