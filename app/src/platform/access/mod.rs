//! Who may do what: the role sets staff checks name, in one place, and (`store`, server
//! only) the one place outside `accounts` that reads registrations and roles. A role is
//! held in an organization; a poll worker may further be assigned to stations
//! (`elections::assignments`).

#[cfg(feature = "ssr")]
pub mod scoped;
#[cfg(feature = "ssr")]
pub mod store;

use crate::accounts::types::Role;

/// Run elections: configure, move phases, review candidacies, read the audit log.
pub const COMMISSION: [Role; 2] = [Role::Administrator, Role::ElectoralCommission];
/// Review registrations (habilitação).
pub const REVIEWERS: [Role; 2] = [Role::Administrator, Role::ElectoralCommission];
/// Work the help desk: find people, print access codes for managed accounts.
pub const HELP_DESK: [Role; 3] = [
    Role::Administrator,
    Role::ElectoralCommission,
    Role::PollWorker,
];
/// Work a polling station.
pub const POLL: [Role; 3] = [
    Role::Administrator,
    Role::ElectoralCommission,
    Role::PollWorker,
];
/// Oversee every station (close an unassigned one, reopen one).
pub const SUPERVISORS: [Role; 2] = [Role::Administrator, Role::ElectoralCommission];
/// Organize conference editions: review free conferences, move the calendar.
pub const CONFERENCE_TEAM: [Role; 2] = [Role::Administrator, Role::ConferenceTeam];
/// Run open calls: check documents, assign jurors, publish the selection, follow awards.
pub const CALL_TEAM: [Role; 2] = [Role::Administrator, Role::CallTeam];
/// Score applications to open calls (in the categories they are assigned to).
pub const JURORS: [Role; 1] = [Role::Jury];
/// Moderate a conference's deliberation (hide reported content, keep it).
pub const MODERATORS: [Role; 3] = [Role::Administrator, Role::Moderator, Role::ConferenceTeam];

/// Manage the organization: invite staff, settings.
pub const ADMINISTRATORS: [Role; 1] = [Role::Administrator];

/// Whether someone holding `roles` holds any role of `set` (one of the sets above).
pub fn holds_any(roles: &[Role], set: &[Role]) -> bool {
    roles.iter().any(|role| set.contains(role))
}
