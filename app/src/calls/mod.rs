//! Open calls with a jury (DOMAIN.md § Process 3): categories, applications, document
//! check, rubric scoring with conflicts of interest, selection. Same layout as `elections`.

/// The selection rule (the `voz-select` crate): shared by the server and `voz select`.
pub use voz_select as select;
