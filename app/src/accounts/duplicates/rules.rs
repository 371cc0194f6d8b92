//! One person, several documents. A migrant may hold a passport and a CRNM (or a refugee
//! protocol): each is a different keyed hash, so the database's one-registration-per-
//! document rule does not see that they are one person. Staff must, before a second
//! registration is approved (DOMAIN.md: one person, one vote). This rule flags pairs that
//! may be one person; staff decide (not the same person, or refuse as a duplicate).
//!
//! Two registrations of one organization are flagged when they share a birth date and
//! either have the same name once normalized (case, accents, punctuation and the order of
//! the names do not matter: "José María PÉREZ" = "perez jose maria"), or have a similar name
//! (two or more name words and most of them in common, or a few letters apart — a typo, a
//! transliteration) and share a nationality.

pub use crate::accounts::types::{DuplicateHint, Likeness};

use crate::calendar::Date;

/// What the rule compares.
#[derive(Clone, Copy, Debug)]
pub struct Person<'a> {
    pub name: &'a str,
    pub birth_date: Date,
    pub nationalities: &'a [String],
}

/// The name's words, lowercase, without accents or punctuation, sorted.
pub fn name_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .chars()
        .map(fold)
        .collect::<String>()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    words.sort();
    words
}

/// One character, lowercase, its accent dropped; punctuation becomes a space.
fn fold(c: char) -> char {
    let base = match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'Á' | 'À' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        other => other,
    };
    if base.is_alphanumeric() {
        base.to_lowercase().next().unwrap_or(base)
    } else {
        ' '
    }
}

/// Levenshtein distance between two short strings (characters, not bytes).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            previous = current;
        }
    }
    row[b.len()]
}

/// At least two words and most words in common ("Jose Maria Perez" and "Jose Maria Perez
/// Gomez"; one shared first name is not enough), or the whole name a few letters apart.
pub fn similar_names(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let common = a.iter().filter(|w| b.contains(w)).count();
    if common >= 2 && common * 2 >= a.len().max(b.len()) {
        return true;
    }
    let (joined_a, joined_b) = (a.join(" "), b.join(" "));
    let longest = joined_a.chars().count().max(joined_b.chars().count());
    distance(&joined_a, &joined_b) <= (longest / 6).max(1)
}

/// Whether `a` and `b` may be one person (see the module's documentation).
pub fn likeness(a: &Person<'_>, b: &Person<'_>) -> Option<Likeness> {
    if a.birth_date != b.birth_date {
        return None;
    }
    let (words_a, words_b) = (name_words(a.name), name_words(b.name));
    if !words_a.is_empty() && words_a == words_b {
        return Some(Likeness::SameNameAndBirthDate);
    }
    let shared_nationality = a
        .nationalities
        .iter()
        .any(|n| n != "stateless" && b.nationalities.contains(n));
    (shared_nationality && similar_names(&words_a, &words_b))
        .then_some(Likeness::SimilarNameSameBirthDateAndNationality)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person<'a>(name: &'a str, born: &str, nationalities: &'a [String]) -> Person<'a> {
        Person {
            name,
            birth_date: born.parse().expect("date"),
            nationalities,
        }
    }

    #[test]
    fn the_same_person_under_two_documents_is_flagged() {
        let ve = ["VE".to_owned()];
        let co = ["CO".to_owned()];
        let passport = person("José María Pérez", "1990-04-02", &ve);
        let cases = [
            (
                person("PEREZ, jose maria", "1990-04-02", &co),
                Some(Likeness::SameNameAndBirthDate),
            ),
            (
                person("Jose Maria Perez Gomez", "1990-04-02", &ve),
                Some(Likeness::SimilarNameSameBirthDateAndNationality),
            ),
            (
                person("José Mária Peres", "1990-04-02", &ve),
                Some(Likeness::SimilarNameSameBirthDateAndNationality),
            ),
            (person("José María Pérez", "1990-04-03", &ve), None),
            (person("Ana Lucía Torres", "1990-04-02", &ve), None),
            (person("José Gonçalves", "1990-04-02", &ve), None),
            (person("Jose Maria Perez Gomez", "1990-04-02", &co), None),
        ];
        for (other, expected) in cases {
            assert_eq!(likeness(&passport, &other), expected, "{}", other.name);
        }
    }

    #[test]
    fn names_fold_case_accents_punctuation_and_order() {
        assert_eq!(
            name_words("  Ñandú-Çelik, ÉMILE "),
            ["celik", "emile", "nandu"]
        );
        assert_eq!(distance("perez", "peres"), 1);
        assert_eq!(distance("", "abc"), 3);
    }
}
