//! An application's documents over HTTP: `GET /files/calls/<org>/<call>/<file id>`, never
//! public. Served to the applicant, to the call team (passkey), and to the jurors of the
//! application's category once it is eligible and they declared no conflict with it;
//! anyone else gets 404, as if it did not exist. Always as a download
//! (`Content-Disposition: attachment`), in a sandbox, with the media type its content was
//! judged to have at upload.

#[cfg(feature = "ssr")]
pub mod ssr {
    use axum::extract::{Path, State};
    use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
    use axum::response::{IntoResponse, Response};

    use crate::accounts::staff::store as staff_store;
    use crate::accounts::store as accounts_store;
    use crate::accounts::types::Role;
    use crate::calls::apply::store as apply_store;
    use crate::calls::apply::types::Status;
    use crate::calls::call::store as call_store;
    use crate::platform::access::scoped;
    use crate::platform::access::{CALL_TEAM, holds_any};
    use crate::platform::audit::event::Subject;
    use crate::platform::files::FileDigest;
    use crate::platform::web::context::session_of;
    use crate::platform::web::sessions::AuthMethod;
    use crate::state::AppState;

    pub async fn serve_document(
        State(state): State<AppState>,
        Path((organization, call, file)): Path<(String, String, String)>,
        headers: HeaderMap,
    ) -> Response {
        match find(&state, &organization, &call, &file, &headers).await {
            Ok((bytes, media, name)) => {
                let disposition = format!("attachment; filename=\"{name}\"");
                (
                    [
                        (header::CONTENT_TYPE, HeaderValue::from_static(media)),
                        (
                            header::CACHE_CONTROL,
                            HeaderValue::from_static("private, no-store"),
                        ),
                        (
                            header::CONTENT_SECURITY_POLICY,
                            HeaderValue::from_static("sandbox"),
                        ),
                        (
                            header::CONTENT_DISPOSITION,
                            HeaderValue::from_str(&disposition)
                                .unwrap_or(HeaderValue::from_static("attachment")),
                        ),
                    ],
                    bytes,
                )
                    .into_response()
            }
            Err(status) => (status, status.canonical_reason().unwrap_or_default()).into_response(),
        }
    }

    async fn find(
        state: &AppState,
        organization: &str,
        call: &str,
        file: &str,
        headers: &HeaderMap,
    ) -> Result<(bytes::Bytes, &'static str, String), StatusCode> {
        fn internal(_: impl std::fmt::Debug) -> StatusCode {
            StatusCode::INTERNAL_SERVER_ERROR
        }
        let id: i64 = file.parse().map_err(|_| StatusCode::NOT_FOUND)?;
        let org = accounts_store::organization_by_slug(&state.db, organization)
            .await
            .map_err(internal)?
            .ok_or(StatusCode::NOT_FOUND)?;
        let found = call_store::call_by_slug(&state.db, org.id, call)
            .await
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
            .ok_or(StatusCode::NOT_FOUND)?;
        let (account, method) = session_of(state, headers)
            .await
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
            .ok_or(StatusCode::NOT_FOUND)?;
        let application = apply_store::application_with_file(&state.db, &found, id)
            .await
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
            .ok_or(StatusCode::NOT_FOUND)?;
        let allowed = if account == application.applicant {
            true
        } else if method != AuthMethod::Passkey {
            false
        } else {
            let roles = staff_store::roles_of(&state.db, org.id, account)
                .await
                .map_err(internal)?;
            let juror = application.status == Status::Eligible
                && scoped::holders_of(
                    &state.db,
                    Subject::Category(found.id, application.category.0),
                    Role::Jury,
                )
                .await
                .map_err(internal)?
                .contains(&account)
                && !scoped::conflicts_of(
                    &state.db,
                    crate::platform::audit::event::Process::Call(found.id),
                    account,
                )
                .await
                .map_err(internal)?
                .contains(&Subject::Application(found.id, application.id.0));
            holds_any(&roles, &CALL_TEAM) || juror
        };
        if !allowed {
            return Err(StatusCode::NOT_FOUND);
        }
        let attachment = application
            .files
            .iter()
            .find(|f| f.id == id)
            .ok_or(StatusCode::NOT_FOUND)?;
        let digest: FileDigest = attachment
            .digest
            .parse()
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
        let bytes = state
            .files
            .get(&digest)
            .await
            .map_err(|error| {
                tracing::error!(%error, "reading a document failed");
                StatusCode::INTERNAL_SERVER_ERROR
            })?
            .ok_or(StatusCode::NOT_FOUND)?;
        // The name shown in the download: the receipt and the document's code, never what
        // the sender's device called it (it could carry anything).
        let name = format!(
            "{}-{}.{}",
            application
                .receipt
                .clone()
                .unwrap_or_else(|| format!("draft-{}", application.id)),
            attachment.document,
            attachment.kind.code()
        );
        Ok((bytes, attachment.kind.media_type(), name))
    }
}

/// Where a document is downloaded.
pub fn document_url(organization: &str, call: &str, file: i64) -> String {
    format!("/files/calls/{organization}/{call}/{file}")
}
