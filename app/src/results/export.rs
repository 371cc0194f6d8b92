//! The public export of a closed election: what `voz export` writes and what the election's
//! download links serve. `election.json` + `ballots.jsonl` are exactly `voz tally`'s input;
//! `tracking-codes.txt` holds every tracking code, so that `voz verify` can rebuild the
//! bulletin board's chains and compare the head with the published one. In the default
//! `separate` receipt mode line *i* of the codes says nothing about line *i* of the
//! ballots; in `paired` mode it is that ballot's code (see `results::board`).

use crate::db::Db;
use crate::elections::election::store as election_store;
use crate::elections::election::store::{ElectionError, ElectionId, corrupt};
use crate::results::board;
use crate::results::count::ReceiptMode;

pub struct ExportBundle {
    pub mode: ReceiptMode,
    pub election_json: String,
    pub ballots_jsonl: String,
    pub tracking_codes: String,
    pub head: String,
    /// `separate` mode: the heads of the codes' and of the ballots' chains.
    pub parts: Option<(String, String)>,
    pub ballots: usize,
}

/// The export of `election`. The caller checks that the election's ballots are public.
pub async fn export_bundle(db: &Db, election: ElectionId) -> Result<ExportBundle, ElectionError> {
    let record = election_store::election(db, election).await?;
    let ballots = election_store::ballots(db, election).await?;
    let count = ballots.len();
    let published = board::publish(record.config.receipts, ballots);
    let lines = |items: &[String]| items.iter().map(|i| format!("{i}\n")).collect::<String>();
    Ok(ExportBundle {
        mode: published.mode,
        election_json: serde_json::to_string_pretty(&record.config).map_err(corrupt)? + "\n",
        ballots_jsonl: lines(&published.ballots),
        tracking_codes: lines(&published.codes),
        head: published.head,
        parts: published.parts,
        ballots: count,
    })
}
