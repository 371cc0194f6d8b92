//! What account pages share: a labelled field with its error, names of account values.

pub mod fields;
pub mod labels;
