//! A person who pre-registered online and whose registration still waits for review (or
//! was sent back to fix) comes to vote: the poll worker checks the document in front of
//! them — as the help desk does — and verifies the registration on the spot; the person
//! then votes like anyone else. Only at an open station while the election takes votes,
//! never over a possible duplicate (the commission resolves those) or a refusal; the
//! decision is the registration's own, audited with the poll worker as its author.

#[cfg(feature = "ssr")]
use crate::elections::station::api::notes::{StationSection, ssr as notes};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "station/verify", input = JsonOrForm)]
pub async fn verify_at_station(
    organization: String,
    election: String,
    station: i64,
    document_type: String,
    document_number: String,
) -> Result<(), AppError> {
    let outcome = ssr::verify_at_station(
        &organization,
        &election,
        station,
        &document_type,
        &document_number,
    )
    .await;
    // From the page's form: show the person again, now able to vote, or with why not.
    if crate::platform::web::http::is_form_post() {
        if outcome.is_err() {
            notes::note_failed(&election, station, StationSection::Voters, None);
        }
        if let Ok((document_type, number)) =
            super::lookup::document(&document_type, &document_number)
        {
            notes::note_search(&election, station, document_type, &number);
        }
    }
    respond(outcome)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::accounts::duplicates::store as duplicates_store;
    use crate::accounts::registration::store as registration_store;
    use crate::accounts::types::{Decision, RegistrationStatus};
    use crate::db::now_millis;
    use crate::elections::station::api::lookup::document_hash;
    use crate::elections::station::api::ssr::station_worker;
    use crate::elections::station::store as station_store;
    use crate::error::{AppError, ErrorCode};
    use crate::platform::web::context::app_state;

    pub async fn verify_at_station(
        organization: &str,
        election: &str,
        station: i64,
        document_type: &str,
        document_number: &str,
    ) -> Result<(), AppError> {
        let app = app_state()?;
        let worker = station_worker(&app, organization, election, station).await?;
        let org = worker.organization.id;
        let hash = document_hash(&app, &worker.organization, document_type, document_number)?;
        let found = registration_store::registrations_by_document(&app.db, org, &[hash])
            .await
            .map_err(AppError::from)?;
        let registration = registration_store::registrations_by_id(&app.db, org, &found)
            .await
            .map_err(AppError::from)?
            .pop()
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        match registration.status {
            RegistrationStatus::Verified => return Ok(()),
            RegistrationStatus::Rejected => return Err(AppError::new(ErrorCode::NotEnabledVoter)),
            RegistrationStatus::Pending | RegistrationStatus::NeedsCorrection => {}
        }
        // One person, one vote: a registration that may be someone already registered
        // under another document waits for the commission, whoever stands at the table.
        if !duplicates_store::possible_duplicates(&app.db, org, registration.id)
            .await
            .map_err(AppError::from)?
            .is_empty()
        {
            return Err(AppError::new(ErrorCode::PossibleDuplicate));
        }
        let mut tx = app.db.begin_write().await?;
        station_store::open_station_in_voting(&mut tx, worker.record.id, station)
            .await
            .map_err(AppError::from)?;
        registration_store::decide_registration(
            &mut tx,
            org,
            registration.id,
            &Decision::Accept,
            worker.account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }
}
