//! Accounts and identity (issue 4): people, organizations, roles, passkeys, access codes,
//! verification. One folder per room (`rules`, `store`, `api`, `ui`).

pub mod access_code; // printed codes: format, storage, signing in with one
pub mod account; // a person's own account page
pub mod countries; // nationalities a person can declare
#[cfg(feature = "ssr")]
pub mod country_names; // country names in the reader's language (CLDR)
pub mod duplicates; // one person, several documents
#[cfg(feature = "ssr")]
pub mod error; // store errors as codes for the browser
pub mod organization; // an organization's settings page
pub mod passkey; // passkeys: ceremonies, sign-in
pub mod registration; // registering with an organization
#[cfg(feature = "ssr")]
pub mod secret; // the server secret and the keyed hashes it makes
pub mod staff; // staff work: review, help desk, team, audit log
#[cfg(feature = "ssr")]
pub mod store; // organizations and accounts; the store errors they share
pub mod types; // account types shared by server and browser
pub mod ui; // shared form pieces and labels
