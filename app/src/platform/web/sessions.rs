//! Sessions and single-use challenges, stored in the database (either backend).

use std::fmt;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};

use crate::db::Db;
use crate::on_db;

/// 256 random bits, as the session cookie carries them. A secret: it is neither
/// `Serialize` nor printable, and only its hash reaches the database.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl SessionToken {
    fn generate() -> Self {
        Self(random_token(32))
    }

    /// Accepts a cookie value only if it has the shape of a token we issued.
    pub fn from_cookie(value: &str) -> Option<Self> {
        let well_formed = value.len() == 43
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        well_formed.then(|| Self(value.to_owned()))
    }

    pub fn cookie_value(&self) -> &str {
        &self.0
    }

    fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

impl fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionToken(<redacted>)")
    }
}

/// How a session was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthMethod {
    Passkey,
    /// A printed single-use code: enough to vote, never enough for staff tools.
    AccessCode,
}

crate::platform::codes::text_codes!(AuthMethod {
    Passkey => "passkey",
    AccessCode => "access_code",
});

/// What the server knows about a live session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub account_id: Option<i64>,
    pub created_at: i64,
    pub expires_at: i64,
    pub method: AuthMethod,
}

/// Identifies a pending challenge between the two requests of a ceremony.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChallengeId(pub String);

/// `length` random bytes from the OS-seeded CSPRNG, base64url without padding.
pub fn random_token(length: usize) -> String {
    let mut bytes = vec![0u8; length];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// Starts a session; the returned token goes into the cookie and nowhere else.
/// `passkey`: the passkey that opened it (removing that passkey ends the session).
pub async fn create_session(
    db: &Db,
    account_id: Option<i64>,
    method: AuthMethod,
    passkey: Option<i64>,
    lifetime: Duration,
    now: i64,
) -> Result<SessionToken, sqlx::Error> {
    let token = SessionToken::generate();
    let expires_at = now.saturating_add(millis(lifetime));
    on_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at, auth_method, passkey_id) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token.hash())
        .bind(account_id)
        .bind(now)
        .bind(expires_at)
        .bind(method.code())
        .bind(passkey)
        .execute(pool)
        .await
        .map(|done| done.rows_affected())
    })?;
    Ok(token)
}

/// The session behind a token, unless it has ended or expired.
pub async fn find_session(
    db: &Db,
    token: &SessionToken,
    now: i64,
) -> Result<Option<Session>, sqlx::Error> {
    let row: Option<(Option<i64>, i64, i64, String)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT account_id, created_at, expires_at, auth_method FROM sessions \
             WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token.hash())
        .bind(now)
        .fetch_optional(pool)
        .await
    })?;
    Ok(
        row.map(|(account_id, created_at, expires_at, method)| Session {
            account_id,
            created_at,
            expires_at,
            method: if method == AuthMethod::Passkey.code() {
                AuthMethod::Passkey
            } else {
                AuthMethod::AccessCode
            },
        }),
    )
}

/// Signs a session out; true when it existed.
pub async fn end_session(db: &Db, token: &SessionToken) -> Result<bool, sqlx::Error> {
    let ended = crate::execute_on_db!(
        db,
        "DELETE FROM sessions WHERE token_hash = $1",
        token.hash()
    )?;
    Ok(ended > 0)
}

/// Stores the state of a ceremony's first step; it can be taken back once.
pub async fn put_challenge(
    db: &Db,
    purpose: &str,
    state: &str,
    lifetime: Duration,
    now: i64,
) -> Result<ChallengeId, sqlx::Error> {
    let id = random_token(16);
    let expires_at = now.saturating_add(millis(lifetime));
    on_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO challenges (id, purpose, state, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(&id)
        .bind(purpose)
        .bind(state)
        .bind(expires_at)
        .execute(pool)
        .await
        .map(|done| done.rows_affected())
    })?;
    Ok(ChallengeId(id))
}

/// Takes a challenge's state out, exactly once: deleting and reading are one statement,
/// so two concurrent requests cannot both get it. Expired or wrong-purpose ids give
/// `None` (an expired one is consumed all the same).
pub async fn take_challenge(
    db: &Db,
    id: &ChallengeId,
    purpose: &str,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String, i64)> = on_db!(db, |pool| {
        sqlx::query_as(
            "DELETE FROM challenges WHERE id = $1 AND purpose = $2 \
             RETURNING state, expires_at",
        )
        .bind(&id.0)
        .bind(purpose)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.and_then(|(state, expires_at)| (expires_at > now).then_some(state)))
}

/// Deletes expired sessions and challenges; returns how many rows went.
pub async fn purge_expired(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    on_db!(db, |pool| {
        let sessions = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected();
        let challenges = sqlx::query("DELETE FROM challenges WHERE expires_at <= $1")
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected();
        Ok(sessions + challenges)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_well_formed() {
        let a = SessionToken::generate();
        let b = SessionToken::generate();
        assert_ne!(a, b);
        assert_eq!(SessionToken::from_cookie(a.cookie_value()), Some(a.clone()));
        assert_eq!(format!("{a:?}"), "SessionToken(<redacted>)");
    }

    #[test]
    fn malformed_cookies_are_refused() {
        for bad in [
            "",
            "short",
            &"a".repeat(44),
            &format!("{}=", "a".repeat(42)),
            &"é".repeat(22),
        ] {
            assert_eq!(SessionToken::from_cookie(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn only_the_hash_is_stored() {
        let token = SessionToken::generate();
        assert_eq!(token.hash().len(), 64);
        assert!(!token.hash().contains(token.cookie_value()));
    }
}
