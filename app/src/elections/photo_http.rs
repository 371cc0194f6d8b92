//! Candidate photos over HTTP: the candidacy page's upload form (a plain multipart form
//! post, no script needed) and the language-free image address
//! `/photos/<org>/<election>/<candidate>.jpg?v=<digest>`.

use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use crate::error::AppError;

/// Where a candidate's photo is served; `digest` makes every version its own address, so
/// browsers may cache it for good.
pub fn photo_url(organization: &str, election: &str, candidate: &str, digest: &str) -> String {
    let version = digest.get(..16).unwrap_or(digest);
    format!("/photos/{organization}/{election}/{candidate}.jpg?v={version}")
}

/// The candidacy page's photo form: fields `organization`, `election`, `locale`, `action`
/// (`save` or `remove`) and, to save, the file `photo`. Answers with a redirect back to the
/// candidacy page, with `?photo=saved|removed` or `?error=<code>`.
#[server(prefix = "/api", endpoint = "candidacy/photo", input = MultipartFormData)]
pub async fn candidacy_photo(data: MultipartData) -> Result<(), AppError> {
    ssr::candidacy_photo(data).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use std::collections::BTreeMap;

    use axum::extract::{Path, State};
    use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
    use axum::response::{IntoResponse, Response};
    use leptos::server_fn::codec::MultipartData;

    use crate::accounts::session::{app_state, require_account, session_of};
    use crate::accounts::types::Role;
    use crate::db::now_millis;
    use crate::elections::photo::{MAX_UPLOAD_BYTES, PhotoError, normalize};
    use crate::elections::public::ssr::election_of;
    use crate::elections::server::ssr::{election_error, redirect_with};
    use crate::error::{AppError, ErrorCode};
    use crate::state::AppState;

    /// Past this, the rest of an oversized upload is not even read.
    const DRAIN_LIMIT: usize = 4 * MAX_UPLOAD_BYTES;

    /// The form's text fields and its file (`None` when the file was too large).
    struct PhotoForm {
        fields: BTreeMap<String, String>,
        photo: Option<Vec<u8>>,
    }

    pub async fn candidacy_photo(data: MultipartData) -> Result<(), AppError> {
        let form = read_form(data).await?;
        let field = |name: &str| form.fields.get(name).map_or("", String::as_str);
        let (organization, election) = (field("organization"), field("election"));
        let removing = field("action") == "remove";
        let outcome = save(organization, election, removing, form.photo).await;
        let path = format!("/o/{organization}/e/{election}/candidacy");
        let ok = if removing {
            "photo=removed"
        } else {
            "photo=saved"
        };
        redirect_with(field("locale"), &path, outcome.err().map(|e| e.code), ok);
        Ok(())
    }

    async fn save(
        organization: &str,
        election: &str,
        removing: bool,
        upload: Option<Vec<u8>>,
    ) -> Result<(), AppError> {
        let account = require_account().await?;
        let app = app_state()?;
        let (_, record) = election_of(&app, organization, election).await?;
        if !record.phase.allows_candidacies() {
            return Err(AppError::new(ErrorCode::WrongPhase));
        }
        let photo = if removing {
            None
        } else {
            let upload = upload.ok_or_else(|| AppError::new(ErrorCode::PhotoTooLarge))?;
            if upload.is_empty() {
                return Err(AppError::new(ErrorCode::PhotoMissing));
            }
            let photo = tokio::task::spawn_blocking(move || normalize(&upload))
                .await
                .map_err(|error| {
                    tracing::error!(%error, "photo worker failed");
                    AppError::new(ErrorCode::Internal)
                })?
                .map_err(|error| {
                    AppError::new(match error {
                        PhotoError::TooLarge => ErrorCode::PhotoTooLarge,
                        PhotoError::TooSmall => ErrorCode::PhotoTooSmall,
                        PhotoError::Unreadable => ErrorCode::PhotoUnreadable,
                    })
                })?;
            Some(photo)
        };
        let mut tx = app.db.begin_write().await?;
        tx.set_candidacy_photo(record.id, account, photo.as_ref(), now_millis())
            .await
            .map_err(election_error)?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads the multipart body, keeping the file only while it stays under the upload
    /// limit (an oversized one is drained, so the browser still gets the redirect).
    async fn read_form(data: MultipartData) -> Result<PhotoForm, AppError> {
        let bad = |_| AppError::new(ErrorCode::InvalidInput);
        let mut multipart = data
            .into_inner()
            .ok_or_else(|| AppError::new(ErrorCode::Internal))?;
        let mut form = PhotoForm {
            fields: BTreeMap::new(),
            photo: None,
        };
        while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
            let name = field.name().unwrap_or_default().to_owned();
            if name == "photo" {
                let (mut bytes, mut seen) = (Vec::new(), 0usize);
                while let Some(chunk) = field.chunk().await.map_err(bad)? {
                    seen += chunk.len();
                    if seen > DRAIN_LIMIT {
                        return Err(AppError::new(ErrorCode::PhotoTooLarge));
                    }
                    if seen <= MAX_UPLOAD_BYTES {
                        bytes.extend_from_slice(&chunk);
                    }
                }
                form.photo = (seen <= MAX_UPLOAD_BYTES).then_some(bytes);
            } else {
                let text = field.text().await.map_err(bad)?;
                if text.len() <= 200 {
                    form.fields.insert(name, text);
                }
            }
        }
        Ok(form)
    }

    /// `GET /photos/<org>/<election>/<candidate>.jpg`: public once the candidate is on the
    /// published final list; before that only to the candidate and the commission.
    pub async fn serve_photo(
        State(state): State<AppState>,
        Path((organization, election, file)): Path<(String, String, String)>,
        headers: HeaderMap,
    ) -> Response {
        match find_photo(&state, &organization, &election, &file, &headers).await {
            Ok((jpeg, public)) => {
                let cache = if public {
                    "public, max-age=31536000, immutable"
                } else {
                    "private, no-store"
                };
                (
                    [
                        (header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg")),
                        (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
                    ],
                    jpeg,
                )
                    .into_response()
            }
            Err(status) => (status, status.canonical_reason().unwrap_or_default()).into_response(),
        }
    }

    async fn find_photo(
        state: &AppState,
        organization: &str,
        election: &str,
        file: &str,
        headers: &HeaderMap,
    ) -> Result<(Vec<u8>, bool), StatusCode> {
        let candidacy: i64 = file
            .strip_prefix('c')
            .and_then(|rest| rest.strip_suffix(".jpg"))
            .and_then(|id| id.parse().ok())
            .ok_or(StatusCode::NOT_FOUND)?;
        let (org, record) = election_of(state, organization, election)
            .await
            .map_err(|_| StatusCode::NOT_FOUND)?;
        let photo = state
            .db
            .candidacy_photo(record.id, candidacy)
            .await
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
            .ok_or(StatusCode::NOT_FOUND)?;
        if record.phase.candidates_public() && photo.status.on_final_list() {
            return Ok((photo.jpeg, true));
        }
        let viewer = session_of(state, headers)
            .await
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
            .map(|(account, _)| account);
        let allowed = match viewer {
            None => false,
            Some(account) if account == photo.owner => true,
            Some(account) => state
                .db
                .roles_of(org.id, account)
                .await
                .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
                .iter()
                .any(|role| matches!(role, Role::Administrator | Role::ElectoralCommission)),
        };
        // Not yet public: as if it did not exist, to anyone else.
        if allowed {
            Ok((photo.jpeg, false))
        } else {
            Err(StatusCode::NOT_FOUND)
        }
    }
}
