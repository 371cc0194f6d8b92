//! The file store: bytes in, their digest out; a digest in, the same bytes out. Files live
//! under `sha256/<first two hex digits>/<digest>` in whatever object store the operator
//! configured (`--files`): a local directory (the default: `files/` beside the secret key),
//! `memory://` (tests), or, in a build with the `s3` feature, `s3://bucket/prefix` with the
//! usual `AWS_*` variables. Writes are idempotent (the same bytes, the same name), so a file
//! is stored before the transaction that names it; a failed transaction leaves an unnamed
//! file, never a name without its file. Reads check the bytes against their name.

use std::sync::Arc;

use bytes::Bytes;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use crate::platform::files::FileDigest;

#[derive(Clone, Debug)]
pub struct FileStore {
    inner: Arc<dyn ObjectStore>,
    /// Where the files live, for logs (never secrets: URLs carry none, keys come from the
    /// environment).
    place: String,
}

#[derive(Debug, thiserror::Error)]
pub enum FileStoreError {
    #[error("file store {place:?}: {message}")]
    Config { place: String, message: String },
    #[error("file store: {0}")]
    Io(#[from] object_store::Error),
    #[error("file {0} in the store does not hold the bytes its name says")]
    Altered(FileDigest),
}

fn location(digest: &FileDigest) -> Path {
    let hex = digest.as_str();
    Path::from(format!("sha256/{}/{hex}", &hex[..2]))
}

impl FileStore {
    /// Opens the store at `place`: a folder (created when missing), or a `file://`,
    /// `memory://` or `s3://` URL.
    pub fn open(place: &str) -> Result<Self, FileStoreError> {
        let config = |message: String| FileStoreError::Config {
            place: place.to_owned(),
            message,
        };
        let inner: Arc<dyn ObjectStore> = match url::Url::parse(place) {
            Ok(url) if url.scheme().len() > 1 && url.scheme() != "file" => {
                let (store, prefix) = object_store::parse_url_opts(&url, std::env::vars())
                    .map_err(|e| {
                        config(if url.scheme() == "s3" && !cfg!(feature = "s3") {
                            "this build has no S3 support: build voz with `--features voz-app/s3`"
                                .to_owned()
                        } else {
                            e.to_string()
                        })
                    })?;
                if prefix.as_ref().is_empty() {
                    Arc::from(store)
                } else {
                    Arc::new(object_store::prefix::PrefixStore::new(store, prefix))
                }
            }
            parsed => {
                let dir = match &parsed {
                    Ok(url) if url.scheme() == "file" => url
                        .to_file_path()
                        .map_err(|()| config("not a local path".into()))?,
                    _ => std::path::PathBuf::from(place),
                };
                std::fs::create_dir_all(&dir).map_err(|e| config(e.to_string()))?;
                let local = object_store::local::LocalFileSystem::new_with_prefix(&dir)
                    .map_err(|e| config(e.to_string()))?
                    .with_fsync(true);
                Arc::new(local)
            }
        };
        Ok(Self {
            inner,
            place: place.to_owned(),
        })
    }

    /// A store in memory, for tests.
    pub fn memory() -> Self {
        Self {
            inner: Arc::new(object_store::memory::InMemory::new()),
            place: "memory://".into(),
        }
    }

    pub fn place(&self) -> &str {
        &self.place
    }

    /// Stores `bytes` (once: the same bytes are already there under the same name).
    pub async fn put(&self, bytes: Vec<u8>) -> Result<FileDigest, FileStoreError> {
        let digest = FileDigest::of(&bytes);
        let at = location(&digest);
        match self.inner.head(&at).await {
            Ok(_) => return Ok(digest),
            Err(object_store::Error::NotFound { .. }) => {}
            Err(e) => return Err(e.into()),
        }
        self.inner.put(&at, PutPayload::from(bytes)).await?;
        Ok(digest)
    }

    /// The bytes named `digest`, if the store has them, checked against the name.
    pub async fn get(&self, digest: &FileDigest) -> Result<Option<Bytes>, FileStoreError> {
        let bytes = match self.inner.get(&location(digest)).await {
            Ok(found) => found.bytes().await?,
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        if FileDigest::of(&bytes) != *digest {
            return Err(FileStoreError::Altered(digest.clone()));
        }
        Ok(Some(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn round_trip(store: &FileStore) {
        let digest = store.put(b"a photo".to_vec()).await.expect("put");
        assert_eq!(digest, FileDigest::of(b"a photo"));
        assert_eq!(
            store.put(b"a photo".to_vec()).await.expect("again"),
            digest,
            "the same bytes, the same name"
        );
        let back = store.get(&digest).await.expect("get").expect("found");
        assert_eq!(&back[..], b"a photo");
        let missing = FileDigest::of(b"never stored");
        assert_eq!(store.get(&missing).await.expect("get"), None);
    }

    #[tokio::test]
    async fn files_come_back_by_their_digest() {
        round_trip(&FileStore::memory()).await;
        let dir = tempfile::tempdir().expect("dir");
        let place = dir.path().join("files");
        round_trip(&FileStore::open(place.to_str().expect("utf-8")).expect("open")).await;
        let url = format!("file://{}", place.display());
        round_trip(&FileStore::open(&url).expect("open url")).await;
    }

    #[tokio::test]
    async fn altered_bytes_are_refused_not_served() {
        let dir = tempfile::tempdir().expect("dir");
        let store = FileStore::open(dir.path().to_str().expect("utf-8")).expect("open");
        let digest = store.put(b"original".to_vec()).await.expect("put");
        let hex = digest.as_str();
        let file = dir.path().join("sha256").join(&hex[..2]).join(hex);
        std::fs::write(&file, b"tampered").expect("overwrite");
        assert!(matches!(
            store.get(&digest).await,
            Err(FileStoreError::Altered(d)) if d == digest
        ));
    }

    #[test]
    fn an_s3_store_needs_the_feature_or_says_so() {
        if cfg!(feature = "s3") {
            return;
        }
        let refused = FileStore::open("s3://bucket/voz").expect_err("no S3 here");
        assert!(
            refused.to_string().contains("--features voz-app/s3"),
            "{refused}"
        );
    }
}
