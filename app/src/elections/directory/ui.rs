//! Elections as the front door lists them: each title leads to its page, with its phase,
//! until when, and the next step a reader can take (vote, read the results).

use leptos::prelude::*;

use crate::elections::directory::api::ElectionCard;
use crate::elections::ui::{election_path, labels};
use crate::i18n::{t, t_string, use_i18n};

/// `cards` as a list; `empty` is said when there are none.
#[component]
pub fn ElectionList(cards: Vec<ElectionCard>, #[prop(into)] empty: String) -> impl IntoView {
    let i18n = use_i18n();
    if cards.is_empty() {
        return view! { <p class="hint">{empty}</p> }.into_any();
    }
    view! {
        <ul class="plain elections-list">
            {cards.into_iter().map(|card| {
                let page = election_path(&card.organization, &card.slug, "");
                let vote = card.voting_open.then(|| election_path(&card.organization, &card.slug, "/vote"));
                let results = card.phase.results_public().then(|| election_path(&card.organization, &card.slug, "/results"));
                let phase = labels::phase(i18n, card.phase);
                let status = match card.until {
                    Some(day) => t_string!(i18n, elections.directory_phase_until, phase = phase, date = isolated(day, i18n.get_locale_untracked())).to_string(),
                    None => phase.to_owned(),
                };
                view! {
                    <li class="election-item">
                        <div class="what">
                            <a class="title" href=page>{card.title}</a>
                            <span class="phase">{status}</span>
                        </div>
                        <div class="actions">
                            {vote.map(|href| view! { <a class="button primary" href=href>{t!(i18n, elections.directory_vote)}</a> })}
                            {results.map(|href| view! { <a class="button" href=href>{t!(i18n, elections.directory_results)}</a> })}
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// A date written the reader's way, isolated inside a sentence (Unicode first-strong
/// isolate), so its digits and words keep their order in either direction.
pub fn isolated(day: crate::calendar::Date, locale: crate::i18n::Locale) -> String {
    format!(
        "\u{2068}{}\u{2069}",
        crate::platform::text::dates::long_date(day, locale)
    )
}
