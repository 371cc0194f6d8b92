//! What the last plain form on the poll-worker screen leaves for the page it comes back
//! to, shown once: the person a document search found, where the person just marked was
//! sent, a new kiosk pairing code, and which form a refusal (`?error=`) is about. These
//! travel in short-lived `HttpOnly` cookies (`platform::web::flash`), never in the address,
//! so no document number or pairing code lands in the browser's history or a server log.

use crate::accounts::types::DocumentType;
use crate::elections::station::rules::VoterLookup;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The parts of the station page a form belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StationSection {
    /// Pairing and unpairing kiosks.
    Kiosks,
    /// Finding and marking a person.
    Voters,
    /// Signing the closure, reopening.
    Closure,
}

impl StationSection {
    #[cfg(feature = "ssr")]
    fn code(self) -> &'static str {
        match self {
            Self::Kiosks => "kiosks",
            Self::Voters => "voters",
            Self::Closure => "closure",
        }
    }

    #[cfg(feature = "ssr")]
    fn from_code(code: &str) -> Option<Self> {
        [Self::Kiosks, Self::Voters, Self::Closure]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// Where the person just marked was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Handed {
    Kiosk { number: i64 },
    Paper,
}

/// The last document search: what was typed (normalized) and whom it found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoterSearch {
    pub document_type: DocumentType,
    pub document_number: String,
    pub found: Option<VoterLookup>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationNotes {
    /// The form the page's `?error=` came from.
    pub failed: Option<StationSection>,
    /// The sheet count typed into a closure that was refused, to type it only once.
    pub sheets_found: Option<String>,
    pub search: Option<VoterSearch>,
    pub handed: Option<Handed>,
    pub pairing_code: Option<String>,
}

/// What the last form on this station's page left to show, once (a search is looked up,
/// and audited, now).
#[server(prefix = "/api", endpoint = "station/notes", input = JsonOrForm)]
pub async fn take_station_notes(
    organization: String,
    election: String,
    station: i64,
) -> Result<StationNotes, AppError> {
    respond(ssr::take_station_notes(&organization, &election, station).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::{Handed, StationNotes, StationSection, VoterSearch};
    use crate::accounts::types::DocumentType;
    use crate::elections::station::api::lookup::lookup;
    use crate::elections::station::api::ssr::station_worker;
    use crate::error::AppError;
    use crate::platform::web::context::app_state;
    use crate::platform::web::flash::Flash;

    const FAILED: Flash = Flash("voz_station_failed");
    const SEARCH: Flash = Flash("voz_station_search");
    const HANDED: Flash = Flash("voz_station_handed");
    const PAIRING: Flash = Flash("voz_station_pairing");

    /// The page a note is for, `<election>.<station>`: a note is shown on that station's
    /// page only. Election slugs are `[a-z0-9-]`; anything else gets no note.
    fn page_key(election: &str, station: i64) -> Option<String> {
        let slug = !election.is_empty()
            && election
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        slug.then(|| format!("{election}.{station}"))
    }

    /// `value` must be cookie-safe (no spaces, commas or semicolons).
    fn put(flash: Flash, election: &str, station: i64, value: &str) {
        if let Some(key) = page_key(election, station) {
            flash.put(&format!("{key}.{value}"));
        }
    }

    fn take(flash: Flash, election: &str, station: i64) -> Option<String> {
        let value = flash.take()?;
        let key = page_key(election, station)?;
        value
            .strip_prefix(key.as_str())?
            .strip_prefix('.')
            .map(str::to_owned)
    }

    /// A refused form of `section`; for the closure, with the sheet count typed.
    pub fn note_failed(
        election: &str,
        station: i64,
        section: StationSection,
        sheets: Option<&str>,
    ) {
        let sheets = sheets
            .map(str::trim)
            .filter(|s| !s.is_empty() && s.len() <= 7 && s.bytes().all(|b| b.is_ascii_digit()));
        let value = match sheets {
            Some(sheets) => format!("{}.{sheets}", section.code()),
            None => section.code().to_owned(),
        };
        put(FAILED, election, station, &value);
    }

    /// A validated search (`number` normalized: `[0-9A-Z]`).
    pub fn note_search(election: &str, station: i64, document_type: DocumentType, number: &str) {
        put(
            SEARCH,
            election,
            station,
            &format!("{}.{number}", document_type.code()),
        );
    }

    pub fn note_handed(election: &str, station: i64, kiosk: Option<i64>) {
        let value = match kiosk {
            Some(number) => format!("kiosk.{number}"),
            None => "paper".to_owned(),
        };
        put(HANDED, election, station, &value);
    }

    pub fn note_pairing(election: &str, station: i64, code: &str) {
        put(PAIRING, election, station, code);
    }

    fn failed(value: &str) -> (Option<StationSection>, Option<String>) {
        let (section, sheets) = match value.split_once('.') {
            Some((section, sheets)) => (section, Some(sheets.to_owned())),
            None => (value, None),
        };
        let sheets = sheets.filter(|s| s.len() <= 7 && s.bytes().all(|b| b.is_ascii_digit()));
        (StationSection::from_code(section), sheets)
    }

    fn handed(value: &str) -> Option<Handed> {
        match value.split_once('.') {
            None if value == "paper" => Some(Handed::Paper),
            Some(("kiosk", number)) => number.parse().ok().map(|number| Handed::Kiosk { number }),
            _ => None,
        }
    }

    fn search(value: &str) -> Option<(DocumentType, String)> {
        let (code, number) = value.split_once('.')?;
        let valid = !number.is_empty()
            && number.len() <= 30
            && number
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        Some((DocumentType::from_code(code)?, number.to_owned())).filter(|_| valid)
    }

    pub async fn take_station_notes(
        organization: &str,
        election: &str,
        station: i64,
    ) -> Result<StationNotes, AppError> {
        let app = app_state()?;
        let worker = station_worker(&app, organization, election, station).await?;
        let (failed, sheets_found) = take(FAILED, election, station)
            .as_deref()
            .map_or((None, None), failed);
        let handed = take(HANDED, election, station).as_deref().and_then(handed);
        let pairing_code = take(PAIRING, election, station).filter(|code| {
            code.len() <= 20
                && code
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        });
        let search = match take(SEARCH, election, station).as_deref().and_then(search) {
            Some((document_type, document_number)) => Some(VoterSearch {
                found: lookup(
                    &app,
                    &worker,
                    station,
                    document_type.code(),
                    &document_number,
                )
                .await?,
                document_type,
                document_number,
            }),
            None => None,
        };
        Ok(StationNotes {
            failed,
            sheets_found,
            search,
            handed,
            pairing_code,
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn notes_read_back_what_the_forms_wrote() {
            assert_eq!(page_key("cmi-2025", 3).as_deref(), Some("cmi-2025.3"));
            assert_eq!(page_key("a b", 3), None);
            assert_eq!(
                failed("closure.12"),
                (Some(StationSection::Closure), Some("12".into()))
            );
            assert_eq!(failed("voters"), (Some(StationSection::Voters), None));
            assert_eq!(failed("closure.1;x"), (Some(StationSection::Closure), None));
            assert_eq!(handed("kiosk.2"), Some(Handed::Kiosk { number: 2 }));
            assert_eq!(handed("paper"), Some(Handed::Paper));
            assert_eq!(handed("kiosk.x"), None);
            assert_eq!(
                search("passport.AB123"),
                Some((DocumentType::Passport, "AB123".into()))
            );
            assert_eq!(search("passport.ab 1"), None);
            assert_eq!(search("nonsense.AB123"), None);
        }
    }
}
