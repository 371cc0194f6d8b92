//! What everyone may see of an election (its calendar, segments and, from the final list
//! on, its candidates) and the reader's own part in it (their candidacy, whether they
//! voted). Filing, appealing and naming a representative are `candidacy::api`.

use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::elections::calendar::rules::Phase;
use crate::elections::candidacy::{CandidacyStatus, CandidateKind};
use crate::elections::election::settings::{InPersonDay, Station};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionPage {
    pub organization: String,
    pub organization_name: String,
    pub slug: String,
    pub title: String,
    pub phase: Phase,
    /// When each phase began (Unix milliseconds), oldest first.
    pub history: Vec<crate::elections::calendar::rules::PhaseChange>,
    /// Each phase's current last day, where the commission set one.
    pub deadlines: Vec<(Phase, Date)>,
    /// Every deadline set or extended, oldest first.
    pub deadline_changes: Vec<crate::elections::calendar::rules::DeadlineChange>,
    pub segments: Vec<SegmentView>,
    pub extra_seats: usize,
    pub online: Option<(Date, Date)>,
    pub in_person: Option<InPersonDay>,
    pub stations: Vec<Station>,
    /// Online voting is open right now (the ballot is offered only then).
    pub online_open: bool,
    /// The parity rule (percent of each group) and the lot seed: public from configuration.
    pub parity_percent: u32,
    pub lot_seed: String,
    pub receipts: crate::results::count::ReceiptMode,
    /// The smallest group any published figure describes.
    pub min_group_size: u32,
    /// The reader's part, when signed in.
    pub me: Option<MyPart>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentView {
    pub id: String,
    /// Its name in the reader's language (else English, else the original).
    pub label: String,
    /// Every language it is named in, the original first.
    pub labels: crate::platform::text::labels::Labels,
    pub kind: CandidateKind,
    pub seats: usize,
    pub alternates: usize,
    pub max_choices: usize,
    /// Empty until the final list is public; sorted by name.
    pub candidates: Vec<CandidateView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateView {
    /// The id in the count and on ballots (`c12`).
    pub id: String,
    pub name: String,
    pub representative: Option<String>,
    pub nationality: String,
    /// The platform in the reader's language (or the nearest one), rendered and sanitized.
    pub platform_html: String,
    pub platform_lang: String,
    /// The photo's address, if the candidate sent one.
    pub photo: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPart {
    pub enabled_voter: bool,
    pub voted: bool,
    /// Why the reader may not vote online now, if they may not.
    pub refusal: Option<crate::elections::eligibility::Refusal>,
    pub candidacy: Option<MyCandidacy>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCandidacy {
    pub name: String,
    pub organization: bool,
    pub representative: Option<String>,
    pub segment: String,
    pub status: CandidacyStatus,
    pub reason: Option<String>,
    pub appeal: Option<String>,
    pub appeal_decision: Option<String>,
    /// The photo's address, if one is on file.
    pub photo: Option<String>,
}

#[server(prefix = "/api", endpoint = "election", input = JsonOrForm)]
pub async fn load_election(
    organization: String,
    election: String,
    locale: String,
) -> Result<ElectionPage, AppError> {
    respond(ssr::load_election(&organization, &election, &locale).await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::{CandidateView, ElectionPage, MyCandidacy, MyPart, SegmentView};
    use crate::db::now_millis;
    use crate::elections::candidacy::store as candidacy_store;
    use crate::elections::candidacy::store::CandidacyRecord;
    use crate::elections::election::lookup::election_of;
    use crate::elections::election::store as election_store;
    use crate::elections::election::store::ElectionRecord;
    use crate::elections::eligibility::{Channel, channel_open, may_vote};
    use crate::elections::photo::http::photo_url;
    use crate::elections::photo::store as photo_store;
    use crate::error::AppError;
    use crate::platform::text::markdown;
    use crate::platform::timeline::store as timeline_store;
    use crate::platform::web::context::{app_state, current_account};
    use crate::state::AppState;

    /// A candidacy as the public sees it, in `locale`.
    pub fn candidate_view(
        record: &CandidacyRecord,
        locale: &str,
        names: &[(String, String)],
        photo: Option<String>,
    ) -> CandidateView {
        let c = &record.candidacy;
        let (platform_lang, platform) = c
            .platform
            .iter()
            .find(|(l, _)| l == locale)
            .or_else(|| c.platform.first())
            .cloned()
            .unwrap_or_default();
        CandidateView {
            id: record.candidate_id.clone(),
            name: c.name.clone(),
            representative: c.representative.clone(),
            nationality: names
                .iter()
                .find(|(code, _)| code == &c.nationality)
                .map_or_else(|| c.nationality.clone(), |(_, name)| name.clone()),
            platform_html: markdown::render(&platform),
            platform_lang,
            photo,
        }
    }

    /// The photo address of each candidacy of an election that has one.
    pub struct PhotoAddresses {
        organization: String,
        election: String,
        digests: Vec<(i64, String)>,
    }

    impl PhotoAddresses {
        pub async fn of(
            app: &AppState,
            organization: &str,
            record: &ElectionRecord,
        ) -> Result<Self, AppError> {
            Ok(Self {
                organization: organization.to_owned(),
                election: record.slug.clone(),
                digests: photo_store::photo_digests(&app.db, record.id)
                    .await
                    .map_err(AppError::from)?,
            })
        }

        pub fn of_candidacy(&self, candidacy: i64) -> Option<String> {
            self.digests
                .iter()
                .find(|(id, _)| *id == candidacy)
                .map(|(id, digest)| {
                    photo_url(
                        &self.organization,
                        &self.election,
                        &crate::elections::candidacy::store::candidate_id(*id),
                        digest,
                    )
                })
        }
    }

    pub fn nationality_names(locale: &str) -> Vec<(String, String)> {
        crate::accounts::country_names::nationality_options(locale)
            .into_iter()
            .map(|o| (o.code, o.name))
            .collect()
    }

    pub async fn load_election(
        organization: &str,
        election: &str,
        locale: &str,
    ) -> Result<ElectionPage, AppError> {
        let app = app_state()?;
        let (org, record) = election_of(&app, organization, election).await?;
        let history = timeline_store::phase_history(&app.db, record.process())
            .await
            .map_err(AppError::from)?;
        let deadlines = timeline_store::deadlines(&app.db, record.process())
            .await
            .map_err(AppError::from)?;
        let deadline_changes = timeline_store::deadline_changes(&app.db, record.process())
            .await
            .map_err(AppError::from)?;
        let names = nationality_names(locale);
        let candidacies = if record.phase.candidates_public() {
            candidacy_store::candidacies(&app.db, record.id)
                .await
                .map_err(AppError::from)?
        } else {
            vec![]
        };
        let photos = PhotoAddresses::of(&app, &org.slug, &record).await?;
        let segments = record
            .config
            .segments
            .iter()
            .map(|segment| {
                let info = record.settings.segments.iter().find(|s| s.id == segment.id);
                let mut candidates: Vec<CandidateView> = if record.phase.candidates_public() {
                    record
                        .config
                        .candidates
                        .iter()
                        .filter(|c| c.segment == segment.id)
                        .map(
                            |c| match candidacies.iter().find(|r| r.candidate_id == c.id) {
                                Some(r) => {
                                    candidate_view(r, locale, &names, photos.of_candidacy(r.id))
                                }
                                // An imported list names candidates by id only.
                                None => CandidateView {
                                    id: c.id.clone(),
                                    name: c.id.clone(),
                                    representative: None,
                                    nationality: String::new(),
                                    platform_html: String::new(),
                                    platform_lang: String::new(),
                                    photo: None,
                                },
                            },
                        )
                        .collect()
                } else {
                    vec![]
                };
                candidates.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
                SegmentView {
                    id: segment.id.clone(),
                    label: info
                        .and_then(|i| i.labels.text(locale))
                        .unwrap_or(&segment.id)
                        .to_owned(),
                    labels: info.map(|i| i.labels.clone()).unwrap_or_default(),
                    kind: info.map_or(
                        crate::elections::candidacy::CandidateKind::Individual,
                        |i| i.kind,
                    ),
                    seats: segment.seats,
                    alternates: segment.alternates,
                    max_choices: segment.max_choices,
                    candidates,
                }
            })
            .collect();
        let local = crate::calendar::local_time(&org.rules.time_zone, now_millis());
        let online_open = record.phase == crate::elections::calendar::rules::Phase::Voting
            && channel_open(&record.settings, Channel::Online, local).is_ok();
        let me = match current_account().await? {
            None => None,
            Some(account) => {
                let registrant = election_store::registrant(&app.db, org.id, account)
                    .await
                    .map_err(AppError::from)?;
                let refusal = may_vote(
                    record.phase,
                    &record.settings,
                    registrant,
                    Channel::Online,
                    local,
                )
                .err();
                let candidacy = candidacy_store::candidacy_of(&app.db, record.id, account)
                    .await
                    .map_err(AppError::from)?
                    .map(|r| MyCandidacy {
                        photo: photos.of_candidacy(r.id),
                        organization: r.candidacy.kind
                            == crate::elections::candidacy::CandidateKind::Organization,
                        representative: r.candidacy.representative,
                        name: r.candidacy.name,
                        segment: r.candidacy.segment,
                        status: r.status,
                        reason: r.reason,
                        appeal: r.appeal,
                        appeal_decision: r.appeal_decision,
                    });
                Some(MyPart {
                    refusal,
                    enabled_voter: election_store::is_enabled_voter(&app.db, org.id, account)
                        .await
                        .map_err(AppError::from)?,
                    voted: election_store::has_voted(&app.db, record.id, account)
                        .await
                        .map_err(AppError::from)?,
                    candidacy,
                })
            }
        };
        Ok(ElectionPage {
            organization_name: org.name_for(locale),
            organization: org.slug,
            slug: record.slug,
            title: record.title,
            phase: record.phase,
            history,
            deadlines,
            deadline_changes,
            segments,
            extra_seats: record.config.extra_seats,
            online: record.settings.online,
            in_person: record.settings.in_person,
            online_open,
            parity_percent: (record.config.parity.ratio * 100.0).round() as u32,
            lot_seed: record.config.lot_seed.clone(),
            receipts: record.config.receipts,
            min_group_size: record.settings.min_group_size,
            stations: record.settings.stations,
            me,
        })
    }

    /// A reason or an appeal: required, plain text, at most `max` characters.
    /// Paragraphs (a reason, an appeal, a justification) checked as `platform::text`
    /// does, or the field's translated problem.
    pub fn reason_text(field: &str, text: &str, max: u16) -> Result<String, AppError> {
        use crate::platform::text::{for_field, paragraphs};
        for_field(field, paragraphs(text, max))
    }
}
