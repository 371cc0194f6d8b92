//! Showing a text written in several languages: the reader's, marked with its language
//! and direction (a screen reader then pronounces it in that language); when it is a
//! translation, the original one tap away.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};
use crate::platform::text::labels::{Labels, direction};

/// The text a reader of `reader` (a language tag) sees, in a `<span lang dir>`: fits in a
/// heading.
#[component]
pub fn TranslatedText(labels: Labels, reader: String) -> impl IntoView {
    labels.show(&reader).map(|shown| {
        let (text, lang) = (shown.text.to_owned(), shown.lang.to_owned());
        view! { <span lang=lang.clone() dir=direction(&lang)>{text}</span> }
    })
}

/// When the reader sees a translation: the original, folded (`<details>`), for after a
/// heading or a paragraph.
#[component]
pub fn Original(labels: Labels, reader: String) -> impl IntoView {
    let i18n = use_i18n();
    let original = labels
        .show(&reader)
        .and_then(|shown| shown.original)
        .map(|(lang, text)| (lang.to_owned(), text.to_owned()));
    original.map(|(lang, text)| {
        view! {
            <details class="original">
                <summary>{t!(i18n, common.text_original)}</summary>
                <span lang=lang.clone() dir=direction(&lang)>{text}</span>
            </details>
        }
    })
}
