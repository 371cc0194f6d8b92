//! The demo's conference edition `conf-2019` of `cmi-sp`, modelled on São Paulo's 2019
//! Municipal Conference of Immigrant Policies (`content`): loaded through the same store
//! functions the pages use — free conferences registered by their groups and reviewed
//! (one sent back and corrected first), participants registered and checked in,
//! proposals written by them and supported, moderation, consolidation with lineage —
//! with a progress bar, since it writes a few thousand rows.

mod content;
mod deliberation;
mod votes;

use indicatif::{ProgressBar, ProgressStyle};
use voz_app::accounts::store as accounts_store;
use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::{AccountId, OrganizationId};
use voz_app::conferences::consolidation::rules::NewConsolidated;
use voz_app::conferences::consolidation::store as consolidation_store;
use voz_app::conferences::edition::Conference;
use voz_app::conferences::edition::rules::{NewConference, Phase, default_levels};
use voz_app::conferences::edition::store as edition_store;
use voz_app::conferences::event::rules::{EventForm, EventKind, validate_event};
use voz_app::conferences::event::store as event_store;
use voz_app::conferences::proposal::rules::{NewProposal, Outcome};
use voz_app::conferences::proposal::store as proposal_store;
use voz_app::db::{Db, Tx};
use voz_app::platform::ids::{EventId, ProposalId};
use voz_app::platform::review::Verdict;
use voz_app::platform::text::labels::Labels;

use content::{Demo, Fate};

pub(crate) type Outcome_ = Result<(), Box<dyn std::error::Error>>;

pub const SLUG: &str = "conf-2019";

pub(crate) fn bar(length: usize, what: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(length as u64).with_message(what);
    bar.set_style(
        ProgressStyle::with_template("{msg:>14} [{bar:30}] {pos}/{len}")
            .expect("progress template")
            .progress_chars("=> "),
    );
    bar
}

async fn advance(
    db: &Db,
    conference: &mut Conference,
    to: Phase,
    by: AccountId,
    now: i64,
) -> Outcome_ {
    let mut tx = db.begin_write().await?;
    edition_store::move_phase(&mut tx, conference.id, to, Some(by), now).await?;
    tx.commit().await?;
    *conference = edition_store::conference_by_id(db, conference.id).await?;
    Ok(())
}

async fn person(
    tx: &mut Tx,
    name: &str,
    locale: &str,
    now: i64,
) -> Result<AccountId, Box<dyn std::error::Error>> {
    Ok(
        accounts_store::create_account(tx, &new_user_handle().to_string(), name, locale, true, now)
            .await?,
    )
}

fn event_form(event: &content::Event) -> EventForm {
    let (year, month, day) = event.date;
    EventForm {
        name: event.name.clone(),
        organizer: event.organizer.clone(),
        held_on: format!("{year:04}-{month:02}-{day:02}"),
        place: event.place.clone().unwrap_or_default(),
        online_link: event.online_link.clone().unwrap_or_default(),
        expected_audience: event.expected_audience.to_string(),
        languages: event.languages.iter().map(|l| (*l).to_owned()).collect(),
    }
}

/// The next edition, `conf-2027`: announced (preparation), two pre-conferences set,
/// taking free conferences' registrations.
pub const UPCOMING: &str = "conf-2027";

