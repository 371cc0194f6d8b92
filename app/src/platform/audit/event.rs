//! What an audit entry records, typed: the action done and the subject it was done to.
//! Their text forms (`station.mark`, `election:3:station:2`) are what the chain hashes and
//! observers read; code never builds or parses those strings by hand.
//!
//! A subject that belongs to a process (an election today; a conference edition or an open
//! call next) names that process (`election:3`), stored beside the entry so that a
//! process's entries are read by equality, never by matching text patterns.

use crate::platform::ids::{
    AccountId, CallId, ConferenceId, ElectionId, OrganizationId, RegistrationId,
};

/// What was done. New actions are added here, with their code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    OrganizationCreate,
    OrganizationSettings,
    InviteCreate,
    RoleGrant,
    RoleRevoke,
    PasskeyAdd,
    PasskeyRemove,
    AccessCodeIssue,
    RegistrationApprove,
    RegistrationDecide,
    RegistrationNotDuplicate,
    ElectionCreate,
    ElectionPhase,
    ElectionDeadline,
    CandidacyFile,
    CandidacyStatus,
    CandidacyPhoto,
    CandidacyRepresentative,
    StationOpen,
    StationClose,
    StationReopen,
    StationLookup,
    RegistrySearch,
    StationMark,
    StationPaperBallot,
    StationAssign,
    StationUnassign,
    KioskPairingCode,
    KioskPair,
    KioskUnpair,
    ConflictDeclare,
    ConferenceCreate,
    ConferenceTexts,
    ConferencePhase,
    ConferenceDeadline,
    EventCreate,
    EventReview,
    ParticipantCheckIn,
    ConsolidatedCreate,
    ConsolidatedEdit,
    ProposalOutcome,
    ProposalHide,
    CommentHide,
    AmendmentDecide,
    ReportResolve,
    EventVoteOpen,
    EventVoteStart,
    EventVoteCount,
    PlenaryOpen,
    PlenaryCredential,
    PlenaryCount,
    PlanAction,
    PlanIndicator,
    CallCreate,
    CallPhase,
    CallDeadline,
    JurorAssign,
    ApplicationSubmit,
    ApplicationCheck,
    ApplicationFix,
    JuryScore,
    SelectionPublish,
    AwardPayment,
    AwardReport,
    AwardVisit,
}

crate::platform::codes::text_codes!(Action {
    OrganizationCreate => "organization.create",
    OrganizationSettings => "organization.settings",
    InviteCreate => "invite.create",
    RoleGrant => "role.grant",
    RoleRevoke => "role.revoke",
    PasskeyAdd => "passkey.add",
    PasskeyRemove => "passkey.remove",
    AccessCodeIssue => "access_code.issue",
    RegistrationApprove => "registration.approve",
    RegistrationDecide => "registration.decide",
    RegistrationNotDuplicate => "registration.not_duplicate",
    ElectionCreate => "election.create",
    ElectionPhase => "election.phase",
    ElectionDeadline => "election.deadline",
    CandidacyFile => "candidacy.file",
    CandidacyStatus => "candidacy.status",
    CandidacyPhoto => "candidacy.photo",
    CandidacyRepresentative => "candidacy.representative",
    StationOpen => "station.open",
    StationClose => "station.close",
    StationReopen => "station.reopen",
    StationLookup => "station.lookup",
    RegistrySearch => "registry.search",
    StationMark => "station.mark",
    StationPaperBallot => "station.paper_ballot",
    StationAssign => "station.assign",
    StationUnassign => "station.unassign",
    KioskPairingCode => "kiosk.pairing_code",
    KioskPair => "kiosk.pair",
    KioskUnpair => "kiosk.unpair",
    ConflictDeclare => "conflict.declare",
    ConferenceCreate => "conference.create",
    ConferenceTexts => "conference.texts",
    ConferencePhase => "conference.phase",
    ConferenceDeadline => "conference.deadline",
    EventCreate => "event.create",
    EventReview => "event.review",
    ParticipantCheckIn => "participant.check_in",
    ConsolidatedCreate => "consolidated.create",
    ConsolidatedEdit => "consolidated.edit",
    ProposalOutcome => "proposal.outcome",
    ProposalHide => "proposal.hide",
    CommentHide => "comment.hide",
    AmendmentDecide => "amendment.decide",
    ReportResolve => "report.resolve",
    EventVoteOpen => "event_vote.open",
    EventVoteStart => "event_vote.start",
    EventVoteCount => "event_vote.count",
    PlenaryOpen => "plenary.open",
    PlenaryCredential => "plenary.credential",
    PlenaryCount => "plenary.count",
    PlanAction => "plan.action",
    PlanIndicator => "plan.indicator",
    CallCreate => "call.create",
    CallPhase => "call.phase",
    CallDeadline => "call.deadline",
    JurorAssign => "call.juror",
    ApplicationSubmit => "application.submit",
    ApplicationCheck => "application.check",
    ApplicationFix => "application.fix",
    JuryScore => "jury.score",
    SelectionPublish => "selection.publish",
    AwardPayment => "award.payment",
    AwardReport => "award.report",
    AwardVisit => "award.visit",
});

