//! `voz export --conference`: a conference edition's public record as JSON Lines (see
//! `voz_app::conferences::record`), and one event's delegate election in `voz tally`'s
//! input format.

use std::path::Path;

use voz_app::accounts::store as accounts_store;
use voz_app::conferences::edition::store as edition_store;
use voz_app::conferences::error::ConferenceError;
use voz_app::conferences::event::store as event_store;
use voz_app::conferences::event_vote::store as vote_store;
use voz_app::conferences::record::{json_lines, public_record};
use voz_app::db::Db;

type Outcome = Result<(), Box<dyn std::error::Error>>;

async fn edition(
    db: &Db,
    org: &str,
    conference: &str,
) -> Result<voz_app::conferences::edition::Conference, Box<dyn std::error::Error>> {
    let organization = accounts_store::organization_by_slug(db, org)
        .await?
        .ok_or_else(|| format!("no organization with slug {org:?}"))?;
    let found = edition_store::conference_by_slug(db, organization.id, conference)
        .await?
        .filter(|c| c.phase.public())
        .ok_or_else(|| format!("no public conference {conference:?} in {org:?}"))?;
    Ok(found)
}

pub async fn record(database_url: &str, org: &str, conference: &str, out: &Path) -> Outcome {
    let db = Db::connect(database_url).await?;
    let edition = edition(&db, org, conference).await?;
    let record = public_record(&db, &edition).await?;
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join("events.jsonl"), json_lines(&record.events)?)?;
    std::fs::write(out.join("proposals.jsonl"), json_lines(&record.proposals)?)?;
    std::fs::write(
        out.join("consolidated.jsonl"),
        json_lines(&record.consolidated)?,
    )?;
    std::fs::write(out.join("plan.jsonl"), json_lines(&record.plan)?)?;
    eprintln!(
        "{} events, {} proposals, {} consolidated, {} plan actions → {}",
        record.events.len(),
        record.proposals.len(),
        record.consolidated.len(),
        record.plan.len(),
        out.display()
    );
    db.close().await;
    Ok(())
}

/// One event's counted delegate election, as `voz tally` reads it: `election.json` (the
/// rule as the count's configuration: the quota as parity on the migrant flag) and
/// `ballots.jsonl`.
pub async fn delegates(
    database_url: &str,
    org: &str,
    conference: &str,
    event: &str,
    out: &Path,
) -> Outcome {
    let db = Db::connect(database_url).await?;
    let edition = edition(&db, org, conference).await?;
    let found = event_store::event_by_slug(&db, edition.id, event)
        .await
        .map_err(|_| format!("no event {event:?} in {conference:?} (see events.jsonl for ids)"))?;
    let (election, ballots) =
        vote_store::delegate_export(&db, found.id)
            .await
            .map_err(|e| match e {
                ConferenceError::NotFound | ConferenceError::WrongPhase => {
                    format!("event {event:?} has no counted delegate election yet")
                }
                other => other.to_string(),
            })?;
    std::fs::create_dir_all(out)?;
    let election_file = out.join("election.json");
    let ballots_file = out.join("ballots.jsonl");
    std::fs::write(&election_file, election)?;
    std::fs::write(&ballots_file, &ballots)?;
    eprintln!(
        "{} ballots → {}; recount with `voz tally {} {}`",
        ballots.lines().count(),
        out.display(),
        election_file.display(),
        ballots_file.display()
    );
    db.close().await;
    Ok(())
}
