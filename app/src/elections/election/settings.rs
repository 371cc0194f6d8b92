//! What an election says beyond the count: segment names in several languages, who may
//! stand in each segment, voter age, the voting channels and the polling stations.
//! (The count's own input — seats, parity, tie-breaks, candidates — is `ElectionConfig`.)

use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::elections::candidacy::{CandidateKind, SegmentRules};
use crate::platform::text::labels::Labels;

/// The smallest group a published figure may describe unless the commission sets another.
pub const DEFAULT_MIN_GROUP_SIZE: u32 = 10;

fn default_min_group_size() -> u32 {
    DEFAULT_MIN_GROUP_SIZE
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionSettings {
    #[serde(default)]
    pub segments: Vec<SegmentInfo>,
    #[serde(default)]
    pub min_voter_age: u8,
    /// Online voting, first and last day (inclusive); `None`: no online channel.
    #[serde(default)]
    pub online: Option<(Date, Date)>,
    /// The in-person voting day and its hours ("08:00", "17:00").
    #[serde(default)]
    pub in_person: Option<InPersonDay>,
    #[serde(default)]
    pub stations: Vec<Station>,
    /// *k*: no published figure (turnout per station, per channel, per nationality…)
    /// describes fewer people; smaller groups are merged (`results::groups`).
    #[serde(default = "default_min_group_size")]
    pub min_group_size: u32,
}

impl Default for ElectionSettings {
    fn default() -> Self {
        Self {
            segments: Vec::new(),
            min_voter_age: 0,
            online: None,
            in_person: None,
            stations: Vec::new(),
            min_group_size: DEFAULT_MIN_GROUP_SIZE,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentInfo {
    pub id: String,
    pub kind: CandidateKind,
    /// Minimum age of individual candidates.
    pub min_age: u8,
    /// Its name in several languages, e.g. ("pt-BR", "Organizações de imigrantes").
    pub labels: Labels,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InPersonDay {
    pub date: Date,
    pub opens: String,
    pub closes: String,
}

/// A polling station; `id` is what marks, ballots and closures refer to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Station {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub region: String,
}

impl ElectionSettings {
    pub fn segment_rules(&self) -> Vec<SegmentRules> {
        self.segments
            .iter()
            .map(|s| SegmentRules {
                id: s.id.clone(),
                kind: s.kind,
                min_age: s.min_age,
            })
            .collect()
    }

    pub fn station(&self, id: i64) -> Option<&Station> {
        self.stations.iter().find(|s| s.id == id)
    }

    /// The segment's name in `locale`, else in English, else in any language, else its id.
    pub fn segment_label(&self, id: &str, locale: &str) -> String {
        self.segments
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.labels.text(locale).map(str::to_owned))
            .unwrap_or_else(|| id.to_owned())
    }
}

/// The São Paulo CMI's segments (DOMAIN.md § Process 1), named in every language of Voz.
pub fn cmi_segments() -> Vec<SegmentInfo> {
    let labels = |texts: [&str; 6]| {
        let pairs = ["pt-BR", "es", "en", "fr", "ht", "ar"]
            .into_iter()
            .zip(texts)
            .map(|(l, t)| (l.to_owned(), t.to_owned()));
        Labels::parse(pairs, 120).expect("the CMI template's names are valid labels")
    };
    vec![
        SegmentInfo {
            id: "A".into(),
            kind: CandidateKind::Organization,
            min_age: 18,
            labels: labels([
                "A — Organizações de imigrantes",
                "A — Organizaciones de inmigrantes",
                "A — Immigrant organizations",
                "A — Organisations d’immigrés",
                "A — Òganizasyon imigran",
                "أ — منظمات المهاجرين",
            ]),
        },
        SegmentInfo {
            id: "B".into(),
            kind: CandidateKind::Organization,
            min_age: 18,
            labels: labels([
                "B — Organizações de apoio a imigrantes",
                "B — Organizaciones de apoyo a inmigrantes",
                "B — Organizations supporting immigrants",
                "B — Organisations de soutien aux immigrés",
                "B — Òganizasyon ki sipòte imigran",
                "ب — منظمات دعم المهاجرين",
            ]),
        },
        SegmentInfo {
            id: "C".into(),
            kind: CandidateKind::Individual,
            min_age: 18,
            labels: labels([
                "C — Imigrantes (candidatura individual)",
                "C — Inmigrantes (candidatura individual)",
                "C — Immigrants (individual candidacy)",
                "C — Immigrés (candidature individuelle)",
                "C — Imigran (kandidati endividyèl)",
                "ج — مهاجرون (ترشح فردي)",
            ]),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fall_back_to_english_then_to_the_id() {
        let settings = ElectionSettings {
            segments: cmi_segments(),
            ..Default::default()
        };
        assert_eq!(
            settings.segment_label("C", "ht"),
            "C — Imigran (kandidati endividyèl)"
        );
        let mut english_only = settings.clone();
        english_only.segments[0].labels.retain(|l| l == "en");
        assert_eq!(
            english_only.segment_label("A", "ar"),
            "A — Immigrant organizations"
        );
        assert_eq!(settings.segment_label("Z", "ar"), "Z");
    }
}
