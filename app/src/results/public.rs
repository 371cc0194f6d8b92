//! Results as the public reads them: the count of the stored ballots (the same pure
//! function as `voz tally`), with names, and turnout by channel, polling station and
//! nationality — from the marks (who voted where), never from the ballots, and with
//! groups under the election's minimum size merged (`results::groups`). Shown from the
//! provisional-results phase on.

use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::elections::calendar::rules::Phase;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::results::count::{BallotCounts, ParityOutcome, ReceiptMode};
use crate::results::groups::Breakdown;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsPage {
    pub organization: String,
    pub slug: String,
    pub title: String,
    pub phase: Phase,
    pub segments: Vec<SegmentResults>,
    /// Extra titulares (any segment), by rank.
    pub extra: Vec<String>,
    pub ballots: BallotCounts,
    pub parity: ParityOutcome,
    pub alternates_parity: ParityOutcome,
    /// The parity swaps the count made, in order, with names and votes.
    #[serde(default)]
    pub swaps: Vec<SwapExplained>,
    /// Voters per channel (channel codes as names).
    pub by_channel: Breakdown,
    /// Voters per polling station.
    pub by_station: Breakdown,
    /// Voters per (first) nationality.
    pub by_nationality: Breakdown,
    /// The smallest group a figure here describes.
    pub min_group_size: u32,
    /// The published bulletin board's head (what a recount of the export must rebuild).
    pub head: String,
}

/// One parity swap, ready to be said in words: where, who gave up the seat, who took it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwapExplained {
    /// The segment's label; `None` for the extra seats.
    pub segment: Option<String>,
    /// Among the alternates (not the titulares).
    pub alternates: bool,
    pub out: String,
    pub out_votes: u64,
    pub incoming: String,
    pub incoming_votes: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentResults {
    pub id: String,
    pub label: String,
    pub blank: u64,
    /// By rank.
    pub rows: Vec<CandidateResult>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Titular,
    Extra,
    Alternate,
    NotElected,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateResult {
    pub id: String,
    pub name: String,
    pub votes: u64,
    pub outcome: Outcome,
}

/// The bulletin board: every ballot's tracking code once voting has closed, and the head
/// of the hash chain over codes and ballots (see `results::board`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardPage {
    pub organization: String,
    pub slug: String,
    pub title: String,
    pub receipts: ReceiptMode,
    pub head: String,
    /// `separate` mode: the heads of the codes' and of the ballots' chains.
    pub parts: Option<(String, String)>,
    pub codes: Vec<String>,
}

#[server(prefix = "/api", endpoint = "board", input = JsonOrForm)]
pub async fn load_board(organization: String, election: String) -> Result<BoardPage, AppError> {
    respond(ssr::load_board(&organization, &election).await)
}

/// The official minutes (ata): everything an observer signs off, on one printable page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesPage {
    pub organization_name: String,
    pub results: ResultsPage,
    pub history: Vec<crate::elections::calendar::rules::PhaseChange>,
    pub lot_seed: String,
    pub parity_percent: u32,
    pub head: String,
    /// (station name, its signed closure, if signed)
    pub stations: Vec<(
        String,
        Option<crate::elections::station::rules::StationState>,
    )>,
}

#[server(prefix = "/api", endpoint = "minutes", input = JsonOrForm)]
pub async fn load_minutes(
    organization: String,
    election: String,
    locale: String,
) -> Result<MinutesPage, AppError> {
    respond(ssr::load_minutes(&organization, &election, &locale).await)
}

