//! An open call's open data, language-free and without a single name or document:
//!
//! - `applications.csv`: one row per category, applicant type and origin (`migrant`: at
//!   least one member said they are a migrant; `host_community`: none did) with how many
//!   applied and how many were found eligible; once the selection is published, one row per
//!   ranked application (receipt, project title, jury, public and final score, place); once
//!   awards exist, one row per award (amount, payment day, final report day, visits).
//! - `open-data.json`: the same as one document, with the call's categories and rubric.

use std::collections::BTreeMap;

use serde::Serialize;
use voz_app::calls::apply::rules::has_migrant_member;
use voz_app::calls::apply::store as apply_store;
use voz_app::calls::apply::types::Status;
use voz_app::calls::awards::Award;
use voz_app::calls::awards::store as awards_store;
use voz_app::calls::call::rules::Call;
use voz_app::calls::selection::PublishedSelection;
use voz_app::db::Db;

use crate::downloads::field;

/// The media type of an open-data file name, `None` for any other name.
pub fn media_type(file: &str) -> Option<&'static str> {
    match file {
        "applications.csv" => Some("text/csv; charset=utf-8"),
        "open-data.json" => Some("application/json"),
        _ => None,
    }
}

#[derive(Serialize)]
struct Count {
    category: String,
    applicant_type: &'static str,
    origin: &'static str,
    submitted: u32,
    eligible: u32,
}

#[derive(Serialize)]
struct AwardRow {
    category: String,
    receipt: String,
    title: String,
    applicant_type: &'static str,
    origin: &'static str,
    amount: i64,
    currency: String,
    paid_on: Option<String>,
    report_received_on: Option<String>,
    visits: usize,
}

fn origin(migrant: bool) -> &'static str {
    if migrant { "migrant" } else { "host_community" }
}

async fn counts(db: &Db, call: &Call) -> Result<Vec<Count>, Box<dyn std::error::Error>> {
    let mut counts: BTreeMap<(String, &'static str, &'static str), (u32, u32)> = BTreeMap::new();
    for a in apply_store::submitted_applications(db, call).await? {
        let entry = counts
            .entry((
                a.draft.category.clone(),
                a.draft.applicant_type.code(),
                origin(has_migrant_member(a.members())),
            ))
            .or_default();
        entry.0 += 1;
        entry.1 += u32::from(a.status == Status::Eligible);
    }
    Ok(counts
        .into_iter()
        .map(
            |((category, applicant_type, origin), (submitted, eligible))| Count {
                category,
                applicant_type,
                origin,
                submitted,
                eligible,
            },
        )
        .collect())
}

fn award_rows(call: &Call, awards: Vec<Award>) -> Vec<AwardRow> {
    awards
        .into_iter()
        .map(|a| AwardRow {
            origin: origin(a.migrant),
            applicant_type: a.applicant_type.code(),
            report_received_on: a
                .report
                .map(|r| voz_app::calendar::Date::from_unix_millis(r.at).to_string()),
            visits: a.visits.len(),
            currency: call.currency.clone(),
            category: a.category,
            receipt: a.receipt,
            title: a.title,
            amount: a.amount,
            paid_on: a.paid_on,
        })
        .collect()
}

/// The open-data file `name` of `call` (see `media_type`).
pub async fn file(
    db: &Db,
    call: &Call,
    record: Option<&PublishedSelection>,
    name: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    let counts = counts(db, call).await?;
    let awards = award_rows(call, awards_store::awards(db, call).await?);
    if name == "open-data.json" {
        let document = serde_json::json!({
            "call": {
                "slug": call.slug,
                "titles": call.titles,
                "phase": call.phase,
                "currency": call.currency,
                "categories": call.categories.iter().map(|c| serde_json::json!({
                    "code": c.code, "names": c.names, "awards": c.awards,
                    "reserve": c.reserve, "incentive": c.incentive,
                })).collect::<Vec<_>>(),
                "criteria": call.rubric.criteria.iter().map(|c| serde_json::json!({
                    "code": c.code, "names": c.names, "weight": c.weight,
                })).collect::<Vec<_>>(),
                "scale_max": call.rubric.scale_max,
                "public_vote_weight": call.rubric.public_vote_weight,
                "min_migrant_members": call.min_migrant_members,
            },
            "applications": counts,
            "selection": record.map(|r| &r.result),
            "titles": record.map(|r| &r.titles),
            "awards": awards,
        });
        return Ok(serde_json::to_string_pretty(&document)? + "\n");
    }
    let mut csv = String::from("category,applicant_type,origin,submitted,eligible\n");
    for c in counts {
        csv.push_str(&format!(
            "{},{},{},{},{}\n",
            field(&c.category),
            c.applicant_type,
            c.origin,
            c.submitted,
            c.eligible
        ));
    }
    if let Some(record) = record {
        csv.push_str("\ncategory,rank,receipt,title,jury,public,final,place\n");
        for (category, selection) in &record.result.categories {
            for (n, ranked) in selection.ranking.iter().enumerate() {
                let place = if selection.winners.contains(&ranked.id) {
                    "winner"
                } else if selection.reserve.contains(&ranked.id) {
                    "reserve"
                } else {
                    "ranked"
                };
                let title = record.titles.get(&ranked.id).cloned().unwrap_or_default();
                csv.push_str(&format!(
                    "{},{},{},{},{:.2},{:.2},{:.2},{place}\n",
                    field(category),
                    n + 1,
                    field(&ranked.id),
                    field(&title),
                    ranked.jury,
                    ranked.public,
                    ranked.final_score
                ));
            }
        }
    }
    if !awards.is_empty() {
        csv.push_str("\ncategory,receipt,title,applicant_type,origin,amount,currency,paid_on,report_received_on,visits\n");
        for a in awards {
            csv.push_str(&format!(
                "{},{},{},{},{},{},{},{},{},{}\n",
                field(&a.category),
                field(&a.receipt),
                field(&a.title),
                a.applicant_type,
                a.origin,
                a.amount,
                a.currency,
                a.paid_on.unwrap_or_default(),
                a.report_received_on.unwrap_or_default(),
                a.visits
            ));
        }
    }
    Ok(csv)
}
