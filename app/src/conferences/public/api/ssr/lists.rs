//! The plenary's results, the plan, the proposals list and an organization's editions.

use super::*;

pub async fn plenary_page(organization: &str, conference: &str) -> Result<PlenaryPage, AppError> {
    let app = app_state()?;
    let db = &app.db;
    let (found, head) = edition(db, organization, conference).await?;
    let mut results = plenary_store::results(db, &found).await?;
    let consolidated = consolidation_store::consolidated_of(db, found.id).await?;
    let theme_names = edition_store::themes(db, found.id).await?;
    let mut themes = Vec::new();
    for (theme, counted) in plenary_store::votes(db, &found).await? {
        if !counted {
            continue;
        }
        let names = theme_names
            .iter()
            .find(|t| t.number == theme)
            .map(|t| t.names.clone())
            .unwrap_or_default();
        let lines = consolidated
            .iter()
            .filter(|c| {
                if theme == 0 {
                    c.motion
                } else {
                    !c.motion && c.theme == theme
                }
            })
            .filter_map(|c| {
                let r = results.remove(&c.code)?;
                Some(PlenaryLine {
                    code: r.code,
                    title: c.title.clone(),
                    approve: r.approve,
                    reject: r.reject,
                    abstain: r.abstain,
                    priority: r.priority,
                    result: r.result.code().to_owned(),
                })
            })
            .collect();
        themes.push((theme, names, lines));
    }
    // The motions after the themes.
    themes.sort_by_key(|(theme, ..)| (*theme == 0, *theme));
    let (credentialled, replacements) = plenary_store::credential_counts(db, &found).await?;
    Ok(PlenaryPage {
        head,
        themes,
        credentialled,
        replacements,
    })
}

pub async fn plan_page(organization: &str, conference: &str) -> Result<PlanPage, AppError> {
    let app = app_state()?;
    let db = &app.db;
    let (found, head) = edition(db, organization, conference).await?;
    let actions = plan_store::actions(db, &found).await?;
    let sources: Vec<_> = consolidation_store::consolidated_of(db, found.id)
        .await?
        .into_iter()
        .filter(|c| actions.iter().any(|a| a.from.contains(&c.code)))
        .collect();
    Ok(PlanPage {
        head,
        actions,
        titles: sources
            .iter()
            .map(|c| (c.code.clone(), c.title.clone()))
            .collect(),
        originals: sources
            .into_iter()
            .map(|c| (c.code, c.sources.iter().map(|p| p.0).collect()))
            .collect(),
    })
}

pub async fn editions(organization: &str) -> Result<Vec<EditionCard>, AppError> {
    let app = app_state()?;
    let Some(org) = accounts_store::organization_by_slug(&app.db, organization).await? else {
        return Err(not_found());
    };
    Ok(edition_store::conferences_of(&app.db, org.id)
        .await?
        .into_iter()
        .filter(|c| c.phase.public())
        .map(|c| EditionCard {
            slug: c.slug,
            names: c.names,
            phase: c.phase,
            starts_on: c.starts_on,
            ends_on: c.ends_on,
        })
        .collect())
}

pub async fn proposals_page(
    organization: &str,
    conference: &str,
    query: ProposalQuery,
) -> Result<ProposalsPage, AppError> {
    let app = app_state()?;
    let db = &app.db;
    let (found, head) = edition(db, organization, conference).await?;
    let themes = edition_store::themes(db, found.id).await?;
    let events = event_store::events_of(db, found.id, true).await?;
    // Unknown values narrow nothing and are not echoed back.
    let theme = Theme::pick(&query.theme, &themes);
    let event = events.iter().find(|e| e.slug == query.event.trim());
    let level = found.level(query.level.trim()).map(|l| l.code.clone());
    let status = ProposalStatus::from_code(query.status.trim());
    let words: String = query
        .q
        .chars()
        .take(200)
        .collect::<String>()
        .trim()
        .to_owned();
    let page = query
        .page
        .trim()
        .parse::<u32>()
        .unwrap_or(1)
        .clamp(1, 100_000);
    let filter = proposal_store::ProposalFilter {
        theme,
        event: event.map(|e| e.id),
        level: level.clone(),
        status,
        words: (!words.is_empty()).then(|| words.clone()),
    };
    let (proposals, total) =
        proposal_store::list_proposals(db, found.id, &filter, i64::from(page)).await?;
    let by_id: HashMap<EventId, &Event> = events.iter().map(|e| (e.id, e)).collect();
    let mut cards = Vec::with_capacity(proposals.len());
    for p in &proposals {
        if let Some(event) = by_id.get(&p.event) {
            let (title, _) = title_labels(db, p).await?;
            cards.push(proposal_card(p, event, title));
        }
    }
    let pages = u32::try_from((total + proposal_store::PAGE_SIZE - 1) / proposal_store::PAGE_SIZE)
        .unwrap_or(u32::MAX)
        .max(1);
    Ok(ProposalsPage {
        head,
        themes: themes.into_iter().map(|t| (t.number, t.names)).collect(),
        events: events
            .iter()
            .map(|e| (e.slug.clone(), e.name.clone()))
            .collect(),
        levels: found.levels.clone(),
        query: ProposalQuery {
            theme: theme.map(|t| t.to_string()).unwrap_or_default(),
            event: event.map(|e| e.slug.clone()).unwrap_or_default(),
            level: level.unwrap_or_default(),
            status: status.map(|s| s.code().to_owned()).unwrap_or_default(),
            q: words,
            page: page.to_string(),
        },
        proposals: cards,
        total,
        page,
        pages,
    })
}
