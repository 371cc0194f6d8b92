//! A station's kiosks, from the poll worker's side: a one-time pairing code for a new kiosk
//! and unpairing one. (The kiosk device's own functions are `kiosk`.)

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;

/// A one-time code to type on the device that becomes one of this station's kiosks.
#[server(prefix = "/api", endpoint = "station/pairing", input = JsonOrForm)]
pub async fn kiosk_pairing_code(
    organization: String,
    election: String,
    station: i64,
) -> Result<String, AppError> {
    let outcome = ssr::kiosk_pairing_code(&organization, &election, station).await;
    // From the page's form the code is shown once by the page it comes back to.
    if crate::platform::web::http::is_form_post() {
        use super::notes::{StationSection, ssr as notes};
        match &outcome {
            Ok(code) => notes::note_pairing(&election, station, code),
            Err(_) => notes::note_failed(&election, station, StationSection::Kiosks, None),
        }
    }
    respond(outcome)
}

#[server(prefix = "/api", endpoint = "station/unpair", input = JsonOrForm)]
pub async fn unpair_kiosk(
    organization: String,
    election: String,
    station: i64,
    kiosk: i64,
) -> Result<(), AppError> {
    let outcome = ssr::unpair_kiosk(&organization, &election, station, kiosk).await;
    if outcome.is_err() && crate::platform::web::http::is_form_post() {
        use super::notes::{StationSection, ssr as notes};
        notes::note_failed(&election, station, StationSection::Kiosks, None);
    }
    respond(outcome)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::elections::kiosk::store as kiosk_store;

    use crate::db::now_millis;
    use crate::elections::station::api::ssr::station_worker;
    use crate::error::AppError;
    use crate::platform::web::context::app_state;

    pub async fn kiosk_pairing_code(
        organization: &str,
        election: &str,
        station: i64,
    ) -> Result<String, AppError> {
        let app = app_state()?;
        let worker = station_worker(&app, organization, election, station).await?;
        let mut tx = app.db.begin_write().await?;
        let code = kiosk_store::issue_kiosk_pairing(
            &mut tx,
            worker.record.id,
            station,
            worker.account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        let (first, second) = code.split_at(code.len() / 2);
        Ok(format!("{first}-{second}"))
    }

    pub async fn unpair_kiosk(
        organization: &str,
        election: &str,
        station: i64,
        kiosk: i64,
    ) -> Result<(), AppError> {
        let app = app_state()?;
        let worker = station_worker(&app, organization, election, station).await?;
        let mut tx = app.db.begin_write().await?;
        kiosk_store::unpair_kiosk(
            &mut tx,
            worker.record.id,
            station,
            kiosk,
            worker.account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }
}
