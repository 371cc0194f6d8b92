//! Standing as a candidate: the form while candidacies are open, then the candidacy's
//! status, the commission's reason and, in the appeal window, the appeal.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::elections::calendar::rules::Phase;
use crate::elections::candidacy::api::{appeal_candidacy, change_representative, file_candidacy};
use crate::elections::candidacy::{CandidacyForm, CandidacyStatus, CandidateKind};
use crate::elections::election::api::{ElectionPage, MyCandidacy, load_election};
use crate::elections::photo::http::CandidacyPhoto;
use crate::elections::photo::ui::CandidatePhoto;
use crate::elections::ui::labels;
use crate::elections::ui::{election_path, route_keys};
use crate::error::{AppError, ErrorCode, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{SWITCHER_ORDER, autonym, localized_path};
use crate::ui::kit::{Fact, Facts, Field, FormError, Loaded};

#[component]
pub fn CandidacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let data = Resource::new(
        move || (keys(), i18n.get_locale().as_str().to_owned()),
        |((org, election), locale)| load_election(org, election, locale),
    );
    let reload = Callback::new(move |_| data.refetch());
    view! {
        <Title text=move || t_string!(i18n, elections.candidacy_title).to_string() />
        <Loaded resource=data show=move |page| view! { <Candidacy page reload /> } />
    }
}

#[component]
fn Candidacy(page: ElectionPage, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let back = election_path(&page.organization, &page.slug, "");
    let heading = view! {
        <p class="eyebrow"><a href=back>{page.title.clone()}</a></p>
        <h1>{t!(i18n, elections.candidacy_title)}</h1>
    };
    let Some(me) = page.me.clone() else {
        let sign_in = localized_path(i18n.get_locale_untracked(), "/sign-in");
        return view! {
            {heading}
            <p class="lead">{t!(i18n, elections.candidacy_sign_in_first)}</p>
            <p><a class="button primary" href=sign_in>{t!(i18n, accounts.sign_in_passkey)}</a></p>
        }
        .into_any();
    };
    match me.candidacy {
        Some(mine) => view! { {heading} <MyCandidacyView page mine reload /> }.into_any(),
        None if page.phase == Phase::CandidacyRegistration => {
            view! { {heading} <CandidacyFormView page reload /> }.into_any()
        }
        None => view! { {heading} <ErrorMessage code=ErrorCode::WrongPhase /> }.into_any(),
    }
}

