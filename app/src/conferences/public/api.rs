//! Server functions behind the public conference pages (all public: a draft edition is
//! not found, and neither is an event still waiting for review).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::conferences::edition::rules::{Level, Phase};
use crate::conferences::event::rules::EventKind;
use crate::conferences::proposal::rules::ProposalStatus;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use crate::platform::ids::ProposalId;
use crate::platform::text::labels::Labels;
use crate::platform::timeline::PhaseChange;

/// The edition a page belongs to, as every conference page heads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionHead {
    pub organization: String,
    /// The organization's name in its own language, and in others where given.
    pub organization_name: String,
    pub organization_names: Labels,
    pub slug: String,
    pub names: Labels,
    pub phase: Phase,
    pub starts_on: Date,
    pub ends_on: Date,
}

/// A theme with its proposals before consolidation and consolidated proposals after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeCount {
    pub number: i64,
    pub names: Labels,
    pub proposals: i64,
    pub consolidated: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventCard {
    pub slug: String,
    pub kind: EventKind,
    pub name: String,
    pub organizer: String,
    pub held_on: Date,
    pub place: Option<String>,
    pub online_link: Option<String>,
    pub languages: Vec<String>,
    pub expected_audience: i64,
    /// People checked in.
    pub participants: i64,
    pub proposals: i64,
    /// Consolidated proposals that take at least one of its proposals.
    pub consolidated: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionPage {
    pub head: EditionHead,
    pub history: Vec<PhaseChange<Phase>>,
    pub themes: Vec<ThemeCount>,
    pub events: Vec<EventCard>,
    pub motions: i64,
}

/// A proposal in a list: its title in every language it has (the original first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalCard {
    pub id: ProposalId,
    pub theme: i64,
    pub level: String,
    /// Empty when hidden by moderation.
    pub title: Labels,
    pub status: ProposalStatus,
    pub supports: i64,
    pub event: String,
    pub event_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventPage {
    pub head: EditionHead,
    pub event: EventCard,
    pub themes: Vec<ThemeCount>,
    pub levels: Vec<Level>,
    pub proposals: Vec<ProposalCard>,
}

/// What a proposal fed: a consolidated proposal or a motion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fed {
    pub code: String,
    pub title: String,
    pub motion: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalPage {
    pub head: EditionHead,
    pub card: ProposalCard,
    pub theme: Labels,
    pub level: Labels,
    /// The text rendered safe, per language (the original first); empty when hidden.
    pub body_html: Vec<(String, String)>,
    pub hidden_reason: Option<String>,
    pub fed: Vec<Fed>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionView {
    pub version: i64,
    pub title: String,
    pub body: String,
    pub edited_at: i64,
    /// What changed from the version before (title, blank line, text), as safe HTML;
    /// none for the first.
    pub changes_html: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsolidatedPage {
    pub head: EditionHead,
    pub code: String,
    pub theme: i64,
    pub theme_names: Labels,
    pub motion: bool,
    pub title: String,
    pub body_html: String,
    pub sources: Vec<ProposalCard>,
    /// Every version, oldest first (the last is the current text).
    pub versions: Vec<VersionView>,
    /// The plenary's votes on it, once counted.
    pub plenary: Option<PlenaryLine>,
    /// The plan's actions that come from it (`A12`).
    pub actions: Vec<String>,
}

/// An item's plenary votes and result (`priority`, `approved`, `rejected`, `motion`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlenaryLine {
    pub code: String,
    pub title: String,
    pub approve: u64,
    pub reject: u64,
    pub abstain: u64,
    pub priority: u64,
    pub result: String,
}

/// The plenary's results per theme (theme 0: the motions), each item with its votes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlenaryPage {
    pub head: EditionHead,
    pub themes: Vec<(i64, Labels, Vec<PlenaryLine>)>,
    /// Delegates credentialled, and how many of them in an absent delegate's place.
    pub credentialled: i64,
    pub replacements: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanPage {
    pub head: EditionHead,
    pub actions: Vec<crate::conferences::plan::rules::Action>,
    /// Each source's title, by code.
    pub titles: Vec<(String, String)>,
}

/// A public list of proposals, filtered and searched, one page at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalsPage {
    pub head: EditionHead,
    pub themes: Vec<(i64, Labels)>,
    /// (address, name) of each public event.
    pub events: Vec<(String, String)>,
    pub levels: Vec<Level>,
    /// The filter as understood (echoed into the form).
    pub query: ProposalQuery,
    pub proposals: Vec<ProposalCard>,
    pub total: i64,
    pub page: u32,
    pub pages: u32,
}

/// A list's filter as the page's form sends it (every field optional).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalQuery {
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub event: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub page: String,
}

