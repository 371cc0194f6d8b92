//! `/<lang>/staff/<org>/calls/new`: the new-call form, one plain form (no script): texts,
//! eligibility, categories, the rubric and the documents per applicant type, in rows left
//! empty when not needed. A refused form comes back as typed, with a summary at its top
//! linking to each problem and the problem under each box.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;

use crate::calls::call::rules::ApplicantType;
use crate::calls::labels::applicant_type;
use crate::calls::setup::api::{CreateCall, NewCallPage, load_new_call};
use crate::calls::setup::rules::{
    CATEGORY_ROWS, CRITERION_ROWS, CallForm, CategoryForm, CriterionForm, DOCUMENT_ROWS,
    DocumentForm, NAME_MAX, TITLE_MAX, TieOrder,
};
use crate::error::{AppError, problem_text};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Loaded, problem, query_errors, route_param};

#[component]
pub fn NewCallPageView() -> impl IntoView {
    let org = route_param("org");
    let page = Resource::new(org, load_new_call);
    view! { <Loaded resource=page show=|page| view! { <NewCall page /> } /> }
}

/// A box of the form: its label, an optional hint, the control, its problem. `field` is
/// the name the server reports problems under (`categories.1.awards`); the control's id is
/// the same with dashes (an id a link can point at).
#[component]
fn Cell(
    field: String,
    label: String,
    #[prop(optional)] hint: Option<String>,
    errors: RwSignal<Option<AppError>>,
    children: Children,
) -> impl IntoView {
    let id = field.replace('.', "-");
    let wrong = {
        let field = field.clone();
        move || problem(errors, &field).is_some()
    };
    view! {
        <div class="field" class:invalid=wrong>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            {children()}
            <p class="field-error" id=format!("{id}-error") role="alert">{move || problem(errors, &field)}</p>
        </div>
    }
}

/// The form's name of `field`: `categories.1.awards` → `form[categories][1][awards]`, as
/// the form decoder reads nested fields.
fn input_name(field: &str) -> String {
    field
        .split('.')
        .fold(String::from("form"), |name, part| format!("{name}[{part}]"))
}

/// The id and `aria-describedby` of the control of `field`.
fn ids(field: &str, hint: bool) -> (String, String) {
    let id = field.replace('.', "-");
    let described = if hint {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-error")
    };
    (id, described)
}

fn text_cell(
    field: String,
    label: String,
    value: String,
    max: u16,
    lang: String,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let (id, described) = ids(&field, false);
    let name = input_name(&field);
    view! {
        <Cell field label errors>
            <input id=id name=name type="text" maxlength=max dir="auto" lang=lang value=value aria-describedby=described />
        </Cell>
    }
}

fn number_cell(
    field: String,
    label: String,
    hint: Option<String>,
    value: String,
    errors: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let (id, described) = ids(&field, hint.is_some());
    let name = input_name(&field);
    view! {
        <Cell field label hint=hint.unwrap_or_default() errors>
            <input id=id name=name type="text" inputmode="numeric" dir="ltr" value=value aria-describedby=described />
        </Cell>
    }
}