/// Adds `conf-2019` and `conf-2027` to `organization` unless they are there.
pub async fn load(
    db: &Db,
    organization: OrganizationId,
    organizer: AccountId,
    now: i64,
) -> Outcome_ {
    if edition_store::conference_by_slug(db, organization, SLUG)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let demo = content::demo();
    upcoming(db, organization, organizer, &demo, now).await?;
    let mut conference = create(db, organization, organizer, &demo, now).await?;
    advance(db, &mut conference, Phase::Preparation, organizer, now).await?;
    let events = events(db, &conference, organizer, &demo, now).await?;
    advance(db, &mut conference, Phase::Events, organizer, now).await?;
    let participants = participants(db, &conference, organizer, &demo, &events, now).await?;
    let proposals = proposals(
        db,
        &conference,
        organizer,
        &demo,
        &events,
        &participants,
        now,
    )
    .await?;
    deliberation::deliberation(
        db,
        &conference,
        organizer,
        &demo,
        &participants,
        &proposals,
        now,
    )
    .await?;
    votes::event_votes(
        db,
        &conference,
        organizer,
        &demo,
        &events,
        &participants,
        &proposals,
        now,
    )
    .await?;
    advance(db, &mut conference, Phase::Consolidation, organizer, now).await?;
    let codes = consolidate(db, &conference, organizer, &demo, &proposals, now).await?;
    advance(db, &mut conference, Phase::Plenary, organizer, now).await?;
    votes::plenary(db, &conference, organizer, &demo, &codes, now).await?;
    advance(db, &mut conference, Phase::Plan, organizer, now).await?;
    votes::plan(db, &conference, organizer, &demo, &codes, now).await?;
    advance(db, &mut conference, Phase::Monitoring, organizer, now).await?;
    voz_app::platform::voting::store::seal_ballot_box(db).await?;
    let record = voz_app::conferences::record::public_record(db, &conference).await?;
    let count = |result: &str| {
        record
            .consolidated
            .iter()
            .filter(|c| c.result == Some(result))
            .count()
    };
    println!(
        "conference `{SLUG}`: {} events, {} proposals consolidated into {}; plenary: {} priorities, {} approved, {} motions; plan: {} actions",
        record.events.len(),
        record.proposals.len(),
        record.consolidated.len(),
        count("priority"),
        count("approved"),
        count("motion"),
        record.plan.len()
    );
    Ok(())
}

