//! `voz bench conference`: grows the demo's `conf-2019` to a city-wide round for the
//! reading pages' benchmark (`scripts/conference-bench.mjs`): N more proposals (titles
//! and texts drawn from the demo's, so the search engines index real words), M supports
//! from as many people as needed (at most one each per proposal, as the schema demands),
//! and a consolidated proposal for every three proposals with their lineage.
//!
//! Rows are written in bulk, a thousand to a statement, not through the store one
//! proposal at a time: the benchmark measures reading, and a million audited supports
//! would take the better part of an hour to write. Run it on a database that holds the
//! demo and nothing you care about.

use std::collections::HashMap;

use sqlx::QueryBuilder;
use voz_app::accounts::store as accounts_store;
use voz_app::accounts::store::new_user_handle;
use voz_app::conferences::edition::store as edition_store;
use voz_app::conferences::proposal::store as proposal_store;
use voz_app::db::{Db, now_millis};
use voz_app::on_tx;
use voz_app::platform::ids::AccountId;

use crate::demo_conference::{SLUG, bar};

type Outcome = Result<(), Box<dyn std::error::Error>>;

/// Three proposals consolidated together: the code they get, their theme and sources,
/// and the demo proposal whose words the consolidated text takes.
struct Group<'a> {
    code: String,
    theme: i64,
    sources: &'a [i64],
    template: usize,
}

/// Rows per INSERT: well under either backend's limit on bound values.
const BATCH: usize = 1000;

