//! The server secret and what is derived from it. Document numbers are stored only as
//! HMAC-SHA256 under this key: without it a leaked database does not reveal them, and with
//! it the same document can be recognised to refuse a second registration.

use std::io::Write as _;
use std::path::Path;

use hmac::{Hmac, Mac as _};
use rand::RngCore as _;
use sha2::Sha256;

use crate::accounts::types::{DocumentType, OrganizationId};

/// 32 secret bytes. Every `voz serve` process of an installation must share them, and
/// they must never change: a new key makes every stored document hash unrecognisable.
#[derive(Clone)]
pub struct ServerSecret([u8; 32]);

impl std::fmt::Debug for ServerSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServerSecret(<redacted>)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("cannot read or create the secret file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("the secret in {0} is not 64 hexadecimal characters")]
    Malformed(String),
}

impl ServerSecret {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// Reads the hex secret from `path`, creating it (mode 0600) on first start.
    pub fn load_or_create(path: &Path) -> Result<Self, SecretError> {
        let io = |source| SecretError::Io {
            path: path.display().to_string(),
            source,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let bytes = hex::decode(text.trim())
                    .ok()
                    .and_then(|b| <[u8; 32]>::try_from(b).ok());
                bytes
                    .map(Self)
                    .ok_or_else(|| SecretError::Malformed(path.display().to_string()))
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let mut bytes = [0u8; 32];
                rand::rng().fill_bytes(&mut bytes);
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(io)?;
                }
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options.open(path).map_err(io)?;
                writeln!(file, "{}", hex::encode(bytes)).map_err(io)?;
                Ok(Self(bytes))
            }
            Err(error) => Err(io(error)),
        }
    }

    /// The keyed hash of a normalized document number, scoped to one organization and
    /// document type (hex).
    pub fn document_hash(
        &self,
        organization: OrganizationId,
        document_type: DocumentType,
        normalized_number: &str,
    ) -> String {
        self.keyed_hash(&[
            "document",
            &organization.to_string(),
            document_type.code(),
            normalized_number,
        ])
    }

    /// The keyed hash of a normalized access code.
    pub fn access_code_hash(&self, normalized_code: &str) -> String {
        self.keyed_hash(&["access_code", normalized_code])
    }

    /// HMAC-SHA256 over length-prefixed parts, so ("ab","c") and ("a","bc") differ.
    fn keyed_hash(&self, parts: &[&str]) -> String {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        for part in parts {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part.as_bytes());
        }
        hex::encode(mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_hashes_depend_on_key_org_type_and_number() {
        let a = ServerSecret::from_bytes([1; 32]);
        let b = ServerSecret::from_bytes([2; 32]);
        let org = OrganizationId(1);
        let base = a.document_hash(org, DocumentType::Passport, "AB123");
        assert_eq!(base, a.document_hash(org, DocumentType::Passport, "AB123"));
        assert_ne!(base, b.document_hash(org, DocumentType::Passport, "AB123"));
        assert_ne!(
            base,
            a.document_hash(OrganizationId(2), DocumentType::Passport, "AB123")
        );
        assert_ne!(base, a.document_hash(org, DocumentType::CrnmRne, "AB123"));
        assert_ne!(base, a.document_hash(org, DocumentType::Passport, "AB124"));
        assert!(!base.contains("AB123"));
    }

    #[test]
    fn the_secret_file_is_created_once_and_reread() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("sub/secret.key");
        let first = ServerSecret::load_or_create(&path).expect("create");
        let again = ServerSecret::load_or_create(&path).expect("read");
        assert_eq!(first.0, again.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o077, 0, "only the owner may read it");
        }
        std::fs::write(&path, "not hex").expect("write");
        assert!(matches!(
            ServerSecret::load_or_create(&path),
            Err(SecretError::Malformed(_))
        ));
    }
}
