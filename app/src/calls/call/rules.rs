//! An open call: its calendar, categories, rubric, required documents and eligibility
//! rule, and the check a new call passes before it is stored.

use serde::{Deserialize, Serialize};

use crate::calls::select::{self, TieBreak};
use crate::platform::ids::{CallId, CategoryId, OrganizationId};
use crate::platform::text::labels::Labels;

/// A call's calendar, in its only order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Being set up; not public.
    Draft,
    /// Applications are written (drafts saved) and submitted.
    Open,
    /// Staff check each application's documents: accepted, refused, or to fix by a day.
    DocumentCheck,
    /// Applicants asked to fix send what was missing, until their day.
    Fixes,
    /// Jurors score the accepted applications of their categories.
    Jury,
    /// The public votes among eligible applications (a call without a public vote passes
    /// through it).
    PublicVote,
    /// The selection is computed and the jury record published.
    Selection,
    /// Winners receive their incentive.
    Awards,
    /// Final reports and visits.
    FollowUp,
}

crate::platform::codes::text_codes!(Phase {
    Draft => "draft",
    Open => "open",
    DocumentCheck => "document_check",
    Fixes => "fixes",
    Jury => "jury",
    PublicVote => "public_vote",
    Selection => "selection",
    Awards => "awards",
    FollowUp => "follow_up",
});

impl Phase {
    pub fn public(self) -> bool {
        self > Self::Draft
    }

    /// Staff decide on documents while checking and while fixes come in.
    pub fn checks_documents(self) -> bool {
        matches!(self, Self::DocumentCheck | Self::Fixes)
    }

    /// Other jurors' scores are shown once the jury has closed.
    pub fn jury_closed(self) -> bool {
        self > Self::Jury
    }
}

/// Who applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantType {
    /// One person, with an alternate who takes over if they cannot go on.
    Individual,
    /// An informal group of at least three people.
    Group,
    /// An organization without legal registration.
    Organization,
    /// A legally registered organization (with its registration number).
    RegisteredOrganization,
}

crate::platform::codes::text_codes!(ApplicantType {
    Individual => "individual",
    Group => "group",
    Organization => "organization",
    RegisteredOrganization => "registered_organization",
});

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: CategoryId,
    pub code: String,
    pub names: Labels,
    pub awards: u32,
    pub reserve: u32,
    /// Per award, in the call's currency (whole units).
    pub incentive: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub code: String,
    pub names: Labels,
    pub weight: u32,
}

/// A document the call asks of some applicant types.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRequirement {
    pub code: String,
    pub names: Labels,
    pub applicant_types: Vec<ApplicantType>,
}

impl DocumentRequirement {
    pub fn asked_of(&self, applicant: ApplicantType) -> bool {
        self.applicant_types.contains(&applicant)
    }
}

/// How the jury scores and the selection is made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rubric {
    pub criteria: Vec<Criterion>,
    pub scale_max: u32,
    /// Percent of the final score from the public vote (0: no public vote).
    pub public_vote_weight: u32,
    /// Hundredths of a point (6000: 60.00).
    pub minimum_score: u32,
    pub tie_break: Vec<TieBreak>,
    pub lot_seed: String,
    /// Whether the published jury record names jurors or numbers them.
    pub anonymous_jurors: bool,
}

/// A stored call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub id: CallId,
    pub organization: OrganizationId,
    pub slug: String,
    pub titles: Labels,
    pub texts: Labels,
    pub currency: String,
    pub phase: Phase,
    pub rubric: Rubric,
    /// Eligibility: at least this many members who said they are migrants.
    pub min_migrant_members: u32,
    pub categories: Vec<Category>,
    pub documents: Vec<DocumentRequirement>,
}

impl Call {
    pub fn category(&self, id: CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn category_by_code(&self, code: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.code == code)
    }

    /// The documents asked of `applicant`, in the call's order.
    pub fn documents_for(&self, applicant: ApplicantType) -> Vec<&DocumentRequirement> {
        self.documents
            .iter()
            .filter(|d| d.asked_of(applicant))
            .collect()
    }

