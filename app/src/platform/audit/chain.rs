//! The hash chain as pure functions: how an entry's hash is computed and how a whole log
//! is checked. `voz audit verify` and the tests use exactly these.

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

/// `prev_hash` of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One entry as stored (read straight from its row) and as shown to administrators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AuditRecord {
    /// 1, 2, 3…: a gap means an entry was removed.
    pub seq: i64,
    /// Unix milliseconds.
    pub at: i64,
    pub organization_id: Option<i64>,
    pub actor_account_id: Option<i64>,
    /// What was done, e.g. `registration.approve`.
    pub action: String,
    /// What it was done to, e.g. `registration:42`.
    pub subject: String,
    /// JSON of the state before and after, where there is one.
    #[cfg_attr(feature = "ssr", sqlx(rename = "before_state"))]
    pub before: Option<String>,
    #[cfg_attr(feature = "ssr", sqlx(rename = "after_state"))]
    pub after: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditRecord {
    /// SHA-256 (lowercase hex) of the canonical JSON array of every field but `hash`.
    pub fn compute_hash(&self) -> String {
        let canonical = serde_json::json!([
            self.seq,
            self.at,
            self.organization_id,
            self.actor_account_id,
            self.action,
            self.subject,
            self.before,
            self.after,
            self.prev_hash,
        ]);
        hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainSummary {
    pub entries: i64,
    pub head: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("entry {found} follows entry {expected_after}: entries are missing or reordered")]
    Gap { expected_after: i64, found: i64 },
    #[error("entry {seq} does not point at the hash of the entry before it")]
    BrokenLink { seq: i64 },
    #[error("entry {seq} was altered: its content does not match its hash")]
    Altered { seq: i64 },
    #[error("the recorded head ({recorded}) is not the last entry's hash ({actual})")]
    HeadMismatch { recorded: String, actual: String },
    #[error(
        "the log no longer reaches the head {head}: entries were removed or rewritten since it was published"
    )]
    HeadNotReached { head: String },
    #[error("entry {seq} is filed under the wrong process: its subject says otherwise")]
    MisfiledProcess { seq: i64 },
}

/// Checks entries given in `seq` order, from the first, against `recorded_head` (the
/// hash the database says is last; a truncated log fails here).
pub fn verify_chain(
    records: impl IntoIterator<Item = AuditRecord>,
    recorded_head: &str,
) -> Result<ChainSummary, ChainBreak> {
    let mut previous_seq = 0;
    let mut previous_hash = GENESIS_HASH.to_owned();
    for record in records {
        if record.seq != previous_seq + 1 {
            return Err(ChainBreak::Gap {
                expected_after: previous_seq,
                found: record.seq,
            });
        }
        if record.prev_hash != previous_hash {
            return Err(ChainBreak::BrokenLink { seq: record.seq });
        }
        if record.compute_hash() != record.hash {
            return Err(ChainBreak::Altered { seq: record.seq });
        }
        previous_seq = record.seq;
        previous_hash = record.hash;
    }
    if previous_hash != recorded_head {
        return Err(ChainBreak::HeadMismatch {
            recorded: recorded_head.to_owned(),
            actual: previous_hash,
        });
    }
    Ok(ChainSummary {
        entries: previous_seq,
        head: previous_hash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chain(n: i64) -> Vec<AuditRecord> {
        let mut prev = GENESIS_HASH.to_owned();
        (1..=n)
            .map(|seq| {
                let mut record = AuditRecord {
                    seq,
                    at: 1_000 * seq,
                    organization_id: Some(1),
                    actor_account_id: Some(seq % 3),
                    action: "registration.approve".into(),
                    subject: format!("registration:{seq}"),
                    before: Some(r#"{"status":"pending"}"#.into()),
                    after: Some(r#"{"status":"verified"}"#.into()),
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                record.hash = record.compute_hash();
                prev = record.hash.clone();
                record
            })
            .collect()
    }

    fn head(records: &[AuditRecord]) -> String {
        records
            .last()
            .map_or(GENESIS_HASH.to_owned(), |r| r.hash.clone())
    }

    #[test]
    fn an_intact_chain_verifies() {
        let records = chain(5);
        let summary = verify_chain(records.clone(), &head(&records)).expect("intact");
        assert_eq!(summary.entries, 5);
        assert_eq!(
            verify_chain(vec![], GENESIS_HASH).expect("empty").entries,
            0
        );
    }

    #[test]
    fn tampering_is_detected_and_located() {
        let records = chain(5);
        let head = head(&records);

        let mut edited = records.clone();
        edited[2].after = Some(r#"{"status":"rejected"}"#.into());
        assert_eq!(
            verify_chain(edited, &head),
            Err(ChainBreak::Altered { seq: 3 })
        );

        let mut removed = records.clone();
        removed.remove(1);
        assert_eq!(
            verify_chain(removed, &head),
            Err(ChainBreak::Gap {
                expected_after: 1,
                found: 3
            })
        );

        let mut rehashed = records.clone();
        rehashed[1].action = "registration.reject".into();
        rehashed[1].hash = rehashed[1].compute_hash();
        assert_eq!(
            verify_chain(rehashed, &head),
            Err(ChainBreak::BrokenLink { seq: 3 })
        );

        let truncated = records[..4].to_vec();
        assert!(matches!(
            verify_chain(truncated, &head),
            Err(ChainBreak::HeadMismatch { .. })
        ));
    }

    proptest! {
        #[test]
        fn any_single_field_change_breaks_verification(n in 1i64..12, pick in 0usize..12, field in 0u8..6) {
            let records = chain(n);
            let head = head(&records);
            let mut tampered = records.clone();
            let target = &mut tampered[pick % records.len()];
            match field {
                0 => target.at += 1,
                1 => target.actor_account_id = None,
                2 => target.action.push('x'),
                3 => target.subject.push('x'),
                4 => target.before = None,
                _ => target.organization_id = Some(2),
            }
            prop_assert!(verify_chain(tampered, &head).is_err());
        }
    }
}
