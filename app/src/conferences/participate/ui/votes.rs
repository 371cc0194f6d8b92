//! An event's votes on its page: the prioritisation and the delegate election, each from
//! its opening (by whoever runs the event) through the ballot (checked-in participants,
//! once each) to its count and published result.

use leptos::prelude::*;
use leptos_i18n::Locale as _;

use crate::conferences::event_vote::VoteStatus;
use crate::conferences::participate::votes::{
    CastEventBallot, CountEventVote, DelegatesView, EventVotes, OpenEventVote, PrioritiesView,
    StandForDelegate, StartDelegateVote,
};
use crate::i18n::{t, t_string, use_i18n};
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{ConfirmForm, FieldError, query_errors};
use leptos::server_fn::ServerFn as _;

/// The hidden fields every form here posts.
fn keys(votes: &EventVotes, kind: &'static str) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="organization" value=votes.organization.clone() />
        <input type="hidden" name="conference" value=votes.conference.clone() />
        <input type="hidden" name="event" value=votes.event.clone() />
        <input type="hidden" name="kind" value=kind />
    }
}

#[component]
pub fn EventVotesSection(votes: EventVotes) -> impl IntoView {
    let i18n = use_i18n();
    let nothing = votes.priorities.is_none()
        && votes.delegates.is_none()
        && !(votes.me.runs_event && votes.me.open);
    view! {
        <section class="segment event-votes" id="votes">
            <h2>{t!(i18n, conferences.votes_heading)}</h2>
            {nothing.then(|| view! { <p class="hint">{t!(i18n, conferences.vote_not_open)}</p> })}
            <Priorities votes=votes.clone() />
            <Delegates votes=votes.clone() />
        </section>
    }
}

#[component]
fn Priorities(votes: EventVotes) -> impl IntoView {
    let i18n = use_i18n();
    let me = votes.me.clone();
    let Some(view) = votes.priorities.clone() else {
        return (me.runs_event && me.open)
            .then(|| {
                view! {
                    <h3>{t!(i18n, conferences.prio_heading)}</h3>
                    <form method="post" action=OpenEventVote::PATH class="vote-open-form" novalidate>
                        {keys(&votes, "priorities")}
                        <label for="per_theme">{t!(i18n, conferences.prio_per_theme)}</label>
                        <input id="per_theme" name="rule[per_theme]" type="number" min="1" max="10" value="3" />
                        <button type="submit" class="primary">{t!(i18n, conferences.prio_open)}</button>
                    </form>
                }
            })
            .into_any();
    };
    view! {
        <h3>{t!(i18n, conferences.prio_heading)}</h3>
        {match view.status {
            VoteStatus::Counted => view! { <Ranked view /> }.into_any(),
            _ => view! { <PriorityBallot votes view /> }.into_any(),
        }}
    }
    .into_any()
}

