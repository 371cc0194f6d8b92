//! An organization's public page (`/<lang>/o/<org>`): what it is holding now and held
//! before, and how to register with it.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::calls::list::api::list_calls;
use crate::calls::list::ui::CallList;
use crate::conferences::public::api::list_editions;
use crate::conferences::public::ui::EditionList;
use crate::elections::directory::api::one_organization;
use crate::elections::directory::ui::ElectionList;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::Loaded;

#[component]
pub fn OrganizationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let org = move || params.with(|p| p.get("org").unwrap_or_default());
    let data = Resource::new(org, one_organization);
    let editions = Resource::new(org, list_editions);
    let calls = Resource::new(org, list_calls);
    view! {
        <Loaded resource=data show=move |o| {
            let join = localized_path(i18n.get_locale_untracked(), &format!("/join/{}", o.slug));
            let name = o.names.text_or(i18n.get_locale_untracked().as_str(), &o.name);
            view! {
                <Title text=name.clone() />
                <h1>{name}</h1>
                <p><a class="button primary" href=join>{t!(i18n, accounts.register_action)}</a></p>
                <h2>{t!(i18n, elections.directory_elections)}</h2>
                <ElectionList cards=o.elections empty=t_string!(i18n, elections.directory_none).to_string() />
                <Loaded resource=editions show=|cards| view! { <EditionList cards /> }.into_any() />
                <Loaded resource=calls show=|cards| view! { <CallList cards /> }.into_any() />
            }.into_any()
        } />
    }
}