/// What an action was done to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    Organization(OrganizationId),
    Account(AccountId),
    Registration(RegistrationId),
    Election(ElectionId),
    Candidacy(ElectionId, i64),
    Station(ElectionId, i64),
    Conference(ConferenceId),
    /// An event of a conference (a pre-conference, a free conference).
    Event(ConferenceId, i64),
    Proposal(ConferenceId, i64),
    /// A comment on one of its proposals.
    Comment(ConferenceId, i64),
    Consolidated(ConferenceId, i64),
    /// The plenary's vote on one theme (0: the motions).
    Plenary(ConferenceId, i64),
    Call(CallId),
    /// A category of a call (its jurors are scoped to it).
    Category(CallId, i64),
    Application(CallId, i64),
}

/// A process whose entries are read together (its commission's log, its public history).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Process {
    Election(ElectionId),
    Conference(ConferenceId),
    Call(CallId),
}

impl Process {
    /// Its text form, stored in the entry's `process` column.
    pub fn text(self) -> String {
        match self {
            Self::Election(id) => format!("election:{id}"),
            Self::Conference(id) => format!("conference:{id}"),
            Self::Call(id) => format!("call:{id}"),
        }
    }

    /// The process itself as a subject: its phase moves and deadlines are done to it.
    pub fn subject(self) -> Subject {
        match self {
            Self::Election(id) => Subject::Election(id),
            Self::Conference(id) => Subject::Conference(id),
            Self::Call(id) => Subject::Call(id),
        }
    }

    /// The action that records a move of its calendar to the next phase.
    pub fn phase_action(self) -> Action {
        match self {
            Self::Election(_) => Action::ElectionPhase,
            Self::Conference(_) => Action::ConferencePhase,
            Self::Call(_) => Action::CallPhase,
        }
    }

    /// The action that records setting or extending one of its phases' last day.
    pub fn deadline_action(self) -> Action {
        match self {
            Self::Election(_) => Action::ElectionDeadline,
            Self::Conference(_) => Action::ConferenceDeadline,
            Self::Call(_) => Action::CallDeadline,
        }
    }
}

impl Subject {
    /// The text the chain hashes.
    pub fn text(self) -> String {
        match self {
            Self::Organization(id) => format!("organization:{id}"),
            Self::Account(id) => format!("account:{id}"),
            Self::Registration(id) => format!("registration:{id}"),
            Self::Election(id) => format!("election:{id}"),
            Self::Candidacy(election, id) => format!("election:{election}:candidacy:{id}"),
            Self::Station(election, id) => format!("election:{election}:station:{id}"),
            Self::Conference(id) => format!("conference:{id}"),
            Self::Event(conference, id) => format!("conference:{conference}:event:{id}"),
            Self::Proposal(conference, id) => format!("conference:{conference}:proposal:{id}"),
            Self::Comment(conference, id) => format!("conference:{conference}:comment:{id}"),
            Self::Consolidated(conference, id) => {
                format!("conference:{conference}:consolidated:{id}")
            }
            Self::Plenary(conference, theme) => format!("conference:{conference}:plenary:{theme}"),
            Self::Call(id) => format!("call:{id}"),
            Self::Category(call, id) => format!("call:{call}:category:{id}"),
            Self::Application(call, id) => format!("call:{call}:application:{id}"),
        }
    }

