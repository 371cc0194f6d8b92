//! A conference edition: its name, dates, themes (eixos), levels of government and its
//! calendar. The calendar's mechanics (one phase forward at a time, last days only ever
//! extended, the audited public history) are the platform's timeline.

pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
pub mod texts;

pub use rules::{Conference, Level, Phase, Theme};
