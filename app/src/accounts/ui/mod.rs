//! What account pages share: names of account values in the reader's language.

pub mod labels;
