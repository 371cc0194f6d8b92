//! Public downloads of an election, language-free:
//! `/export/<org>/<election>/{election.json, ballots.jsonl, tracking-codes.txt}` once voting
//! has closed (the recount and `voz verify` inputs), and `results.json` (exactly what
//! `voz tally` prints) and `results.csv` once results are public.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use voz_app::elections::candidacy::store as candidacy_store;
use voz_app::elections::election::lookup::election_of;
use voz_app::elections::election::store::ElectionRecord;
use voz_app::error::ErrorCode;
use voz_app::results::publication as publication_store;
use voz_app::results::publication::ExportFile;
use voz_app::state::AppState;

pub async fn download(
    State(state): State<AppState>,
    Path((org, election, file)): Path<(String, String, String)>,
) -> Response {
    match serve(&state, &org, &election, &file).await {
        Ok(response) => response,
        Err(status) => (status, status.canonical_reason().unwrap_or_default()).into_response(),
    }
}

async fn serve(
    state: &AppState,
    org: &str,
    election: &str,
    file: &str,
) -> Result<Response, StatusCode> {
    let internal = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "download failed");
        StatusCode::INTERNAL_SERVER_ERROR
    };
    let (_, record) = election_of(state, org, election)
        .await
        .map_err(|e| match e.code {
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        })?;
    let (body, content_type) = match file {
        "election.json" | "ballots.jsonl" | "tracking-codes.txt" => {
            let (which, content_type) = match file {
                "election.json" => (ExportFile::Election, "application/json"),
                "ballots.jsonl" => (ExportFile::Ballots, "application/jsonl"),
                _ => (ExportFile::TrackingCodes, "text/plain; charset=utf-8"),
            };
            let text = publication_store::published_file(&state.db, record.id, record.phase, which)
                .await
                .map_err(|e| internal(&e))?
                .ok_or(StatusCode::FORBIDDEN)?;
            (text, content_type)
        }
        "results.json" | "results.csv" => {
            let result = publication_store::published_results(&state.db, record.id, record.phase)
                .await
                .map_err(|e| internal(&e))?
                .ok_or(StatusCode::FORBIDDEN)?
                .count;
            if file == "results.json" {
                let json = serde_json::to_string_pretty(&result).map_err(|e| internal(&e))? + "\n";
                (json, "application/json")
            } else {
                (
                    results_csv(state, &record, &result).await?,
                    "text/csv; charset=utf-8",
                )
            }
        }
        _ => return Err(StatusCode::NOT_FOUND),
    };
    attachment(&format!("{election}-{file}"), content_type, body)
}

/// A download: its type, and a file name for the browser to save it under.
pub(crate) fn attachment(
    name: &str,
    content_type: &'static str,
    body: String,
) -> Result<Response, StatusCode> {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

/// One row per candidate: segment, id, name, votes, outcome (titular, extra, alternate, or
/// empty), rank within the segment.
async fn results_csv(
    state: &AppState,
    record: &ElectionRecord,
    result: &voz_app::results::count::TallyResult,
) -> Result<String, StatusCode> {
    let candidacies = candidacy_store::candidacies(&state.db, record.id)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    let mut csv = String::from("segment,candidate,name,votes,outcome,rank\n");
    for (segment, seats) in &result.segments {
        for (rank, (id, votes)) in seats.votes.iter().enumerate() {
            let name = candidacies
                .iter()
                .find(|c| &c.candidate_id == id)
                .map_or(id.as_str(), |c| c.candidacy.name.as_str());
            let outcome = if seats.titulares.contains(id) {
                "titular"
            } else if result.extra.contains(id) {
                "extra"
            } else if seats.alternates.contains(id) {
                "alternate"
            } else {
                ""
            };
            csv.push_str(&format!(
                "{},{},{},{votes},{outcome},{}\n",
                field(segment),
                field(id),
                field(name),
                rank + 1
            ));
        }
    }
    Ok(csv)
}

/// A CSV field (RFC 4180), with spreadsheet formula starts neutralized.
pub(crate) fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