    pub fn has_public_vote(&self) -> bool {
        self.rubric.public_vote_weight > 0
    }
}

/// A call as set up (by the demo, by staff), before it is stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCall {
    pub slug: String,
    pub titles: Labels,
    pub texts: Labels,
    pub currency: String,
    pub rubric: Rubric,
    pub min_migrant_members: u32,
    /// (code, names, awards, reserve, incentive)
    pub categories: Vec<NewCategory>,
    pub documents: Vec<DocumentRequirement>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCategory {
    pub code: String,
    pub names: Labels,
    pub awards: u32,
    pub reserve: u32,
    pub incentive: i64,
}

/// Why a new call was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CallProblem {
    #[error("the address must be 1–40 lowercase letters, digits and dashes")]
    Slug,
    #[error("a currency is three capital letters (ISO 4217)")]
    Currency,
    #[error("a call has 1 to 20 categories, each code once, incentives not negative")]
    Categories,
    #[error("the rubric's criteria need distinct codes and whole weights adding up to 100")]
    Criteria,
    #[error("the scale goes from 0 to 1–100")]
    Scale,
    #[error("the public vote weighs 0 to 50 percent")]
    PublicVote,
    #[error("the minimum score is 0 to 100")]
    Minimum,
    #[error("each required document has a distinct code and at least one applicant type")]
    Documents,
}

impl NewCall {
    pub fn check(&self) -> Result<(), CallProblem> {
        if !crate::platform::codes::is_slug(&self.slug) {
            return Err(CallProblem::Slug);
        }
        if self.currency.len() != 3 || !self.currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(CallProblem::Currency);
        }
        let codes = |list: Vec<&str>| {
            let n = list.len();
            let mut sorted = list;
            sorted.sort_unstable();
            sorted.dedup();
            sorted.len() == n && sorted.iter().all(|c| crate::platform::codes::is_slug(c))
        };
        let categories: Vec<&str> = self.categories.iter().map(|c| c.code.as_str()).collect();
        if categories.is_empty()
            || categories.len() > 20
            || !codes(categories)
            || self.categories.iter().any(|c| c.incentive < 0)
        {
            return Err(CallProblem::Categories);
        }
        if !(1..=100).contains(&self.rubric.scale_max) {
            return Err(CallProblem::Scale);
        }
        if self.rubric.public_vote_weight > 50 {
            return Err(CallProblem::PublicVote);
        }
        if self.rubric.minimum_score > 10_000 {
            return Err(CallProblem::Minimum);
        }
        let criteria: Vec<&str> = self
            .rubric
            .criteria
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        let total: u32 = self.rubric.criteria.iter().map(|c| c.weight).sum();
        if criteria.is_empty()
            || !codes(criteria)
            || total != 100
            || self.rubric.criteria.iter().any(|c| c.weight == 0)
        {
            return Err(CallProblem::Criteria);
        }
        let documents: Vec<&str> = self.documents.iter().map(|d| d.code.as_str()).collect();
        if !codes(documents) || self.documents.iter().any(|d| d.applicant_types.is_empty()) {
            return Err(CallProblem::Documents);
        }
        Ok(())
    }
}

/// `call.json` for `voz select`: the rubric, categories and applications (id, category,
/// status, submission time) of a stored call.
pub fn select_config(call: &Call, applications: Vec<select::Application>) -> select::CallConfig {
    select::CallConfig {
        criteria: call
            .rubric
            .criteria
            .iter()
            .map(|c| select::Criterion {
                id: c.code.clone(),
                weight: c.weight,
            })
            .collect(),
        scale_max: call.rubric.scale_max,
        public_vote_weight: call.rubric.public_vote_weight,
        minimum_score: f64::from(call.rubric.minimum_score) / 100.0,
        categories: call
            .categories
            .iter()
            .map(|c| select::CategoryConfig {
                id: c.code.clone(),
                awards: c.awards,
                reserve: c.reserve,
            })
            .collect(),
        tie_break: call.rubric.tie_break.clone(),
        lot_seed: call.rubric.lot_seed.clone(),
        applications,
    }
}
