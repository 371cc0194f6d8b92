//! A labelled form field that shows its own error, announced to screen readers.

use leptos::prelude::*;

use crate::error::{AppError, problem_text};

/// Wraps one control: the label above, an optional hint, and the problem the server
/// reported for `name` (the control should carry `aria-describedby="<name>-error"`).
#[component]
pub fn Field(
    name: &'static str,
    /// The id of the control the label names, when it is not `name`.
    #[prop(optional)]
    control: Option<&'static str>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    errors: RwSignal<Option<AppError>>,
    children: Children,
) -> impl IntoView {
    let problem = move || errors.with(|e| e.as_ref().and_then(|e| e.problem_of(name)));
    view! {
        <div class="field" class:invalid=move || problem().is_some()>
            <label for=control.unwrap_or(name)>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{name}-hint")>{hint}</p> })}
            {children()}
            <p class="field-error" id=format!("{name}-error") role="alert">
                {move || problem().map(problem_text)}
            </p>
        </div>
    }
}
