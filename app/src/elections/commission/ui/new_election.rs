//! Creating an election: its segments laid out from the CMI template (or from nothing),
//! seats, parity, channels and stations.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::elections::commission::api::{CreateElection, take_election_draft};
use crate::elections::election::rules::ElectionForm;
use crate::elections::election::segments::{MOST_SEGMENTS, ROWS, RowFields, SegmentForm};
use crate::elections::election::settings::cmi_segments;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{SWITCHER_ORDER, autonym, direction};
use crate::ui::kit::{
    ErrorSummary, Field, FieldError, FormError, FormFields, Loaded, problem, query_errors,
};

/// A new election: segments (the CMI's three to start from, or none with `?layout=empty`),
/// seats, parity, channels and stations. A plain form: the server goes on to the new
/// election's commission page, or comes back here with each problem under its field and
/// what was typed filled in again.
#[component]
pub fn NewElectionPage() -> impl IntoView {
    let i18n = use_i18n();
    let org = use_params_map().with_untracked(|p| p.get("org").unwrap_or_default());
    let errors = query_errors();
    let refused = errors.with_untracked(Option::is_some);
    let empty_layout = leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get_str("layout") == Some("empty"));
    let template_link = if empty_layout { "?" } else { "?layout=empty" };
    // Always taken (so it never outlives its page), shown only after a refusal.
    let draft = Resource::new(
        {
            let org = org.clone();
            move || org.clone()
        },
        move |org| async move {
            let draft = take_election_draft(org).await?;
            Ok::<_, AppError>(draft.filter(|_| refused))
        },
    );
    view! {
        <Title text=t_string!(i18n, elections.configure_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, elections.configure_title)}</h1>
            <p class="hint">{t!(i18n, elections.configure_intro)}</p>
            <p><a href=template_link>{if empty_layout { t!(i18n, elections.configure_layout_cmi).into_any() } else { t!(i18n, elections.configure_layout_empty).into_any() }}</a></p>
            <Loaded resource=draft show=move |draft| view! {
                <ElectionFormView organization=org.clone() draft=draft.unwrap_or_else(|| defaults(empty_layout)) errors />
            } />
        </article>
    }
}

/// What the form offers before anything is typed: the CMI's segments (3, 2 and 3 seats,
/// as many alternates), or none.
fn defaults(empty_layout: bool) -> ElectionForm {
    let segments = if empty_layout {
        Vec::new()
    } else {
        cmi_segments()
            .iter()
            .zip([3, 2, 3])
            .map(|(segment, seats)| SegmentForm::of(segment, seats, seats))
            .collect()
    };
    ElectionForm {
        segments,
        max_choices: "1".into(),
        extra_seats: "0".into(),
        parity_percent: "50".into(),
        parity_scope: "election".into(),
        min_voter_age: "16".into(),
        opens: "08:00".into(),
        closes: "17:00".into(),
        receipts: "separate".into(),
        min_group_size: "10".into(),
        ..ElectionForm::default()
    }
}

