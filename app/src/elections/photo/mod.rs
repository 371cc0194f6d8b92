//! Candidate photos: storage and audit (`store`), the upload form and image address
//! (`http`), a face next to a name (`ui`).

pub mod http;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
