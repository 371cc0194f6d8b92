//! A candidate's face next to their name: the photo when there is one, otherwise their
//! initials, so lists keep one rhythm. The name is always written beside it, so the
//! picture itself carries no text alternative (it would be read twice).

use leptos::prelude::*;

#[component]
pub fn CandidatePhoto(photo: Option<String>, name: String) -> impl IntoView {
    match photo {
        Some(src) => view! {
            <img class="candidate-photo" src=src alt="" width="56" height="56" loading="lazy" decoding="async" />
        }
        .into_any(),
        None => view! {
            <span class="candidate-photo initials" aria-hidden="true">{initials(&name)}</span>
        }
        .into_any(),
    }
}

/// The first letter of the first two words (`Maria da Silva` → `MD`; `ACNUR` → `A`).
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().find(|c| c.is_alphanumeric()))
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_two_words_in_any_script() {
        assert_eq!(initials("Maria da Silva"), "MD");
        assert_eq!(initials("  (Coletivo) Sí, Se Puede "), "CS");
        assert_eq!(initials("ACNUR"), "A");
        assert_eq!(initials("علي حسن"), "عح");
        assert_eq!(initials(""), "");
    }
}
