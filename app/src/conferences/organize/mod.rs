//! The conference team's room (`/<lang>/staff/<org>/conferences`): each edition's
//! calendar moved on, and free conferences reviewed (approved, sent back with what to fix,
//! or refused with a reason), every step audited; and the public form through which a
//! civil-society group registers a free conference.

pub mod api;
pub mod ui;
