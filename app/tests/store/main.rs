//! Storage behaviour, identical on SQLite and PostgreSQL: every test runs on both, each on
//! a fresh database.

mod support;

mod accounts;
mod assignments;
mod audit;
mod awards;
mod calls;
mod candidacies;
mod conferences;
mod deliberation;
mod elections;
mod event_votes;
mod photos;
mod plenary;
mod rate_limits;
mod sessions;
mod stations;
mod voting;
