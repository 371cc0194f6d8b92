//! Reading a multipart form (a plain HTML form with a file) with every part bounded: a few
//! short text fields, then one file, read only once `gate` — given the fields sent before
//! it — says the sender may send it. An unauthenticated upload is refused before a byte of
//! its file is read. (The request body as a whole is bounded before this runs: see the
//! server's body limits.)

use std::collections::BTreeMap;

use leptos::server_fn::codec::MultipartData;

use crate::error::{AppError, ErrorCode};

/// A text field of such a form (organization, election, locale, action) is short.
const FIELD_LIMIT: usize = 256;
/// At most this many text fields.
const FIELDS_LIMIT: usize = 8;

/// What a form sent: its file (when it had one) and what the gate returned for it.
pub struct Upload<T> {
    pub file: Option<Vec<u8>>,
    pub gate: Option<T>,
}

/// Reads `data` into `fields` (kept even when reading fails: the answer redirects with
/// them; the file's own name, when the sender gave one, as `<file_field>_name`) and the
/// one part named `file_field`, at most `max_file` bytes (`too_large`
/// otherwise), after `gate` (given the fields sent before it) allowed it. A second file
/// part is refused.
pub async fn read<T, F, Gate>(
    data: MultipartData,
    fields: &mut BTreeMap<String, String>,
    file_field: &str,
    max_file: usize,
    too_large: ErrorCode,
    gate: Gate,
) -> Result<Upload<T>, AppError>
where
    Gate: FnOnce(BTreeMap<String, String>) -> F,
    F: Future<Output = Result<T, AppError>>,
{
    let mut gate = Some(gate);
    let invalid = || AppError::new(ErrorCode::InvalidInput);
    let mut multipart = data.into_inner().ok_or_else(invalid)?;
    let mut upload = Upload {
        file: None,
        gate: None,
    };
    while let Some(mut part) = multipart.next_field().await.map_err(|_| invalid())? {
        let name = part.name().unwrap_or_default().to_owned();
        let (limit, over) = if name == file_field {
            if upload.file.is_some() {
                return Err(invalid());
            }
            // The name the sender's device gave the file, kept as `<field>_name` (shown
            // back to them; never used to judge the file).
            if let Some(file_name) = part.file_name() {
                let shown: String = file_name.chars().take(FIELD_LIMIT / 2).collect();
                fields.insert(format!("{file_field}_name"), shown);
            }
            let gate = gate.take().ok_or_else(invalid)?;
            upload.gate = Some(gate(fields.clone()).await?);
            (max_file, AppError::new(too_large))
        } else if fields.len() >= FIELDS_LIMIT {
            return Err(invalid());
        } else {
            (FIELD_LIMIT, invalid())
        };
        let mut bytes = Vec::new();
        while let Some(chunk) = part.chunk().await.map_err(|_| invalid())? {
            if bytes.len() + chunk.len() > limit {
                return Err(over);
            }
            bytes.extend_from_slice(&chunk);
        }
        if name == file_field {
            upload.file = Some(bytes);
        } else {
            fields.insert(name, String::from_utf8(bytes).map_err(|_| invalid())?);
        }
    }
    Ok(upload)
}