#[component]
fn PriorityBallot(votes: EventVotes, view: PrioritiesView) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let errors = query_errors();
    let me = votes.me.clone();
    let choose = t_string!(i18n, conferences.prio_choose, n = view.per_theme).to_string();
    let mut n = 0usize;
    view! {
        <p>{choose}</p>
        {if me.voted_priorities {
            view! { <p class="notice" data-testid="voted-priorities">{t!(i18n, conferences.voted_notice)}</p> }.into_any()
        } else if me.checked_in && me.open {
            view! {
                <form method="post" action=CastEventBallot::PATH class="ballot priority-ballot">
                    {keys(&votes, "priorities")}
                    {view.themes.iter().map(|theme| view! {
                        <fieldset>
                            <legend>{format!("E{} · ", theme.theme)}<TranslatedText labels=theme.names.clone() reader=reader.clone() /></legend>
                            {theme.choices.iter().map(|c| {
                                n += 1;
                                let id = format!("choice-{}", c.id);
                                view! {
                                    <label class="checkbox" for=id.clone()>
                                        <input type="checkbox" id=id.clone() name=format!("choices[{n}]") value=c.id />
                                        <TranslatedText labels=c.title.clone() reader=reader.clone() />
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                    }).collect_view()}
                    <FieldError errors name="choices" />
                    <button type="submit" class="primary">{t!(i18n, conferences.prio_cast)}</button>
                </form>
            }.into_any()
        } else {
            ().into_any()
        }}
        {(me.runs_event && me.open).then(|| view! {
            <CountButton votes=votes.clone() kind="priorities" label=t_string!(i18n, conferences.prio_count).to_string() />
        })}
    }
}

/// The event's ranked list per theme: what it sends onward.
#[component]
fn Ranked(view: PrioritiesView) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    view! {
        <p>{t!(i18n, conferences.prio_result)}</p>
        {view.themes.into_iter().map(|theme| view! {
            <h4>{format!("E{} · ", theme.theme)}<TranslatedText labels=theme.names.clone() reader=reader.clone() /></h4>
            <ol class="ranked" data-testid="ranked">
                {theme.choices.into_iter().map(|c| {
                    let votes = t_string!(i18n, conferences.votes_n, n = c.n).to_string();
                    view! { <li><TranslatedText labels=c.title.clone() reader=reader.clone() /> <span class="hint">{votes}</span></li> }
                }).collect_view()}
            </ol>
        }).collect_view()}
    }
}

#[component]
fn Delegates(votes: EventVotes) -> impl IntoView {
    let i18n = use_i18n();
    let me = votes.me.clone();
    let Some(view) = votes.delegates.clone() else {
        return (me.runs_event && me.open)
            .then(|| view! { <h3>{t!(i18n, conferences.dele_heading)}</h3><OpenDelegates votes=votes.clone() /> })
            .into_any();
    };
    let rule = t_string!(
        i18n,
        conferences.dele_rule,
        delegates = view.delegates,
        reserve = view.reserve,
        max = view.max_choices
    )
    .to_string();
    let quota = (view.quota.0 > 0).then(|| {
        t_string!(
            i18n,
            conferences.dele_rule_quota,
            num = view.quota.0,
            den = view.quota.1
        )
        .to_string()
    });
    view! {
        <h3>{t!(i18n, conferences.dele_heading)}</h3>
        <p>{rule} " " {quota}</p>
        {match view.status {
            VoteStatus::Standing => view! { <Standing votes=votes.clone() view=view.clone() /> }.into_any(),
            VoteStatus::Voting => view! { <DelegateBallot votes=votes.clone() view=view.clone() /> }.into_any(),
            VoteStatus::Counted => view! { <Elected view=view.clone() /> }.into_any(),
        }}
    }
    .into_any()
}

#[component]
fn OpenDelegates(votes: EventVotes) -> impl IntoView {
    let i18n = use_i18n();
    let errors = query_errors();
    view! {
        <form method="post" action=OpenEventVote::PATH class="vote-open-form" novalidate>
            {keys(&votes, "delegates")}
            <label for="delegates">{t!(i18n, conferences.dele_delegates)}</label>
            <input id="delegates" name="rule[delegates]" type="number" min="1" max="500" value="6" aria-describedby="delegates-error" />
            <FieldError errors name="rule[delegates]" />
            <label for="reserve">{t!(i18n, conferences.dele_reserve)}</label>
            <input id="reserve" name="rule[reserve]" type="number" min="0" max="500" value="3" aria-describedby="reserve-error" />
            <FieldError errors name="rule[reserve]" />
            <label for="quota">{t!(i18n, conferences.dele_quota)}</label>
            <select id="quota" name="rule[quota]">
                <option value="0/1">{t!(i18n, conferences.quota_none)}</option>
                <option value="1/4">{t!(i18n, conferences.quota_quarter)}</option>
                <option value="1/3" selected=true>{t!(i18n, conferences.quota_third)}</option>
                <option value="1/2">{t!(i18n, conferences.quota_half)}</option>
            </select>
            <label for="max_choices">{t!(i18n, conferences.dele_max)}</label>
            <input id="max_choices" name="rule[max_choices]" type="number" min="1" max="50" value="3" aria-describedby="max_choices-error" />
            <FieldError errors name="rule[max_choices]" />
            <button type="submit" class="primary">{t!(i18n, conferences.dele_open)}</button>
        </form>
    }
}

#[component]
fn Standing(votes: EventVotes, view: DelegatesView) -> impl IntoView {
    let i18n = use_i18n();
    let me = votes.me.clone();
    view! {
        <p>{t_string!(i18n, conferences.dele_candidates, n = view.candidates.len()).to_string()}</p>
        <ul class="plain candidates">
            {view.candidates.iter().map(|c| view! { <li><bdi>{c.name.clone()}</bdi></li> }).collect_view()}
        </ul>
        {match me.standing.clone() {
            Some(code) => Some(view! { <p class="notice" data-testid="standing">{t_string!(i18n, conferences.dele_standing, code = code).to_string()}</p> }.into_any()),
            None if me.checked_in && me.open => Some(view! {
                <form method="post" action=StandForDelegate::PATH>
                    {keys(&votes, "delegates")}
                    <button type="submit" class="primary">{t!(i18n, conferences.dele_stand)}</button>
                </form>
            }.into_any()),
            None => None,
        }}
        {(me.runs_event && me.open).then(|| {
            let label = t_string!(i18n, conferences.dele_start).to_string();
            view! {
                <ConfirmForm label=label.clone() question=t_string!(i18n, conferences.start_question).to_string() yes=label action=StartDelegateVote::PATH>
                    {keys(&votes, "delegates")}
                </ConfirmForm>
            }
        })}
    }
}

#[component]
fn DelegateBallot(votes: EventVotes, view: DelegatesView) -> impl IntoView {
    let i18n = use_i18n();
    let errors = query_errors();
    let me = votes.me.clone();
    view! {
        {if me.voted_delegates {
            view! { <p class="notice" data-testid="voted-delegates">{t!(i18n, conferences.voted_notice)}</p> }.into_any()
        } else if me.checked_in && me.open {
            view! {
                <form method="post" action=CastEventBallot::PATH class="ballot delegate-ballot">
                    {keys(&votes, "delegates")}
                    <fieldset>
                        <legend>{t_string!(i18n, conferences.dele_choose, n = view.max_choices).to_string()}</legend>
                        {view.candidates.iter().enumerate().map(|(n, c)| {
                            let id = format!("candidate-{}", c.code);
                            view! {
                                <label class="checkbox" for=id.clone()>
                                    <input type="checkbox" id=id.clone() name=format!("choices[{n}]") value=c.code.clone() />
                                    <bdi>{c.name.clone()}</bdi>
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                    <FieldError errors name="choices" />
                    <button type="submit" class="primary">{t!(i18n, conferences.prio_cast)}</button>
                </form>
            }.into_any()
        } else {
            ().into_any()
        }}
        {(me.runs_event && me.open).then(|| view! {
            <CountButton votes=votes.clone() kind="delegates" label=t_string!(i18n, conferences.dele_count).to_string() />
        })}
    }
}

#[component]
fn Elected(view: DelegatesView) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h4>{t!(i18n, conferences.dele_elected)}</h4>
        <ol class="elected" data-testid="elected">
            {view.elected.iter().map(|name| view! { <li><bdi>{name.clone()}</bdi></li> }).collect_view()}
        </ol>
        {view.quota_line.map(|(required, elected)| view! {
            <p data-testid="quota-line">{t_string!(i18n, conferences.dele_quota_line, elected = elected, required = required).to_string()}</p>
        })}
        {(!view.reserve_list.is_empty()).then(|| view! {
            <h4>{t!(i18n, conferences.dele_reserve_list)}</h4>
            <ol class="reserve">
                {view.reserve_list.iter().map(|name| view! { <li><bdi>{name.clone()}</bdi></li> }).collect_view()}
            </ol>
        })}
        <h4>{t!(i18n, conferences.dele_votes)}</h4>
        <ul class="plain candidate-votes">
            {view.candidates.iter().map(|c| {
                let votes = t_string!(i18n, conferences.votes_n, n = c.votes.unwrap_or(0)).to_string();
                view! { <li><bdi>{c.name.clone()}</bdi> " " <span class="hint">{votes}</span></li> }
            }).collect_view()}
        </ul>
    }
}

/// Counting a vote, asked twice: it closes the vote.
#[component]
fn CountButton(votes: EventVotes, kind: &'static str, label: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ConfirmForm label=label.clone() question=t_string!(i18n, conferences.count_question).to_string() yes=label action=CountEventVote::PATH>
            {keys(&votes, kind)}
        </ConfirmForm>
    }
}
