//! Files people upload (candidate photos today; application documents and conference
//! attachments next), kept outside the database and named by the SHA-256 of their bytes:
//! the same bytes are stored once, a name can never point at other bytes, and a row or an
//! audit entry that names a file names exactly one content.
//!
//! - `sniff`: what a file is, judged by its first bytes, never by its name or its sender.
//! - `image` (server): a picture from a phone becomes a small square JPEG without metadata.
//! - `pdf` (server): a PDF parses and nothing in it runs or hides another file.
//! - `store` (server): the file store — a local directory by default, any object store the
//!   `object_store` crate reaches (S3-compatible with the `s3` feature) behind one interface.
//! - `upload` (server): reading a multipart form with every part bounded, the file only
//!   once the sender may send it.

#[cfg(feature = "ssr")]
pub mod image;
#[cfg(feature = "ssr")]
pub mod pdf;
pub mod sniff;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod upload;

use serde::{Deserialize, Serialize};

/// A file's name in the store: the lowercase hex SHA-256 of its bytes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FileDigest(String);

impl FileDigest {
    /// The digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        use sha2::{Digest, Sha256};
        Self(hex::encode(Sha256::digest(bytes)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for FileDigest {
    type Err = NotADigest;

    fn from_str(text: &str) -> Result<Self, NotADigest> {
        let hex = text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        hex.then(|| Self(text.to_owned())).ok_or(NotADigest)
    }
}

impl TryFrom<String> for FileDigest {
    type Error = NotADigest;

    fn try_from(text: String) -> Result<Self, NotADigest> {
        text.parse()
    }
}

impl From<FileDigest> for String {
    fn from(digest: FileDigest) -> String {
        digest.0
    }
}

impl std::fmt::Display for FileDigest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a SHA-256 digest (64 lowercase hex digits)")]
pub struct NotADigest;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_digest_of_nothing_is_the_published_one() {
        assert_eq!(
            FileDigest::of(b"").as_str(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn only_64_lowercase_hex_digits_are_a_digest() {
        for bad in [
            "",
            "abc",
            &"A".repeat(64),
            &"g".repeat(64),
            &"a".repeat(65),
            "../../etc/passwd",
        ] {
            assert_eq!(bad.parse::<FileDigest>(), Err(NotADigest), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_digest_reads_back(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let digest = FileDigest::of(&bytes);
            prop_assert_eq!(digest.as_str().parse::<FileDigest>(), Ok(digest.clone()));
        }
    }
}
