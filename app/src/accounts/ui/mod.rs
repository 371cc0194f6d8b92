//! Pages for people: register, sign in, their account.

pub mod account;
pub mod enroll;
pub mod fields;
pub mod labels;
pub mod register;
pub mod sign_in;
pub mod staff;
