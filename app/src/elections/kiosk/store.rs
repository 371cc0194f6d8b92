//! A polling station's kiosks, on either backend.
//!
//! The voter is never handed a staff device. A poll worker shows a one-time pairing code
//! (8 characters, 10 minutes, single use, kept as its SHA-256); typed on the kiosk device,
//! it gives that device a kiosk credential for that one station — a random token in a
//! cookie, its SHA-256 here — and ends any session the device had. Marking a person "kiosk"
//! readies the station's first free kiosk for exactly one ballot; casting spends it. The
//! station's closure retires its kiosks. Nothing here names a person or a time of voting.

use serde_json::json;
use sha2::{Digest as _, Sha256};

use crate::accounts::access_code::store::random_code;
use crate::accounts::types::AccountId;
use crate::db::{Db, Tx};
use crate::elections::election::store::{ElectionError, ElectionId};
use crate::elections::station::rules::KioskView;
use crate::elections::station::store as station_store;
use crate::elections::station::store::{StationBallot, StationError};
use crate::platform::audit::event::{Action, Subject};
use crate::platform::audit::store as audit_store;
use crate::platform::audit::store::AuditEvent;
use crate::platform::web::sessions::random_token;
use crate::results::count::Ballot;
use crate::{execute, execute_on_db, on_db, on_tx};

/// How long a pairing code shown on the poll-worker screen stays valid.
pub const PAIRING_LIFETIME_MS: i64 = 10 * 60 * 1000;
pub const PAIRING_CODE_LENGTH: usize = 8;

fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// A paired kiosk, as its credential finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kiosk {
    pub election: ElectionId,
    pub station: i64,
    pub number: i64,
    pub ready: bool,
    /// The language of the person the readied ballot is for, until its first screen.
    pub ballot_locale: Option<String>,
    /// The language the kiosk waits in.
    pub home_locale: Option<String>,
}

/// A one-time code that pairs a device as a kiosk of this open station.
pub async fn issue_kiosk_pairing(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    poll_worker: AccountId,
    now: i64,
) -> Result<String, StationError> {
    let organization = station_store::open_station_in_voting(tx, election, station).await?;
    let code = random_code(PAIRING_CODE_LENGTH);
    execute!(
        tx,
        "INSERT INTO kiosk_pairings (code_hash, election_id, station_id, expires_at) VALUES ($1, $2, $3, $4)",
        sha256_hex(&code),
        election.0,
        station,
        now + PAIRING_LIFETIME_MS,
    )?;
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            Some(poll_worker.0),
            Action::KioskPairingCode,
            Subject::Station(election, station),
        ),
        now,
    )
    .await?;
    Ok(code)
}

/// At closing: ballots readied and not cast are void, every kiosk of the station is
/// unpaired, and codes not used yet are dropped.
pub(crate) async fn retire_kiosks(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    now: i64,
) -> Result<(), StationError> {
    execute!(
        tx,
        "UPDATE kiosks SET retired_at = $1, ballot_ready = FALSE \
          WHERE election_id = $2 AND station_id = $3 AND retired_at IS NULL",
        now,
        election.0,
        station,
    )?;
    execute!(
        tx,
        "DELETE FROM kiosk_pairings WHERE election_id = $1 AND station_id = $2",
        election.0,
        station,
    )?;
    Ok(())
}

/// A poll worker unpairs one kiosk (a device lost or taken away); a ballot readied on
/// it is void.
pub async fn unpair_kiosk(
    tx: &mut Tx,
    election: ElectionId,
    station: i64,
    number: i64,
    poll_worker: AccountId,
    now: i64,
) -> Result<(), StationError> {
    let organization = station_store::open_station_in_voting(tx, election, station).await?;
    let done = execute!(
        tx,
        "UPDATE kiosks SET retired_at = $1, ballot_ready = FALSE \
          WHERE election_id = $2 AND station_id = $3 AND number = $4 AND retired_at IS NULL",
        now,
        election.0,
        station,
        number,
    )?;
    if done != 1 {
        return Err(ElectionError::NotFound.into());
    }
    audit_store::audit(
        tx,
        AuditEvent::new(
            Some(organization.0),
            Some(poll_worker.0),
            Action::KioskUnpair,
            Subject::Station(election, station),
        )
        .before(json!({ "kiosk": number })),
        now,
    )
    .await?;
    Ok(())
}

