//! An election's calendar (DOMAIN.md § Process 1): its phases in their only order and what
//! each phase allows. Moving forward one phase at a time, last days that are only ever
//! extended, and the audited public history are the platform's timeline
//! (`platform::timeline`), the same for every process.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Draft,
    CandidacyRegistration,
    Review,
    Appeals,
    FinalList,
    Campaign,
    Voting,
    Counting,
    ProvisionalResults,
    OfficialResults,
}

impl Phase {
    /// The phase after this one; `None` once results are official.
    pub fn next(self) -> Option<Phase> {
        crate::platform::timeline::next(self)
    }

    /// The configuration (segments, seats, parity, channels) can change only in draft.
    pub fn allows_configuration(self) -> bool {
        self == Self::Draft
    }

    /// Past its draft and results not yet official: its deadlines and voting hours are
    /// being read on the organization's clock, which must not move under them.
    pub fn under_way(self) -> bool {
        Self::Draft < self && self < Self::OfficialResults
    }

    pub fn allows_candidacies(self) -> bool {
        self == Self::CandidacyRegistration
    }

    pub fn allows_review(self) -> bool {
        self == Self::Review
    }

    /// Only rejected candidates appeal, and only in this phase; the commission decides
    /// appeals in it too.
    pub fn allows_appeals(self) -> bool {
        self == Self::Appeals
    }

    pub fn allows_voting(self) -> bool {
        self == Self::Voting
    }

    /// The candidate list is public from the final list on.
    pub fn candidates_public(self) -> bool {
        self >= Self::FinalList
    }

    /// Ballots (and the bulletin board of tracking codes) are public once voting closed.
    pub fn ballots_public(self) -> bool {
        self >= Self::Counting
    }

    pub fn results_public(self) -> bool {
        self >= Self::ProvisionalResults
    }
}

crate::platform::codes::text_codes!(Phase {
    Draft => "draft",
    CandidacyRegistration => "candidacy_registration",
    Review => "review",
    Appeals => "appeals",
    FinalList => "final_list",
    Campaign => "campaign",
    Voting => "voting",
    Counting => "counting",
    ProvisionalResults => "provisional_results",
    OfficialResults => "official_results",
});

/// A move of an election's calendar, as the public reads it.
pub type PhaseChange = crate::platform::timeline::PhaseChange<Phase>;
/// A change of one of an election's last days.
pub type DeadlineChange = crate::platform::timeline::DeadlineChange<Phase>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_phase_allows_only_its_own_work() {
        let allowed: Vec<Phase> = Phase::ALL
            .into_iter()
            .filter(|p| p.allows_voting())
            .collect();
        assert_eq!(allowed, [Phase::Voting]);
        assert!(!Phase::Voting.candidates_public() || Phase::Voting >= Phase::FinalList);
        assert!(!Phase::Voting.ballots_public());
        assert!(Phase::Counting.ballots_public());
        assert!(!Phase::Counting.results_public());
        assert!(Phase::ProvisionalResults.results_public());
    }

    /// The timeline gives the first and last phases no last day.
    #[test]
    fn the_draft_comes_first_and_official_results_close_the_calendar() {
        assert_eq!(Phase::ALL.first(), Some(&Phase::Draft));
        assert_eq!(Phase::OfficialResults.next(), None);
        assert_eq!(Phase::Voting.next(), Some(Phase::Counting));
    }

    #[test]
    fn codes_round_trip() {
        for phase in Phase::ALL {
            assert_eq!(Phase::from_code(phase.code()), Some(phase));
        }
    }
}
