//! What every server function and route uses from the web: the request context (the app
//! state, the signed-in account, staff of an organization: `context`), sessions and
//! single-use challenges in the database (`sessions`), cookies, redirects and secure-origin
//! checks (`http`), and rate limits (`rate_limit`). Server only.

pub mod context;
pub mod flash;
pub mod http;
pub mod rate_limit;
pub mod sessions;