/// Pairs this device with the code a poll worker showed: returns the kiosk credential
/// (for the device's cookie) and the kiosk. Unknown, used and expired codes are one
/// answer.
pub async fn pair_kiosk(db: &Db, code: &str, now: i64) -> Result<(String, Kiosk), StationError> {
    let mut tx = db.begin_write().await?;
    let row: Option<(i64, i64)> = on_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "DELETE FROM kiosk_pairings WHERE code_hash = $1 AND expires_at > $2 \
             RETURNING election_id, station_id",
        )
        .bind(sha256_hex(code))
        .bind(now)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (election, station) = row.ok_or(StationError::UnknownToken)?;
    let election = ElectionId(election);
    let organization = station_store::open_station_in_voting(&mut tx, election, station).await?;
    let (number,): (i64,) = on_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM kiosks WHERE election_id = $1 AND station_id = $2",
        )
        .bind(election.0)
        .bind(station)
        .fetch_one(&mut *conn)
        .await
    })?;
    let token = random_token(32);
    execute!(
        &mut tx,
        "INSERT INTO kiosks (election_id, station_id, number, token_hash, paired_at) VALUES ($1, $2, $3, $4, $5)",
        election.0,
        station,
        number,
        sha256_hex(&token),
        now,
    )?;
    audit_store::audit(
        &mut tx,
        AuditEvent::new(
            Some(organization.0),
            None,
            Action::KioskPair,
            Subject::Station(election, station),
        )
        .after(json!({ "kiosk": number })),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok((
        token,
        Kiosk {
            election,
            station,
            number,
            ready: false,
            ballot_locale: None,
            home_locale: None,
        },
    ))
}

/// The kiosk a credential belongs to, while it is paired.
pub async fn kiosk(db: &Db, token: &str) -> Result<Option<Kiosk>, StationError> {
    #[allow(clippy::type_complexity)]
    let row: Option<(i64, i64, i64, bool, Option<String>, Option<String>)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT election_id, station_id, number, ballot_ready, ballot_locale, home_locale \
             FROM kiosks WHERE token_hash = $1 AND retired_at IS NULL",
        )
        .bind(sha256_hex(token))
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.map(
        |(election, station, number, ready, ballot_locale, home_locale)| Kiosk {
            election: ElectionId(election),
            station,
            number,
            ready,
            ballot_locale,
            home_locale,
        },
    ))
}

/// The readied ballot's language has been used (its first screen opened in it): from
/// now on the person may switch languages freely.
pub async fn clear_ballot_locale(db: &Db, token: &str) -> Result<(), StationError> {
    execute_on_db!(
        db,
        "UPDATE kiosks SET ballot_locale = NULL WHERE token_hash = $1",
        sha256_hex(token)
    )?;
    Ok(())
}

/// The language the kiosk waits in: the one its waiting screen was last opened in.
pub async fn set_home_locale(db: &Db, token: &str, locale: &str) -> Result<(), StationError> {
    execute_on_db!(
        db,
        "UPDATE kiosks SET home_locale = $1 WHERE token_hash = $2",
        locale,
        sha256_hex(token)
    )?;
    Ok(())
}

/// Casts the ballot readied on this kiosk (once), into the election's box.
pub async fn cast_kiosk(db: &Db, token: &str, ballot: &Ballot) -> Result<String, StationError> {
    let kiosk = kiosk(db, token).await?.ok_or(StationError::UnknownToken)?;
    let mut tx = db.begin_write().await?;
    station_store::open_station_in_voting(&mut tx, kiosk.election, kiosk.station).await?;
    // Under the station's lock: spend the readied ballot, or find none.
    let spent = execute!(
        &mut tx,
        "UPDATE kiosks SET ballot_ready = FALSE, ballot_locale = NULL WHERE token_hash = $1 \
          AND ballot_ready AND retired_at IS NULL",
        sha256_hex(token),
    )?;
    if spent != 1 {
        return Err(StationError::UnknownToken);
    }
    let code = station_store::insert_station_ballot(
        &mut tx,
        kiosk.election,
        kiosk.station,
        ballot,
        StationBallot::Kiosk,
    )
    .await?;
    tx.commit().await?;
    Ok(code)
}

/// Kiosks of the station with a ballot readied and not cast yet.
pub async fn kiosks_waiting(
    db: &Db,
    election: ElectionId,
    station: i64,
) -> Result<i64, StationError> {
    let (waiting,): (i64,) = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT COUNT(*) FROM kiosks WHERE election_id = $1 AND station_id = $2 \
             AND ballot_ready AND retired_at IS NULL",
        )
        .bind(election.0)
        .bind(station)
        .fetch_one(pool)
        .await
    })?;
    Ok(waiting)
}

/// The station's paired kiosks.
pub async fn station_kiosks(
    db: &Db,
    election: ElectionId,
    station: i64,
) -> Result<Vec<KioskView>, StationError> {
    let rows: Vec<(i64, bool)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT number, ballot_ready FROM kiosks WHERE election_id = $1 AND station_id = $2 \
             AND retired_at IS NULL ORDER BY number",
        )
        .bind(election.0)
        .bind(station)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(number, ready)| KioskView { number, ready })
        .collect())
}
