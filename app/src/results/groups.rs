//! Small groups are merged before anything about them is published.
//!
//! A figure about a group of fewer than *k* people (an election setting, 10 by default)
//! tells too much about each of them: at a station where one person voted, a "turnout"
//! is that person, and a content figure would be their vote. Voz publishes no ballot
//! content per group at all (ballots name no station or channel), and every breakdown it
//! does publish — turnout per channel, per polling station, per nationality — goes
//! through [`protect`]: groups under *k* are folded, smallest first, into one "other"
//! row, and while that row is itself under *k* the next smallest group joins it. The
//! page says how many groups were merged.

use serde::{Deserialize, Serialize};

/// A published breakdown: groups of at least *k*, and what was merged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    /// (group name, count), each count ≥ k, largest first.
    pub rows: Vec<(String, u64)>,
    /// Groups merged because they were small, and their total.
    pub merged: Option<Merged>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merged {
    pub groups: usize,
    pub count: u64,
}

/// Merges the groups under `k` (see the module's documentation). Empty groups are dropped.
pub fn protect(groups: Vec<(String, u64)>, k: u64) -> Breakdown {
    let mut groups: Vec<(String, u64)> = groups.into_iter().filter(|(_, n)| *n > 0).collect();
    // Smallest first; ties by name so the result does not depend on the input order.
    groups.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    let mut merged = Merged {
        groups: 0,
        count: 0,
    };
    let mut rest = groups.into_iter().peekable();
    while let Some((_, n)) = rest.peek() {
        let small = *n < k;
        let other_too_small = merged.groups > 0 && merged.count < k;
        if !small && !other_too_small {
            break;
        }
        let (_, n) = rest.next().unwrap_or_default();
        merged.groups += 1;
        merged.count += n;
    }
    let mut rows: Vec<(String, u64)> = rest.collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Breakdown {
        rows,
        merged: (merged.groups > 0).then_some(merged),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn groups(counts: &[u64]) -> Vec<(String, u64)> {
        counts
            .iter()
            .enumerate()
            .map(|(i, n)| (format!("g{i}"), *n))
            .collect()
    }

    #[test]
    fn a_station_where_one_person_voted_is_never_shown_alone() {
        let out = protect(groups(&[1, 40, 25]), 10);
        assert_eq!(
            out.rows,
            [("g1".to_owned(), 40)],
            "the next smallest joins the one person"
        );
        assert_eq!(
            out.merged,
            Some(Merged {
                groups: 2,
                count: 26
            })
        );
        let out = protect(groups(&[4, 7, 40]), 10);
        assert_eq!(out.rows, [("g2".to_owned(), 40)]);
        assert_eq!(
            out.merged,
            Some(Merged {
                groups: 2,
                count: 11
            })
        );
        let out = protect(groups(&[12, 40]), 10);
        assert_eq!(out.merged, None, "nothing small, nothing merged");
        assert_eq!(out.rows.len(), 2);
    }

    proptest! {
        #[test]
        fn every_published_figure_covers_at_least_k_people(
            counts in prop::collection::vec(0u64..60, 0..12),
            k in 1u64..30,
        ) {
            let total: u64 = counts.iter().sum();
            let out = protect(groups(&counts), k);
            for (_, n) in &out.rows {
                prop_assert!(*n >= k);
            }
            let merged = out.merged.map_or(0, |m| m.count);
            prop_assert_eq!(out.rows.iter().map(|(_, n)| n).sum::<u64>() + merged, total);
            if let Some(m) = out.merged {
                // The merged row is under k only when it is everything (the total, which
                // is published anyway).
                prop_assert!(m.count >= k || out.rows.is_empty());
            }
            // Groups that were big enough are kept unless needed to fill the merged row.
            let big = counts.iter().filter(|n| **n >= k).count();
            prop_assert!(out.rows.len() + 1 >= big);
        }
    }
}
