//! Text people write and others read. Two shapes, each checked the same way everywhere:
//! a line (a name, a title, a district) and paragraphs (a reason, an appeal, a
//! justification). Neither may carry markup or characters that steer rendering: a
//! bidirectional override can make "Ana" read as another name, and a reader's page must
//! show what was written. `markdown` (server only) renders longer texts people format
//! (candidate platforms; proposals next) to safe HTML. `labels` holds a short text in
//! several languages (the original first) and `ui::Translated` shows it to a reader.

use crate::error::{AppError, FieldProblem, Problem};

pub mod dates;
#[cfg(feature = "ssr")]
pub mod diff;
pub mod labels;
#[cfg(feature = "ssr")]
pub mod markdown;
pub mod ui;

/// Free text shown to others (names, districts): trimmed, inner whitespace collapsed, at
/// most `max` characters, and nothing that is markup or steers rendering: no `<`, `>`,
/// control characters or bidirectional overrides (which can disguise a name).
pub fn one_line(text: &str, max: u16) -> Result<String, Problem> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.is_empty() {
        return Err(Problem::Required);
    }
    if collapsed.chars().count() > usize::from(max) {
        return Err(Problem::TooLong { max });
    }
    if collapsed.chars().any(is_forbidden_char) {
        return Err(Problem::ForbiddenCharacters);
    }
    Ok(collapsed)
}

pub fn is_forbidden_char(c: char) -> bool {
    matches!(c, '<' | '>' | '\u{200E}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || c.is_control()
}

/// Text in paragraphs (a reason, an appeal): trimmed, line breaks kept, at most `max`
/// characters; no control characters besides line breaks and tabs, no bidirectional
/// overrides. (`<` and `>` are allowed — "under 18" is often written "< 18" — and shown
/// as text: pages escape them.)
pub fn paragraphs(text: &str, max: u16) -> Result<String, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Problem::Required);
    }
    if text.chars().count() > usize::from(max) {
        return Err(Problem::TooLong { max });
    }
    let allowed = |c: char| matches!(c, '\n' | '\r' | '\t' | '<' | '>');
    if text.chars().any(|c| is_forbidden_char(c) && !allowed(c)) {
        return Err(Problem::ForbiddenCharacters);
    }
    Ok(text.to_owned())
}

/// An email address (a registration's, an applicant's): its shape only — one `@`, a
/// dotted domain, no spaces —, lowercased. Whether it reaches anyone is for the mail to tell.
pub fn email(text: &str) -> Result<String, Problem> {
    let valid = text.len() <= 254
        && !text
            .chars()
            .any(|c| c.is_whitespace() || is_forbidden_char(c))
        && text.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if valid {
        Ok(text.to_lowercase())
    } else {
        Err(Problem::InvalidEmail)
    }
}

/// A checked text, or its problem as the error of form field `field` (translated in the
/// browser next to that field).
pub fn for_field(field: &str, checked: Result<String, Problem>) -> Result<String, AppError> {
    checked.map_err(|problem| {
        AppError::fields([FieldProblem {
            field: field.to_owned(),
            problem,
        }])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_collapsed_and_clean() {
        assert_eq!(
            one_line("  Ana   María \n Pérez ", 40),
            Ok("Ana María Pérez".into())
        );
        assert_eq!(one_line("   ", 40), Err(Problem::Required));
        assert_eq!(one_line("abcdef", 5), Err(Problem::TooLong { max: 5 }));
        for bad in ["<b>Ana</b>", "Ana\u{202E}anA", "Ana\u{0007}"] {
            assert_eq!(
                one_line(bad, 40),
                Err(Problem::ForbiddenCharacters),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn paragraphs_keep_their_breaks_and_nothing_else() {
        assert_eq!(
            paragraphs("  Falta a ata.\n\nReenvie até sexta.  ", 100),
            Ok("Falta a ata.\n\nReenvie até sexta.".into())
        );
        assert_eq!(paragraphs("\n\t ", 100), Err(Problem::Required));
        assert_eq!(
            paragraphs("é".repeat(11).as_str(), 10),
            Err(Problem::TooLong { max: 10 })
        );
        assert_eq!(paragraphs("idade < 18", 100), Ok("idade < 18".into()));
        for bad in ["ok\u{2066}x", "bell\u{0007}", "\u{202E}"] {
            assert_eq!(
                paragraphs(bad, 100),
                Err(Problem::ForbiddenCharacters),
                "{bad:?}"
            );
        }
    }
}
