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
    use crate::accounts::staff::store as staff_store;
    use crate::elections::candidacy::store as candidacy_store;
    use crate::elections::photo::store as photo_store;
    use std::collections::BTreeMap;

    use axum::extract::{Path, State};
    use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
    use axum::response::{IntoResponse, Response};
    use leptos::server_fn::codec::MultipartData;

    use crate::accounts::types::AccountId;
    use crate::db::now_millis;
    use crate::elections::election::lookup::election_of;
    use crate::elections::election::store::ElectionId;
    use crate::error::{AppError, ErrorCode};
    use crate::platform::files::image::{MAX_UPLOAD_BYTES, Photo, PhotoError, normalize_in_turn};
    use crate::platform::files::upload;
    use crate::platform::web::context::{app_state, require_account, session_of};
    use crate::platform::web::http::redirect_with;
    use crate::state::AppState;

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
        redirect_with(field("locale"), &path, outcome.as_ref().err(), ok);
        Ok(())
    }

    /// Reads the form (see [`upload::read`]): the file only once the sender is known to
    /// be signed in and to own a candidacy in this election, while candidacies are open.
    /// The normalized photo goes into the file store before the transaction that names it.
    async fn receive(
        data: MultipartData,
        fields: &mut BTreeMap<String, String>,
    ) -> Result<(), AppError> {
        let field_of =
            |fields: &BTreeMap<String, String>, n: &str| fields.get(n).cloned().unwrap_or_default();
        let sent = upload::read(
            data,
            fields,
            "photo",
            MAX_UPLOAD_BYTES,
            ErrorCode::PhotoTooLarge,
            owner_of_form,
        )
        .await?;
        let (account, election) = match sent.gate {
            Some(checked) => checked,
            None => owner_of_form(fields.clone()).await?,
        };
        let app = app_state()?;
        let digest = if field_of(fields, "action") == "remove" {
            None
        } else {
            let bytes = sent
                .file
                .filter(|b| !b.is_empty())
                .ok_or_else(|| AppError::new(ErrorCode::PhotoMissing))?;
            let photo = decode(bytes).await?;
            Some(app.files.put(photo.jpeg).await.map_err(|error| {
                tracing::error!(%error, "storing a photo failed");
                AppError::new(ErrorCode::Internal)
            })?)
        };
        let mut tx = app.db.begin_write().await?;
        photo_store::set_candidacy_photo(&mut tx, election, account, digest.as_ref(), now_millis())
            .await
            .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }

    /// [`owner`] for the organization and election the form names.
    async fn owner_of_form(
        fields: BTreeMap<String, String>,
    ) -> Result<(AccountId, ElectionId), AppError> {
        let field = |name: &str| fields.get(name).map_or("", String::as_str);
        owner(field("organization"), field("election")).await
    }

    /// The signed-in person, if they filed a candidacy in this election and candidacies
    /// are open.
    async fn owner(
        organization: &str,
        election: &str,
    ) -> Result<(AccountId, ElectionId), AppError> {
        let account = require_account().await?;
        let app = app_state()?;
        let (_, record) = election_of(&app, organization, election).await?;
        if !record.phase.allows_candidacies() {
            return Err(AppError::new(ErrorCode::WrongPhase));
        }
        candidacy_store::candidacy_of(&app.db, record.id, account)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        Ok((account, record.id))
    }

    /// Decodes and normalizes a picture off the async runtime, a bounded number at once.
    async fn decode(upload: Vec<u8>) -> Result<Photo, AppError> {
        normalize_in_turn(upload)
            .await
            .ok_or_else(|| AppError::new(ErrorCode::Internal))?
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
    ) -> Result<(bytes::Bytes, bool), StatusCode> {
        let candidacy: i64 = file
            .strip_prefix('c')
            .and_then(|rest| rest.strip_suffix(".jpg"))
            .and_then(|id| id.parse().ok())
            .ok_or(StatusCode::NOT_FOUND)?;
        let (org, record) = election_of(state, organization, election)
            .await
            .map_err(|_| StatusCode::NOT_FOUND)?;
        let photo = photo_store::candidacy_photo(&state.db, record.id, candidacy)
            .await
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
            .ok_or(StatusCode::NOT_FOUND)?;
        let public = record.phase.candidates_public() && photo.status.on_final_list();
        let jpeg = || async {
            match state.files.get(&photo.digest).await {
                Ok(Some(jpeg)) => Ok(jpeg),
                Ok(None) => {
                    tracing::error!(digest = %photo.digest, "a photo named in the database is not in the file store");
                    Err(StatusCode::NOT_FOUND)
                }
                Err(error) => {
                    tracing::error!(%error, "reading a photo failed");
                    Err(StatusCode::INTERNAL_SERVER_ERROR)
                }
            }
        };
        if public {
            return Ok((jpeg().await?, true));
        }
        let viewer = session_of(state, headers)
            .await
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
            .map(|(account, _)| account);
        let allowed = match viewer {
            None => false,
            Some(account) if account == photo.owner => true,
            Some(account) => {
                let roles = staff_store::roles_of(&state.db, org.id, account)
                    .await
                    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
                crate::platform::access::holds_any(&roles, &crate::platform::access::COMMISSION)
            }
        };
        // Not yet public: as if it did not exist, to anyone else.
        if allowed {
            Ok((jpeg().await?, false))
        } else {
            Err(StatusCode::NOT_FOUND)
        }
    }
}
