//! Candidate photos on either backend. The candidate sets, replaces or removes theirs
//! while candidacies are open; each change is audited with the photo's digest, so the
//! commission can show which picture was on file when it reviewed the candidacy. The
//! bytes live in the file store (`platform::files`); a row names them by digest.

use serde_json::json;

use crate::accounts::types::AccountId;
use crate::db::{Db, Tx};
use crate::elections::candidacy::store as candidacy_store;
use crate::elections::candidacy::{CandidacyError, CandidacyStatus};
use crate::elections::election::store::{ElectionError, ElectionId};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::platform::files::FileDigest;
use crate::platform::files::store::FileStore;
use crate::{execute, on_db, on_tx};

/// A stored photo with what deciding who may see it needs.
#[derive(Debug, Clone)]
pub struct StoredPhoto {
    pub owner: AccountId,
    pub status: CandidacyStatus,
    pub digest: FileDigest,
}

/// Sets (or with `None` removes) the photo of the candidacy `account` filed.
pub async fn set_candidacy_photo(
    tx: &mut Tx,
    election: ElectionId,
    account: AccountId,
    photo: Option<&FileDigest>,
    now: i64,
) -> Result<(), ElectionError> {
    let (organization, phase, _) = candidacy_store::election_state(tx, election).await?;
    if !phase.allows_candidacies() {
        return Err(CandidacyError::WrongPhase.into());
    }
    let row: Option<(i64, Option<String>)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT c.id, p.digest FROM candidacies c \
             LEFT JOIN candidacy_photos p ON p.candidacy_id = c.id \
             WHERE c.election_id = $1 AND c.account_id = $2",
        )
        .bind(election.0)
        .bind(account.0)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (id, before) = row.ok_or(ElectionError::NotFound)?;
    match photo {
        Some(photo) => execute!(
            tx,
            "INSERT INTO candidacy_photos (candidacy_id, digest) VALUES ($1, $2) \
              ON CONFLICT (candidacy_id) DO UPDATE SET digest = excluded.digest, jpeg = NULL",
            id,
            photo.as_str(),
        )?,
        None => execute!(
            tx,
            "DELETE FROM candidacy_photos WHERE candidacy_id = $1",
            id
        )?,
    };
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization),
            Some(account.0),
            Action::CandidacyPhoto,
            Subject::Candidacy(election, id),
        )
        .before(json!({ "photo_sha256": before }))
        .after(json!({ "photo_sha256": photo })),
        now,
    )
    .await?;
    Ok(())
}

/// The photo of candidacy `candidacy` of `election`, if it has one.
pub async fn candidacy_photo(
    db: &Db,
    election: ElectionId,
    candidacy: i64,
) -> Result<Option<StoredPhoto>, ElectionError> {
    let row: Option<(i64, CandidacyStatus, String)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT c.account_id, c.status, p.digest FROM candidacy_photos p \
             JOIN candidacies c ON c.id = p.candidacy_id \
             WHERE c.id = $1 AND c.election_id = $2",
        )
        .bind(candidacy)
        .bind(election.0)
        .fetch_optional(pool)
        .await
    })?;
    row.map(|(owner, status, digest)| {
        Ok(StoredPhoto {
            owner: AccountId(owner),
            status,
            digest: digest
                .parse()
                .map_err(crate::elections::election::store::corrupt)?,
        })
    })
    .transpose()
}

/// Which candidacies of `election` have a photo, and its digest.
pub async fn photo_digests(
    db: &Db,
    election: ElectionId,
) -> Result<Vec<(i64, String)>, ElectionError> {
    Ok(on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT p.candidacy_id, p.digest FROM candidacy_photos p \
             JOIN candidacies c ON c.id = p.candidacy_id WHERE c.election_id = $1",
        )
        .bind(election.0)
        .fetch_all(pool)
        .await
    })?)
}

/// Moves photos stored in the database by earlier versions (the `jpeg` column) into
/// the file store, a few at a time, each row cleared only once its file is stored and
/// reads back under its digest. Safe to run again and to interrupt. Returns how many
/// moved.
pub async fn move_photos_to(db: &Db, files: &FileStore) -> Result<usize, ElectionError> {
    let mut moved = 0;
    loop {
        let rows: Vec<(i64, String, Vec<u8>)> = on_db!(db, |pool| {
            sqlx::query_as(
                "SELECT candidacy_id, digest, jpeg FROM candidacy_photos \
                 WHERE jpeg IS NOT NULL ORDER BY candidacy_id LIMIT 50",
            )
            .fetch_all(pool)
            .await
        })?;
        if rows.is_empty() {
            return Ok(moved);
        }
        for (candidacy, digest, jpeg) in rows {
            let stored = files.put(jpeg).await.map_err(|e| {
                ElectionError::Corrupt(format!("moving photo of candidacy {candidacy}: {e}"))
            })?;
            if stored.as_str() != digest {
                return Err(ElectionError::Corrupt(format!(
                    "photo of candidacy {candidacy} does not match its digest"
                )));
            }
            on_db!(db, |pool| {
                sqlx::query(
                    "UPDATE candidacy_photos SET jpeg = NULL WHERE candidacy_id = $1 AND digest = $2",
                )
                .bind(candidacy)
                .bind(&digest)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
            })?;
            moved += 1;
        }
    }
}