/// The form's fields are `form[<name>]` (the server function's `form` argument); each
/// control keeps the plain `<name>` as its id, the name the server's problems use.
#[component]
fn ElectionFormView(
    organization: String,
    draft: ElectionForm,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let fields = FormFields::provide();
    let label = |key: fn(leptos_i18n::I18nContext<crate::i18n::Locale>) -> String| {
        Signal::derive(move || key(i18n))
    };
    // The rows typed (or from the template) and two empty ones to add segments with.
    let mut rows = draft.segments.clone();
    let shown = (rows.len() + 2).clamp(3, MOST_SEGMENTS);
    rows.resize(shown.max(rows.len()), SegmentForm::default());
    rows.truncate(MOST_SEGMENTS);
    let option = |value: &'static str, chosen: &str| (value, value == chosen);
    let scopes = [
        option("election", &draft.parity_scope),
        option("segment", &draft.parity_scope),
    ];
    let receipts = [
        option("separate", &draft.receipts),
        option("paired", &draft.receipts),
    ];
    view! {
        <form method="post" action=CreateElection::PATH novalidate>
            <ErrorSummary errors fields />
            <input type="hidden" name="organization" value=organization />
            <input type="hidden" name="locale" value=i18n.get_locale_untracked().as_str() />
            <Field name="title" label=label(|i| t_string!(i, elections.configure_name).to_string()) errors>
                <input id="title" name="form[title]" type="text" maxlength="120" required aria-describedby="title-error" value=draft.title />
            </Field>
            <Field name="slug" label=label(|i| t_string!(i, elections.configure_slug).to_string()) errors>
                <input id="slug" name="form[slug]" type="text" maxlength="40" required dir="ltr" aria-describedby="slug-error" value=draft.slug />
            </Field>
            <h2>{t!(i18n, elections.configure_segments)}</h2>
            <p class="hint">{t!(i18n, elections.configure_segments_hint)}</p>
            <FieldError errors name="segments" />
            {rows.into_iter().zip(ROWS).enumerate().map(|(index, (row, fields))| view! {
                <SegmentRow index row fields errors />
            }).collect_view()}
            <h2>{t!(i18n, elections.configure_rules)}</h2>
            <Field name="max_choices" label=label(|i| t_string!(i, elections.configure_max_choices).to_string()) errors>
                <input id="max_choices" name="form[max_choices]" type="number" min="1" max="50" value=draft.max_choices aria-describedby="max_choices-error" />
            </Field>
            <Field name="extra_seats" label=label(|i| t_string!(i, elections.configure_extra_seats).to_string()) errors>
                <input id="extra_seats" name="form[extra_seats]" type="number" min="0" max="50" value=draft.extra_seats aria-describedby="extra_seats-error" />
            </Field>
            <Field name="parity_percent" label=label(|i| t_string!(i, elections.configure_parity_percent).to_string()) errors>
                <input id="parity_percent" name="form[parity_percent]" type="number" min="0" max="100" value=draft.parity_percent aria-describedby="parity_percent-error" />
            </Field>
            <Field name="parity_scope" label=label(|i| t_string!(i, elections.configure_parity_scope).to_string()) errors>
                <select id="parity_scope" name="form[parity_scope]" aria-describedby="parity_scope-error">
                    <option value=scopes[0].0 selected=scopes[0].1>{t!(i18n, elections.configure_scope_election)}</option>
                    <option value=scopes[1].0 selected=scopes[1].1>{t!(i18n, elections.configure_scope_segment)}</option>
                </select>
            </Field>
            <Field name="min_voter_age" label=label(|i| t_string!(i, elections.configure_min_voter_age).to_string()) errors>
                <input id="min_voter_age" name="form[min_voter_age]" type="number" min="0" max="120" value=draft.min_voter_age aria-describedby="min_voter_age-error" />
            </Field>
            <Field name="online_from" label=label(|i| t_string!(i, elections.configure_online).to_string()) errors>
                <input id="online_from" name="form[online_from]" type="date" value=draft.online_from aria-describedby="online_from-error" />
            </Field>
            <Field name="online_to" label=Signal::derive(|| "↳".to_string()) errors>
                <input id="online_to" name="form[online_to]" type="date" value=draft.online_to aria-describedby="online_to-error" />
            </Field>
            <Field name="in_person_date" label=label(|i| t_string!(i, elections.configure_in_person).to_string()) errors>
                <input id="in_person_date" name="form[in_person_date]" type="date" value=draft.in_person_date aria-describedby="in_person_date-error" />
            </Field>
            <Field name="opens" label=Signal::derive(|| "↳ 08:00".to_string()) errors>
                <input id="opens" name="form[opens]" type="time" value=draft.opens aria-describedby="opens-error" />
            </Field>
            <Field name="closes" label=Signal::derive(|| "↳ 17:00".to_string()) errors>
                <input id="closes" name="form[closes]" type="time" value=draft.closes aria-describedby="closes-error" />
            </Field>
            <Field name="stations" label=label(|i| t_string!(i, elections.configure_stations).to_string()) errors>
                <textarea id="stations" name="form[stations]" rows="5" aria-describedby="stations-error">{draft.stations}</textarea>
            </Field>
            <Field name="receipts" label=label(|i| t_string!(i, elections.configure_receipts).to_string()) errors>
                <select id="receipts" name="form[receipts]" aria-describedby="receipts-error">
                    <option value=receipts[0].0 selected=receipts[0].1>{t!(i18n, elections.configure_receipts_separate)}</option>
                    <option value=receipts[1].0 selected=receipts[1].1>{t!(i18n, elections.configure_receipts_paired)}</option>
                </select>
            </Field>
            <Field name="min_group_size" label=label(|i| t_string!(i, elections.configure_min_group_size).to_string()) errors>
                <input id="min_group_size" name="form[min_group_size]" type="number" min="1" max="1000" value=draft.min_group_size aria-describedby="min_group_size-error" />
            </Field>
            <FormError errors />
            <button type="submit" class="primary">{t!(i18n, elections.configure_submit)}</button>
        </form>
    }
}

