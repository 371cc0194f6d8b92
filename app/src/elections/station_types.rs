//! What the poll-worker screen and the station store share.

use serde::{Deserialize, Serialize};

use crate::accounts::types::RegistrationStatus;

/// Where a station stands.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationState {
    pub opened: bool,
    pub closed: bool,
    /// People marked as voting here.
    pub marked: u64,
    /// Ballots in this station's box (kiosk and paper).
    pub ballots: u64,
    pub valid: u64,
    pub blank: u64,
    pub null: u64,
    /// Kiosk ballots handed over but not cast yet.
    pub waiting_kiosk: u64,
    pub justification: Option<String>,
}

/// A person as the poll worker sees them after a document search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoterLookup {
    pub account: i64,
    pub name: String,
    pub status: RegistrationStatus,
    pub old_enough: bool,
    pub voted: bool,
}

/// How the marked person votes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandOver {
    /// A ballot on the station's device: returns a single-use kiosk token.
    Kiosk,
    /// A paper ballot into the box, entered at closing.
    Paper,
}

/// Who may work a polling station (open it, check people in, enter paper ballots, sign
/// its closure): the commission and administrators, who supervise every station; poll
/// workers assigned to it; and, while the commission has assigned nobody to a station,
/// every poll worker of the organization (small elections staff stations ad hoc).
pub fn may_work_station(
    roles: &[crate::accounts::types::Role],
    assigned_here: &[i64],
    account: i64,
) -> bool {
    use crate::accounts::types::Role;
    if roles
        .iter()
        .any(|r| matches!(r, Role::Administrator | Role::ElectoralCommission))
    {
        return true;
    }
    roles.contains(&Role::PollWorker)
        && (assigned_here.is_empty() || assigned_here.contains(&account))
}

/// A poll worker as the commission assigns them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollWorker {
    pub account: i64,
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::may_work_station;
    use crate::accounts::types::Role;

    #[test]
    fn assignment_binds_poll_workers_and_only_them() {
        let worker = [Role::PollWorker];
        assert!(
            may_work_station(&worker, &[], 7),
            "nobody assigned: any poll worker"
        );
        assert!(may_work_station(&worker, &[7, 9], 7));
        assert!(!may_work_station(&worker, &[9], 7), "assigned elsewhere");
        for supervisor in [Role::Administrator, Role::ElectoralCommission] {
            assert!(may_work_station(&[supervisor], &[9], 7));
        }
        for other in [Role::Moderator, Role::Jury] {
            assert!(
                !may_work_station(&[other], &[], 7),
                "{other:?} works no station"
            );
        }
        assert!(!may_work_station(&[], &[], 7));
    }
}
