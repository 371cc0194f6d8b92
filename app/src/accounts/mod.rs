//! Accounts and identity (issue 4): people, organizations, roles, passkeys, access codes,
//! verification and the audit log.
//!
//! Already here: the server-side session and challenge store that passkey sign-in and
//! every signed-in request will use. Sessions and single-use challenges live in the
//! database, never in process memory, so any number of `voz serve` processes can share
//! one PostgreSQL.

#[cfg(feature = "ssr")]
pub mod invites;
#[cfg(feature = "ssr")]
pub mod registration_store;
#[cfg(feature = "ssr")]
pub mod role_store;
#[cfg(feature = "ssr")]
pub mod secret;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod session_store;
#[cfg(feature = "ssr")]
pub mod store;

pub mod access_codes;
pub mod code_sign_in;
pub mod countries;
#[cfg(feature = "ssr")]
pub mod country_names;
#[cfg(feature = "ssr")]
pub mod duplicate_store;
pub mod duplicates;
#[cfg(feature = "ssr")]
pub mod error;
pub mod my_account;
pub mod passkey_client;
#[cfg(feature = "ssr")]
pub mod passkey_store;
#[cfg(feature = "ssr")]
pub mod rate_limit;
pub mod registration_api;
pub mod rules;
pub mod server;
pub mod staff;
pub mod types;
pub mod ui;
