//! The jury: jurors assigned per category (scoped roles), their conflicts of interest (a
//! conflicted juror neither sees nor scores that application), and their scores against
//! the call's rubric with a written justification — hidden from the other jurors until
//! the jury closes.

pub mod api;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
