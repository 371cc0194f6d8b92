//! Passkeys: stored public keys (`store`), the ceremonies and passkey sign-in (`api`), the
//! browser side (`client`) and the sign-in page (`ui`).

pub mod api;
pub mod client;
pub mod island;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
