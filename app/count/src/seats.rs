//! Steps 1–5 of the count: who is elected titular, extra titular or alternate, with the
//! parity swaps, and the report.

use std::collections::HashSet;

use super::{
    BallotCounts, Election, ParityOutcome, ParityScope, SegmentResult, Swap, TallyResult,
    sum_groups,
};

/// Who holds which seat, as the steps proceed.
pub(super) struct Seats {
    /// Per segment: its titulares (segment seats only), by rank.
    titulares: Vec<Vec<usize>>,
    extra: Vec<usize>,
    alternates: Vec<Vec<usize>>,
    titular_groups: Vec<ParityOutcome>,
    alternate_groups: Vec<ParityOutcome>,
    /// Every swap made, in order: (seat set, among alternates, out, in).
    swaps: Vec<(SeatSet, bool, usize, usize)>,
}

/// A place where a parity swap can happen: one segment's seats, or the extra seats.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SeatSet {
    Segment(usize),
    Extra,
}

impl Seats {
    pub(super) fn elect(
        election: &Election<'_>,
        order: &[usize],
        position: &[usize],
        votes: &[u64],
    ) -> Self {
        let config = election.config;
        let segments = config.segments.len();
        let by_segment = |segment: usize| {
            order
                .iter()
                .copied()
                .filter(move |&c| election.segment_of[c] == segment)
        };

        // 1. Segment titulares; 2. extra titulares.
        let titulares: Vec<Vec<usize>> = (0..segments)
            .map(|s| by_segment(s).take(config.segments[s].seats).collect())
            .collect();
        let elected: HashSet<usize> = titulares.iter().flatten().copied().collect();
        let extra: Vec<usize> = order
            .iter()
            .copied()
            .filter(|c| !elected.contains(c))
            .take(config.extra_seats)
            .collect();
        let mut seats = Seats {
            titulares,
            extra,
            alternates: vec![Vec::new(); segments],
            titular_groups: vec![],
            alternate_groups: vec![],
            swaps: vec![],
        };

        // 3. Parity of titulares.
        let all_sets: Vec<SeatSet> = (0..segments)
            .map(SeatSet::Segment)
            .chain([SeatSet::Extra])
            .collect();
        let groups: Vec<Vec<SeatSet>> = match config.parity.scope {
            ParityScope::Election => vec![all_sets],
            ParityScope::Segment => all_sets.into_iter().map(|s| vec![s]).collect(),
        };
        for group in &groups {
            let outcome = seats.balance(election, group, position, votes, false);
            seats.titular_groups.push(outcome);
        }

        // 4. Alternates, then their parity (no extra-seat set).
        let titular: HashSet<usize> = seats
            .titulares
            .iter()
            .flatten()
            .chain(&seats.extra)
            .copied()
            .collect();
        seats.alternates = (0..segments)
            .map(|s| {
                by_segment(s)
                    .filter(|c| !titular.contains(c))
                    .take(config.segments[s].alternates)
                    .collect()
            })
            .collect();
        let segment_sets: Vec<SeatSet> = (0..segments).map(SeatSet::Segment).collect();
        let groups: Vec<Vec<SeatSet>> = match config.parity.scope {
            ParityScope::Election => vec![segment_sets],
            ParityScope::Segment => segment_sets.into_iter().map(|s| vec![s]).collect(),
        };
        for group in &groups {
            let outcome = seats.balance(election, group, position, votes, true);
            seats.alternate_groups.push(outcome);
        }
        seats
    }

    fn members(&self, set: SeatSet, alternates: bool) -> &Vec<usize> {
        match (set, alternates) {
            (SeatSet::Segment(s), false) => &self.titulares[s],
            (SeatSet::Segment(s), true) => &self.alternates[s],
            (SeatSet::Extra, _) => &self.extra,
        }
    }

    fn members_mut(&mut self, set: SeatSet, alternates: bool) -> &mut Vec<usize> {
        match (set, alternates) {
            (SeatSet::Segment(s), false) => &mut self.titulares[s],
            (SeatSet::Segment(s), true) => &mut self.alternates[s],
            (SeatSet::Extra, _) => &mut self.extra,
        }
    }

