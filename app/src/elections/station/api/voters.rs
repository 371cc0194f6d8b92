//! The poll book at a station: finding a person by the document in front of the poll worker,
//! marking them (the one-ballot-per-person mark) and handing over a kiosk or a paper ballot,
//! and typing in a paper ballot. A poll worker never names an account.

#[cfg(feature = "ssr")]
use crate::elections::station::api::notes::{StationSection, ssr as notes};
use crate::elections::station::rules::{HandOver, VoterLookup};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Finds a registered person by document (type and number); audited. From the station
/// page's plain form, the search is kept for the page it comes back to, which looks the
/// person up as it shows them ([`super::notes::take_station_notes`]): the document never
/// goes into the address.
#[server(prefix = "/api", endpoint = "station/find", input = JsonOrForm)]
pub async fn find_voter(
    organization: String,
    election: String,
    station: i64,
    document_type: String,
    document_number: String,
) -> Result<Option<VoterLookup>, AppError> {
    if crate::platform::web::http::is_form_post() {
        let outcome = ssr::remember_search(
            &organization,
            &election,
            station,
            &document_type,
            &document_number,
        )
        .await;
        if outcome.is_err() {
            notes::note_failed(&election, station, StationSection::Voters, None);
        }
        return respond(outcome.map(|()| None));
    }
    respond(
        ssr::find_voter(
            &organization,
            &election,
            station,
            &document_type,
            &document_number,
        )
        .await,
    )
}

/// Marks the person holding this document as voting here. For a kiosk ballot, readies the
/// station's first free kiosk and returns its number.
#[server(prefix = "/api", endpoint = "station/mark", input = JsonOrForm)]
pub async fn mark_voter(
    organization: String,
    election: String,
    station: i64,
    document_type: String,
    document_number: String,
    hand_over: HandOver,
) -> Result<Option<i64>, AppError> {
    let outcome = ssr::mark_voter(
        &organization,
        &election,
        station,
        &document_type,
        &document_number,
        hand_over,
    )
    .await;
    // From the page's form: say where the person goes; refused, show them again with why.
    if crate::platform::web::http::is_form_post() {
        match &outcome {
            Ok(kiosk) => notes::note_handed(&election, station, *kiosk),
            Err(_) => {
                notes::note_failed(&election, station, StationSection::Voters, None);
                if let Ok((document_type, number)) =
                    super::lookup::document(&document_type, &document_number)
                {
                    notes::note_search(&election, station, document_type, &number);
                }
            }
        }
    }
    respond(outcome)
}

/// The paper-ballot entry form (a plain form post): `pick[<segment>][<key>]`, or `null`.
#[server(prefix = "/api", endpoint = "station/paper")]
pub async fn enter_paper_ballot(
    organization: String,
    election: String,
    station: i64,
    locale: String,
    #[server(default)] null: Option<String>,
    #[server(default)] pick: BTreeMap<String, BTreeMap<String, String>>,
) -> Result<(), AppError> {
    ssr::enter_paper_ballot(
        &organization,
        &election,
        station,
        &locale,
        null.is_some(),
        pick,
    )
    .await
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::db::now_millis;
    use crate::elections::ballot::api::ssr::ballot_from_picks;
    use crate::elections::station::api::lookup::{document, document_hash, lookup};
    use crate::elections::station::api::notes::ssr as notes;
    use crate::elections::station::api::ssr::station_worker;
    use crate::elections::station::rules::{HandOver, VoterLookup};
    use crate::elections::station::store as station_store;
    use crate::error::AppError;
    use crate::platform::web::context::app_state;
    use crate::platform::web::http::redirect_with;
    use crate::results::count::Ballot;
    use std::collections::BTreeMap;

    pub async fn find_voter(
        organization: &str,
        election: &str,
        station: i64,
        document_type: &str,
        document_number: &str,
    ) -> Result<Option<VoterLookup>, AppError> {
        let app = app_state()?;
        let worker = station_worker(&app, organization, election, station).await?;
        lookup(&app, &worker, station, document_type, document_number).await
    }

    /// A search from the page's plain form, checked and kept for the page, which looks the
    /// person up (audited) as it shows them.
    pub async fn remember_search(
        organization: &str,
        election: &str,
        station: i64,
        document_type: &str,
        document_number: &str,
    ) -> Result<(), AppError> {
        let app = app_state()?;
        station_worker(&app, organization, election, station).await?;
        let (document_type, number) = document(document_type, document_number)?;
        notes::note_search(election, station, document_type, &number);
        Ok(())
    }

    pub async fn mark_voter(
        organization: &str,
        election: &str,
        station: i64,
        document_type: &str,
        document_number: &str,
        hand_over: HandOver,
    ) -> Result<Option<i64>, AppError> {
        let app = app_state()?;
        let worker = station_worker(&app, organization, election, station).await?;
        let hash = document_hash(&app, &worker.organization, document_type, document_number)?;
        let mut tx = app.db.begin_write().await?;
        let kiosk = station_store::mark_in_person(
            &mut tx,
            worker.record.id,
            station,
            &hash,
            hand_over,
            worker.account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(kiosk)
    }

    pub async fn enter_paper_ballot(
        organization: &str,
        election: &str,
        station: i64,
        locale: &str,
        null: bool,
        pick: BTreeMap<String, BTreeMap<String, String>>,
    ) -> Result<(), AppError> {
        let back = format!("/staff/{organization}/elections/{election}/stations/{station}");
        let outcome = async {
            let app = app_state()?;
            let worker = station_worker(&app, organization, election, station).await?;
            let ballot = if null {
                Ballot {
                    null: true,
                    choices: vec![],
                }
            } else {
                ballot_from_picks(pick)
            };
            let mut tx = app.db.begin_write().await?;
            station_store::enter_paper_ballot(
                &mut tx,
                worker.record.id,
                station,
                &ballot,
                worker.account,
                now_millis(),
            )
            .await
            .map_err(AppError::from)?;
            tx.commit().await?;
            Ok::<_, AppError>(())
        }
        .await;
        redirect_with(locale, &back, outcome.as_ref().err(), "entered=1");
        Ok(())
    }
}
