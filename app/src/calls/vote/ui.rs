//! The public vote: per category, the eligible applications as a list of choices and one
//! button — a plain form; once voted, the category says so (and the tracking code, once).

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::calls::vote::api::{CastCallVote, VotePage, load_vote_page};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{FormError, Loaded, query_errors, route_param};

#[component]
pub fn VotePageView() -> impl IntoView {
    let (org, call) = (route_param("org"), route_param("call"));
    let page = Resource::new(move || (org(), call()), |(o, c)| load_vote_page(o, c));
    view! { <Loaded resource=page show=|page| view! { <Vote page /> } /> }
}

#[component]
fn Vote(page: VotePage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let errors = query_errors();
    let code = use_query_map().with_untracked(|q| q.get("voted"));
    let title = t_string!(i18n, calls.vote_title).to_string();
    view! {
        <Title text=title.clone() />
        <p class="eyebrow"><TranslatedText labels=page.call.titles.clone() reader=reader.clone() /></p>
        <h1>{title}</h1>
        <FormError errors />
        {code.map(|code| view! { <p class="notice" role="status">{t!(i18n, calls.vote_counted)} " " <strong class="receipt-number">{code}</strong></p> })}
        {(!page.open).then(|| view! { <p class="notice">{t!(i18n, calls.vote_closed)}</p> })}
        {(page.open && !page.signed_in).then(|| view! {
            <p><a class="button primary" href=localized_path(locale, "/sign-in")>{t!(i18n, calls.sign_in)}</a> " " {t!(i18n, calls.vote_sign_in)}</p>
        })}
        <p class="hint">{t!(i18n, calls.vote_hint)}</p>
        {page.call.categories.iter().map(|c| {
            let choices = page.ballots.iter().find(|(id, _)| *id == c.id.0).map(|(_, list)| list.clone()).unwrap_or_default();
            let voted = page.voted.contains(&c.id.0);
            let can_vote = page.open && page.signed_in && !voted;
            view! {
                <section class="vote-category" aria-labelledby=format!("category-{}", c.code)>
                    <h2 id=format!("category-{}", c.code)><TranslatedText labels=c.names.clone() reader=reader.clone() /></h2>
                    {voted.then(|| view! { <p class="notice">{t!(i18n, calls.vote_done)}</p> })}
                    <form method="post" action=CastCallVote::PATH class="vote-form">
                        <input type="hidden" name="organization" value=page.organization.clone() />
                        <input type="hidden" name="call" value=page.call.slug.clone() />
                        <fieldset>
                            <legend class="visually-hidden">{c.names.text_or(&reader, &c.code)}</legend>
                            {choices.iter().map(|choice| {
                                let id = format!("choice-{}", choice.application);
                                let label_for = id.clone();
                                view! {
                                    <div class="choice">
                                        <input type="radio" id=id name="application" value=choice.application disabled=!can_vote />
                                        <label for=label_for><strong dir="auto">{choice.title.clone()}</strong> " " <span class="hint">{choice.receipt.clone()}</span></label>
                                        <p class="hint" dir="auto">{choice.summary.clone()}</p>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                        {can_vote.then(|| view! { <button type="submit" class="primary">{t!(i18n, calls.vote_cast)}</button> })}
                    </form>
                </section>
            }
        }).collect_view()}
    }
}
