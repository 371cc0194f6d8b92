//! Live public downloads of a conference edition, language-free, always current:
//! `/export/<org>/c/<edition>/{events,proposals,consolidated,plan}.jsonl` (the public
//! record, exactly what `voz export --conference` writes), `proposals.csv` (one row per
//! original proposal with its lineage, the plenary's results and the plan actions it led
//! to), and `/export/<org>/c/<edition>/delegates/<event>/{election.json,ballots.jsonl}`
//! once that event's delegates are counted (`voz tally`'s input).

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use voz_app::accounts::store as accounts_store;
use voz_app::conferences::edition::Conference;
use voz_app::conferences::edition::store as edition_store;
use voz_app::conferences::error::ConferenceError;
use voz_app::conferences::event::store as event_store;
use voz_app::conferences::event_vote::store as vote_store;
use voz_app::conferences::record::{PublicRecord, json_lines, public_record};
use voz_app::state::AppState;

use crate::downloads::{attachment, field};

fn internal(error: &dyn std::fmt::Display) -> StatusCode {
    tracing::error!(%error, "conference download failed");
    StatusCode::INTERNAL_SERVER_ERROR
}

async fn edition(state: &AppState, org: &str, conference: &str) -> Result<Conference, StatusCode> {
    let organization = accounts_store::organization_by_slug(&state.db, org)
        .await
        .map_err(|e| internal(&e))?
        .ok_or(StatusCode::NOT_FOUND)?;
    edition_store::conference_by_slug(&state.db, organization.id, conference)
        .await
        .map_err(|e| internal(&e))?
        .filter(|c| c.phase.public())
        .ok_or(StatusCode::NOT_FOUND)
}

fn answer(result: Result<Response, StatusCode>) -> Response {
    result.unwrap_or_else(|status| {
        (status, status.canonical_reason().unwrap_or_default()).into_response()
    })
}

pub async fn record_file(
    State(state): State<AppState>,
    Path((org, conference, file)): Path<(String, String, String)>,
) -> Response {
    answer(serve_record(&state, &org, &conference, &file).await)
}

async fn serve_record(
    state: &AppState,
    org: &str,
    conference: &str,
    file: &str,
) -> Result<Response, StatusCode> {
    let found = edition(state, org, conference).await?;
    let record = public_record(&state.db, &found)
        .await
        .map_err(|e| internal(&e))?;
    let jsonl = |text: Result<String, serde_json::Error>| text.map_err(|e| internal(&e));
    let (body, content_type) = match file {
        "events.jsonl" => (jsonl(json_lines(&record.events))?, "application/jsonl"),
        "proposals.jsonl" => (jsonl(json_lines(&record.proposals))?, "application/jsonl"),
        "consolidated.jsonl" => (
            jsonl(json_lines(&record.consolidated))?,
            "application/jsonl",
        ),
        "plan.jsonl" => (jsonl(json_lines(&record.plan))?, "application/jsonl"),
        "proposals.csv" => (proposals_csv(&record), "text/csv; charset=utf-8"),
        _ => return Err(StatusCode::NOT_FOUND),
    };
    attachment(&format!("{conference}-{file}"), content_type, body)
}

/// One row per original proposal: where it was written, what it says, its supports and
/// status, the consolidated proposals it fed with the plenary's result for each, and the
/// plan's actions that came from those.
fn proposals_csv(record: &PublicRecord) -> String {
    let results: HashMap<&str, &str> = record
        .consolidated
        .iter()
        .filter_map(|c| Some((c.code.as_str(), c.result?)))
        .collect();
    let mut actions: HashMap<&str, Vec<&str>> = HashMap::new();
    for action in &record.plan {
        for code in &action.from {
            actions
                .entry(code.as_str())
                .or_default()
                .push(action.id.as_str());
        }
    }
    let mut csv =
        String::from("id,event,theme,level,language,title,supports,status,into,results,actions\n");
    for p in &record.proposals {
        let results_of = p
            .into
            .iter()
            .map(|code| {
                format!(
                    "{code}:{}",
                    results.get(code.as_str()).copied().unwrap_or("pending")
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        let mut led_to: Vec<&str> = p
            .into
            .iter()
            .flat_map(|code| actions.get(code.as_str()).cloned().unwrap_or_default())
            .collect();
        led_to.sort_unstable();
        led_to.dedup();
        csv.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{}\n",
            p.id,
            field(&p.event),
            p.theme,
            field(&p.level),
            field(&p.language),
            field(p.title.as_deref().unwrap_or_default()),
            p.supports,
            p.status,
            p.into.join(" "),
            results_of,
            led_to.join(" ")
        ));
    }
    csv
}

pub async fn delegates_file(
    State(state): State<AppState>,
    Path((org, conference, event, file)): Path<(String, String, String, String)>,
) -> Response {
    answer(serve_delegates(&state, &org, &conference, &event, &file).await)
}

async fn serve_delegates(
    state: &AppState,
    org: &str,
    conference: &str,
    event: &str,
    file: &str,
) -> Result<Response, StatusCode> {
    let found = edition(state, org, conference).await?;
    let event = event_store::event_by_slug(&state.db, found.id, event)
        .await
        .map_err(|_| StatusCode::NOT_FOUND)?;
    let (election, ballots) = vote_store::delegate_export(&state.db, event.id)
        .await
        .map_err(|e| match e {
            ConferenceError::NotFound => StatusCode::NOT_FOUND,
            ConferenceError::WrongPhase => StatusCode::FORBIDDEN,
            other => internal(&other),
        })?;
    match file {
        "election.json" => attachment(
            &format!("{}-election.json", event.slug),
            "application/json",
            election,
        ),
        "ballots.jsonl" => attachment(
            &format!("{}-ballots.jsonl", event.slug),
            "application/jsonl",
            ballots,
        ),
        _ => Err(StatusCode::NOT_FOUND),
    }
}
