//! Delegates elected at each conference event to the final plenary (DOMAIN.md § Process 2):
//! a quota of migrants, one event per delegate, a ranked reserve list. The rule is `rules`,
//! pure and built on the published count (`voz_count`), so `voz tally` recounts any event.

pub mod rules;

pub use rules::{
    Allocation, DelegateCandidate, DelegateError, DelegateRule, Quota, allocate, ballot,
    election_config, without_delegates_elsewhere,
};
