//! Rate limits on everything that can be guessed: printed access codes, kiosk pairing
//! codes, "is this document already registered?".
//!
//! - **Who is the client.** The socket's peer, or behind `--trusted-proxies N` reverse
//!   proxies the right-most address of `X-Forwarded-For` that none of them wrote: each
//!   proxy appends the address it received from, so the N-th entry from the right is the
//!   one our outermost proxy saw. Entries further left are whatever the client sent, and
//!   are never believed. IPv6 clients are keyed by their /64 (one home or phone gets a
//!   whole /64, so single addresses cost an attacker nothing).
//! - **Per client**: `per_client` attempts in the window.
//! - **A global budget.** Many addresses together may fail `global_budget` times per
//!   window; once that is spent, each address may still try `when_spent` times (an honest
//!   person typing their code once still gets in; a botnet slows to a crawl). Nobody can
//!   lock everyone out.
//! - **Atomic.** Checking and recording an attempt is one transaction, serialized per
//!   bucket (SQLite's write lock; a PostgreSQL advisory lock), so a burst of parallel
//!   requests cannot all pass the check before any is recorded. A successful attempt is
//!   forgiven afterwards.
//! - Attempts older than the longest window are purged by the server's purger.

use std::net::IpAddr;

pub mod store;

/// One kind of guessable thing and its limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub kind: &'static str,
    pub per_client: i64,
    pub window_ms: i64,
    pub global_budget: i64,
    pub when_spent: i64,
}

const FIFTEEN_MINUTES: i64 = 15 * 60 * 1000;

/// Printed access codes (50 bits): 10 failures per client per 15 minutes.
pub const ACCESS_CODE: Limit = Limit {
    kind: "access_code",
    per_client: 10,
    window_ms: FIFTEEN_MINUTES,
    global_budget: 1000,
    when_spent: 2,
};

/// Kiosk pairing codes (40 bits, 10 minutes).
pub const KIOSK_PAIRING: Limit = Limit {
    kind: "kiosk_pairing",
    per_client: 10,
    window_ms: FIFTEEN_MINUTES,
    global_budget: 500,
    when_spent: 2,
};

/// Registration forms checked against the registered documents: each tells whether a
/// document is registered, so they are counted whatever the answer.
pub const DOCUMENT_CHECK: Limit = Limit {
    kind: "document_check",
    per_client: 60,
    window_ms: FIFTEEN_MINUTES,
    global_budget: 5000,
    when_spent: 3,
};

/// The longest window of any limit: attempts older than this are useless.
pub const LONGEST_WINDOW_MS: i64 = FIFTEEN_MINUTES;

/// The client's address (see the module's documentation).
pub fn client_ip(
    peer: Option<IpAddr>,
    forwarded_for: Option<&str>,
    trusted_proxies: usize,
) -> Option<IpAddr> {
    if trusted_proxies == 0 {
        return peer;
    }
    let hops: Vec<&str> = forwarded_for
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    match hops.len().checked_sub(trusted_proxies) {
        Some(index) => hops[index].parse().ok().or(peer),
        // Fewer hops than proxies: the request did not come through all of them.
        None => peer,
    }
}

/// The key a client's attempts are counted under: the address, or an IPv6 address's /64.
pub fn client_key(ip: Option<IpAddr>) -> String {
    match ip {
        None => "unknown".to_owned(),
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// How many attempts a client may still make, given its own and everyone's failures.
pub fn allowed(limit: &Limit, client_attempts: i64, all_attempts: i64) -> bool {
    let cap = if all_attempts >= limit.global_budget {
        limit.when_spent.min(limit.per_client)
    } else {
        limit.per_client
    };
    client_attempts < cap
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    #[test]
    fn the_client_is_the_right_most_hop_no_trusted_proxy_wrote() {
        let peer = ip("10.0.0.2");
        // No proxy: the header is the client's own words.
        assert_eq!(client_ip(peer, Some("6.6.6.6"), 0), peer);
        // One proxy: it appended the address it saw, the last entry.
        assert_eq!(
            client_ip(peer, Some("6.6.6.6, 203.0.113.9"), 1),
            ip("203.0.113.9")
        );
        // Two proxies: the outer one's entry is second from the right.
        assert_eq!(
            client_ip(peer, Some("6.6.6.6, 203.0.113.9, 10.0.0.1"), 2),
            ip("203.0.113.9")
        );
        // Fewer hops than proxies, or garbage where the client should be: the peer.
        assert_eq!(client_ip(peer, None, 1), peer);
        assert_eq!(client_ip(peer, Some("not-an-ip"), 1), peer);
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_slash_64() {
        assert_eq!(
            client_key(ip("2001:db8:1:2:aaaa::1")),
            client_key(ip("2001:db8:1:2:ffff::9"))
        );
        assert_ne!(
            client_key(ip("2001:db8:1:2::1")),
            client_key(ip("2001:db8:1:3::1"))
        );
        assert_eq!(client_key(ip("::ffff:192.0.2.1")), "192.0.2.1");
        assert_eq!(client_key(ip("192.0.2.1")), "192.0.2.1");
    }

    #[test]
    fn a_spent_global_budget_slows_everyone_but_locks_out_no_one() {
        let limit = ACCESS_CODE;
        assert!(allowed(&limit, 0, 0));
        assert!(allowed(&limit, 9, 0));
        assert!(!allowed(&limit, 10, 0), "per client");
        assert!(allowed(&limit, 0, 5000), "a fresh client still gets a try");
        assert!(allowed(&limit, 1, 5000));
        assert!(!allowed(&limit, 2, 5000), "but only a couple");
    }
}
