//! `call.json`: what the selection needs to know of a call, checked before any score is read.

use std::collections::{BTreeMap, BTreeSet};

use num_bigint::BigInt;
use serde::{Deserialize, Serialize};

use crate::exact::Exact;

/// The status of an application whose documents were accepted: the only one that takes part.
pub const ELIGIBLE: &str = "eligible";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallConfig {
    pub criteria: Vec<Criterion>,
    pub scale_max: u32,
    /// The public vote's share of the final score, in percent (0–50; 0: no public vote).
    #[serde(default)]
    pub public_vote_weight: u32,
    /// An application scoring less is ranked but neither wins nor waits in reserve.
    #[serde(default)]
    pub minimum_score: f64,
    pub categories: Vec<CategoryConfig>,
    #[serde(default)]
    pub tie_break: Vec<TieBreak>,
    #[serde(default)]
    pub lot_seed: String,
    pub applications: Vec<Application>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub weight: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryConfig {
    pub id: String,
    pub awards: u32,
    #[serde(default)]
    pub reserve: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    pub id: String,
    pub category: String,
    pub status: String,
    /// RFC 3339, e.g. `2026-03-02T10:00:00Z`.
    pub submitted_at: String,
}

/// How two applications with the same final score are told apart, in the call's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieBreak {
    /// The higher jury score first.
    Jury,
    /// More public votes first.
    Public,
    /// The earlier submission first.
    Earlier,
    /// The smaller SHA-256 (lowercase hex) of `"<lot_seed>:<application id>"` first.
    Lot,
}

impl TieBreak {
    pub const ALL: [TieBreak; 4] = [Self::Jury, Self::Public, Self::Earlier, Self::Lot];

    pub fn code(self) -> &'static str {
        match self {
            Self::Jury => "jury",
            Self::Public => "public",
            Self::Earlier => "earlier",
            Self::Lot => "lot",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("no criteria")]
    NoCriteria,
    #[error("criterion {0:?} appears twice")]
    DuplicateCriterion(String),
    #[error("criterion {0:?}: a weight is a whole number above 0")]
    ZeroWeight(String),
    #[error("the criteria's weights add up to {0}, not 100")]
    WeightsNot100(u64),
    #[error("scale_max must be at least 1")]
    ZeroScale,
    #[error("public_vote_weight is {0}: it is a percentage from 0 to 50")]
    PublicWeight(u32),
    #[error("minimum_score is {0}: it is a score from 0 to 100")]
    MinimumScore(String),
    #[error("category {0:?} appears twice")]
    DuplicateCategory(String),
    #[error("application {0:?} appears twice")]
    DuplicateApplication(String),
    #[error("application {id:?}: unknown category {category:?}")]
    UnknownCategory { id: String, category: String },
    #[error("application {id:?}: submitted_at {at:?} is not an RFC 3339 instant")]
    SubmittedAt { id: String, at: String },
    #[error("the call weighs a public vote: its votes are needed")]
    VotesNeeded,
    #[error("an id is empty")]
    EmptyId,
}

/// A call checked and indexed for the selection.
pub(crate) struct Call<'a> {
    pub config: &'a CallConfig,
    pub weights: BTreeMap<&'a str, BigInt>,
    pub minimum: Exact,
    /// Application id → (its entry, its submission instant).
    pub applications: BTreeMap<&'a str, (&'a Application, jiff::Timestamp)>,
}

impl<'a> Call<'a> {
    pub fn new(config: &'a CallConfig) -> Result<Self, ConfigError> {
        if config.criteria.is_empty() {
            return Err(ConfigError::NoCriteria);
        }
        let mut weights = BTreeMap::new();
        for criterion in &config.criteria {
            nonempty(&criterion.id)?;
            if criterion.weight == 0 {
                return Err(ConfigError::ZeroWeight(criterion.id.clone()));
            }
            if weights
                .insert(criterion.id.as_str(), BigInt::from(criterion.weight))
                .is_some()
            {
                return Err(ConfigError::DuplicateCriterion(criterion.id.clone()));
            }
        }
        let total: u64 = config.criteria.iter().map(|c| u64::from(c.weight)).sum();
        if total != 100 {
            return Err(ConfigError::WeightsNot100(total));
        }
        if config.scale_max == 0 {
            return Err(ConfigError::ZeroScale);
        }
        if config.public_vote_weight > 50 {
            return Err(ConfigError::PublicWeight(config.public_vote_weight));
        }
        let minimum = Exact::from_decimal(config.minimum_score)
            .filter(|m| *m <= Exact::whole(100))
            .ok_or_else(|| ConfigError::MinimumScore(config.minimum_score.to_string()))?;
        let mut categories = BTreeSet::new();
        for category in &config.categories {
            nonempty(&category.id)?;
            if !categories.insert(category.id.as_str()) {
                return Err(ConfigError::DuplicateCategory(category.id.clone()));
            }
        }
        let mut applications = BTreeMap::new();
        for application in &config.applications {
            nonempty(&application.id)?;
            if !categories.contains(application.category.as_str()) {
                return Err(ConfigError::UnknownCategory {
                    id: application.id.clone(),
                    category: application.category.clone(),
                });
            }
            let at = application
                .submitted_at
                .parse::<jiff::Timestamp>()
                .map_err(|_| ConfigError::SubmittedAt {
                    id: application.id.clone(),
                    at: application.submitted_at.clone(),
                })?;
            if applications
                .insert(application.id.as_str(), (application, at))
                .is_some()
            {
                return Err(ConfigError::DuplicateApplication(application.id.clone()));
            }
        }
        Ok(Self {
            config,
            weights,
            minimum,
            applications,
        })
    }
}

fn nonempty(id: &str) -> Result<(), ConfigError> {
    if id.trim().is_empty() {
        Err(ConfigError::EmptyId)
    } else {
        Ok(())
    }
}
