//! The public pages of a call: what it offers and asks, its calendar and, once the
//! selection is published, the jury record and the winners.

pub mod api;
pub mod ui;
