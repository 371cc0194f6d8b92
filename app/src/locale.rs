//! Which language a page speaks. The URL decides (`/ar/...`), so a link shared on a phone
//! opens in the language it was sent in; a URL without a language is redirected to the one
//! from the visitor's cookie, then their browser's Accept-Language, then English.

use leptos_i18n::Locale as _;

use crate::i18n::Locale;

/// Cookie remembering the last language a visitor chose.
pub const LOCALE_COOKIE: &str = "voz_lang";

/// The `Set-Cookie` value that remembers `locale` for a year (`Secure` on https). Not
/// `HttpOnly`: the browser bundle rewrites it when the visitor switches language without a
/// page load.
pub fn locale_cookie(locale: Locale, secure: bool) -> String {
    format!(
        "{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
        locale.as_str(),
        if secure { "; Secure" } else { "" }
    )
}

/// Remembers a language switch made in the browser (the server does the same on every
/// page load it serves, see `voz serve`).
#[cfg(feature = "hydrate")]
pub fn remember(locale: Locale) {
    use wasm_bindgen::JsCast as _;
    let secure = leptos::prelude::window()
        .location()
        .protocol()
        .is_ok_and(|p| p == "https:");
    if let Ok(document) = leptos::prelude::document().dyn_into::<web_sys::HtmlDocument>() {
        let _ = document.set_cookie(&locale_cookie(locale, secure));
    }
}

/// The language's name in itself: a reader who cannot read the current page still finds
/// their own language in the switcher. Never translated, on purpose.
pub fn autonym(locale: Locale) -> &'static str {
    match locale {
        Locale::pt_BR => "Português",
        Locale::es => "Español",
        Locale::en => "English",
        Locale::fr => "Français",
        Locale::ht => "Kreyòl ayisyen",
        Locale::ar => "العربية",
    }
}

/// Writing direction for `<html dir>`. Ours, not ICU's: ICU has no direction data for
/// Haitian Creole and would answer `auto`.
pub fn direction(locale: Locale) -> &'static str {
    match locale {
        Locale::ar => "rtl",
        Locale::pt_BR | Locale::es | Locale::en | Locale::fr | Locale::ht => "ltr",
    }
}

/// Order of the languages in the switcher: the ones most participants read first.
pub const SWITCHER_ORDER: [Locale; 6] = [
    Locale::pt_BR,
    Locale::es,
    Locale::en,
    Locale::fr,
    Locale::ht,
    Locale::ar,
];

/// Splits `/pt-BR/about` into `(Some(pt_BR), "/about")`; a path whose first segment is
/// not a language comes back whole with `None`.
pub fn split_locale(path: &str) -> (Option<Locale>, &str) {
    let trimmed = path.strip_prefix('/').unwrap_or(path);
    let (first, rest) = match trimmed.find('/') {
        Some(i) => (&trimmed[..i], &trimmed[i..]),
        None => (trimmed, ""),
    };
    match first.parse::<Locale>() {
        Ok(locale) if locale.as_str() == first => {
            (Some(locale), if rest.is_empty() { "/" } else { rest })
        }
        _ => (None, path),
    }
}

/// `localized_path(ar, "/about")` is `/ar/about`; the home page is `/ar` (no trailing
/// slash: that is the route the server and the router both know).
pub fn localized_path(locale: Locale, rest: &str) -> String {
    match rest.trim_start_matches('/') {
        "" => format!("/{}", locale.as_str()),
        rest => format!("/{}/{}", locale.as_str(), rest),
    }
}

/// The language for a request whose URL names none: the cookie if it names a language we
/// have, else the best match of Accept-Language, else the default (English).
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
    if let Some(locale) = cookie.and_then(|c| c.parse::<Locale>().ok()) {
        return locale;
    }
    accept_language
        .map(parse_accept_language)
        .unwrap_or_default()
        .iter()
        .find_map(|tag| best_match(tag))
        .unwrap_or_default()
}

