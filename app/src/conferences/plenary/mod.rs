//! The final plenary: credentialled delegates (a reserve of the same event in an absent
//! delegate's place) vote theme by theme on the consolidated proposals — approve, reject
//! or abstain on each, and up to N priorities among those they approve — and on the
//! motions. The rule is `rules`, pure; the votes go through the platform's ballot box.
//! `room` is the conference team's (open, credential, replace, count), `ballot` the
//! delegates'.

pub mod ballot;
#[cfg(feature = "ssr")]
pub mod read;
pub mod room;
pub mod rules;
pub mod seat;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
