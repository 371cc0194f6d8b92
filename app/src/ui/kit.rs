//! Small pieces every page uses the same way.

use leptos::prelude::*;

use crate::error::{AppError, ErrorMessage};
use crate::i18n::{t, use_i18n};

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

/// A button that opens the browser's print dialog (an inline `onclick` would be refused by
/// our CSP, so it needs the bundle); `class` hides it on paper (`no-print`, `print-button`).
#[component]
pub fn PrintButton(class: &'static str, children: Children) -> impl IntoView {
    view! { <button type="button" class=class on:click=move |_| print_page()>{children()}</button> }
}

fn print_page() {
    #[cfg(feature = "hydrate")]
    if let Some(window) = leptos::web_sys::window() {
        let _ = window.print();
    }
}
