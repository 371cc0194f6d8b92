//! Conference proposal rounds (DOMAIN.md § Process 2): events, proposals, deliberation,
//! consolidation, delegates and the final plenary. Same layout as `elections`.
