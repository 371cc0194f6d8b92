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
    use crate::elections::lookup::election_of;
    use crate::elections::photo::{MAX_UPLOAD_BYTES, PhotoError, normalize};
    use crate::error::{AppError, ErrorCode};
    use crate::http::redirect_with;
    use crate::state::AppState;

    /// A text field of the form (organization, election, locale, action) is short.
    const FIELD_LIMIT: usize = 256;
    /// At most this many text fields before the file.
    const FIELDS_LIMIT: usize = 8;

    /// Decoding a picture takes memory in proportion to its pixels; at most this many
    /// decode at once (the rest wait their turn).
    static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

    pub async fn candidacy_photo(data: MultipartData) -> Result<(), AppError> {
        let mut fields = BTreeMap::new();
        let outcome = receive(data, &mut fields).await;
        let field = |name: &str| fields.get(name).map_or("", String::as_str);
        let path = format!(
            "/o/{}/e/{}/candidacy",
            field("organization"),
            field("election")
        );
        let ok = if field("action") == "remove" {
            "photo=removed"
        } else {
            "photo=saved"
        };
        redirect_with(field("locale"), &path, outcome.err().map(|e| e.code), ok);
        Ok(())
    }

    /// Reads the form in order: its short text fields (each bounded), then — only once the
    /// sender is known to be signed in and to own a candidacy in this election, while
    /// candidacies are open — the file, bounded too, then the fields after it (the submit
    /// button's `action`). An unauthenticated upload is refused before a byte of the file is
    /// read.
    async fn receive(
        data: MultipartData,
        fields: &mut BTreeMap<String, String>,
    ) -> Result<(), AppError> {
        let bad = |_| AppError::new(ErrorCode::InvalidInput);
        let mut multipart = data
            .into_inner()
            .ok_or_else(|| AppError::new(ErrorCode::InvalidInput))?;
        let mut owner_checked = None;
        let mut upload: Option<Vec<u8>> = None;
        while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
            let name = field.name().unwrap_or_default().to_owned();
            if name == "photo" {
                if upload.is_some() {
                    return Err(AppError::new(ErrorCode::InvalidInput));
                }
                let field_of = |n: &str| fields.get(n).map_or("", String::as_str);
                owner_checked = Some(owner(field_of("organization"), field_of("election")).await?);
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(bad)? {
                    if bytes.len() + chunk.len() > MAX_UPLOAD_BYTES {
                        return Err(AppError::new(ErrorCode::PhotoTooLarge));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                upload = Some(bytes);
                continue;
            }
            if fields.len() >= FIELDS_LIMIT {
                return Err(AppError::new(ErrorCode::InvalidInput));
            }
            let mut text = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(bad)? {
                if text.len() + chunk.len() > FIELD_LIMIT {
                    return Err(AppError::new(ErrorCode::InvalidInput));
                }
                text.extend_from_slice(&chunk);
            }
            let text =
                String::from_utf8(text).map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
            fields.insert(name, text);
        }
        let field = |name: &str| fields.get(name).map_or("", String::as_str);
        let (account, election) = match owner_checked {
            Some(checked) => checked,
            None => owner(field("organization"), field("election")).await?,
        };
        let photo = if field("action") == "remove" {
            None
        } else {
            let bytes = upload
                .filter(|b| !b.is_empty())
                .ok_or_else(|| AppError::new(ErrorCode::PhotoMissing))?;
            Some(decode(bytes).await?)
        };
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        tx.set_candidacy_photo(election, account, photo.as_ref(), now_millis())
            .await
            .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }

    /// The signed-in person, if they filed a candidacy in this election and candidacies
    /// are open.
    async fn owner(
        organization: &str,
        election: &str,
    ) -> Result<
        (
            crate::accounts::types::AccountId,
            crate::elections::store::ElectionId,
        ),
        AppError,
    > {
        let account = require_account().await?;
        let app = app_state()?;
        let (_, record) = election_of(&app, organization, election).await?;
        if !record.phase.allows_candidacies() {
            return Err(AppError::new(ErrorCode::WrongPhase));
        }
        app.db
            .candidacy_of(record.id, account)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        Ok((account, record.id))
    }

    /// Decodes and normalizes a picture off the async runtime, a bounded number at once.
    async fn decode(upload: Vec<u8>) -> Result<crate::elections::photo::Photo, AppError> {
        let _turn = DECODING
            .acquire()
            .await
            .map_err(|_| AppError::new(ErrorCode::Internal))?;
        tokio::task::spawn_blocking(move || normalize(&upload))
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
            })
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
