//! Staff work in an organization: the staff home, the verification queue, the help desk, the
//! team with its invitations, the audit log and the enabled voters. Roles and invitations
//! (`store`), server functions per task (`api`), pages (`ui`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