/// Our language for one requested tag: the same tag, else the same language in another
/// region (`pt-AO` from Angola reads our `pt-BR`, `es-VE` our `es`).
fn best_match(tag: &str) -> Option<Locale> {
    let all = Locale::get_all();
    let primary = |t: &str| t.split(['-', '_']).next().unwrap_or(t).to_ascii_lowercase();
    all.iter()
        .find(|l| l.as_str().eq_ignore_ascii_case(tag))
        .or_else(|| all.iter().find(|l| primary(l.as_str()) == primary(tag)))
        .copied()
}

/// Language tags of an Accept-Language header, most wanted first (RFC 9110 §12.5.4);
/// tags with `q=0` are refused and dropped, `*` says nothing and is dropped.
pub fn parse_accept_language(header: &str) -> Vec<String> {
    let mut tags: Vec<(String, u16)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            if tag.is_empty() || tag == "*" || tag.len() > 35 {
                return None;
            }
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), parse_quality)?;
            (quality > 0).then(|| (tag.to_owned(), quality))
        })
        .collect();
    // Stable sort: equal weights keep the header's order.
    tags.sort_by_key(|(_, quality)| std::cmp::Reverse(*quality));
    tags.into_iter().map(|(tag, _)| tag).collect()
}

/// A q-value in thousandths; `None` when malformed.
fn parse_quality(q: &str) -> Option<u16> {
    let value: f32 = q.trim().parse().ok()?;
    (0.0..=1.0)
        .contains(&value)
        .then(|| (value * 1000.0).round() as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_language_prefix() {
        assert_eq!(
            split_locale("/pt-BR/about"),
            (Some(Locale::pt_BR), "/about")
        );
        assert_eq!(split_locale("/ar"), (Some(Locale::ar), "/"));
        assert_eq!(split_locale("/ar/"), (Some(Locale::ar), "/"));
        assert_eq!(split_locale("/about"), (None, "/about"));
        assert_eq!(split_locale("/"), (None, "/"));
        assert_eq!(
            split_locale("/pt-br/x"),
            (None, "/pt-br/x"),
            "URLs use the exact tag"
        );
    }

    #[test]
    fn localized_paths_round_trip() {
        for locale in SWITCHER_ORDER {
            for rest in ["/", "/about", "/elections/1/results"] {
                let path = localized_path(locale, rest);
                assert_eq!(split_locale(&path), (Some(locale), rest));
            }
        }
    }

    #[test]
    fn accept_language_is_ordered_by_weight() {
        assert_eq!(
            parse_accept_language("fr;q=0.5, ht, es;q=0.9, de;q=0, *;q=0.1"),
            vec!["ht", "es", "fr"]
        );
        assert_eq!(parse_accept_language(""), Vec::<String>::new());
        assert_eq!(parse_accept_language("en;q=abc"), Vec::<String>::new());
    }

    #[test]
    fn negotiation_prefers_cookie_then_header_then_english() {
        assert_eq!(negotiate(Some("ar"), Some("es")), Locale::ar);
        assert_eq!(
            negotiate(Some("klingon"), Some("es-CO,es;q=0.9")),
            Locale::es
        );
        assert_eq!(
            negotiate(None, Some("pt-BR,pt;q=0.9,en;q=0.5")),
            Locale::pt_BR
        );
        assert_eq!(negotiate(None, Some("pt")), Locale::pt_BR);
        assert_eq!(negotiate(None, Some("pt-AO")), Locale::pt_BR);
        assert_eq!(negotiate(None, Some("es-VE, en;q=0.8")), Locale::es);
        assert_eq!(negotiate(None, Some("de-DE, fr;q=0.5")), Locale::fr);
        assert_eq!(negotiate(None, Some("ht-HT")), Locale::ht);
        assert_eq!(negotiate(None, Some("ar-SY,ar;q=0.9")), Locale::ar);
        assert_eq!(negotiate(None, None), Locale::en);
        assert_eq!(negotiate(None, Some("de")), Locale::en);
    }

    #[test]
    fn every_language_has_a_distinct_autonym() {
        let mut names: Vec<_> = SWITCHER_ORDER.iter().map(|l| autonym(*l)).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Locale::get_all().len());
    }
}
