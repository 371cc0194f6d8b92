//! The page shell and the components every page shares.

pub mod about;
pub mod home;
pub mod kit;
pub mod layout;
pub mod not_found;
pub mod organization;
pub mod shell;
