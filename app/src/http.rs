//! Small HTTP helpers shared by the server's middleware and the server functions.

use axum::http::{HeaderMap, header};

/// The value of cookie `name` in a request's headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn finds_a_cookie_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; voz_lang=ht; b=2"),
        );
        assert_eq!(cookie(&headers, "voz_lang").as_deref(), Some("ht"));
        assert_eq!(cookie(&headers, "missing"), None);
    }
}
