//! Council elections (issue 5, DOMAIN.md § Process 1). One folder per room, each with the
//! same layers: `rules` (pure, tested), `store` (server only, on a transaction), `api`
//! (server functions and what they return), `ui` (pages).

pub mod assignment; // poll workers assigned to stations
pub mod ballot; // voting online: the ballot and its receipt
pub mod calendar; // phases, moving forward, last days
pub mod candidacy; // standing, reviewing, appeals, representatives
pub mod commission; // the commission's pages: calendar moves, decisions
pub mod directory; // elections as the front door and the account page list them
pub mod election; // configuring an election, its public page
pub mod eligibility; // who may vote, on every channel (pure)
#[cfg(feature = "ssr")]
pub mod error; // store errors as codes for the browser
pub mod kiosk; // the voting device at a station
pub mod photo; // candidate photos
pub mod station; // a polling station on voting day
pub mod ui; // what election pages share: route keys, paths, labels