    /// Swaps until the group meets parity or no seat set offers a swap (step 3 / step 4).
    fn balance(
        &mut self,
        election: &Election<'_>,
        group: &[SeatSet],
        position: &[usize],
        votes: &[u64],
        alternates: bool,
    ) -> ParityOutcome {
        loop {
            let size: usize = group
                .iter()
                .map(|&set| self.members(set, alternates).len())
                .sum();
            let achieved = group
                .iter()
                .flat_map(|&set| self.members(set, alternates).iter())
                .filter(|&&c| election.parity(c))
                .count();
            let required = election.required(size);
            if achieved >= required {
                return ParityOutcome {
                    required,
                    achieved,
                    met: true,
                };
            }
            // Each seat set offers at most one swap; the smallest vote difference wins, ties
            // to the earlier set (segments in configured order, the extra seats last).
            let best = group
                .iter()
                .enumerate()
                .filter_map(|(order, &set)| {
                    self.offer(election, set, position, alternates)
                        .map(|(out, incoming)| {
                            let difference = votes[out] as i128 - votes[incoming] as i128;
                            (difference, order, set, out, incoming)
                        })
                })
                .min_by_key(|&(difference, order, ..)| (difference, order));
            let Some((_, _, set, out, incoming)) = best else {
                return ParityOutcome {
                    required,
                    achieved,
                    met: false,
                };
            };
            self.swaps.push((set, alternates, out, incoming));
            let members = self.members_mut(set, alternates);
            if let Some(slot) = members.iter_mut().find(|c| **c == out) {
                *slot = incoming;
            }
            members.sort_by_key(|&c| position[c]);
        }
    }

    /// A seat set's swap: its lowest-ranked member outside the parity group goes out; the
    /// highest-ranked parity candidate not yet seated comes in (from the segment, or for
    /// the extra seats from any segment; for alternates, neither titular nor alternate).
    fn offer(
        &self,
        election: &Election<'_>,
        set: SeatSet,
        position: &[usize],
        alternates: bool,
    ) -> Option<(usize, usize)> {
        let out = *self
            .members(set, alternates)
            .iter()
            .filter(|&&c| !election.parity(c))
            .max_by_key(|&&c| position[c])?;
        let seated: HashSet<usize> = self
            .titulares
            .iter()
            .flatten()
            .chain(&self.extra)
            .chain(self.alternates.iter().flatten().filter(|_| alternates))
            .copied()
            .collect();
        let incoming = (0..position.len())
            .filter(|&c| election.parity(c) && !seated.contains(&c))
            .filter(|&c| match set {
                SeatSet::Segment(s) => election.segment_of[c] == s,
                SeatSet::Extra => true,
            })
            .min_by_key(|&c| position[c])?;
        Some((out, incoming))
    }

    pub(super) fn report(
        self,
        election: &Election<'_>,
        order: &[usize],
        votes: &[u64],
        blank: Vec<u64>,
        ballots: BallotCounts,
    ) -> (TallyResult, Vec<Swap>) {
        let config = election.config;
        let ids = |list: &[usize]| {
            list.iter()
                .map(|&c| config.candidates[c].id.clone())
                .collect::<Vec<_>>()
        };
        let segments = config
            .segments
            .iter()
            .enumerate()
            .map(|(s, segment)| {
                let votes = order
                    .iter()
                    .filter(|&&c| election.segment_of[c] == s)
                    .map(|&c| (config.candidates[c].id.clone(), votes[c]))
                    .collect();
                let result = SegmentResult {
                    votes,
                    blank: blank[s],
                    titulares: ids(&self.titulares[s]),
                    alternates: ids(&self.alternates[s]),
                };
                (segment.id.clone(), result)
            })
            .collect();
        let swaps = self
            .swaps
            .iter()
            .map(|&(set, alternates, out, incoming)| Swap {
                segment: match set {
                    SeatSet::Segment(s) => Some(config.segments[s].id.clone()),
                    SeatSet::Extra => None,
                },
                alternates,
                out: config.candidates[out].id.clone(),
                incoming: config.candidates[incoming].id.clone(),
            })
            .collect();
        let result = TallyResult {
            segments,
            extra: ids(&self.extra),
            ballots,
            parity: sum_groups(&self.titular_groups),
            alternates_parity: sum_groups(&self.alternate_groups),
        };
        (result, swaps)
    }
}