    /// What kind of thing it is, as the audit page names it (`registration`, …).
    pub fn kind(self) -> &'static str {
        match self {
            Self::Organization(_) => "organization",
            Self::Account(_) => "account",
            Self::Registration(_) => "registration",
            Self::Election(_) => "election",
            Self::Candidacy(..) => "candidacy",
            Self::Station(..) => "station",
            Self::Conference(_) => "conference",
            Self::Event(..) => "event",
            Self::Proposal(..) => "proposal",
            Self::Comment(..) => "comment",
            Self::Consolidated(..) => "consolidated",
            Self::Plenary(..) => "plenary",
            Self::Call(_) => "call",
            Self::Category(..) => "category",
            Self::Application(..) => "application",
        }
    }

    /// Reads a subject back from its text; `None` for text no code writes.
    pub fn parse(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.split(':').collect();
        let id = |part: &str| part.parse::<i64>().ok();
        Some(match parts.as_slice() {
            ["organization", n] => Self::Organization(OrganizationId(id(n)?)),
            ["account", n] => Self::Account(AccountId(id(n)?)),
            ["registration", n] => Self::Registration(RegistrationId(id(n)?)),
            ["election", n] => Self::Election(ElectionId(id(n)?)),
            ["election", e, "candidacy", n] => Self::Candidacy(ElectionId(id(e)?), id(n)?),
            ["election", e, "station", n] => Self::Station(ElectionId(id(e)?), id(n)?),
            ["conference", n] => Self::Conference(ConferenceId(id(n)?)),
            ["conference", c, "event", n] => Self::Event(ConferenceId(id(c)?), id(n)?),
            ["conference", c, "proposal", n] => Self::Proposal(ConferenceId(id(c)?), id(n)?),
            ["conference", c, "comment", n] => Self::Comment(ConferenceId(id(c)?), id(n)?),
            ["conference", c, "consolidated", n] => {
                Self::Consolidated(ConferenceId(id(c)?), id(n)?)
            }
            ["conference", c, "plenary", n] => Self::Plenary(ConferenceId(id(c)?), id(n)?),
            ["call", n] => Self::Call(CallId(id(n)?)),
            ["call", c, "category", n] => Self::Category(CallId(id(c)?), id(n)?),
            ["call", c, "application", n] => Self::Application(CallId(id(c)?), id(n)?),
            _ => return None,
        })
    }

    /// The process the subject belongs to, if any.
    pub fn process(self) -> Option<Process> {
        match self {
            Self::Election(e) | Self::Candidacy(e, _) | Self::Station(e, _) => {
                Some(Process::Election(e))
            }
            Self::Conference(c)
            | Self::Event(c, _)
            | Self::Proposal(c, _)
            | Self::Comment(c, _)
            | Self::Consolidated(c, _)
            | Self::Plenary(c, _) => Some(Process::Conference(c)),
            Self::Call(c) | Self::Category(c, _) | Self::Application(c, _) => {
                Some(Process::Call(c))
            }
            Self::Organization(_) | Self::Account(_) | Self::Registration(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_action_reads_back() {
        for action in Action::ALL {
            assert_eq!(Action::from_code(action.code()), Some(action));
        }
    }

    #[test]
    fn unknown_text_is_no_subject() {
        for bad in [
            "",
            "election",
            "election:x",
            "election:1:kiosk:2",
            "account:1:2",
        ] {
            assert_eq!(Subject::parse(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn subjects_read_back_and_name_their_process(kind in 0u8..15, a in 0i64..1_000_000, b in 0i64..1_000_000) {
            let subject = match kind {
                0 => Subject::Organization(OrganizationId(a)),
                1 => Subject::Account(AccountId(a)),
                2 => Subject::Registration(RegistrationId(a)),
                3 => Subject::Election(ElectionId(a)),
                4 => Subject::Candidacy(ElectionId(a), b),
                5 => Subject::Station(ElectionId(a), b),
                6 => Subject::Conference(ConferenceId(a)),
                7 => Subject::Event(ConferenceId(a), b),
                8 => Subject::Proposal(ConferenceId(a), b),
                9 => Subject::Consolidated(ConferenceId(a), b),
                10 => Subject::Comment(ConferenceId(a), b),
                11 => Subject::Plenary(ConferenceId(a), b),
                12 => Subject::Call(CallId(a)),
                13 => Subject::Category(CallId(a), b),
                _ => Subject::Application(CallId(a), b),
            };
            prop_assert_eq!(Subject::parse(&subject.text()), Some(subject));
            if kind >= 12 {
                let call = Process::Call(CallId(a));
                prop_assert_eq!(subject.process(), Some(call));
                prop_assert!(subject.text().starts_with(&call.text()));
            } else if kind >= 6 {
                let conference = Process::Conference(ConferenceId(a));
                prop_assert_eq!(subject.process(), Some(conference));
                prop_assert!(subject.text().starts_with(&conference.text()));
            } else if kind >= 3 {
                prop_assert_eq!(subject.process(), Some(Process::Election(ElectionId(a))));
                prop_assert!(subject.text().starts_with(&Process::Election(ElectionId(a)).text()));
            } else {
                prop_assert_eq!(subject.process(), None);
            }
        }
    }
}