#[server(prefix = "/api", endpoint = "conference/proposals", input = JsonOrForm)]
pub async fn load_proposals(
    organization: String,
    conference: String,
    query: ProposalQuery,
) -> Result<ProposalsPage, AppError> {
    respond(ssr::proposals_page(&organization, &conference, query).await)
}

/// An edition in an organization's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionCard {
    pub slug: String,
    pub names: Labels,
    pub phase: Phase,
    pub starts_on: Date,
    pub ends_on: Date,
}

/// An organization's public conference editions, newest first (none: an empty list).
#[server(prefix = "/api", endpoint = "conference/list", input = JsonOrForm)]
pub async fn list_editions(organization: String) -> Result<Vec<EditionCard>, AppError> {
    respond(ssr::list_editions(&organization).await)
}

#[server(prefix = "/api", endpoint = "conference/plenary", input = JsonOrForm)]
pub async fn load_plenary(
    organization: String,
    conference: String,
) -> Result<PlenaryPage, AppError> {
    respond(ssr::plenary_page(&organization, &conference).await)
}

#[server(prefix = "/api", endpoint = "conference/plan", input = JsonOrForm)]
pub async fn load_plan(organization: String, conference: String) -> Result<PlanPage, AppError> {
    respond(ssr::plan_page(&organization, &conference).await)
}

#[server(prefix = "/api", endpoint = "conference", input = JsonOrForm)]
pub async fn load_edition(
    organization: String,
    conference: String,
) -> Result<EditionPage, AppError> {
    respond(ssr::edition_page(&organization, &conference).await)
}

#[server(prefix = "/api", endpoint = "conference/event", input = JsonOrForm)]
pub async fn load_event(
    organization: String,
    conference: String,
    event: String,
) -> Result<EventPage, AppError> {
    respond(ssr::event_page(&organization, &conference, &event).await)
}

#[server(prefix = "/api", endpoint = "conference/proposal", input = JsonOrForm)]
pub async fn load_proposal(
    organization: String,
    conference: String,
    proposal: i64,
) -> Result<ProposalPage, AppError> {
    respond(ssr::proposal_page(&organization, &conference, ProposalId(proposal)).await)
}

