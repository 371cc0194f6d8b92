//! `voz export`: the public ballot export of a closed election, in exactly the format
//! `voz tally` reads, with the tracking codes that `voz verify` chains.

use std::path::Path;

use voz_app::accounts::store as accounts_store;
use voz_app::db::Db;
use voz_app::elections::election::store as election_store;
use voz_app::results::export as export_store;

type Outcome = Result<(), Box<dyn std::error::Error>>;

pub async fn run(database_url: &str, org: &str, election: &str, out: &Path) -> Outcome {
    let db = Db::connect(database_url).await?;
    let organization = accounts_store::organization_by_slug(&db, org)
        .await?
        .ok_or_else(|| format!("no organization with slug {org:?}"))?;
    let record = election_store::election_by_slug(&db, organization.id, election).await?;
    if !record.phase.ballots_public() {
        return Err(format!(
            "election {election:?} is in phase {}: ballots are published once voting has closed",
            record.phase.code()
        )
        .into());
    }
    let bundle = export_store::export_bundle(&db, record.id).await?;
    std::fs::create_dir_all(out)?;
    let election_file = out.join("election.json");
    let ballots_file = out.join("ballots.jsonl");
    std::fs::write(&election_file, &bundle.election_json)?;
    std::fs::write(&ballots_file, &bundle.ballots_jsonl)?;
    std::fs::write(out.join("tracking-codes.txt"), &bundle.tracking_codes)?;
    eprintln!(
        "{} ballots → {}; recount with `voz tally {} {}`, check with `voz verify {} --head {}`",
        bundle.ballots,
        out.display(),
        election_file.display(),
        ballots_file.display(),
        out.display(),
        bundle.head
    );
    db.close().await;
    Ok(())
}