#[server(prefix = "/api", endpoint = "results", input = JsonOrForm)]
pub async fn load_results(
    organization: String,
    election: String,
    locale: String,
) -> Result<ResultsPage, AppError> {
    respond(ssr::load_results(&organization, &election, &locale).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::{
        BoardPage, CandidateResult, MinutesPage, Outcome, ResultsPage, SegmentResults,
        SwapExplained,
    };
    use crate::elections::candidacy::store as candidacy_store;
    use crate::elections::election::api::ssr::nationality_names;
    use crate::elections::election::lookup::election_of;
    use crate::elections::station::store::closure as closure_store;
    use crate::error::{AppError, ErrorCode};
    use crate::platform::timeline::store as timeline_store;
    use crate::platform::web::context::app_state;
    use crate::results::publication as publication_store;

    pub async fn load_board(organization: &str, election: &str) -> Result<BoardPage, AppError> {
        let app = app_state()?;
        let (org, record) = election_of(&app, organization, election).await?;
        let board = publication_store::published_board(&app.db, record.id, record.phase)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::WrongPhase))?;
        Ok(BoardPage {
            organization: org.slug,
            slug: record.slug,
            title: record.title,
            receipts: record.config.receipts,
            head: board.head,
            parts: board.parts,
            codes: board.tracking_codes.lines().map(str::to_owned).collect(),
        })
    }

    pub async fn load_minutes(
        organization: &str,
        election: &str,
        locale: &str,
    ) -> Result<MinutesPage, AppError> {
        let results = load_results(organization, election, locale).await?;
        let app = app_state()?;
        let (org, record) = election_of(&app, organization, election).await?;
        let history = timeline_store::phase_history(&app.db, record.process())
            .await
            .map_err(AppError::from)?;
        let head = results.head.clone();
        let mut stations = Vec::new();
        for station in &record.settings.stations {
            let state = closure_store::station_state(&app.db, record.id, station.id)
                .await
                .map_err(|_| AppError::new(ErrorCode::Internal))?;
            stations.push((station.name.clone(), state.closed.then_some(state)));
        }
        Ok(MinutesPage {
            organization_name: org.name_for(locale),
            results,
            history,
            lot_seed: record.config.lot_seed.clone(),
            parity_percent: (record.config.parity.ratio * 100.0).round() as u32,
            head,
            stations,
        })
    }

    /// The results page, from what was published at this phase (never recounted here).
    pub async fn load_results(
        organization: &str,
        election: &str,
        locale: &str,
    ) -> Result<ResultsPage, AppError> {
        let app = app_state()?;
        let (org, record) = election_of(&app, organization, election).await?;
        let published = publication_store::published_results(&app.db, record.id, record.phase)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::WrongPhase))?;
        let result = published.count;
        let head = publication_store::published_board(&app.db, record.id, record.phase)
            .await
            .map_err(AppError::from)?
            .map(|b| b.head)
            .unwrap_or_default();
        let candidacies = candidacy_store::candidacies(&app.db, record.id)
            .await
            .map_err(AppError::from)?;
        let name_of = |id: &str| {
            candidacies
                .iter()
                .find(|c| c.candidate_id == id)
                .map_or_else(|| id.to_owned(), |c| c.candidacy.name.clone())
        };
        let segments = result
            .segments
            .iter()
            .map(|(id, segment)| SegmentResults {
                id: id.clone(),
                label: record.settings.segment_label(id, locale),
                blank: segment.blank,
                rows: segment
                    .votes
                    .iter()
                    .map(|(candidate, votes)| CandidateResult {
                        id: candidate.clone(),
                        name: name_of(candidate),
                        votes: *votes,
                        outcome: if segment.titulares.contains(candidate) {
                            Outcome::Titular
                        } else if result.extra.contains(candidate) {
                            Outcome::Extra
                        } else if segment.alternates.contains(candidate) {
                            Outcome::Alternate
                        } else {
                            Outcome::NotElected
                        },
                    })
                    .collect(),
            })
            .collect();
        let votes_of = |id: &str| {
            result
                .segments
                .iter()
                .flat_map(|(_, segment)| segment.votes.iter())
                .find(|(candidate, _)| candidate == id)
                .map_or(0, |(_, votes)| *votes)
        };
        let swaps = published
            .swaps
            .iter()
            .map(|swap| SwapExplained {
                segment: swap
                    .segment
                    .as_ref()
                    .map(|id| record.settings.segment_label(id, locale)),
                alternates: swap.alternates,
                out: name_of(&swap.out),
                out_votes: votes_of(&swap.out),
                incoming: name_of(&swap.incoming),
                incoming_votes: votes_of(&swap.incoming),
            })
            .collect();
        // Nationalities were published as codes: named here in the reader's language.
        let names = nationality_names(locale);
        let mut by_nationality = published.turnout.by_nationality;
        for (code, _) in &mut by_nationality.rows {
            if let Some((_, name)) = names.iter().find(|(c, _)| c == code) {
                *code = name.clone();
            }
        }
        Ok(ResultsPage {
            organization: org.slug,
            slug: record.slug,
            title: record.title,
            phase: record.phase,
            segments,
            extra: result.extra.iter().map(|id| name_of(id)).collect(),
            ballots: result.ballots,
            parity: result.parity,
            alternates_parity: result.alternates_parity,
            swaps,
            by_channel: published.turnout.by_channel,
            by_station: published.turnout.by_station,
            by_nationality,
            min_group_size: record.settings.min_group_size,
            head,
        })
    }
}
