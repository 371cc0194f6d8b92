//! What Voz promises the people who use it.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn AboutPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=t_string!(i18n, common.about_title).to_string() />
        <article class="prose">
            <h1>{t!(i18n, common.about_title)}</h1>
            <p class="lead">{t!(i18n, common.about_intro)}</p>
            <ul class="promises">
                <li>{t!(i18n, common.about_status)}</li>
                <li>{t!(i18n, common.about_secret)}</li>
                <li>{t!(i18n, common.about_once)}</li>
                <li>{t!(i18n, common.about_audit)}</li>
                <li>{t!(i18n, common.about_open)}</li>
            </ul>
        </article>
    }
}
