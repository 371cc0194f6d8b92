//! Live public downloads of an open call, language-free: once its selection is published,
//! `/export/<org>/calls/<call>/{call.json,scores.jsonl,votes.json}` — exactly the record
//! as published, `voz select`'s input — and `selection.json`, its published result (the
//! four files `voz export --call` writes) — and, at any
//! time after its draft, the open data (`open_data_call`): `applications.csv` and
//! `open-data.json`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use voz_app::accounts::store as accounts_store;
use voz_app::calls::call::rules::Call;
use voz_app::calls::call::store as call_store;
use voz_app::calls::selection::PublishedSelection;
use voz_app::calls::selection::store as selection_store;
use voz_app::db::Db;
use voz_app::state::AppState;

use crate::downloads::attachment;

fn internal(error: &dyn std::fmt::Display) -> StatusCode {
    tracing::error!(%error, "call download failed");
    StatusCode::INTERNAL_SERVER_ERROR
}

pub(crate) async fn public_call(db: &Db, org: &str, call: &str) -> Result<Option<Call>, String> {
    let Some(organization) = accounts_store::organization_by_slug(db, org)
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(None);
    };
    Ok(call_store::call_by_slug(db, organization.id, call)
        .await
        .map_err(|e| e.to_string())?
        .filter(|c| c.phase.public()))
}

/// The three files of a published selection, by name, and `selection.json`: the result as
/// published (what `voz select` prints on the three).
pub(crate) fn selection_files(
    record: &PublishedSelection,
) -> Result<Vec<(&'static str, String)>, serde_json::Error> {
    Ok(vec![
        (
            "call.json",
            serde_json::to_string_pretty(&record.call)? + "\n",
        ),
        ("scores.jsonl", record.scores_jsonl()),
        (
            "votes.json",
            serde_json::to_string_pretty(&record.votes)? + "\n",
        ),
        (
            "selection.json",
            serde_json::to_string_pretty(&record.result)? + "\n",
        ),
    ])
}

pub async fn call_file(
    State(state): State<AppState>,
    Path((org, call, file)): Path<(String, String, String)>,
) -> Response {
    serve(&state, &org, &call, &file)
        .await
        .unwrap_or_else(|status| {
            (status, status.canonical_reason().unwrap_or_default()).into_response()
        })
}

async fn serve(
    state: &AppState,
    org: &str,
    call: &str,
    file: &str,
) -> Result<Response, StatusCode> {
    let found = public_call(&state.db, org, call)
        .await
        .map_err(|e| internal(&e))?
        .ok_or(StatusCode::NOT_FOUND)?;
    let record = selection_store::published(&state.db, &found)
        .await
        .map_err(|e| internal(&e))?;
    if let Some(kind) = crate::open_data_call::media_type(file) {
        let body = crate::open_data_call::file(&state.db, &found, record.as_ref(), file)
            .await
            .map_err(|e| internal(&e))?;
        return attachment(file, kind, body);
    }
    let record = record.ok_or(StatusCode::NOT_FOUND)?;
    let files = selection_files(&record).map_err(|e| internal(&e))?;
    let (name, body) = files
        .into_iter()
        .find(|(name, _)| *name == file)
        .ok_or(StatusCode::NOT_FOUND)?;
    let kind = if name.ends_with(".jsonl") {
        "application/jsonl; charset=utf-8"
    } else {
        "application/json"
    };
    attachment(name, kind, body)
}

/// `voz export --org O --call C --out DIR`: the published selection's three files.
pub async fn export(
    database_url: &str,
    org: &str,
    call: &str,
    out: &std::path::Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let db = Db::connect(database_url).await?;
    let found = public_call(&db, org, call)
        .await?
        .ok_or_else(|| format!("no public call {call:?} in {org:?}"))?;
    let record = selection_store::published(&db, &found)
        .await?
        .ok_or_else(|| format!("the selection of {call:?} is not published yet"))?;
    std::fs::create_dir_all(out)?;
    for (name, body) in selection_files(&record)? {
        std::fs::write(out.join(name), body)?;
    }
    println!(
        "wrote call.json, scores.jsonl, votes.json and selection.json (the published result) to {}",
        out.display()
    );
    Ok(())
}
