//! What the public reads of a closed election, computed once per phase change and stored:
//! the bulletin board and the exports (from voting's close on), the count and the turnout
//! figures (from the provisional results on). Pages and downloads read the stored copy, so
//! a results page costs the same with 1,000 ballots as with 1,000,000, and every reader
//! gets exactly the figures published at that phase.
//!
//! A publication belongs to a phase: when the calendar moves, the commission's move
//! publishes again (after the seal). A reader who finds none for the current phase (a
//! publication that failed, an older database) triggers it once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::db::{Db, Tx};
use crate::elections::calendar::rules::Phase;
use crate::elections::election::store as election_store;
use crate::elections::election::store::{ElectionError, ElectionId, corrupt};
use crate::platform::access::store as access_store;
use crate::platform::voting::store as voting_store;
use crate::results::count::{Swap, TallyResult};
use crate::results::export as export_store;
use crate::results::export::ExportBundle;
use crate::results::groups::{Breakdown, protect};
use crate::{execute, on_db};

/// The count and the turnout, as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedResults {
    pub count: TallyResult,
    pub turnout: Turnout,
    /// The parity swaps the count made, for the page to explain in words (absent from
    /// publications made before Voz kept them).
    #[serde(default)]
    pub swaps: Vec<Swap>,
}

/// Voters per channel (codes), per station (names) and per first nationality (codes, to
/// be named in the reader's language), each with groups under the election's *k* merged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turnout {
    pub by_channel: Breakdown,
    pub by_station: Breakdown,
    pub by_nationality: Breakdown,
}

/// One of the stored export files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFile {
    Election,
    Ballots,
    TrackingCodes,
}

impl ExportFile {
    fn column(self) -> &'static str {
        match self {
            Self::Election => "election_json",
            Self::Ballots => "ballots_jsonl",
            Self::TrackingCodes => "tracking_codes",
        }
    }
}

/// The board as published: its head, the two chains' heads (`separate` mode) and the codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedBoard {
    pub head: String,
    pub parts: Option<(String, String)>,
    pub tracking_codes: String,
}