pub async fn conference(database_url: &str, proposals: usize, supports: usize) -> Outcome {
    let db = Db::connect(database_url).await?;
    db.migrate().await?;
    let org = accounts_store::organization_by_slug(&db, "cmi-sp")
        .await?
        .ok_or("no organization `cmi-sp`: run `voz demo` first")?;
    let edition = edition_store::conference_by_slug(&db, org.id, SLUG)
        .await?
        .ok_or("no edition `conf-2019`: run `voz demo` first")?;
    let templates = proposal_store::proposals_of_conference(&db, edition.id).await?;
    if templates.is_empty() {
        return Err("`conf-2019` has no proposals to draw texts from".into());
    }
    let now = now_millis();

    // Enough people that no proposal needs more supports than there are supporters.
    let per_proposal = supports.div_ceil(proposals.max(1));
    let people = (per_proposal * 4).max(2_000);
    let progress = bar(people, "people");
    let mut accounts: Vec<AccountId> = Vec::with_capacity(people);
    for chunk in (0..people).collect::<Vec<_>>().chunks(5_000) {
        let mut tx = db.begin_write().await?;
        for &n in chunk {
            let name = format!("Participante {n}");
            let account = accounts_store::create_account(
                &mut tx,
                &new_user_handle().to_string(),
                &name,
                "pt-BR",
                false,
                now,
            )
            .await?;
            accounts.push(account);
        }
        tx.commit().await?;
        progress.inc(chunk.len() as u64);
    }
    progress.finish();

    // Proposals: three in a row share a template (and so a theme and an event), so that
    // each three can be consolidated together.
    let progress = bar(proposals, "proposals");
    let mut ids: Vec<i64> = Vec::with_capacity(proposals);
    for start in (0..proposals).step_by(BATCH) {
        let rows: Vec<usize> = (start..(start + BATCH).min(proposals)).collect();
        let mut tx = db.begin_write().await?;
        let returned: Vec<(i64,)> = on_tx!(&mut tx, |conn| {
            let mut insert = QueryBuilder::new(
                "INSERT INTO proposals (event_id, theme, level, language, title, body, author_id, outcome, created_at) ",
            );
            insert.push_values(&rows, |mut row, &n| {
                let t = &templates[(n / 3) % templates.len()];
                row.push_bind(t.event)
                    .push_bind(t.theme)
                    .push_bind(t.level.clone())
                    .push_bind(t.language.clone())
                    .push_bind(format!("{} ({})", t.title, n + 1))
                    .push_bind(t.body.clone())
                    .push_bind(accounts[n % accounts.len()])
                    .push_bind("open")
                    .push_bind(now);
            });
            insert.push(" RETURNING id");
            insert.build_query_as().fetch_all(&mut *conn).await
        })?;
        ids.extend(returned.into_iter().map(|(id,)| id));
        tx.commit().await?;
        progress.inc(rows.len() as u64);
    }
    progress.finish();
    let first = *ids.first().ok_or("no proposal written")?;
    let mut tx = db.begin_write().await?;
    voz_app::execute!(
        &mut tx,
        "INSERT INTO proposal_versions (proposal_id, version, title, body, amendment_id, created_at) \
         SELECT id, 1, title, body, NULL, created_at FROM proposals WHERE id >= $1",
        first
    )?;
    tx.commit().await?;

    // Supports: proposal n is supported by `per_proposal` people spread over everyone
    // (never the same person twice), until M supports are written.
    let progress = bar(supports, "supports");
    let pairs: Vec<(i64, AccountId)> = (0..supports)
        .map(|s| {
            let (n, k) = (s / per_proposal, s % per_proposal);
            (
                ids[n % ids.len()],
                accounts[(n * 7 + k * 3) % accounts.len()],
            )
        })
        .collect();
    for chunk in pairs.chunks(BATCH * 5) {
        let mut tx = db.begin_write().await?;
        on_tx!(&mut tx, |conn| {
            let mut insert =
                QueryBuilder::new("INSERT INTO proposal_supports (proposal_id, account_id) ");
            insert.push_values(chunk, |mut row, (proposal, account)| {
                row.push_bind(*proposal).push_bind(*account);
            });
            insert.build().execute(&mut *conn).await.map(|_| ())
        })?;
        tx.commit().await?;
        progress.inc(chunk.len() as u64);
    }
    progress.finish();

    // Consolidation: one consolidated proposal for every three, coded after the
    // demo's own in each theme, with its first version and its three sources.
    let existing: Vec<(i64, String)> = {
        let mut tx = db.begin_write().await?;
        let rows = on_tx!(&mut tx, |conn| {
            sqlx::query_as(
                "SELECT theme, code FROM consolidated_proposals WHERE conference_id = $1",
            )
            .bind(edition.id)
            .fetch_all(&mut *conn)
            .await
        })?;
        tx.commit().await?;
        rows
    };
    let mut next: HashMap<i64, i64> = HashMap::new();
    for (theme, code) in &existing {
        let number = code
            .rsplit('-')
            .next()
            .and_then(|n| n.parse::<i64>().ok())
            .unwrap_or(0);
        let entry = next.entry(*theme).or_insert(0);
        *entry = (*entry).max(number);
    }
    let groups: Vec<Group> = ids
        .chunks(3)
        .enumerate()
        .map(|(g, sources)| {
            let template = g % templates.len();
            let theme = templates[template].theme;
            let number = next.entry(theme).or_insert(0);
            *number += 1;
            Group {
                code: format!("E{theme}-{number}"),
                theme,
                sources,
                template,
            }
        })
        .collect();
    let progress = bar(groups.len(), "consolidated");
    let editor = accounts[0];
    for chunk in groups.chunks(BATCH) {
        let mut tx = db.begin_write().await?;
        let made: Vec<(i64,)> = on_tx!(&mut tx, |conn| {
            let mut insert = QueryBuilder::new(
                "INSERT INTO consolidated_proposals (conference_id, code, theme, motion, title, body, created_at) ",
            );
            insert.push_values(chunk, |mut row, group| {
                let template = &templates[group.template];
                row.push_bind(edition.id)
                    .push_bind(group.code.clone())
                    .push_bind(group.theme)
                    .push_bind(false)
                    .push_bind(template.title.clone())
                    .push_bind(template.body.clone())
                    .push_bind(now);
            });
            insert.push(" RETURNING id");
            insert.build_query_as().fetch_all(&mut *conn).await
        })?;
        let rows: Vec<(i64, &Group)> = made.iter().map(|(id,)| *id).zip(chunk.iter()).collect();
        on_tx!(&mut tx, |conn| {
            let mut insert = QueryBuilder::new(
                "INSERT INTO consolidated_versions (consolidated_id, version, title, body, edited_by, edited_at) ",
            );
            insert.push_values(&rows, |mut row, (id, group)| {
                let template = &templates[group.template];
                row.push_bind(*id)
                    .push_bind(1_i64)
                    .push_bind(template.title.clone())
                    .push_bind(template.body.clone())
                    .push_bind(editor)
                    .push_bind(now);
            });
            insert.build().execute(&mut *conn).await.map(|_| ())
        })?;
        let sources: Vec<(i64, i64)> = rows
            .iter()
            .flat_map(|(id, group)| group.sources.iter().map(move |s| (*id, *s)))
            .collect();
        on_tx!(&mut tx, |conn| {
            let mut insert = QueryBuilder::new(
                "INSERT INTO consolidated_sources (consolidated_id, proposal_id) ",
            );
            insert.push_values(&sources, |mut row, (id, proposal)| {
                row.push_bind(*id).push_bind(*proposal);
            });
            insert.build().execute(&mut *conn).await.map(|_| ())
        })?;
        tx.commit().await?;
        progress.inc(chunk.len() as u64);
    }
    progress.finish();
    println!(
        "conf-2019 grown by {} proposals, {} supports from {} people, {} consolidated proposals",
        ids.len(),
        pairs.len(),
        accounts.len(),
        groups.len()
    );
    Ok(())
}