#[component]
fn NewCall(page: NewCallPage) -> impl IntoView {
    let i18n = use_i18n();
    let errors = query_errors();
    let title = t_string!(i18n, calls.setup_title).to_string();
    let mut form: CallForm = page.form.clone();
    form.categories.resize(
        CATEGORY_ROWS.max(form.categories.len()),
        CategoryForm::default(),
    );
    form.criteria.resize(
        CRITERION_ROWS.max(form.criteria.len()),
        CriterionForm::default(),
    );
    form.documents.resize(
        DOCUMENT_ROWS.max(form.documents.len()),
        DocumentForm::default(),
    );
    let lang = page.language.clone();
    let text = move |field: String, label: String, value: String, max: u16| {
        text_cell(field, label, value, max, lang.clone(), errors)
    };
    let number = move |field: String, label: String, hint: Option<String>, value: String| {
        number_cell(field, label, hint, value, errors)
    };
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{t!(i18n, calls.setup_lead)}</p>
        <form method="post" action=CreateCall::PATH novalidate class="call-form">
            <Summary errors />
            <input type="hidden" name="organization" value=page.organization.clone() />
            {text("title".into(), t_string!(i18n, calls.setup_call_title).to_string(), form.title.clone(), TITLE_MAX)}
            {
                let (id, described) = ids("slug", true);
                view! {
                    <Cell field="slug".to_owned() label=t_string!(i18n, calls.setup_slug).to_string() hint=t_string!(i18n, calls.setup_slug_hint).to_string() errors>
                        <input id=id name="form[slug]" type="text" maxlength="40" dir="ltr" value=form.slug.clone() aria-describedby=described />
                    </Cell>
                }
            }
            {
                let (id, described) = ids("text", true);
                view! {
                    <Cell field="text".to_owned() label=t_string!(i18n, calls.setup_text).to_string() hint=t_string!(i18n, calls.setup_text_hint).to_string() errors>
                        <textarea id=id name="form[text]" rows="8" dir="auto" lang=page.language.clone() aria-describedby=described>{form.text.clone()}</textarea>
                    </Cell>
                }
            }
            {
                let (id, described) = ids("currency", true);
                view! {
                    <Cell field="currency".to_owned() label=t_string!(i18n, calls.setup_currency).to_string() hint=t_string!(i18n, calls.setup_currency_hint).to_string() errors>
                        <input id=id name="form[currency]" type="text" maxlength="3" dir="ltr" autocapitalize="characters" value=form.currency.clone() aria-describedby=described />
                    </Cell>
                }
            }
            {number("min_migrants".into(), t_string!(i18n, calls.setup_min_migrants).to_string(), Some(t_string!(i18n, calls.setup_min_migrants_hint).to_string()), form.min_migrants.clone())}

            <fieldset>
                <legend>{t!(i18n, calls.categories)}</legend>
                <p class="hint">{t!(i18n, calls.setup_rows_hint)}</p>
                {form.categories.iter().enumerate().map(|(n, row)| {
                    let at = |part: &str| format!("categories.{n}.{part}");
                    view! {
                        <div class="setup-row" role="group" aria-label=t_string!(i18n, calls.setup_category_n, n = n + 1).to_string()>
                            <p><strong>{t_string!(i18n, calls.setup_category_n, n = n + 1).to_string()}</strong></p>
                            {text(at("name"), t_string!(i18n, calls.setup_name).to_string(), row.name.clone(), NAME_MAX)}
                            {number(at("awards"), t_string!(i18n, calls.setup_awards).to_string(), None, row.awards.clone())}
                            {number(at("reserve"), t_string!(i18n, calls.setup_reserve).to_string(), None, row.reserve.clone())}
                            {number(at("incentive"), t_string!(i18n, calls.setup_incentive).to_string(), None, row.incentive.clone())}
                        </div>
                    }
                }).collect_view()}
            </fieldset>

            <fieldset>
                <legend>{t!(i18n, calls.how_scored)}</legend>
                <p class="hint" id="criteria-hint">{t!(i18n, calls.setup_criteria_hint)}</p>
                <p class="field-error" id="criteria" role="alert">{move || problem(errors, "criteria")}</p>
                {form.criteria.iter().enumerate().map(|(n, row)| {
                    let at = |part: &str| format!("criteria.{n}.{part}");
                    view! {
                        <div class="setup-row" role="group" aria-label=t_string!(i18n, calls.setup_criterion_n, n = n + 1).to_string()>
                            <p><strong>{t_string!(i18n, calls.setup_criterion_n, n = n + 1).to_string()}</strong></p>
                            {text(at("name"), t_string!(i18n, calls.setup_name).to_string(), row.name.clone(), NAME_MAX)}
                            {number(at("weight"), t_string!(i18n, calls.setup_weight).to_string(), None, row.weight.clone())}
                        </div>
                    }
                }).collect_view()}
                {number("scale_max".into(), t_string!(i18n, calls.setup_scale).to_string(), None, form.scale_max.clone())}
                {number("public_vote_weight".into(), t_string!(i18n, calls.setup_public_vote).to_string(), Some(t_string!(i18n, calls.setup_public_vote_hint).to_string()), form.public_vote_weight.clone())}
                {number("minimum_score".into(), t_string!(i18n, calls.setup_minimum).to_string(), None, form.minimum_score.clone())}
                <Cell field="tie_break".to_owned() label=t_string!(i18n, calls.setup_tie).to_string() errors>
                    <select id="tie_break" name="form[tie_break]" aria-describedby="tie_break-error">
                        {TieOrder::ALL.into_iter().map(|order| {
                            let label = match order {
                                TieOrder::JuryFirst => t_string!(i18n, calls.setup_tie_jury_first),
                                TieOrder::PublicFirst => t_string!(i18n, calls.setup_tie_public_first),
                                TieOrder::EarlierFirst => t_string!(i18n, calls.setup_tie_earlier_first),
                            };
                            view! { <option value=order.code() selected=form.tie_break == order.code()>{label}</option> }
                        }).collect_view()}
                    </select>
                </Cell>
                <label class="checkbox" for="anonymous_jurors">
                    <input type="checkbox" id="anonymous_jurors" name="form[anonymous_jurors]" checked=form.anonymous_jurors.is_some() />
                    {t!(i18n, calls.setup_anonymous)}
                </label>
            </fieldset>

            <fieldset>
                <legend>{t!(i18n, calls.documents)}</legend>
                <p class="hint">{t!(i18n, calls.setup_documents_hint)}</p>
                {form.documents.iter().enumerate().map(|(n, row)| {
                    let types = format!("documents.{n}.types");
                    let (types_id, _) = ids(&types, false);
                    view! {
                        <div class="setup-row" role="group" aria-label=t_string!(i18n, calls.setup_document_n, n = n + 1).to_string()>
                            <p><strong>{t_string!(i18n, calls.setup_document_n, n = n + 1).to_string()}</strong></p>
                            {text(format!("documents.{n}.name"), t_string!(i18n, calls.setup_name).to_string(), row.name.clone(), NAME_MAX)}
                            <p class="hint" id=types_id.clone()>{t!(i18n, calls.setup_asked_of)}</p>
                            {ApplicantType::ALL.into_iter().map(|kind| {
                                let id = format!("documents-{n}-{}", kind.code());
                                view! {
                                    <label class="checkbox" for=id.clone()>
                                        <input type="checkbox" id=id.clone() name=format!("form[documents][{n}][{}]", kind.code()) checked=row.ticked(kind) />
                                        {applicant_type(i18n, kind)}
                                    </label>
                                }
                            }).collect_view()}
                            <p class="field-error" id=format!("{types_id}-error") role="alert">{let f = types.clone(); move || problem(errors, &f)}</p>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <button type="submit" class="primary">{t!(i18n, calls.setup_submit)}</button>
        </form>
    }
}

/// How the summary names a field: its box's label, with its row for a row's box
/// ("Category 2 — Awards").
fn field_label(i18n: leptos_i18n::I18nContext<crate::i18n::Locale>, field: &str) -> String {
    let part = |name: &str| -> String {
        match name {
            "slug" => t_string!(i18n, calls.setup_slug).to_string(),
            "title" => t_string!(i18n, calls.setup_call_title).to_string(),
            "text" => t_string!(i18n, calls.setup_text).to_string(),
            "currency" => t_string!(i18n, calls.setup_currency).to_string(),
            "min_migrants" => t_string!(i18n, calls.setup_min_migrants).to_string(),
            "scale_max" => t_string!(i18n, calls.setup_scale).to_string(),
            "public_vote_weight" => t_string!(i18n, calls.setup_public_vote).to_string(),
            "minimum_score" => t_string!(i18n, calls.setup_minimum).to_string(),
            "tie_break" => t_string!(i18n, calls.setup_tie).to_string(),
            "criteria" => t_string!(i18n, calls.how_scored).to_string(),
            "name" => t_string!(i18n, calls.setup_name).to_string(),
            "awards" => t_string!(i18n, calls.setup_awards).to_string(),
            "reserve" => t_string!(i18n, calls.setup_reserve).to_string(),
            "incentive" => t_string!(i18n, calls.setup_incentive).to_string(),
            "weight" => t_string!(i18n, calls.setup_weight).to_string(),
            "types" => t_string!(i18n, calls.setup_asked_of).to_string(),
            other => other.to_owned(),
        }
    };
    let mut pieces = field.split('.');
    match (
        pieces.next(),
        pieces.next().and_then(|n| n.parse::<usize>().ok()),
        pieces.next(),
    ) {
        (Some(list), Some(n), Some(name)) => {
            let row = match list {
                "categories" => t_string!(i18n, calls.setup_category_n, n = n + 1).to_string(),
                "criteria" => t_string!(i18n, calls.setup_criterion_n, n = n + 1).to_string(),
                _ => t_string!(i18n, calls.setup_document_n, n = n + 1).to_string(),
            };
            format!("{row} — {}", part(name))
        }
        _ => part(field),
    }
}

/// At the top of a refused form: how many answers need correcting, each a link to its box.
#[component]
fn Summary(errors: RwSignal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let problems = errors.with(|e| e.as_ref().map(|e| e.fields.clone()).unwrap_or_default());
        (!problems.is_empty()).then(|| view! {
            <div class="error-summary" role="alert" tabindex="-1" autofocus=true data-testid="error-summary">
                <p><strong>{t_string!(i18n, common.error_summary_title, count = problems.len()).to_string()}</strong></p>
                <ul>
                    {problems.into_iter().map(|p| view! {
                        <li><a href=format!("#{}", p.field.replace('.', "-"))>{format!("{}: {}", field_label(i18n, &p.field), problem_text(p.problem))}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}