/// Computes and stores what the public reads of `election` in its current phase
/// (nothing while voting is open). Run after the seal, at every move from counting on.
pub async fn publish(db: &Db, election: ElectionId, now: i64) -> Result<(), ElectionError> {
    let record = election_store::election(db, election).await?;
    if !record.phase.ballots_public() {
        return Ok(());
    }
    let bundle = export_store::export_bundle(db, election).await?;
    let results = if record.phase.results_public() {
        let (count, swaps) = election_store::count(db, election).await?;
        let turnout = turnout(db, election).await?;
        let published = PublishedResults {
            count,
            turnout,
            swaps,
        };
        Some(serde_json::to_string(&published).map_err(corrupt)?)
    } else {
        None
    };
    let mut tx = db.begin_write().await?;
    store_publication(
        &mut tx,
        election,
        record.phase,
        &bundle,
        results.as_deref(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The phase the stored publication was made in, if any.
async fn published_phase(db: &Db, election: ElectionId) -> Result<Option<Phase>, ElectionError> {
    let row: Option<(String,)> = on_db!(db, |pool| {
        sqlx::query_as("SELECT phase FROM election_publications WHERE election_id = $1")
            .bind(election.0)
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.and_then(|(p,)| Phase::from_code(&p)))
}

/// Makes sure the publication matches `phase` (publishing once if not).
async fn ensure_published(
    db: &Db,
    election: ElectionId,
    phase: Phase,
) -> Result<(), ElectionError> {
    if published_phase(db, election).await? != Some(phase) {
        publish(db, election, crate::db::now_millis()).await?;
    }
    Ok(())
}

/// The published count and turnout (`None` before results are public).
pub async fn published_results(
    db: &Db,
    election: ElectionId,
    phase: Phase,
) -> Result<Option<PublishedResults>, ElectionError> {
    if !phase.results_public() {
        return Ok(None);
    }
    ensure_published(db, election, phase).await?;
    let row: Option<(Option<String>,)> = on_db!(db, |pool| {
        sqlx::query_as("SELECT results FROM election_publications WHERE election_id = $1")
            .bind(election.0)
            .fetch_optional(pool)
            .await
    })?;
    row.and_then(|(r,)| r)
        .map(|json| serde_json::from_str(&json).map_err(corrupt))
        .transpose()
}

/// The published board (`None` while voting is open).
pub async fn published_board(
    db: &Db,
    election: ElectionId,
    phase: Phase,
) -> Result<Option<PublishedBoard>, ElectionError> {
    if !phase.ballots_public() {
        return Ok(None);
    }
    ensure_published(db, election, phase).await?;
    let row: Option<(String, Option<String>, String)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT board_head, board_parts, tracking_codes FROM election_publications WHERE election_id = $1",
        )
        .bind(election.0)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.map(|(head, parts, tracking_codes)| PublishedBoard {
        head,
        parts: parts.and_then(|p| p.split_once(' ').map(|(c, b)| (c.to_owned(), b.to_owned()))),
        tracking_codes,
    }))
}

/// One published export file (`None` while voting is open).
pub async fn published_file(
    db: &Db,
    election: ElectionId,
    phase: Phase,
    file: ExportFile,
) -> Result<Option<String>, ElectionError> {
    if !phase.ballots_public() {
        return Ok(None);
    }
    ensure_published(db, election, phase).await?;
    let column = file.column();
    let row: Option<(String,)> = on_db!(db, |pool| {
        sqlx::query_as(&format!(
            "SELECT {column} FROM election_publications WHERE election_id = $1"
        ))
        .bind(election.0)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.map(|(text,)| text))
}

/// Turnout from the marks (who voted where and how), never from the ballots.
async fn turnout(db: &Db, election: ElectionId) -> Result<Turnout, ElectionError> {
    let record = election_store::election(db, election).await?;
    let k = u64::from(record.settings.min_group_size);
    let by_place = voting_store::marks_by_place(db, record.poll).await?;
    let mut by_channel: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_station: BTreeMap<String, u64> = BTreeMap::new();
    for (channel, station, count) in by_place {
        let count = u64::try_from(count).unwrap_or(0);
        *by_channel.entry(channel.code().to_owned()).or_default() += count;
        if let Some(station) = station {
            let name = record
                .settings
                .station(station)
                .map_or_else(|| format!("#{station}"), |s| s.name.clone());
            *by_station.entry(name).or_default() += count;
        }
    }
    let mut nationalities: BTreeMap<String, u64> = BTreeMap::new();
    for code in
        access_store::first_nationalities_of_voters(db, record.organization, record.poll).await?
    {
        *nationalities.entry(code).or_default() += 1;
    }
    Ok(Turnout {
        by_channel: protect(by_channel.into_iter().collect(), k),
        by_station: protect(by_station.into_iter().collect(), k),
        by_nationality: protect(nationalities.into_iter().collect(), k),
    })
}

async fn store_publication(
    tx: &mut Tx,
    election: ElectionId,
    phase: Phase,
    bundle: &ExportBundle,
    results: Option<&str>,
    now: i64,
) -> Result<(), ElectionError> {
    let parts = bundle.parts.as_ref().map(|(c, b)| format!("{c} {b}"));
    execute!(
        tx,
        "INSERT INTO election_publications (election_id, phase, election_json, tracking_codes, \
          ballots_jsonl, board_head, board_parts, ballot_count, results, computed_at) \
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
          ON CONFLICT (election_id) DO UPDATE SET phase = excluded.phase, \
          election_json = excluded.election_json, tracking_codes = excluded.tracking_codes, \
          ballots_jsonl = excluded.ballots_jsonl, board_head = excluded.board_head, \
          board_parts = excluded.board_parts, ballot_count = excluded.ballot_count, \
          results = excluded.results, computed_at = excluded.computed_at",
        election.0,
        phase.code(),
        &bundle.election_json,
        &bundle.tracking_codes,
        &bundle.ballots_jsonl,
        &bundle.head,
        &parts,
        i64::try_from(bundle.ballots).unwrap_or(i64::MAX),
        results,
        now,
    )?;
    Ok(())
}