async fn upcoming(
    db: &Db,
    organization: OrganizationId,
    organizer: AccountId,
    demo: &Demo,
    now: i64,
) -> Outcome_ {
    let new = NewConference {
        slug: UPCOMING.into(),
        names: Labels::from_pairs([
            (
                "pt-BR",
                "4ª Conferência Municipal de Políticas para Imigrantes",
            ),
            ("en", "4th Municipal Conference on Immigrant Policies"),
            (
                "es",
                "4.ª Conferencia Municipal de Políticas para Inmigrantes",
            ),
            (
                "fr",
                "4e Conférence municipale des politiques pour les immigrés",
            ),
            ("ht", "4yèm Konferans Minisipal sou Politik pou Imigran yo"),
            ("ar", "المؤتمر البلدي الرابع لسياسات المهاجرين"),
        ]),
        starts_on: "2027-03-01".parse()?,
        ends_on: "2027-11-30".parse()?,
        themes: demo
            .themes
            .iter()
            .map(|t| Labels::from_pairs(t.names.clone()))
            .collect(),
        levels: default_levels(),
    };
    let mut tx = db.begin_write().await?;
    let id =
        edition_store::create_conference(&mut tx, organization, &new, Some(organizer), now).await?;
    edition_store::move_phase(&mut tx, id, Phase::Preparation, Some(organizer), now).await?;
    let conference = edition_store::conference_by_id(&mut tx, id).await?;
    for (name, place, day) in [
        (
            "Pré-Conferência Regional Centro 2027",
            "CRAI – Rua Japurá, 234, Bela Vista",
            "2027-05-15",
        ),
        (
            "Pré-Conferência Regional Leste 2027",
            "CEU Aricanduva – Av. Olga Fadel Abarca, 1300",
            "2027-05-22",
        ),
    ] {
        let form = EventForm {
            name: name.into(),
            organizer: "Coordenação de Políticas para Imigrantes (SMDHC)".into(),
            held_on: day.into(),
            place: place.into(),
            online_link: String::new(),
            expected_audience: "150".into(),
            languages: ["pt-BR", "es", "fr", "ht", "ar", "en"]
                .iter()
                .map(|l| (*l).to_owned())
                .collect(),
        };
        let checked = validate_event(&form, conference.starts_on, conference.ends_on)
            .map_err(|p| format!("demo event {name:?}: {p:?}"))?;
        event_store::create_event(
            &mut tx,
            &conference,
            EventKind::PreConference,
            &checked,
            organizer,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn create(
    db: &Db,
    organization: OrganizationId,
    organizer: AccountId,
    demo: &Demo,
    now: i64,
) -> Result<Conference, Box<dyn std::error::Error>> {
    let new = NewConference {
        slug: SLUG.into(),
        names: Labels::from_pairs([
            (
                "pt-BR",
                "2ª Conferência Municipal de Políticas para Imigrantes",
            ),
            ("en", "2nd Municipal Conference on Immigrant Policies"),
            (
                "es",
                "2.ª Conferencia Municipal de Políticas para Inmigrantes",
            ),
            (
                "fr",
                "2e Conférence municipale des politiques pour les immigrés",
            ),
            ("ht", "2yèm Konferans Minisipal sou Politik pou Imigran yo"),
            ("ar", "المؤتمر البلدي الثاني لسياسات المهاجرين"),
        ]),
        starts_on: "2019-06-01".parse()?,
        ends_on: "2019-11-30".parse()?,
        themes: demo
            .themes
            .iter()
            .map(|t| Labels::from_pairs(t.names.clone()))
            .collect(),
        levels: default_levels(),
    };
    let mut tx = db.begin_write().await?;
    let id =
        edition_store::create_conference(&mut tx, organization, &new, Some(organizer), now).await?;
    tx.commit().await?;
    Ok(edition_store::conference_by_id(db, id).await?)
}

/// Pre-conferences by the organizers; free conferences registered by their groups and
/// approved (the first one sent back for its address, corrected, then approved).
async fn events(
    db: &Db,
    conference: &Conference,
    organizer: AccountId,
    demo: &Demo,
    now: i64,
) -> Result<Vec<EventId>, Box<dyn std::error::Error>> {
    let progress = bar(demo.events.len(), "events");
    let mut ids = Vec::new();
    let mut tx = db.begin_write().await?;
    for (n, event) in demo.events.iter().enumerate() {
        let form = event_form(event);
        let checked = validate_event(&form, conference.starts_on, conference.ends_on)
            .map_err(|problems| format!("demo event {:?}: {problems:?}", event.name))?;
        let id = match event.kind {
            content::EventKind::PreConference => {
                event_store::create_event(
                    &mut tx,
                    conference,
                    EventKind::PreConference,
                    &checked,
                    organizer,
                    now,
                )
                .await?
                .id
            }
            content::EventKind::FreeConference => {
                let group = person(&mut tx, &event.organizer, "pt-BR", now).await?;
                let first = n
                    == demo
                        .events
                        .iter()
                        .position(|e| matches!(e.kind, content::EventKind::FreeConference))
                        .unwrap_or(0);
                let registered = if first {
                    // Registered without the street, sent back, corrected.
                    let vague = validate_event(
                        &EventForm {
                            place: "São Paulo".into(),
                            ..form.clone()
                        },
                        conference.starts_on,
                        conference.ends_on,
                    )
                    .map_err(|p| format!("{p:?}"))?;
                    let id = event_store::create_event(
                        &mut tx,
                        conference,
                        EventKind::FreeConference,
                        &vague,
                        group,
                        now,
                    )
                    .await?
                    .id;
                    let back = Verdict::FixBy {
                        reason: "Informe o endereço completo do local.".into(),
                        by: None,
                    };
                    event_store::review_event(&mut tx, conference, id, &back, organizer, now)
                        .await?;
                    event_store::resubmit_event(&mut tx, id, &checked, group).await?;
                    id
                } else {
                    event_store::create_event(
                        &mut tx,
                        conference,
                        EventKind::FreeConference,
                        &checked,
                        group,
                        now,
                    )
                    .await?
                    .id
                };
                event_store::review_event(
                    &mut tx,
                    conference,
                    registered,
                    &Verdict::Accept,
                    organizer,
                    now,
                )
                .await?;
                registered
            }
        };
        ids.push(id);
        progress.inc(1);
    }
    tx.commit().await?;
    progress.finish();
    Ok(ids)
}

/// Each event's participants: registered (about 3 in 5 answer that they are immigrants)
/// and checked in at the door.
async fn participants(
    db: &Db,
    conference: &Conference,
    organizer: AccountId,
    demo: &Demo,
    events: &[EventId],
    now: i64,
) -> Result<Vec<Vec<AccountId>>, Box<dyn std::error::Error>> {
    let total: u32 = demo.events.iter().map(|e| e.participants).sum();
    let progress = bar(total as usize, "participants");
    let mut all = Vec::new();
    for (event, content) in events.iter().zip(&demo.events) {
        let found = event_store::event_by_id(db, *event).await?;
        let mut tx = db.begin_write().await?;
        let mut people = Vec::new();
        for n in 0..content.participants {
            let locale = content.languages[n as usize % content.languages.len()];
            let account = person(
                &mut tx,
                &format!("Participante {} · {}", n + 1, found.name),
                locale,
                now,
            )
            .await?;
            event_store::register_participant(&mut tx, &found, account, n % 5 < 3, now).await?;
            event_store::check_in(&mut tx, conference, *event, account, organizer, now).await?;
            people.push(account);
            progress.inc(1);
        }
        tx.commit().await?;
        all.push(people);
    }
    progress.finish();
    Ok(all)
}

/// Proposals written by their events' participants, supported by others of the event;
/// then moderation and withdrawals.
async fn proposals(
    db: &Db,
    conference: &Conference,
    organizer: AccountId,
    demo: &Demo,
    events: &[EventId],
    participants: &[Vec<AccountId>],
    now: i64,
) -> Result<Vec<ProposalId>, Box<dyn std::error::Error>> {
    let progress = bar(demo.proposals.len(), "proposals");
    let mut ids = Vec::new();
    let mut tx = db.begin_write().await?;
    for (n, p) in demo.proposals.iter().enumerate() {
        let event = event_store::event_by_id(&mut tx, events[p.event]).await?;
        let people = &participants[p.event];
        let author = people[n % people.len()];
        let new = NewProposal {
            theme: p.theme as i64 + 1,
            level: p.level.to_owned(),
            language: p.language.to_owned(),
            title: p.title.clone(),
            body: p.body.clone(),
        };
        let id =
            proposal_store::submit_proposal(&mut tx, conference, &event, author, &new, now).await?;
        for supporter in people
            .iter()
            .cycle()
            .skip(n + 1)
            .take((p.supports as usize).min(people.len()))
        {
            proposal_store::support(&mut tx, id, *supporter).await?;
        }
        match p.fate {
            Fate::Hidden => {
                proposal_store::hide(
                    &mut tx,
                    conference,
                    id,
                    "Conteúdo ofensivo a um grupo de pessoas.",
                    organizer,
                    now,
                )
                .await?;
            }
            Fate::Withdrawn => {
                proposal_store::set_outcome(
                    &mut tx,
                    conference,
                    id,
                    Outcome::Withdrawn,
                    organizer,
                    now,
                )
                .await?;
            }
            _ => {}
        }
        ids.push(id);
        progress.inc(1);
    }
    tx.commit().await?;
    progress.finish();
    Ok(ids)
}

/// The systematization: each consolidated proposal from its sources, every tenth one
/// edited once more (so the record shows versions), out-of-scope proposals marked.
async fn consolidate(
    db: &Db,
    conference: &Conference,
    organizer: AccountId,
    demo: &Demo,
    proposals: &[ProposalId],
    now: i64,
) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut codes = Vec::new();
    let progress = bar(demo.consolidated.len(), "consolidated");
    let mut tx = db.begin_write().await?;
    for (n, item) in demo.consolidated.iter().enumerate() {
        let sources: Vec<ProposalId> = demo
            .proposals
            .iter()
            .zip(proposals)
            .filter(|(p, _)| matches!(&p.fate, Fate::Into(into) if into.contains(&n)))
            .map(|(_, id)| *id)
            .collect();
        let new = NewConsolidated {
            theme: item.theme as i64 + 1,
            motion: item.motion,
            title: item.title.clone(),
            body: item.body.clone(),
            sources,
        };
        let created =
            consolidation_store::create_consolidated(&mut tx, conference, &new, organizer, now)
                .await?;
        codes.push(created.code.clone());
        if n.is_multiple_of(10) {
            let revised = NewConsolidated {
                body: format!(
                    "{}\n\nRedação revista pela comissão de sistematização.",
                    new.body
                ),
                ..new
            };
            consolidation_store::edit_consolidated(
                &mut tx,
                conference,
                &created.code,
                &revised,
                organizer,
                now + 60_000,
            )
            .await?;
        }
        progress.inc(1);
    }
    for (p, id) in demo.proposals.iter().zip(proposals) {
        if matches!(p.fate, Fate::OutOfScope) {
            proposal_store::set_outcome(
                &mut tx,
                conference,
                *id,
                Outcome::OutOfScope,
                organizer,
                now,
            )
            .await?;
        }
    }
    tx.commit().await?;
    progress.finish();
    Ok(codes)
}
