//! The site's static files: the browser bundle and the recount under content-hashed
//! addresses (`/pkg/<hash>/voz.js`, `/pkg/<hash>/voz_bg.wasm`, `/pkg/<hash>/recount.js`,
//! …). A changed file gets a new address, so browsers may keep each one forever
//! (`Cache-Control: immutable`) and a phone downloads the bundle once per release. The
//! stylesheet is not served as a file: its text goes inline into every page (`ui::shell`).
//!
//! A release binary carries the files inside it with their brotli and gzip copies made at
//! build time (`build.rs`); a debug build reads them from `--site-root` at start-up.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest as _, Sha256};

/// A file compiled into the binary by `build.rs`.
struct EmbeddedFile {
    name: &'static str,
    raw: &'static [u8],
    brotli: &'static [u8],
    gzip: &'static [u8],
}

const EMBEDDED: &[EmbeddedFile] = include!(concat!(env!("OUT_DIR"), "/embedded_site.rs"));

/// The stylesheet's file name; every other file belongs to the bundle.
const STYLESHEET: &str = "voz.css";
/// The recount's loader (`app/js/recount.js`), which imports its WASM beside it.
const RECOUNT: &str = "recount.js";

#[derive(Clone)]
struct Asset {
    content_type: &'static str,
    raw: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

/// The files and the addresses pages link to.
#[derive(Clone, Default)]
pub struct SiteAssets {
    /// `<hash>/<name>` → file.
    files: Arc<HashMap<String, Asset>>,
    /// `pkg/<hash>`: where the bundle's files are (the shell's hydration script).
    pub bundle_dir: String,
    /// The stylesheet's text (`voz.css`), which every page carries inline (see `ui::shell`).
    pub stylesheet: Arc<str>,
    /// `/pkg/<hash>/recount.js`, the results page's "recount on this device", when built.
    pub recount: Option<String>,
}

impl SiteAssets {
    /// The embedded files when `site_root` is `None` and the binary has them; else the
    /// files under `site_root/pkg` (none if the folder is missing: pages still work, as
    /// server HTML, without a bundle).
    pub fn load(site_root: Option<&Path>) -> Self {
        match site_root {
            None if EMBEDDED.is_empty() => {
                tracing::warn!(
                    "no site embedded in this build and no --site-root: pages are served without stylesheet or browser bundle"
                );
                Self::default()
            }
            None => Self::from_files(EMBEDDED.iter().map(|file| {
                (
                    file.name.to_owned(),
                    Bytes::from_static(file.raw),
                    Some(Bytes::from_static(file.brotli)),
                    Some(Bytes::from_static(file.gzip)),
                )
            })),
            Some(root) => {
                let pkg = root.join("pkg");
                let mut files = Vec::new();
                read_dir_files(&pkg, &pkg, &mut files);
                if files.is_empty() {
                    tracing::warn!(dir = %pkg.display(), "no site files found");
                }
                Self::from_files(
                    files
                        .into_iter()
                        .map(|(name, raw)| (name, Bytes::from(raw), None, None)),
                )
            }
        }
    }

    fn from_files(
        files: impl Iterator<Item = (String, Bytes, Option<Bytes>, Option<Bytes>)>,
    ) -> Self {
        // The stylesheet is not served as a file: every page carries it inline.
        let (styles, files): (Vec<_>, Vec<_>) = files.partition(|(name, ..)| name == STYLESHEET);
        let stylesheet: Arc<str> = styles
            .first()
            .map(|(_, raw, ..)| String::from_utf8_lossy(raw).into())
            .unwrap_or_else(|| "".into());
        let mut hasher = Sha256::new();
        for (name, raw, _, _) in &files {
            hasher.update(name.as_bytes());
            hasher.update([0]);
            hasher.update(raw);
        }
        let bundle_hash = hex::encode(&hasher.finalize()[..8]);
        let recount = files
            .iter()
            .any(|(name, ..)| name == RECOUNT)
            .then(|| format!("/pkg/{bundle_hash}/{RECOUNT}"));
        let table = files
            .into_iter()
            .map(|(name, raw, brotli, gzip)| {
                let asset = Asset {
                    content_type: content_type(&name),
                    raw,
                    brotli,
                    gzip,
                };
                (format!("{bundle_hash}/{name}"), asset)
            })
            .collect();
        Self {
            files: Arc::new(table),
            bundle_dir: format!("pkg/{bundle_hash}"),
            stylesheet,
            recount,
        }
    }

    /// `(raw, brotli, gzip)` sizes of every file, by address, for `voz serve`'s start-up log.
    pub fn summary(&self) -> Vec<(String, usize, Option<usize>, Option<usize>)> {
        let mut rows: Vec<_> = self
            .files
            .iter()
            .map(|(path, a)| {
                (
                    path.clone(),
                    a.raw.len(),
                    a.brotli.as_ref().map(Bytes::len),
                    a.gzip.as_ref().map(Bytes::len),
                )
            })
            .collect();
        rows.sort();
        rows
    }
}

/// `GET /pkg/{*path}`: the file in the best encoding the browser accepts, cacheable forever.
pub async fn serve(
    State(assets): State<SiteAssets>,
    UrlPath(path): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let Some(asset) = assets.files.get(&path) else {
        return (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, "no-store")],
            "not found\n",
        )
            .into_response();
    };
    let accepted = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let (body, encoding) = match (&asset.brotli, &asset.gzip) {
        (Some(br), _) if accepts(accepted, "br") => (br.clone(), Some("br")),
        (_, Some(gz)) if accepts(accepted, "gzip") => (gz.clone(), Some("gzip")),
        _ => (asset.raw.clone(), None),
    };
    let mut response = Response::new(Body::from(body));
    let out = response.headers_mut();
    out.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    out.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Some(encoding) = encoding {
        out.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}

/// Whether an `Accept-Encoding` value accepts `coding` (listed without `q=0`).
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    accept_encoding.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q == 0.0)
        });
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn read_dir_files(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            read_dir_files(root, &path, files);
        } else if let (Ok(raw), Ok(relative)) = (std::fs::read(&path), path.strip_prefix(root)) {
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.push((name, raw));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(css: &str, js: &str) -> SiteAssets {
        SiteAssets::from_files(
            [("voz.css", css), ("voz.js", js), ("snippets/a/x.js", "x")]
                .into_iter()
                .map(|(n, b)| (n.to_owned(), Bytes::from(b.to_owned()), None, None)),
        )
    }

    #[test]
    fn addresses_change_with_content_and_only_then() {
        let a = site("body{}", "let a");
        assert_eq!(a.bundle_dir, site("p{}", "let a").bundle_dir);
        assert_ne!(a.bundle_dir, site("body{}", "let b").bundle_dir);
        let dir = a.bundle_dir.trim_start_matches("pkg/");
        assert!(a.files.contains_key(&format!("{dir}/voz.js")));
        assert!(a.files.contains_key(&format!("{dir}/snippets/a/x.js")));
        // The stylesheet is inline in every page, not a file of its own.
        assert_eq!(&*a.stylesheet, "body{}");
        assert!(!a.files.keys().any(|k| k.ends_with("voz.css")));
    }

    #[test]
    fn reads_accept_encoding() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("br;q=1.0, gzip;q=0.8", "gzip"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(!accepts("", "gzip"));
        assert!(!accepts("identity", "br"));
    }
}
