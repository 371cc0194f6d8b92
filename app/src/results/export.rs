//! The public export of a closed election: what `voz export` writes and what the election's
//! download links serve. `election.json` + `ballots.jsonl` are exactly `voz tally`'s input;
//! `tracking-codes.txt` holds the code of each ballot line, so that `voz verify` can rebuild
//! the bulletin board's chain and compare its head with the published one.

use crate::db::Db;
use crate::elections::store::{ElectionError, ElectionId, corrupt};
use crate::results::board;

pub struct ExportBundle {
    pub election_json: String,
    pub ballots_jsonl: String,
    pub tracking_codes: String,
    pub head: String,
    pub ballots: usize,
}

impl Db {
    /// The export of `election`, ballots in tracking-code order. The caller checks that
    /// the election's ballots are public.
    pub async fn export_bundle(&self, election: ElectionId) -> Result<ExportBundle, ElectionError> {
        let record = self.election(election).await?;
        let ballots = self.ballots(election).await?;
        let mut ballots_jsonl = String::new();
        let mut tracking_codes = String::new();
        for (code, ballot) in &ballots {
            ballots_jsonl.push_str(&board::canonical(ballot));
            ballots_jsonl.push('\n');
            tracking_codes.push_str(code);
            tracking_codes.push('\n');
        }
        let head = board::head(ballots.iter().map(|(c, b)| (c.as_str(), b))).map_err(corrupt)?;
        Ok(ExportBundle {
            election_json: serde_json::to_string_pretty(&record.config).map_err(corrupt)? + "\n",
            ballots_jsonl,
            tracking_codes,
            head,
            ballots: ballots.len(),
        })
    }
}
