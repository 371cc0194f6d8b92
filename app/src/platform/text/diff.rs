//! What changed between two versions of a text, word by word, as safe HTML: removed words
//! in `<del>`, added ones in `<ins>`, everything escaped (the texts are people's).

use similar::{ChangeTag, TextDiff};

/// `before` → `after` as HTML with `<del>` and `<ins>` around what changed.
pub fn changes_html(before: &str, after: &str) -> String {
    let diff = TextDiff::from_unicode_words(before, after);
    let mut html = String::new();
    for change in diff.iter_all_changes() {
        let text = escape(change.value());
        match change.tag() {
            ChangeTag::Equal => html.push_str(&text),
            ChangeTag::Delete => html.push_str(&format!("<del>{text}</del>")),
            ChangeTag::Insert => html.push_str(&format!("<ins>{text}</ins>")),
        }
    }
    html.replace("</del><del>", "").replace("</ins><ins>", "")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_words_are_marked_and_text_escaped() {
        assert_eq!(
            changes_html("Cursos de português", "Cursos gratuitos de português"),
            "Cursos <ins>gratuitos </ins>de português"
        );
        assert_eq!(
            changes_html("a <b>", "a <i>"),
            "a &lt;<del>b</del><ins>i</ins>&gt;"
        );
    }
}
