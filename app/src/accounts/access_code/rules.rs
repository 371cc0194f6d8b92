//! Printed access codes, for voters without a passkey-capable phone. 10 characters of
//! Crockford base32 (50 random bits), kept only as a keyed hash; attempts are
//! rate-limited per client, and an unknown, spent, expired or wrong code all get the same
//! answer. A code opens sessions until its holder has voted (see `api`).

/// The alphabet: no I, L, O or U, which are easy to misread or misspeak.
pub(crate) const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CODE_LENGTH: usize = 10;

/// What a person may type for a code: case, spaces and dashes do not matter, and the
/// letters people confuse with digits (O, I, L) are read as the digits.
pub fn normalize_code(typed: &str) -> Option<String> {
    normalize_code_of_length(typed, CODE_LENGTH)
}

/// [`normalize_code`] for a code of another length (kiosk pairing codes have 8).
pub fn normalize_code_of_length(typed: &str, length: usize) -> Option<String> {
    if typed.len() > 4 * length {
        return None;
    }
    let mut code = String::with_capacity(length);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        code.push(c);
    }
    (code.len() == length).then_some(code)
}

/// `ABCDE-FGHJK`, for printing.
pub fn display_code(code: &str) -> String {
    let (first, second) = code.split_at(code.len().min(CODE_LENGTH / 2));
    format!("{first}-{second}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_slips_do_not_matter() {
        assert_eq!(normalize_code("abcde-fghjk").as_deref(), Some("ABCDEFGHJK"));
        assert_eq!(
            normalize_code(" 0O1IL 23456 ").as_deref(),
            Some("0011123456")
        );
        assert_eq!(normalize_code("ABCDE-FGHJ"), None, "too short");
        assert_eq!(
            normalize_code("ABCDE-FGHJU"),
            None,
            "U is not in the alphabet"
        );
        assert_eq!(normalize_code("ÁBCDE-FGHJK"), None);
        assert_eq!(display_code("ABCDEFGHJK"), "ABCDE-FGHJK");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn generated_codes_are_well_formed_and_distinct() {
        let codes: std::collections::HashSet<String> = (0..1000)
            .map(|_| crate::accounts::access_code::store::generate_code())
            .collect();
        assert_eq!(codes.len(), 1000);
        assert!(
            codes
                .iter()
                .all(|c| normalize_code(c).as_deref() == Some(c.as_str()))
        );
    }
}
