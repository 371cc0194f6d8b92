//! One person, several documents: what makes two registrations look alike (`rules`) and
//! finding them, and staff's "not the same person" (`store`).

pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
