//! The conference team's room (`/<lang>/staff/<org>/conferences`): each edition's
//! calendar moved on, and free conferences reviewed (approved, sent back with what to fix,
//! or refused with a reason), every step audited; and the public form through which a
//! civil-society group registers a free conference; the pages that create an edition and its
//! pre-conferences, and its texts (names, themes, levels) in several languages.

pub mod api;
pub mod setup;
pub mod setup_ui;
pub mod texts;
pub mod texts_ui;
pub mod ui;
