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
