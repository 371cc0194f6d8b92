//! Standing as a candidate: the form while candidacies are open, then the candidacy's
//! status, the commission's reason and, in the appeal window, the appeal.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::elections::calendar::rules::Phase;
use crate::elections::candidacy::api::{
    AppealCandidacy, ChangeRepresentative, FileCandidacy, take_candidacy_draft,
};
use crate::elections::candidacy::{CandidacyForm, CandidacyStatus, CandidateKind};
use crate::elections::election::api::{ElectionPage, MyCandidacy, load_election};
use crate::elections::photo::http::CandidacyPhoto;
use crate::elections::photo::ui::CandidatePhoto;
use crate::elections::ui::labels;
use crate::elections::ui::{election_path, route_keys};
use crate::error::{AppError, ErrorCode, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{SWITCHER_ORDER, autonym, localized_path};
use crate::ui::kit::{
    ErrorSummary, Fact, Facts, Field, FormError, FormFields, Loaded, query_errors,
};

#[component]
pub fn CandidacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let data = Resource::new(
        move || (keys(), i18n.get_locale().as_str().to_owned()),
        |((org, election), locale)| async move {
            let page = load_election(org.clone(), election.clone(), locale).await?;
            // A refused form comes back filled in, once; only a signed-in filer has one.
            let draft = match page.me {
                Some(_) => take_candidacy_draft(org, election).await?,
                None => None,
            };
            Ok::<_, AppError>((page, draft))
        },
    );
    view! {
        <Title text=t_string!(i18n, elections.candidacy_title).to_string() />
        <Loaded resource=data show=move |(page, draft)| view! { <Candidacy page draft /> } />
    }
}

#[component]
fn Candidacy(page: ElectionPage, draft: Option<CandidacyForm>) -> impl IntoView {
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
        Some(mine) => view! { {heading} <MyCandidacyView page mine /> }.into_any(),
        None if page.phase == Phase::CandidacyRegistration => {
            view! { {heading} <CandidacyFormView page draft=draft.unwrap_or_default() /> }
                .into_any()
        }
        None => view! { {heading} <ErrorMessage code=ErrorCode::WrongPhase /> }.into_any(),
    }
}

