//! What the poll-worker screen and the station store share.

use serde::{Deserialize, Serialize};

use crate::accounts::types::RegistrationStatus;

/// Where a station stands. Counts only: the station's ballots are in the election's one
/// box and name no station, so nothing here (or anywhere) splits them by content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationState {
    pub opened: bool,
    pub closed: bool,
    /// People marked as voting here (the poll book).
    pub marked: u64,
    /// Ballots cast on this station's kiosks.
    pub kiosk_ballots: u64,
    /// Paper ballots typed in from the box.
    pub paper_ballots: u64,
    /// Paper sheets the poll worker counted in the box at closing.
    pub sheets_found: Option<u64>,
    /// Kiosk ballots handed over but not cast yet.
    pub waiting_kiosk: u64,
    pub justification: Option<String>,
}

impl StationState {
    /// Ballots this station put in the box.
    pub fn ballots(&self) -> u64 {
        self.kiosk_ballots + self.paper_ballots
    }
}

/// The closure's reconciliation (DOMAIN.md § Process 1): every person marked here left a
/// kiosk ballot or a paper sheet, and every sheet counted in the box was typed in. Returns
/// the differences that need a written justification: (people marked − kiosk ballots −
/// sheets, sheets − paper ballots typed).
pub fn reconcile(marked: u64, kiosk_ballots: u64, sheets: u64, paper_ballots: u64) -> (i64, i64) {
    let signed = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    (
        signed(marked) - signed(kiosk_ballots) - signed(sheets),
        signed(sheets) - signed(paper_ballots),
    )
}

/// A device paired as one of a station's kiosks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskView {
    pub number: i64,
    /// A ballot is waiting on it for the person last marked for it.
    pub ready: bool,
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
    use crate::platform::access::{SUPERVISORS, holds_any};
    if holds_any(roles, &SUPERVISORS) {
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
    use super::{may_work_station, reconcile};

    #[test]
    fn reconciliation_counts_people_sheets_and_entries() {
        assert_eq!(reconcile(10, 6, 4, 4), (0, 0), "balanced");
        assert_eq!(reconcile(10, 6, 3, 3), (1, 0), "one person left no ballot");
        assert_eq!(reconcile(10, 6, 4, 3), (0, 1), "one sheet not typed in");
        assert_eq!(
            reconcile(0, 0, 1, 1),
            (-1, 0),
            "a sheet nobody was marked for"
        );
    }
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
        for other in [
            Role::Moderator,
            Role::Jury,
            Role::ConferenceTeam,
            Role::CallTeam,
        ] {
            assert!(
                !may_work_station(&[other], &[], 7),
                "{other:?} works no station"
            );
        }
        assert!(!may_work_station(&[], &[], 7));
    }
}
