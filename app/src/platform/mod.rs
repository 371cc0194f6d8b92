//! The civic pieces every process stands on — elections today, conference rounds and open
//! calls next. A process uses these and never another process's code.
//!
//! - `ids`: typed ids (an account id is never passed where an election id is wanted).
//! - `codes`: enums stored as text and carried in URLs and `?error=` codes.
//! - `access`: who may do what — the role sets every staff check names.

pub mod access;
pub mod codes;
pub mod ids;