#[component]
fn MyCandidacyView(page: ElectionPage, mine: MyCandidacy) -> impl IntoView {
    let i18n = use_i18n();
    let can_appeal = page.phase == Phase::Appeals && mine.status == CandidacyStatus::Rejected;
    let errors = query_errors();
    let (org, election) = (page.organization.clone(), page.slug.clone());
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
            <Representative page=page.clone() />
        })}
        {can_appeal.then(|| view! {
            <form method="post" action=AppealCandidacy::url() novalidate>
                <input type="hidden" name="organization" value=org.clone() />
                <input type="hidden" name="election" value=election.clone() />
                <Field name="appeal" label=Signal::derive(move || t_string!(i18n, elections.candidacy_appeal_label).to_string()) errors>
                    <textarea id="appeal" name="text" rows="6" maxlength="2000" required aria-describedby="appeal-error"></textarea>
                </Field>
                <FormError errors />
                <button type="submit" class="primary">{t!(i18n, elections.candidacy_appeal_submit)}</button>
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
fn CandidacyFormView(page: ElectionPage, draft: CandidacyForm) -> impl IntoView {
    let i18n = use_i18n();
    let errors = query_errors();
    let fields = FormFields::provide();
    // The platform typed last time, in up to two languages.
    let mut platforms = draft.platform.into_iter();
    let (first, second) = (platforms.next(), platforms.next());
    let current = i18n.get_locale_untracked().as_str().to_owned();
    let first_lang = first.as_ref().map_or(current, |(l, _)| l.clone());
    let first_text = first.map(|(_, t)| t).unwrap_or_default();
    let second_open = second.is_some();
    let second_lang = second.as_ref().map(|(l, _)| l.clone()).unwrap_or_default();
    let second_text = second.map(|(_, t)| t).unwrap_or_default();
    let label = |key: fn(leptos_i18n::I18nContext<crate::i18n::Locale>) -> String| {
        Signal::derive(move || key(i18n))
    };
    view! {
        <p class="lead">{t!(i18n, elections.candidacy_intro)}</p>
        <p class="notice">{t!(i18n, elections.candidacy_from_registration)}</p>
        <form method="post" action=FileCandidacy::url() novalidate>
            <ErrorSummary errors fields />
            <input type="hidden" name="organization" value=page.organization.clone() />
            <input type="hidden" name="election" value=page.slug.clone() />
            <Field name="segment" label=label(|i| t_string!(i, elections.candidacy_segment).to_string()) errors>
                <select id="segment" name="form[segment]" required aria-describedby="segment-error">
                    <option value="">{t!(i18n, common.choose_option)}</option>
                    {page.segments.iter().map(|s| {
                        let kind = match s.kind {
                            CandidateKind::Individual => t_string!(i18n, elections.election_kind_individual),
                            CandidateKind::Organization => t_string!(i18n, elections.election_kind_organization),
                        };
                        view! { <option value=s.id.clone() selected=s.id == draft.segment>{format!("{} ({kind})", s.label)}</option> }
                    }).collect_view()}
                </select>
            </Field>
            <Field name="name" label=label(|i| t_string!(i, elections.candidacy_name).to_string())
                hint=label(|i| t_string!(i, elections.candidacy_name_hint).to_string()) errors>
                <input id="name" name="form[name]" type="text" maxlength="120" aria-describedby="name-hint name-error" value=draft.name />
            </Field>
            <Field name="date" label=label(|i| t_string!(i, elections.candidacy_date).to_string())
                hint=label(|i| t_string!(i, elections.candidacy_date_hint).to_string()) errors>
                <input id="date" name="form[date]" type="date" aria-describedby="date-hint date-error" value=draft.date />
            </Field>
            <Field name="platform" label=label(|i| t_string!(i, elections.candidacy_platform).to_string())
                hint=label(|i| t_string!(i, elections.candidacy_platform_hint).to_string()) errors>
                <select id="platform_lang_1" name="form[platform][0][0]" aria-label=move || t_string!(i18n, elections.candidacy_platform_language)>
                    {SWITCHER_ORDER.into_iter().map(|l| view! { <option value=l.as_str() lang=l.as_str() selected=l.as_str() == first_lang>{autonym(l)}</option> }).collect_view()}
                </select>
                <textarea id="platform" name="form[platform][0][1]" rows="8" maxlength="4000" aria-describedby="platform-hint platform-error">{first_text}</textarea>
                <details open=second_open>
                    <summary>{t!(i18n, elections.candidacy_platform_second)}</summary>
                    <select id="platform_lang_2" name="form[platform][1][0]" aria-label=move || t_string!(i18n, elections.candidacy_platform_language)>
                        {SWITCHER_ORDER.into_iter().map(|l| view! { <option value=l.as_str() lang=l.as_str() selected=l.as_str() == second_lang>{autonym(l)}</option> }).collect_view()}
                    </select>
                    <textarea id="platform_2" name="form[platform][1][1]" rows="8" maxlength="4000" aria-label=move || t_string!(i18n, elections.candidacy_platform_second)>{second_text}</textarea>
                </details>
            </Field>
            <FormError errors />
            <button type="submit" class="primary">{t!(i18n, elections.candidacy_submit)}</button>
        </form>
    }
}

/// After the result, an elected organization may name a new representative.
#[component]
fn Representative(page: ElectionPage) -> impl IntoView {
    let i18n = use_i18n();
    let errors = query_errors();
    view! {
        <form class="representative-form" method="post" action=ChangeRepresentative::url() novalidate>
            <input type="hidden" name="organization" value=page.organization.clone() />
            <input type="hidden" name="election" value=page.slug.clone() />
            <Field name="new_representative" label=Signal::derive(move || t_string!(i18n, elections.candidacy_new_representative).to_string()) errors>
                <input id="new_representative" name="representative" type="text" maxlength="80" aria-describedby="new_representative-error" />
            </Field>
            <FormError errors />
            <button type="submit">{t!(i18n, elections.candidacy_new_representative_submit)}</button>
        </form>
    }
}
