//! A short text in several languages — a segment's name today; a theme, a category, a
//! proposal's title next. The first language is the one it was written in (the original);
//! the others are translations. A reader sees their own language, else English, else the
//! original, and is told which language they are reading; when that is a translation,
//! the original is one tap away (`ui::Translated`).

use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::platform::text::one_line;

/// Texts by language tag (`pt-BR`, `es`, `ar`), the original first. Stored and sent as
/// `[["pt-BR", "…"], ["es", "…"]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Labels(Vec<(String, String)>);

/// What a reader is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    /// The language of `text` (for the page's `lang` attribute).
    pub lang: &'a str,
    /// The original (language, text) when `text` is a translation.
    pub original: Option<(&'a str, &'a str)>,
}

/// Whether `tag` looks like a language tag: a 2–3 letter language, optionally a region
/// (`pt-BR`). Enough to set `lang` and pick; not a registry check.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    let region = parts.next();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && region.is_none_or(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()))
        && parts.next().is_none()
}

/// The writing direction of a language.
pub fn direction(tag: &str) -> &'static str {
    match tag.split('-').next().unwrap_or_default() {
        "ar" | "fa" | "he" | "ur" | "ps" | "yi" => "rtl",
        _ => "ltr",
    }
}

impl Labels {
    /// Labels written in code (defaults, demo data), the original first; not checked.
    pub fn from_pairs<L: Into<String>, T: Into<String>>(
        pairs: impl IntoIterator<Item = (L, T)>,
    ) -> Self {
        Self(
            pairs
                .into_iter()
                .map(|(l, t)| (l.into(), t.into()))
                .collect(),
        )
    }

    /// Checks (language, text) pairs, the original first: at least one, every language a
    /// tag and given once, every text a line of at most `max` characters.
    pub fn parse(
        pairs: impl IntoIterator<Item = (String, String)>,
        max: u16,
    ) -> Result<Self, Problem> {
        let mut out: Vec<(String, String)> = Vec::new();
        for (lang, text) in pairs {
            if !is_language_tag(&lang) {
                return Err(Problem::UnknownOption);
            }
            if out.iter().any(|(l, _)| *l == lang) {
                return Err(Problem::AlreadyUsed);
            }
            out.push((lang, one_line(&text, max)?));
        }
        if out.is_empty() {
            return Err(Problem::Required);
        }
        Ok(Self(out))
    }

    /// The original language and text.
    pub fn original(&self) -> Option<(&str, &str)> {
        self.0.first().map(|(l, t)| (l.as_str(), t.as_str()))
    }

    /// What a reader of `reader` (a language tag) sees: their language, else English, else
    /// the original.
    pub fn show(&self, reader: &str) -> Option<Shown<'_>> {
        let (lang, text) = self
            .0
            .iter()
            .find(|(l, _)| l == reader)
            .or_else(|| self.0.iter().find(|(l, _)| l == "en"))
            .or_else(|| self.0.first())?;
        let original = self
            .original()
            .filter(|(original, _)| *original != lang.as_str());
        Some(Shown {
            text,
            lang,
            original,
        })
    }

    /// The text a reader of `reader` sees.
    pub fn text(&self, reader: &str) -> Option<&str> {
        self.show(reader).map(|shown| shown.text)
    }

    /// The text a reader of `reader` sees, or `fallback` when there is none (a name
    /// never given in several languages).
    pub fn text_or(&self, reader: &str, fallback: &str) -> String {
        self.text(reader).unwrap_or(fallback).to_owned()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(l, t)| (l.as_str(), t.as_str()))
    }

    /// Keeps only the languages `keep` accepts (never the original's removal: if it goes,
    /// the next one left becomes the original).
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.0.retain(|(l, _)| keep(l));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        Labels::parse(
            pairs
                .iter()
                .map(|(l, t)| ((*l).to_owned(), (*t).to_owned())),
            80,
        )
        .expect("valid")
    }

    #[test]
    fn the_reader_sees_their_language_else_english_else_the_original() {
        let l = labels(&[("pt-BR", "Saúde"), ("en", "Health"), ("ar", "الصحة")]);
        assert_eq!(
            l.show("ar"),
            Some(Shown {
                text: "الصحة",
                lang: "ar",
                original: Some(("pt-BR", "Saúde"))
            })
        );
        assert_eq!(l.text("fr"), Some("Health"), "English when no French");
        assert_eq!(
            l.show("pt-BR").map(|s| s.original),
            Some(None),
            "the original is not offered as its own original"
        );
        let only = labels(&[("ht", "Sante")]);
        assert_eq!(
            only.text("es"),
            Some("Sante"),
            "the original as a last resort"
        );
    }

    #[test]
    fn bad_labels_are_refused() {
        let parse = |pairs: &[(&str, &str)]| {
            Labels::parse(
                pairs
                    .iter()
                    .map(|(l, t)| ((*l).to_owned(), (*t).to_owned())),
                20,
            )
        };
        assert_eq!(parse(&[]), Err(Problem::Required));
        assert_eq!(parse(&[("pt-BR", "  ")]), Err(Problem::Required));
        assert_eq!(parse(&[("portuguese", "x")]), Err(Problem::UnknownOption));
        assert_eq!(parse(&[("pt-br", "x")]), Err(Problem::UnknownOption));
        assert_eq!(
            parse(&[("es", "a"), ("es", "b")]),
            Err(Problem::AlreadyUsed)
        );
        assert_eq!(parse(&[("es", "<b>")]), Err(Problem::ForbiddenCharacters));
        assert_eq!(
            parse(&[("es", &"x".repeat(21))]),
            Err(Problem::TooLong { max: 20 })
        );
    }

    #[test]
    fn stored_labels_keep_their_old_shape() {
        let l = labels(&[("pt-BR", "A"), ("en", "B")]);
        let json = serde_json::to_string(&l).expect("json");
        assert_eq!(json, r#"[["pt-BR","A"],["en","B"]]"#);
        assert_eq!(serde_json::from_str::<Labels>(&json).expect("back"), l);
    }

    #[test]
    fn directions() {
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("pt-BR"), "ltr");
    }

    proptest! {
        #[test]
        fn something_is_always_shown(reader in "[a-z]{2}", n in 1usize..5) {
            let pairs: Vec<(String, String)> = ["pt-BR", "es", "en", "fr", "ar"]
                .iter()
                .take(n)
                .map(|l| ((*l).to_owned(), format!("text {l}")))
                .collect();
            let l = Labels::parse(pairs, 80).expect("valid");
            let shown = l.show(&reader).expect("shown");
            prop_assert_eq!(shown.text, format!("text {}", shown.lang));
            prop_assert_eq!(shown.original.is_none(), shown.lang == "pt-BR");
        }
    }
}
