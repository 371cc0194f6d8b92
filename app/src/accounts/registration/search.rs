//! Finding a registered person at the help desk: by name, the way people say it (accents,
//! case and the order of the names do not matter, and the start of a name is enough:
//! "jose per" finds "José María PÉREZ"), or by a document number, which is matched by its
//! keyed hash for every document type it could be (the register keeps no readable number).

use crate::accounts::duplicates::rules::name_words;
use crate::accounts::registration::rules::normalize_document_number;
use crate::error::Problem;

/// The longest search staff may type.
pub const QUERY_MAX: usize = 100;

/// What a search box held, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// The name's words, folded (empty: nothing to match by name).
    pub words: Vec<String>,
    /// The normalized document number, when the text can be one (it has a digit).
    pub document: Option<String>,
}

impl Query {
    /// Reads the search box: too long or with nothing to look for is refused.
    pub fn parse(text: &str) -> Result<Self, Problem> {
        let text = text.trim();
        if text.chars().count() > QUERY_MAX {
            return Err(Problem::TooLong {
                max: QUERY_MAX as u16,
            });
        }
        let words = name_words(text);
        if words.is_empty() {
            return Err(Problem::Required);
        }
        let document = normalize_document_number(text)
            .ok()
            .filter(|number| number.chars().any(|c| c.is_ascii_digit()));
        Ok(Self { words, document })
    }

    /// Whether `name` matches: every word typed starts one of the name's words (each
    /// name word used once). Longest words are placed first: the name words a word starts
    /// are among those any shorter word starting it starts too, so this never leaves a
    /// word without a place another order would have found.
    pub fn matches_name(&self, name: &str) -> bool {
        let mut name = name_words(name);
        let mut words: Vec<&String> = self.words.iter().collect();
        words.sort_by_key(|word| std::cmp::Reverse(word.chars().count()));
        words.into_iter().all(|word| {
            match name
                .iter()
                .position(|candidate| candidate.starts_with(word.as_str()))
            {
                Some(at) => {
                    name.swap_remove(at);
                    true
                }
                None => false,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn query(text: &str) -> Query {
        Query::parse(text).expect("query")
    }

    #[test]
    fn names_match_by_the_start_of_their_words_in_any_order_and_case() {
        assert!(query("jose per").matches_name("José María PÉREZ"));
        assert!(query("PEREZ maria").matches_name("José María Pérez"));
        assert!(query("María").matches_name("Maria"));
        assert!(!query("jose pereira").matches_name("José María Pérez"));
        assert!(
            !query("ana ana").matches_name("Ana Souza"),
            "each word once"
        );
        assert!(query("ana ana").matches_name("Ana Ana Souza"));
        assert!(
            query("a o oa").matches_name("a Oa ò"),
            "a longer word is placed first"
        );
    }

    #[test]
    fn a_number_is_also_looked_up_as_a_document() {
        assert_eq!(query("ab 123.456-7").document.as_deref(), Some("AB1234567"));
        assert_eq!(query("Ana Souza").document, None, "no digit: a name only");
        assert_eq!(query("ana-souza").document, None);
    }

    #[test]
    fn an_empty_or_overlong_search_is_refused() {
        assert_eq!(Query::parse("  "), Err(Problem::Required));
        assert_eq!(Query::parse("..."), Err(Problem::Required));
        assert_eq!(
            Query::parse(&"a".repeat(QUERY_MAX + 1)),
            Err(Problem::TooLong {
                max: QUERY_MAX as u16
            })
        );
    }

    proptest! {
        /// Any name is found by itself, by any of its words, and by their first letters.
        #[test]
        fn a_name_finds_itself(words in proptest::collection::vec("[A-Za-zÀ-ÿ]{1,10}", 1..5)) {
            let name = words.join(" ");
            prop_assert!(query(&name).matches_name(&name));
            let first: String = words[0].chars().take(1).collect();
            if let Ok(q) = Query::parse(&first) {
                prop_assert!(q.matches_name(&name));
            }
            let reversed: Vec<&str> = words.iter().rev().map(String::as_str).collect();
            prop_assert!(query(&reversed.join(" ")).matches_name(&name));
        }
    }
}
