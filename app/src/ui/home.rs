//! The home page: what Voz is and what a person can do here.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, tagline).to_string() />
        <section class="hero">
            <h1>{t!(i18n, home_title)}</h1>
            <p class="lead">{t!(i18n, home_intro)}</p>
            <p class="notice">{t!(i18n, home_no_status)}</p>
        </section>
        <ul class="cards">
            <li class="card">
                <h2>{t!(i18n, home_elections_title)}</h2>
                <p>{t!(i18n, home_elections_text)}</p>
            </li>
            <li class="card">
                <h2>{t!(i18n, home_conferences_title)}</h2>
                <p>{t!(i18n, home_conferences_text)}</p>
            </li>
            <li class="card">
                <h2>{t!(i18n, home_calls_title)}</h2>
                <p>{t!(i18n, home_calls_text)}</p>
            </li>
            <li class="card">
                <h2>{t!(i18n, home_results_title)}</h2>
                <p>{t!(i18n, home_results_text)}</p>
            </li>
        </ul>
    }
}
