//! Delegates elected at each conference event (placeholder while `rules.rs` is written).
