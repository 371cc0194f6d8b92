//! The edition, an event, a proposal and a consolidated proposal.

use super::*;

pub async fn edition_page(organization: &str, conference: &str) -> Result<EditionPage, AppError> {
    let app = app_state()?;
    let db = &app.db;
    let (found, head) = edition(db, organization, conference).await?;
    let history = timeline_store::phase_history(db, found.process()).await?;
    let events = event_store::events_of(db, found.id, true).await?;
    let checked_in: HashMap<_, _> = event_store::checked_in_counts(db, found.id)
        .await?
        .into_iter()
        .collect();
    // Counted by the database: an edition may hold a hundred thousand proposals.
    let proposals = counts::proposal_counts(db, found.id).await?;
    let fed = counts::fed_by_event(db, found.id).await?;
    let pairs = counts::consolidated_themes(db, found.id, None).await?;
    let cards = events
        .iter()
        .map(|e| {
            let own = proposals.by_event.get(&e.id).copied().unwrap_or(0);
            let fed = fed.get(&e.id).copied().unwrap_or(0);
            card(e, checked_in.get(&e.id).copied().unwrap_or(0), own, fed)
        })
        .collect();
    Ok(EditionPage {
        head,
        history,
        themes: theme_counts(
            edition_store::themes(db, found.id).await?,
            &proposals.by_theme,
            &pairs,
        ),
        events: cards,
        motions: pairs.iter().filter(|(_, motion)| *motion).count() as i64,
    })
}

pub async fn event_page(
    organization: &str,
    conference: &str,
    event: &str,
) -> Result<EventPage, AppError> {
    let app = app_state()?;
    let db = &app.db;
    let (found, head) = edition(db, organization, conference).await?;
    let event = event_store::event_by_slug(db, found.id, event)
        .await
        .map_err(AppError::from)?;
    if event.status != EventStatus::Approved {
        return Err(not_found());
    }
    let checked_in: HashMap<_, _> = event_store::checked_in_counts(db, found.id)
        .await?
        .into_iter()
        .collect();
    let proposals = proposal_store::proposals_of_event(db, event.id).await?;
    let pairs = counts::consolidated_themes(db, found.id, Some(event.id)).await?;
    let fed = pairs.iter().filter(|(_, motion)| !motion).count() as i64;
    let mut by_theme: HashMap<i64, i64> = HashMap::new();
    for p in &proposals {
        *by_theme.entry(p.theme).or_default() += 1;
    }
    let mut cards = Vec::with_capacity(proposals.len());
    for p in &proposals {
        let (title, _) = title_labels(db, p).await?;
        cards.push(proposal_card(p, &event, title));
    }
    Ok(EventPage {
        head,
        event: card(
            &event,
            checked_in.get(&event.id).copied().unwrap_or(0),
            proposals.len() as i64,
            fed,
        ),
        themes: theme_counts(
            edition_store::themes(db, found.id).await?,
            &by_theme,
            &pairs,
        ),
        levels: found.levels.clone(),
        proposals: cards,
    })
}

