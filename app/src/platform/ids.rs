//! Typed ids: one newtype per entity over its `BIGINT` key. Serialized as the bare number,
//! bound to and read from SQL directly (`sqlx(transparent)`), shown as the number.

/// Declares typed ids.
macro_rules! typed_id {
    ($($(#[$meta:meta])* $name:ident),* $(,)?) => {$(
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[cfg_attr(feature = "ssr", derive(sqlx::Type))]
        #[serde(transparent)]
        #[cfg_attr(feature = "ssr", sqlx(transparent))]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

typed_id!(
    /// An organizing body (a city council, an institute).
    OrganizationId,
    /// A person's account (with or without a passkey).
    AccountId,
    /// A person's registration with one organization.
    RegistrationId,
    /// An election.
    ElectionId,
    /// A conference edition (`conferences`).
    ConferenceId,
    /// An event of a conference: a regional pre-conference or a free conference.
    EventId,
    /// A proposal as written at an event.
    ProposalId,
    /// A comment on a proposal.
    CommentId,
    /// An amendment proposed to a proposal.
    AmendmentId,
    /// A consolidated proposal (or a motion) of a conference.
    ConsolidatedId,
    /// An open call with a jury (`calls`).
    CallId,
    /// A category of an open call.
    CategoryId,
    /// An application to an open call.
    ApplicationId,
    /// A ballot box: an election's, a conference event's prioritisation, a call's public
    /// vote (`platform::voting`).
    PollId,
);