/// One segment: code, who stands, seats, alternates, minimum age, and its name in the
/// page's language, the other languages one tap away (open when one is given or wrong).
#[component]
fn SegmentRow(
    index: usize,
    row: SegmentForm,
    fields: RowFields,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked();
    let name = move |part: &str| format!("form[segments][{index}][{part}]");
    let name_in_form = move |lang: &str| format!("form[segments][{index}][names][{lang}]");
    let label = |key: fn(leptos_i18n::I18nContext<crate::i18n::Locale>) -> String| {
        Signal::derive(move || key(i18n))
    };
    // In the error summary each field says which segment it belongs to.
    let in_row = |key: fn(leptos_i18n::I18nContext<crate::i18n::Locale>) -> String| {
        Signal::derive(move || {
            format!(
                "{} — {}",
                t_string!(i18n, elections.configure_segment_n, n = index + 1),
                key(i18n)
            )
        })
    };
    let kind = row.kind.clone();
    let others_open = SWITCHER_ORDER
        .iter()
        .any(|l| *l != reader && row.names.get(l.as_str()).is_some_and(|n| !n.is_empty()))
        || problem(errors, fields.names).is_some();
    let name_in =
        |locale: crate::i18n::Locale| row.names.get(locale.as_str()).cloned().unwrap_or_default();
    let own_name = name_in(reader);
    let other_names: Vec<(crate::i18n::Locale, String)> = SWITCHER_ORDER
        .into_iter()
        .filter(|l| *l != reader)
        .map(|l| (l, name_in(l)))
        .collect();
    view! {
        <fieldset class="segment-row">
            <legend>{t_string!(i18n, elections.configure_segment_n, n = index + 1).to_string()}</legend>
            <Field name=fields.names label=Signal::derive(move || t_string!(i18n, elections.configure_segment_name, language = autonym(reader)).to_string())
                summary=in_row(move |i| t_string!(i, elections.configure_segment_name, language = autonym(i.get_locale_untracked())).to_string()) errors>
                <input id=fields.names name=name_in_form(reader.as_str()) type="text" maxlength="120"
                    lang=reader.as_str() dir=direction(reader) value=own_name aria-describedby=format!("{}-error", fields.names) />
            </Field>
            <details class="other-names" open=others_open>
                <summary>{t!(i18n, elections.configure_segment_other_names)}</summary>
                {other_names.into_iter().map(|(locale, value)| {
                    let id = format!("segment-{index}-name-{}", locale.as_str());
                    view! {
                        <div class="field">
                            <label for=id.clone()>{autonym(locale)}</label>
                            <input id=id name=name_in_form(locale.as_str()) type="text" maxlength="120"
                                lang=locale.as_str() dir=direction(locale) value=value />
                        </div>
                    }
                }).collect_view()}
            </details>
            <div class="segment-numbers">
                <Field name=fields.code label=label(|i| t_string!(i, elections.configure_segment_code).to_string()) summary=in_row(|i| t_string!(i, elections.configure_segment_code).to_string()) errors>
                    <input id=fields.code name=name("code") type="text" maxlength="8" dir="ltr" autocapitalize="characters" value=row.code.clone() aria-describedby=format!("{}-error", fields.code) />
                </Field>
                <Field name=fields.seats label=label(|i| t_string!(i, elections.configure_segment_seats).to_string()) summary=in_row(|i| t_string!(i, elections.configure_segment_seats).to_string()) errors>
                    <input id=fields.seats name=name("seats") type="number" min="0" max="50" value=row.seats.clone() aria-describedby=format!("{}-error", fields.seats) />
                </Field>
                <Field name=fields.alternates label=label(|i| t_string!(i, elections.configure_segment_alternates).to_string()) summary=in_row(|i| t_string!(i, elections.configure_segment_alternates).to_string()) errors>
                    <input id=fields.alternates name=name("alternates") type="number" min="0" max="50" value=row.alternates.clone() aria-describedby=format!("{}-error", fields.alternates) />
                </Field>
                <Field name=fields.min_age label=label(|i| t_string!(i, elections.configure_segment_min_age).to_string()) summary=in_row(|i| t_string!(i, elections.configure_segment_min_age).to_string()) errors>
                    <input id=fields.min_age name=name("min_age") type="number" min="14" max="99" value=if row.min_age.is_empty() { "18".to_owned() } else { row.min_age.clone() } aria-describedby=format!("{}-error", fields.min_age) />
                </Field>
            </div>
            <Field name=fields.kind label=label(|i| t_string!(i, elections.configure_segment_kind).to_string()) summary=in_row(|i| t_string!(i, elections.configure_segment_kind).to_string()) errors>
                <select id=fields.kind name=name("kind") aria-describedby=format!("{}-error", fields.kind)>
                    <option value="individual" selected=kind != "organization">{t!(i18n, elections.configure_kind_individual)}</option>
                    <option value="organization" selected=kind == "organization">{t!(i18n, elections.configure_kind_organization)}</option>
                </select>
            </Field>
        </fieldset>
    }
}