#[component]
fn MyCandidacyView(page: ElectionPage, mine: MyCandidacy, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let can_appeal = page.phase == Phase::Appeals && mine.status == CandidacyStatus::Rejected;
    let errors = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let (org, election) = (page.organization.clone(), page.slug.clone());
    let appeal = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (org, election) = (org.clone(), election.clone());
        busy.set(true);
        spawn_local(async move {
            match appeal_candidacy(org, election, text.get_untracked()).await {
                Ok(()) => reload.run(()),
                Err(e) => errors.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let name = mine.name.clone();
    view! {
        <Facts>
            // A person stands under their registered name; an organization under its own.
            <Fact term={if mine.organization { t_string!(i18n, elections.candidacy_name) } else { t_string!(i18n, accounts.voters_name) }}>{name}</Fact>
            {mine.representative.clone().map(|r| view! { <Fact term={t!(i18n, elections.candidacy_representative)} class="representative">{r}</Fact> })}
            <Fact term={t!(i18n, elections.candidacy_status)} class="candidacy-status">{labels::candidacy_status(i18n, mine.status)}</Fact>
            {mine.reason.clone().map(|r| view! { <Fact term={t!(i18n, elections.candidacy_reason)} class="reason">{r}</Fact> })}
            {mine.appeal.clone().map(|r| view! { <Fact term={t!(i18n, elections.candidacy_appeal)}>{r}</Fact> })}
            {mine.appeal_decision.clone().map(|r| view! { <Fact term={t!(i18n, elections.candidacy_appeal_decision)}>{r}</Fact> })}
        </Facts>
        <PhotoSection page=page.clone() name=mine.name.clone() photo=mine.photo.clone() />
        {(mine.status == CandidacyStatus::Rejected && page.phase < Phase::Appeals).then(|| view! {
            <p class="notice">{t!(i18n, elections.candidacy_appeal_later)}</p>
        })}
        {(mine.organization && mine.status.on_final_list() && page.phase.results_public()).then(|| view! {
            <Representative page=page.clone() reload />
        })}
        {can_appeal.then(|| view! {
            <form on:submit=appeal novalidate>
                <Field name="appeal" label=Signal::derive(move || t_string!(i18n, elections.candidacy_appeal_label).to_string()) errors>
                    <textarea id="appeal" name="appeal" rows="6" maxlength="2000" required aria-describedby="appeal-error"
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </Field>
                <FormError errors />
                <button type="submit" class="primary" disabled=move || busy.get()>{t!(i18n, elections.candidacy_appeal_submit)}</button>
            </form>
        })}
    }
}

/// The candidate's photo and, while candidacies are open, a plain multipart form to send,
/// replace or remove it (works without the browser bundle; the server answers with a
/// redirect back here carrying `?photo=saved|removed` or `?error=<code>`).
#[component]
fn PhotoSection(page: ElectionPage, name: String, photo: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let outcome = move || {
        query.with(|q| {
            let error = q.get("error").and_then(|c| ErrorCode::from_query(&c));
            (error, q.get("photo"))
        })
    };
    let editable = page.phase.allows_candidacies();
    let has_photo = photo.is_some();
    let locale = i18n.get_locale_untracked().as_str().to_owned();
    view! {
        <section class="photo-section" aria-labelledby="photo-heading">
            <h2 id="photo-heading">{t!(i18n, elections.candidacy_photo)}</h2>
            <div class="candidate-head">
                <CandidatePhoto photo name />
                {(!has_photo).then(|| view! { <p class="hint">{t!(i18n, elections.candidacy_photo_none)}</p> })}
            </div>
            {move || match outcome() {
                (Some(code), _) => Some(view! { <ErrorMessage code /> }.into_any()),
                (None, Some(done)) if done == "saved" => Some(view! { <p class="notice" role="status">{t!(i18n, elections.candidacy_photo_saved)}</p> }.into_any()),
                (None, Some(done)) if done == "removed" => Some(view! { <p class="notice" role="status">{t!(i18n, elections.candidacy_photo_removed)}</p> }.into_any()),
                _ => None,
            }}
            {editable.then(|| view! {
                <form class="photo-form" method="post" enctype="multipart/form-data" action=CandidacyPhoto::PATH>
                    <input type="hidden" name="organization" value=page.organization.clone() />
                    <input type="hidden" name="election" value=page.slug.clone() />
                    <input type="hidden" name="locale" value=locale.clone() />
                    <div class="field">
                        <label for="photo">{t!(i18n, elections.candidacy_photo_file)}</label>
                        <p class="hint" id="photo-hint">{t!(i18n, elections.candidacy_photo_hint)}</p>
                        <input id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="photo-hint" />
                    </div>
                    <div class="actions">
                        <button type="submit" class="primary" name="action" value="save">{t!(i18n, elections.candidacy_photo_save)}</button>
                        {has_photo.then(|| view! {
                            <button type="submit" name="action" value="remove">{t!(i18n, elections.candidacy_photo_remove)}</button>
                        })}
                    </div>
                </form>
            })}
        </section>
    }
}

#[component]
fn CandidacyFormView(page: ElectionPage, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let (org, election) = (page.organization.clone(), page.slug.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = form_ref.get() else { return };
        let data = read_form(&form);
        let (org, election) = (org.clone(), election.clone());
        busy.set(true);
        errors.set(None);
        spawn_local(async move {
            match file_candidacy(org, election, data).await {
                Ok(()) => reload.run(()),
                Err(e) => errors.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let current = i18n.get_locale_untracked();
    let label = |key: fn(leptos_i18n::I18nContext<crate::i18n::Locale>) -> String| {
        Signal::derive(move || key(i18n))
    };
    view! {
        <p class="lead">{t!(i18n, elections.candidacy_intro)}</p>
        <p class="notice">{t!(i18n, elections.candidacy_from_registration)}</p>
        <noscript><p class="error">{t!(i18n, common.needs_javascript)}</p></noscript>
        <form node_ref=form_ref on:submit=on_submit novalidate>
            <Field name="segment" label=label(|i| t_string!(i, elections.candidacy_segment).to_string()) errors>
                <select id="segment" name="segment" required aria-describedby="segment-error">
                    <option value="">{t!(i18n, common.choose_option)}</option>
                    {page.segments.iter().map(|s| {
                        let kind = match s.kind {
                            CandidateKind::Individual => t_string!(i18n, elections.election_kind_individual),
                            CandidateKind::Organization => t_string!(i18n, elections.election_kind_organization),
                        };
                        view! { <option value=s.id.clone()>{format!("{} ({kind})", s.label)}</option> }
                    }).collect_view()}
                </select>
            </Field>
            <Field name="name" label=label(|i| t_string!(i, elections.candidacy_name).to_string())
                hint=label(|i| t_string!(i, elections.candidacy_name_hint).to_string()) errors>
                <input id="name" name="name" type="text" maxlength="120" aria-describedby="name-hint name-error" />
            </Field>
            <Field name="date" label=label(|i| t_string!(i, elections.candidacy_date).to_string())
                hint=label(|i| t_string!(i, elections.candidacy_date_hint).to_string()) errors>
                <input id="date" name="date" type="date" aria-describedby="date-hint date-error" />
            </Field>
            <Field name="platform" label=label(|i| t_string!(i, elections.candidacy_platform).to_string())
                hint=label(|i| t_string!(i, elections.candidacy_platform_hint).to_string()) errors>
                <select id="platform_lang_1" name="platform_lang_1" aria-label=move || t_string!(i18n, elections.candidacy_platform_language)>
                    {SWITCHER_ORDER.into_iter().map(|l| view! { <option value=l.as_str() lang=l.as_str() selected=l == current>{autonym(l)}</option> }).collect_view()}
                </select>
                <textarea id="platform" name="platform_1" rows="8" maxlength="4000" aria-describedby="platform-hint platform-error"></textarea>
                <details>
                    <summary>{t!(i18n, elections.candidacy_platform_second)}</summary>
                    <select id="platform_lang_2" name="platform_lang_2" aria-label=move || t_string!(i18n, elections.candidacy_platform_language)>
                        {SWITCHER_ORDER.into_iter().map(|l| view! { <option value=l.as_str() lang=l.as_str()>{autonym(l)}</option> }).collect_view()}
                    </select>
                    <textarea id="platform_2" name="platform_2" rows="8" maxlength="4000" aria-label=move || t_string!(i18n, elections.candidacy_platform_second)></textarea>
                </details>
            </Field>
            <FormError errors />
            <button type="submit" class="primary" disabled=move || busy.get()>{t!(i18n, elections.candidacy_submit)}</button>
        </form>
    }
}

fn read_form(form: &leptos::web_sys::HtmlFormElement) -> CandidacyForm {
    let Ok(data) = leptos::web_sys::FormData::new_with_form(form) else {
        return CandidacyForm::default();
    };
    let text = |name: &str| data.get(name).as_string().unwrap_or_default();
    let platform = [
        ("platform_lang_1", "platform_1"),
        ("platform_lang_2", "platform_2"),
    ]
    .into_iter()
    .map(|(lang, body)| (text(lang), text(body)))
    .filter(|(_, body)| !body.trim().is_empty())
    .collect();
    CandidacyForm {
        segment: text("segment"),
        name: text("name"),
        date: text("date"),
        platform,
    }
}

/// After the result, an elected organization may name a new representative.
#[component]
fn Representative(page: ElectionPage, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = RwSignal::new(None::<AppError>);
    let name = RwSignal::new(String::new());
    let (org, election) = (page.organization.clone(), page.slug.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (org, election) = (org.clone(), election.clone());
        spawn_local(async move {
            match change_representative(org, election, name.get_untracked()).await {
                Ok(()) => reload.run(()),
                Err(e) => errors.set(Some(e)),
            }
        });
    };
    view! {
        <form class="representative-form" on:submit=submit novalidate>
            <Field name="new_representative" label=Signal::derive(move || t_string!(i18n, elections.candidacy_new_representative).to_string()) errors>
                <input id="new_representative" type="text" maxlength="80" aria-describedby="new_representative-error"
                    on:input=move |ev| name.set(event_target_value(&ev)) />
            </Field>
            <FormError errors />
            <button type="submit">{t!(i18n, elections.candidacy_new_representative_submit)}</button>
        </form>
    }
}
