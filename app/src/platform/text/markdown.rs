//! Candidate platforms are Markdown written by candidates: rendered to HTML on the server,
//! then sanitized (ammonia) so that no script, style, event handler or dangerous link can
//! reach a reader's page.

use std::collections::HashSet;

/// Safe HTML for a Markdown text.
pub fn render(markdown: &str) -> String {
    let parser =
        pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    let tags: HashSet<&str> = [
        "p",
        "br",
        "em",
        "strong",
        "del",
        "ul",
        "ol",
        "li",
        "blockquote",
        "h3",
        "h4",
        "a",
        "code",
    ]
    .into();
    ammonia::Builder::default()
        .tags(tags)
        .link_rel(Some("noopener noreferrer nofollow ugc"))
        .url_schemes(["https", "mailto"].into())
        .clean(&html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_survives() {
        let html = render("**Moradia** para todos\n\n- saúde\n- educação");
        assert!(html.contains("<strong>Moradia</strong>"), "{html}");
        assert!(html.contains("<li>saúde</li>"), "{html}");
    }

    #[test]
    fn scripts_handlers_and_dangerous_links_do_not() {
        for hostile in [
            "<script>alert(1)</script>hello",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "<a href=\"http://insecure.example\" onclick=\"x()\">x</a>",
            "<style>body{display:none}</style>",
            "<iframe src=\"https://evil.example\"></iframe>",
        ] {
            let html = render(hostile);
            for needle in [
                "<script",
                "onerror",
                "javascript:",
                "onclick",
                "<style",
                "<iframe",
                "<img",
                "http://",
            ] {
                assert!(!html.contains(needle), "{hostile:?} gave {html:?}");
            }
        }
        let link = render("[programa](https://example.org/programa)");
        assert!(
            link.contains("rel=\"noopener noreferrer nofollow ugc\""),
            "{link}"
        );
    }
}
