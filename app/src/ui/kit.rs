//! Small pieces every page uses the same way.

use leptos::prelude::*;

use crate::error::{AppError, ErrorMessage, Voice, problem_text, problem_text_for};
use crate::i18n::{t, t_string, td_string, use_i18n};

/// A page's data from the server: "Loading…" until it arrives, its translated error if
/// the server refused, else `show(data)`. The server renders the whole page before sending
/// it, so a reader without the browser bundle never sees the loading line.
#[component]
pub fn Loaded<T, F, V>(resource: Resource<Result<T, AppError>>, show: F) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
            {move || {
                let show = show.clone();
                Suspend::new(async move {
                    match resource.await {
                        Err(e) => view! { <ErrorMessage code=e.code /> }.into_any(),
                        Ok(data) => show(data).into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A button that opens the browser's print dialog. It needs no bundle: the shell's one
/// small script (`ui::shell::ENHANCE`) prints on a click on any `[data-print]`, and the
/// stylesheet hides these buttons where scripts do not run (the browser's menu still
/// prints). `class` hides it on paper (`no-print`, `print-button`).
#[component]
pub fn PrintButton(class: &'static str, children: Children) -> impl IntoView {
    view! { <button type="button" class=class data-print="">{children()}</button> }
}

/// A route parameter (`org`, `conference`, `call`, …), read when called.
pub fn route_param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || params.with(|p| p.get(name).unwrap_or_default())
}

/// What the last plain form post on this page was refused for, from its redirect's query
/// (`?error=<code>&fields=<JSON>`), ready for [`FieldError`] and [`FormError`].
pub fn query_errors() -> RwSignal<Option<AppError>> {
    let query = leptos_router::hooks::use_query_map();
    let error =
        query.with_untracked(|q| AppError::from_query(q.get_str("error"), q.get_str("fields")));
    RwSignal::new(error)
}

/// A labelled form field that shows its own error: the label above, an optional hint,
/// the control, and the problem the server reported for `name` (the control should carry
/// `aria-describedby="<name>-error"`).
#[component]
pub fn Field(
    name: &'static str,
    /// The id of the control the label names, when it is not `name`.
    #[prop(optional)]
    control: Option<&'static str>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// How the error summary names this field when the label alone is ambiguous (one of
    /// several rows alike: "Segment 2 — Code").
    #[prop(optional, into)]
    summary: Option<Signal<String>>,
    errors: RwSignal<Option<AppError>>,
    children: Children,
) -> impl IntoView {
    if let Some(labels) = use_context::<FormFields>() {
        let named = summary.unwrap_or(label);
        labels
            .0
            .update_value(|fields| fields.push((name, control.unwrap_or(name), named)));
    }
    view! {
        <div class="field" class:invalid=move || problem(errors, name).is_some()>
            <label for=control.unwrap_or(name)>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{name}-hint")>{hint}</p> })}
            {children()}
            <FieldError errors name />
        </div>
    }
}

/// The fields of a long form, as its [`Field`]s register themselves (name, control id,
/// label), for the [`ErrorSummary`] at its top. Provide one before building the form.
#[derive(Clone, Copy)]
pub struct FormFields(StoredValue<Vec<(&'static str, &'static str, Signal<String>)>>);

impl FormFields {
    /// A new, empty list, provided to the form being built.
    pub fn provide() -> Self {
        let fields = Self(StoredValue::new(Vec::new()));
        provide_context(fields);
        fields
    }

    /// A field that is not a [`Field`] (a group of boxes): `name` as the server names it,
    /// `control` the id the summary links to.
    pub fn register(self, name: &'static str, control: &'static str, label: Signal<String>) {
        self.0
            .update_value(|fields| fields.push((name, control, label)));
    }
}

/// At the top of a long form refused for its fields: how many need correcting and a link
/// to each (its label and problem), focused when the page opens (`autofocus`, no script),
/// so an error far above or below the button is never missed. Needs [`FormFields`].
#[component]
pub fn ErrorSummary(errors: RwSignal<Option<AppError>>, fields: FormFields) -> impl IntoView {
    let i18n = use_i18n();
    let (locale, voice) = (i18n.get_locale_untracked(), Voice::current());
    // Read at render time, once every field of the form has registered.
    move || {
        let problems: Vec<(String, String)> = errors.with(|e| {
            let Some(e) = e else { return Vec::new() };
            fields.0.with_value(|list| {
                list.iter()
                    .filter_map(|(name, control, label)| {
                        e.problem_of(name).map(|p| {
                            (
                                format!("#{control}"),
                                format!(
                                    "{}: {}",
                                    label.get_untracked(),
                                    problem_text_for(locale, voice, p)
                                ),
                            )
                        })
                    })
                    .collect()
            })
        });
        (!problems.is_empty()).then(|| {
            view! {
                <div class="error-summary" role="alert" tabindex="-1" autofocus=true data-testid="error-summary">
                    <p><strong>{td_string!(locale, common.error_summary_title, count = problems.len()).to_string()}</strong></p>
                    <ul>
                        {problems.into_iter().map(|(href, text)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The line under a form control that names what the server found wrong with field
/// `name`, announced to screen readers; the control points at it with
/// `aria-describedby="<id>-error"` (`id` is `name` unless several forms share a page).
/// Empty but present while there is no problem, so the layout does not jump.
#[component]
pub fn FieldError(
    errors: RwSignal<Option<AppError>>,
    name: &'static str,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.to_owned());
    view! { <p class="field-error" id=format!("{id}-error") role="alert">{move || problem(errors, name)}</p> }
}

/// The refusal that concerns the form as a whole (no field named), translated.
#[component]
pub fn FormError(errors: RwSignal<Option<AppError>>) -> impl IntoView {
    let general =
        move || errors.with(|e| e.as_ref().filter(|e| e.fields.is_empty()).map(|e| e.code));
    move || general().map(|code| view! { <ErrorMessage code /> })
}

/// The translated problem with field `name`, if the last answer named one.
pub fn problem(errors: RwSignal<Option<AppError>>, name: &str) -> Option<String> {
    errors.with(|e| {
        e.as_ref()
            .and_then(|e| e.problem_of(name))
            .map(problem_text)
    })
}

/// An irreversible step asked twice, without a script: a form posting `children` (hidden
/// fields, and any fields the step needs) to `action`, whose first button only opens the
/// question (`<details>`); its "yes" submits. Closing the question again is "not yet".
#[component]
pub fn ConfirmForm(
    #[prop(into)] label: String,
    #[prop(into)] question: String,
    #[prop(into)] yes: String,
    #[prop(into)] action: String,
    children: Children,
) -> impl IntoView {
    view! {
        <form method="post" action=action class="confirm-form">
            {children()}
            <details class="confirm">
                <summary class="button primary">{label}</summary>
                <p class="notice">{question}</p>
                <button type="submit" class="primary">{yes}</button>
            </details>
        </form>
    }
}

/// A record's facts as a definition list of `Fact`s (`class` adds to `facts`).
#[component]
pub fn Facts(#[prop(optional)] class: &'static str, children: Children) -> impl IntoView {
    let class = if class.is_empty() {
        "facts".to_owned()
    } else {
        format!("facts {class}")
    };
    view! { <dl class=class>{children()}</dl> }
}

/// One term and its value; values are `dir="auto"` since names and reasons come in any
/// script.
#[component]
pub fn Fact<T: IntoView + 'static>(
    term: T,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] testid: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! { <dt>{term}</dt><dd class=class data-testid=testid dir="auto">{children()}</dd> }
}

/// "Page 2 of 7" with links to the pages before and after; nothing when one page holds
/// all. `base` is the page's address with its other query parameters (`?page=` is added).
#[component]
pub fn Pager(page: u32, pages: u32, base: String) -> impl IntoView {
    let i18n = use_i18n();
    let join = if base.contains('?') { '&' } else { '?' };
    let link = move |n: u32| format!("{base}{join}page={n}");
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=move || t_string!(i18n, common.pages_label)>
                {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">{t!(i18n, common.page_previous)}</a> })}
                <span>{move || t_string!(i18n, common.page_of, page = page, pages = pages).to_string()}</span>
                {(page < pages).then(|| view! { <a href=link(page + 1) rel="next">{t!(i18n, common.page_next)}</a> })}
            </nav>
        }
    })
}

/// `text` as one value of a link's query string.
pub fn query_value(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
