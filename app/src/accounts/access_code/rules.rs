//! Printed single-use access codes, for voters without a passkey-capable phone. 10
//! characters of Crockford base32 (50 random bits), kept only as a keyed hash; attempts
//! are rate-limited per client, and an unknown, used, expired or wrong code all get the
//! same answer.

#[cfg(feature = "ssr")]
pub use store::*;

/// The alphabet: no I, L, O or U, which are easy to misread or misspeak.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CODE_LENGTH: usize = 10;

/// What a person may type for a code: case, spaces and dashes do not matter, and the
/// letters people confuse with digits (O, I, L) are read as the digits.
pub fn normalize_code(typed: &str) -> Option<String> {
    normalize_code_of_length(typed, CODE_LENGTH)
}

/// [`normalize_code`] for a code of another length (kiosk pairing codes have 8).
pub fn normalize_code_of_length(typed: &str, length: usize) -> Option<String> {
    if typed.len() > 4 * length {
        return None;
    }
    let mut code = String::with_capacity(length);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        code.push(c);
    }
    (code.len() == length).then_some(code)
}

/// `ABCDE-FGHJK`, for printing.
pub fn display_code(code: &str) -> String {
    let (first, second) = code.split_at(code.len().min(CODE_LENGTH / 2));
    format!("{first}-{second}")
}

#[cfg(feature = "ssr")]
mod store {
    use std::time::Duration;

    use rand::Rng as _;
    use serde_json::json;

    use super::{ALPHABET, CODE_LENGTH};
    use crate::accounts::store::StoreError;
    use crate::accounts::types::{AccountId, OrganizationId};
    use crate::db::{Db, Tx};
    use crate::platform::audit::event::{Action, Subject};
    use crate::platform::audit::store::AuditEvent;
    use crate::{on_db, on_tx};

    /// A fresh code from the OS-seeded CSPRNG.
    pub fn generate_code() -> String {
        random_code(CODE_LENGTH)
    }

    /// `length` characters of the code alphabet (5 random bits each).
    pub fn random_code(length: usize) -> String {
        let mut rng = rand::rng();
        (0..length)
            .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
            .collect()
    }

    impl Tx {
        pub async fn issue_access_code(
            &mut self,
            organization: OrganizationId,
            account: AccountId,
            code_hash: &str,
            lifetime: Duration,
            actor: AccountId,
            now: i64,
        ) -> Result<i64, StoreError> {
            let expires_at =
                now.saturating_add(i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX));
            // A new card revokes every earlier one not used yet: a lost card stops working
            // the moment its holder gets a new one.
            let revoked = on_tx!(self, |conn| {
                sqlx::query(
                    "UPDATE access_codes SET revoked_at = $1 WHERE organization_id = $2 \
                     AND account_id = $3 AND used_at IS NULL AND revoked_at IS NULL",
                )
                .bind(now)
                .bind(organization.0)
                .bind(account.0)
                .execute(&mut *conn)
                .await
                .map(|done| done.rows_affected())
            })?;
            on_tx!(self, |conn| {
                sqlx::query(
                    "INSERT INTO access_codes (organization_id, account_id, code_hash, expires_at, created_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(organization.0)
                .bind(account.0)
                .bind(code_hash)
                .bind(expires_at)
                .bind(now)
                .execute(&mut *conn)
                .await
                .map(|done| done.rows_affected())
            })?;
            self.audit(
                AuditEvent::new(
                    Some(organization.0),
                    Some(actor.0),
                    Action::AccessCodeIssue,
                    Subject::Account(account),
                )
                .after(json!({ "expires_at": expires_at, "revoked_earlier": revoked })),
                now,
            )
            .await?;
            Ok(expires_at)
        }
    }

    impl Db {
        /// Uses a code up: its account, once, before it expires.
        pub async fn redeem_access_code(
            &self,
            code_hash: &str,
            now: i64,
        ) -> Result<Option<AccountId>, StoreError> {
            let row: Option<(i64,)> = on_db!(self, |pool| {
                sqlx::query_as(
                    "UPDATE access_codes SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL \
                     AND revoked_at IS NULL AND expires_at > $1 RETURNING account_id",
                )
                .bind(now)
                .bind(code_hash)
                .fetch_optional(pool)
                .await
            })?;
            Ok(row.map(|(id,)| AccountId(id)))
        }

        /// Forgets attempts older than `before` (called by the purger).
        pub async fn purge_attempts(&self, before: i64) -> Result<u64, StoreError> {
            Ok(on_db!(self, |pool| {
                sqlx::query("DELETE FROM attempts WHERE at <= $1")
                    .bind(before)
                    .execute(pool)
                    .await
                    .map(|done| done.rows_affected())
            })?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_slips_do_not_matter() {
        assert_eq!(normalize_code("abcde-fghjk").as_deref(), Some("ABCDEFGHJK"));
        assert_eq!(
            normalize_code(" 0O1IL 23456 ").as_deref(),
            Some("0011123456")
        );
        assert_eq!(normalize_code("ABCDE-FGHJ"), None, "too short");
        assert_eq!(
            normalize_code("ABCDE-FGHJU"),
            None,
            "U is not in the alphabet"
        );
        assert_eq!(normalize_code("ÁBCDE-FGHJK"), None);
        assert_eq!(display_code("ABCDEFGHJK"), "ABCDE-FGHJK");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn generated_codes_are_well_formed_and_distinct() {
        let codes: std::collections::HashSet<String> = (0..1000).map(|_| generate_code()).collect();
        assert_eq!(codes.len(), 1000);
        assert!(
            codes
                .iter()
                .all(|c| normalize_code(c).as_deref() == Some(c.as_str()))
        );
    }
}
