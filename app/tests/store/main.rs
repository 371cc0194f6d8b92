//! Storage behaviour, identical on SQLite and PostgreSQL: every test runs on both, each on
//! a fresh database.

mod support;

mod audit;
mod sessions;
