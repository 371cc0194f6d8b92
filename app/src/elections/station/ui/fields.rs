//! The hidden fields naming the station, carried by every form of its page.

use leptos::prelude::*;

/// The hidden fields every form of this station's page posts.
#[component]
pub(crate) fn StationFields(keys: (String, String), station: i64) -> impl IntoView {
    let (org, election) = keys;
    view! {
        <input type="hidden" name="organization" value=org />
        <input type="hidden" name="election" value=election />
        <input type="hidden" name="station" value=station.to_string() />
    }
}
