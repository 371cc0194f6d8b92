//! What every plain form of the commission's election page shares: the hidden fields
//! naming the election, and which form a refusal is about (`?item=`).

use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_i18n::Locale as _;

/// The hidden fields every form of the page carries: which election, in which language
/// to come back.
#[component]
pub(crate) fn ElectionKeys(keys: (String, String)) -> impl IntoView {
    let locale = use_i18n().get_locale_untracked().as_str();
    view! {
        <input type="hidden" name="organization" value=keys.0 />
        <input type="hidden" name="election" value=keys.1 />
        <input type="hidden" name="locale" value=locale />
    }
}

/// The last refusal if it concerns `name` (an `item`), else nothing.
pub(crate) fn errors_of(
    errors: RwSignal<Option<AppError>>,
    item: Option<&str>,
    name: &str,
) -> RwSignal<Option<AppError>> {
    if item == Some(name) {
        errors
    } else {
        RwSignal::new(None)
    }
}
