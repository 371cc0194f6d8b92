//! An application as stored and shown.

use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::calls::apply::rules::{Draft, Member};
use crate::platform::files::sniff::FileKind;
use crate::platform::ids::{AccountId, ApplicationId, CategoryId};

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being written: the applicant may change anything.
    Draft,
    /// Sent, final, waiting for the document check.
    Submitted,
    /// Staff asked for fixes by a day; the applicant may upload files again until then.
    FixRequested,
    /// Documents accepted: it goes to the jury (`eligible` in `call.json`).
    Eligible,
    /// Documents refused, with a reason.
    Rejected,
}

crate::platform::codes::text_codes!(Status {
    Draft => "draft",
    Submitted => "submitted",
    FixRequested => "fix_requested",
    Eligible => "eligible",
    Rejected => "rejected",
});

/// A file attached to an application for one required document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: i64,
    pub document: String,
    pub digest: String,
    pub kind: FileKind,
    pub size: i64,
    pub name: String,
    pub uploaded_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub id: ApplicationId,
    pub category: CategoryId,
    pub applicant: AccountId,
    pub draft: Draft,
    pub locale: String,
    pub status: Status,
    pub receipt: Option<String>,
    pub submitted_at: Option<i64>,
    /// The document check's reason (a refusal's, or what to fix).
    pub check_reason: Option<String>,
    pub fix_by: Option<Date>,
    /// Every file sent, oldest first (a fix adds a newer one for the same document).
    pub files: Vec<Attachment>,
}

impl Application {
    /// The newest file per document code.
    pub fn current_files(&self) -> Vec<&Attachment> {
        let mut latest: Vec<&Attachment> = Vec::new();
        for file in &self.files {
            match latest.iter_mut().find(|f| f.document == file.document) {
                Some(slot) => *slot = file,
                None => latest.push(file),
            }
        }
        latest
    }

    pub fn attached_codes(&self) -> Vec<String> {
        self.current_files()
            .iter()
            .map(|f| f.document.clone())
            .collect()
    }

    pub fn members(&self) -> &[Member] {
        &self.draft.members
    }
}