#[server(prefix = "/api", endpoint = "conference/consolidated", input = JsonOrForm)]
pub async fn load_consolidated(
    organization: String,
    conference: String,
    code: String,
) -> Result<ConsolidatedPage, AppError> {
    respond(ssr::consolidated_page(&organization, &conference, &code).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::collections::HashMap;

    use super::*;
    use crate::accounts::store as accounts_store;
    use crate::conferences::consolidation::store as consolidation_store;
    use crate::conferences::edition::rules::{Conference, Theme};
    use crate::conferences::edition::store as edition_store;
    use crate::conferences::event::rules::{Event, EventStatus};
    use crate::conferences::event::store as event_store;
    use crate::conferences::plan::store as plan_store;
    use crate::conferences::plenary::store as plenary_store;
    use crate::conferences::proposal::rules::Proposal;
    use crate::conferences::proposal::store as proposal_store;
    use crate::db::Db;
    use crate::error::ErrorCode;
    use crate::platform::ids::EventId;
    use crate::platform::text::{diff, markdown};
    use crate::platform::timeline::store as timeline_store;
    use crate::platform::web::context::app_state;

    fn not_found() -> AppError {
        AppError::new(ErrorCode::NotFound)
    }

    /// The public edition `conference` of `organization` and its head.
    async fn edition(
        db: &Db,
        organization: &str,
        conference: &str,
    ) -> Result<(Conference, EditionHead), AppError> {
        let org = accounts_store::organization_by_slug(db, organization)
            .await?
            .ok_or_else(not_found)?;
        let found = edition_store::conference_by_slug(db, org.id, conference)
            .await?
            .filter(|c| c.phase.public())
            .ok_or_else(not_found)?;
        let head = EditionHead {
            organization: org.slug.clone(),
            organization_name: org.name.clone(),
            organization_names: org.names.clone(),
            slug: found.slug.clone(),
            names: found.names.clone(),
            phase: found.phase,
            starts_on: found.starts_on,
            ends_on: found.ends_on,
        };
        Ok((found, head))
    }

    /// Proposals per theme and consolidated proposals per theme (motions apart).
    fn theme_counts(
        themes: Vec<Theme>,
        proposals: &[Proposal],
        consolidated: &[(i64, bool)],
    ) -> Vec<ThemeCount> {
        themes
            .into_iter()
            .map(|t| ThemeCount {
                number: t.number,
                proposals: proposals.iter().filter(|p| p.theme == t.number).count() as i64,
                consolidated: consolidated
                    .iter()
                    .filter(|(theme, motion)| *theme == t.number && !motion)
                    .count() as i64,
                names: t.names,
            })
            .collect()
    }

    fn card(event: &Event, participants: i64, proposals: i64, consolidated: i64) -> EventCard {
        EventCard {
            slug: event.slug.clone(),
            kind: event.kind,
            name: event.name.clone(),
            organizer: event.organizer.clone(),
            held_on: event.held_on,
            place: event.place.clone(),
            online_link: event.online_link.clone(),
            languages: event.languages.clone(),
            expected_audience: event.expected_audience,
            participants,
            proposals,
            consolidated,
        }
    }

    async fn title_labels(
        db: &Db,
        proposal: &Proposal,
    ) -> Result<(Labels, Vec<(String, String)>), AppError> {
        if proposal.status == ProposalStatus::Hidden {
            return Ok((Labels::default(), Vec::new()));
        }
        let translations = proposal_store::translations(db, proposal.id).await?;
        let mut titles = vec![(proposal.language.clone(), proposal.title.clone())];
        let mut bodies = vec![(proposal.language.clone(), proposal.body.clone())];
        for (lang, title, body) in translations
            .into_iter()
            .filter(|(l, ..)| *l != proposal.language)
        {
            titles.push((lang.clone(), title));
            bodies.push((lang, body));
        }
        Ok((Labels::from_pairs(titles), bodies))
    }

    fn proposal_card(p: &Proposal, event: &Event, title: Labels) -> ProposalCard {
        ProposalCard {
            id: p.id,
            theme: p.theme,
            level: p.level.clone(),
            title,
            status: p.status,
            supports: p.supports,
            event: event.slug.clone(),
            event_name: event.name.clone(),
        }
    }

    /// Events by id, approved ones only.
    async fn public_events(
        db: &Db,
        conference: &Conference,
    ) -> Result<HashMap<EventId, Event>, AppError> {
        Ok(event_store::events_of(db, conference.id, true)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect())
    }

    pub async fn edition_page(
        organization: &str,
        conference: &str,
    ) -> Result<EditionPage, AppError> {
        let app = app_state()?;
        let db = &app.db;
        let (found, head) = edition(db, organization, conference).await?;
        let history = timeline_store::phase_history(db, found.process()).await?;
        let events = event_store::events_of(db, found.id, true).await?;
        let checked_in: HashMap<_, _> = event_store::checked_in_counts(db, found.id)
            .await?
            .into_iter()
            .collect();
        let proposals = proposal_store::proposals_of_conference(db, found.id).await?;
        let consolidated = consolidation_store::consolidated_of(db, found.id).await?;
        let event_of: HashMap<ProposalId, EventId> =
            proposals.iter().map(|p| (p.id, p.event)).collect();
        let cards = events
            .iter()
            .map(|e| {
                let own = proposals.iter().filter(|p| p.event == e.id).count() as i64;
                let fed = consolidated
                    .iter()
                    .filter(|c| {
                        !c.motion && c.sources.iter().any(|s| event_of.get(s) == Some(&e.id))
                    })
                    .count() as i64;
                card(e, checked_in.get(&e.id).copied().unwrap_or(0), own, fed)
            })
            .collect();
        let pairs: Vec<(i64, bool)> = consolidated.iter().map(|c| (c.theme, c.motion)).collect();
        Ok(EditionPage {
            head,
            history,
            themes: theme_counts(
                edition_store::themes(db, found.id).await?,
                &proposals,
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
        let consolidated = consolidation_store::consolidated_of(db, found.id).await?;
        let fed = consolidated
            .iter()
            .filter(|c| {
                !c.motion
                    && c.sources
                        .iter()
                        .any(|s| proposals.iter().any(|p| p.id == *s))
            })
            .count() as i64;
        let mut cards = Vec::with_capacity(proposals.len());
        for p in &proposals {
            let (title, _) = title_labels(db, p).await?;
            cards.push(proposal_card(p, &event, title));
        }
        let pairs: Vec<(i64, bool)> = consolidated
            .iter()
            .filter(|c| {
                c.sources
                    .iter()
                    .any(|s| proposals.iter().any(|p| p.id == *s))
            })
            .map(|c| (c.theme, c.motion))
            .collect();
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
                &proposals,
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

    pub async fn plenary_page(
        organization: &str,
        conference: &str,
    ) -> Result<PlenaryPage, AppError> {
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
        let titles = consolidation_store::consolidated_of(db, found.id)
            .await?
            .into_iter()
            .filter(|c| actions.iter().any(|a| a.from.contains(&c.code)))
            .map(|c| (c.code, c.title))
            .collect();
        Ok(PlanPage {
            head,
            actions,
            titles,
        })
    }

    pub async fn list_editions(organization: &str) -> Result<Vec<EditionCard>, AppError> {
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
        let pages =
            u32::try_from((total + proposal_store::PAGE_SIZE - 1) / proposal_store::PAGE_SIZE)
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
}
