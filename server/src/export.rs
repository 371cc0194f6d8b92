//! `voz export`: the public ballot export of a closed election, in exactly the format
//! `voz tally` reads, so that anyone can recount.

use std::io::Write as _;
use std::path::Path;

use voz_app::db::Db;

type Outcome = Result<(), Box<dyn std::error::Error>>;

pub async fn run(database_url: &str, org: &str, election: &str, out: &Path) -> Outcome {
    let db = Db::connect(database_url).await?;
    let organization = db
        .organization_by_slug(org)
        .await?
        .ok_or_else(|| format!("no organization with slug {org:?}"))?;
    let record = db.election_by_slug(organization.id, election).await?;
    if !record.phase.ballots_public() {
        return Err(format!(
            "election {election:?} is in phase {}: ballots are published once voting has closed",
            record.phase.code()
        )
        .into());
    }
    std::fs::create_dir_all(out)?;
    let election_file = out.join("election.json");
    std::fs::write(
        &election_file,
        serde_json::to_string_pretty(&record.config)? + "\n",
    )?;
    let ballots_file = out.join("ballots.jsonl");
    let mut writer = std::io::BufWriter::new(std::fs::File::create(&ballots_file)?);
    let ballots = db.ballots(record.id).await?;
    for (_, ballot) in &ballots {
        serde_json::to_writer(&mut writer, ballot)?;
        writer.write_all(b"\n")?;
    }
    writer.flush()?;
    eprintln!(
        "{} ballots → {} and {}; recount with `voz tally {} {}`",
        ballots.len(),
        election_file.display(),
        ballots_file.display(),
        election_file.display(),
        ballots_file.display()
    );
    db.close().await;
    Ok(())
}
