//! An election's calendar: its phases and what each allows (`rules`), and moving it with
//! the checks only an election has (`store`).

pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