pub async fn proposal_page(
    organization: &str,
    conference: &str,
    id: ProposalId,
) -> Result<ProposalPage, AppError> {
    let app = app_state()?;
    let db = &app.db;
    let (found, head) = edition(db, organization, conference).await?;
    let proposal = proposal_store::proposal_in(db, found.id, id).await?;
    let events = public_events(db, &found).await?;
    let event = events.get(&proposal.event).ok_or_else(not_found)?;
    let (title, bodies) = title_labels(db, &proposal).await?;
    let theme = edition_store::themes(db, found.id)
        .await?
        .into_iter()
        .find(|t| t.number == proposal.theme)
        .map(|t| t.names)
        .unwrap_or_default();
    let level = found
        .level(&proposal.level)
        .map(|l| l.names.clone())
        .unwrap_or_default();
    let fed = consolidation_store::fed_by(db, id)
        .await?
        .into_iter()
        .map(|(code, title, motion)| Fed {
            code,
            title,
            motion,
        })
        .collect();
    // A hidden proposal's words are not shown, nor the amendments that repeat them.
    let hidden = proposal.hidden_reason.is_some();
    let stored = if hidden {
        Vec::new()
    } else {
        deliberation_store::versions_of(db, id).await?
    };
    let whole = |title: &str, body: &str| format!("{title}\n\n{body}");
    let versions = stored
        .iter()
        .enumerate()
        .map(|(at, (version, title, body, when, _))| VersionView {
            version: *version,
            title: title.clone(),
            body: body.clone(),
            edited_at: *when,
            changes_html: at.checked_sub(1).map(|before| {
                let (_, t, b, _, _) = &stored[before];
                diff::changes_html(&whole(t, b), &whole(title, body))
            }),
        })
        .collect();
    let amendments = if hidden {
        Vec::new()
    } else {
        deliberation_store::amendments_of(db, id)
            .await?
            .into_iter()
            .map(|a| {
                let base = stored
                    .iter()
                    .find(|v| v.0 == a.based_on)
                    .map(|(_, t, b, _, _)| whole(t, b))
                    .unwrap_or_default();
                AmendmentView {
                    id: a.id.0,
                    author: a.author,
                    note: a.note,
                    status: a.status,
                    reason: a.reason,
                    based_on: a.based_on,
                    created_at: a.created_at,
                    changes_html: diff::changes_html(&base, &whole(&a.title, &a.body)),
                }
            })
            .collect()
    };
    Ok(ProposalPage {
        head,
        card: proposal_card(&proposal, event, title),
        theme,
        level,
        body_html: bodies
            .into_iter()
            .map(|(lang, body)| (lang, markdown::render(&body)))
            .collect(),
        hidden_reason: proposal.hidden_reason.clone(),
        fed,
        comments: thread(deliberation_store::comments_of(db, id).await?),
        amendments,
        versions,
    })
}

pub async fn consolidated_page(
    organization: &str,
    conference: &str,
    code: &str,
) -> Result<ConsolidatedPage, AppError> {
    let app = app_state()?;
    let db = &app.db;
    let (found, head) = edition(db, organization, conference).await?;
    let item = consolidation_store::consolidated_by_code(db, found.id, code).await?;
    let events = public_events(db, &found).await?;
    let mut sources = Vec::with_capacity(item.sources.len());
    for &source in &item.sources {
        let proposal = proposal_store::proposal_in(db, found.id, source).await?;
        if let Some(event) = events.get(&proposal.event) {
            let (title, _) = title_labels(db, &proposal).await?;
            sources.push(proposal_card(&proposal, event, title));
        }
    }
    let theme_names = edition_store::themes(db, found.id)
        .await?
        .into_iter()
        .find(|t| t.number == item.theme)
        .map(|t| t.names)
        .unwrap_or_default();
    let stored = consolidation_store::versions(db, item.id).await?;
    let whole = |v: &consolidation_store::Version| format!("{}\n\n{}", v.title, v.body);
    let versions = stored
        .iter()
        .enumerate()
        .map(|(at, v)| VersionView {
            version: v.version,
            title: v.title.clone(),
            body: v.body.clone(),
            edited_at: v.edited_at,
            changes_html: at
                .checked_sub(1)
                .map(|before| diff::changes_html(&whole(&stored[before]), &whole(v))),
        })
        .collect();
    let plenary = plenary_store::results(db, &found)
        .await?
        .remove(&item.code)
        .map(|r| PlenaryLine {
            code: r.code,
            title: item.title.clone(),
            approve: r.approve,
            reject: r.reject,
            abstain: r.abstain,
            priority: r.priority,
            result: r.result.code().to_owned(),
        });
    let actions = plan_store::actions(db, &found)
        .await?
        .into_iter()
        .filter(|a| a.from.contains(&item.code))
        .map(|a| a.code)
        .collect();
    Ok(ConsolidatedPage {
        plenary,
        actions,
        head,
        code: item.code,
        theme: item.theme,
        theme_names,
        motion: item.motion,
        title: item.title,
        body_html: markdown::render(&item.body),
        sources,
        versions,
    })
}
