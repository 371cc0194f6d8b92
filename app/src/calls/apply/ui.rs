//! The applicant's page: sign in to apply; then the application form (a draft saved as
//! often as wanted), each required document's upload form, and the final submission
//! (asked twice). Once sent, the page shows what was sent with its receipt number (and
//! prints as that), the document check's verdict, and — when asked — the fixes to send
//! by their day. Plain forms, no script.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::calls::apply::api::{
    ApplyPage, SaveApplication, SendApplicationFixes, SubmitApplication, UploadApplicationDocument,
    load_apply_page,
};
use crate::calls::apply::rules::{ApplicationForm, MEMBERS_MAX, MemberForm, members_needed};
use crate::calls::apply::types::{Application, Status};
use crate::calls::awards::FINAL_REPORT;
use crate::calls::awards::ui::WinnerFollowUp;
use crate::calls::call::rules::{ApplicantType, Call};
use crate::calls::labels::{applicant_type, size, status};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::text::dates::long_date;
use crate::platform::text::ui::TranslatedText;
use crate::ui::kit::{
    ConfirmForm, FieldError, FormError, Loaded, PrintButton, problem, query_errors, route_param,
};

#[component]
pub fn ApplyPageView() -> impl IntoView {
    let (org, call) = (route_param("org"), route_param("call"));
    let page = Resource::new(move || (org(), call()), |(o, c)| load_apply_page(o, c));
    view! { <Loaded resource=page show=|page| view! { <Apply page /> } /> }
}

fn keys(page: &ApplyPage) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="organization" value=page.organization.clone() />
        <input type="hidden" name="call" value=page.call.slug.clone() />
    }
}

#[component]
fn Apply(page: ApplyPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let errors = query_errors();
    let query = use_query_map();
    let flag = |name: &str| query.with_untracked(|q| q.get(name).is_some());
    let title = page.call.titles.text_or(&reader, &page.call.slug);
    let call_link = localized_path(
        locale,
        &format!("/o/{}/calls/{}", page.organization, page.call.slug),
    );
    let body = match (&page.application, page.signed_in) {
        (_, false) => view! { <SignInFirst page=page.clone() /> }.into_any(),
        (Some(app), true) if app.status != Status::Draft => {
            view! { <Sent page=page.clone() application=app.clone() /> }.into_any()
        }
        (_, true) if page.open => view! { <Writing page=page.clone() /> }.into_any(),
        (_, true) => view! { <p class="notice">{t!(i18n, calls.closed)}</p> }.into_any(),
    };
    view! {
        <Title text=t_string!(i18n, calls.apply_title, call = title.clone()).to_string() />
        <p class="eyebrow no-print"><a href=call_link>{title.clone()}</a></p>
        <h1>{t!(i18n, calls.my_application)}</h1>
        {flag("saved").then(|| view! { <p class="notice" role="status">{t!(i18n, calls.saved)}</p> })}
        {flag("uploaded").then(|| view! { <p class="notice" role="status">{t!(i18n, calls.uploaded)}</p> })}
        {flag("fixed").then(|| view! { <p class="notice" role="status">{t!(i18n, calls.fixes_sent)}</p> })}
        <FormError errors />
        {body}
    }
}

#[component]
fn SignInFirst(page: ApplyPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <p>{t!(i18n, calls.sign_in_to_apply)}</p>
        <p>
            <a class="button primary" href=localized_path(locale, "/sign-in")>{t!(i18n, calls.sign_in)}</a>
            " "
            <a class="button" href=localized_path(locale, &format!("/join/{}", page.organization))>{t!(i18n, calls.join)}</a>
        </p>
    }
}

/// A draft being written: the form, the documents, the submission.
#[component]
fn Writing(page: ApplyPage) -> impl IntoView {
    let i18n = use_i18n();
    let application = page.application.clone();
    view! {
        <p class="hint">{t!(i18n, calls.draft_hint)}</p>
        <DraftForm page=page.clone() />
        {application.map(|app| view! {
            <Documents page=page.clone() application=app.clone() />
            <h2 id="submit">{t!(i18n, calls.submit_heading)}</h2>
            <p>{t!(i18n, calls.submit_final)}</p>
            <ConfirmForm
                label=t_string!(i18n, calls.submit).to_string()
                question=t_string!(i18n, calls.submit_question).to_string()
                yes=t_string!(i18n, calls.submit_yes).to_string()
                action=SubmitApplication::PATH
            >
                {keys(&page)}
            </ConfirmForm>
        })}
    }
}

#[component]
fn DraftForm(page: ApplyPage) -> impl IntoView {
    let i18n = use_i18n();
    let reader = i18n.get_locale_untracked().as_str().to_owned();
    let errors = query_errors();
    let form = page.form.clone();
    let kind = ApplicantType::from_code(&form.applicant_type);
    let text = |name: &'static str, label: String, value: String, max: u16| {
        let id = format!("form-{name}");
        view! {
            <label for=id.clone()>{label}</label>
            <input id=id.clone() name=format!("form[{name}]") type="text" maxlength=max dir="auto" value=value aria-describedby=format!("{name}-error") />
            <FieldError errors name />
        }
    };
    view! {
        <form method="post" action=SaveApplication::PATH class="application-form" novalidate>
            {keys(&page)}
            <label for="form-category">{t!(i18n, calls.category)}</label>
            <select id="form-category" name="form[category]" aria-describedby="category-error">
                <option value="">{t!(i18n, calls.choose)}</option>
                {page.call.categories.iter().map(|c| view! {
                    <option value=c.code.clone() selected=form.category == c.code>{c.names.text_or(&reader, &c.code)}</option>
                }).collect_view()}
            </select>
            <FieldError errors name="category" />
            <fieldset aria-describedby="applicant_type-error">
                <legend>{t!(i18n, calls.who_applies)}</legend>
                {ApplicantType::ALL.into_iter().map(|k| {
                    let id = format!("type-{}", k.code());
                    let input_id = id.clone();
                    view! {
                        <label class="radio" for=id>
                            <input type="radio" id=input_id name="form[applicant_type]" value=k.code() checked=kind == Some(k) />
                            {applicant_type(i18n, k)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <FieldError errors name="applicant_type" />
            {text("title", t_string!(i18n, calls.project_title).to_string(), form.title.clone(), 120)}
            <label for="form-summary">{t!(i18n, calls.summary)}</label>
            <textarea id="form-summary" name="form[summary]" rows="6" maxlength="3000" dir="auto" aria-describedby="summary-error">{form.summary.clone()}</textarea>
            <FieldError errors name="summary" />
            {matches!(kind, Some(ApplicantType::Organization | ApplicantType::RegisteredOrganization)).then(|| {
                text("organization_name", t_string!(i18n, calls.organization_name).to_string(), form.organization_name.clone(), 120)
            })}
            {(kind == Some(ApplicantType::RegisteredOrganization)).then(|| {
                text("legal_id", t_string!(i18n, calls.legal_id).to_string(), form.legal_id.clone(), 40)
            })}
            <Members form=form.clone() kind page=page.clone() />
            <label for="form-email">{t!(i18n, calls.email)}</label>
            <p class="hint">{t!(i18n, calls.email_hint)}</p>
            <input id="form-email" name="form[email]" type="email" maxlength="254" dir="ltr" value=form.email.clone() aria-describedby="email-error" />
            <FieldError errors name="email" />
            <button type="submit">{t!(i18n, calls.save_draft)}</button>
        </form>
    }
}

/// The people rows: as many as the type needs, plus two empty ones to add more (a saved
/// draft shows two more again).
#[component]
fn Members(form: ApplicationForm, kind: Option<ApplicantType>, page: ApplyPage) -> impl IntoView {
    let i18n = use_i18n();
    let errors = query_errors();
    // Before a type is chosen: rows enough for any type (a group needs three).
    let (min, max) = kind.map_or((3, MEMBERS_MAX), members_needed);
    let rows = (form.members.len() + 2).max(min).min(max);
    let hint = match kind {
        Some(ApplicantType::Individual) => t_string!(i18n, calls.members_individual).to_string(),
        Some(ApplicantType::Group) => t_string!(i18n, calls.members_group).to_string(),
        Some(_) => t_string!(i18n, calls.members_organization).to_string(),
        None => t_string!(i18n, calls.members_choose_type).to_string(),
    };
    let migrants = page.call.min_migrant_members;
    view! {
        <fieldset class="members" aria-describedby="members-error">
            <legend>{t!(i18n, calls.people)}</legend>
            <p class="hint">{hint}</p>
            {(migrants > 0).then(|| view! { <p class="hint">{t_string!(i18n, calls.eligibility_migrants, n = migrants).to_string()}</p> })}
            {(0..rows).map(|n| {
                let row = form.members.get(n).cloned().unwrap_or_default();
                view! { <MemberRow n row kind errors /> }
            }).collect_view()}
        </fieldset>
        <FieldError errors name="members" />
    }
}

#[component]
fn MemberRow(
    n: usize,
    row: MemberForm,
    kind: Option<ApplicantType>,
    errors: RwSignal<Option<crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let role = match (n, kind) {
        (0, Some(ApplicantType::Individual)) => t_string!(i18n, calls.role_applicant).to_string(),
        (1, Some(ApplicantType::Individual)) => t_string!(i18n, calls.role_alternate).to_string(),
        (0, Some(ApplicantType::Group)) => t_string!(i18n, calls.role_leader).to_string(),
        (0, _) => t_string!(i18n, calls.role_representative).to_string(),
        _ => t_string!(i18n, calls.role_member, n = n + 1).to_string(),
    };
    let field = |part: &str| format!("members.{n}.{part}");
    let (name_id, document_id) = (field("name"), field("document"));
    let group_label = role.clone();
    view! {
        <div class="member-row" role="group" aria-label=group_label>
            <p class="member-role"><strong>{role}</strong></p>
            <label for=name_id.clone()>{t!(i18n, calls.member_name)}</label>
            <input id=name_id.clone() name=format!("form[members][{n}][name]") type="text" maxlength="120" dir="auto" value=row.name.clone() aria-describedby=format!("{name_id}-error") />
            <p class="field-error" id=format!("{name_id}-error") role="alert">{let f = name_id.clone(); move || problem(errors, &f)}</p>
            <label for=document_id.clone()>{t!(i18n, calls.member_document)}</label>
            <input id=document_id.clone() name=format!("form[members][{n}][document]") type="text" maxlength="40" dir="auto" value=row.document.clone() aria-describedby=format!("{document_id}-error") />
            <p class="field-error" id=format!("{document_id}-error") role="alert">{let f = document_id.clone(); move || problem(errors, &f)}</p>
            <label class="checkbox" for=format!("members-{n}-migrant")>
                <input type="checkbox" id=format!("members-{n}-migrant") name=format!("form[members][{n}][migrant]") checked=row.migrant.is_some() />
                {t!(i18n, calls.member_migrant)}
            </label>
        </div>
    }
}

/// Each document the applicant's type needs: what was sent, and a form to send it (again).
#[component]
fn Documents(page: ApplyPage, application: Application) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let errors = query_errors();
    let current = application.current_files();
    let documents = page.call.documents_for(application.draft.applicant_type);
    let can_send = page.open && application.status == Status::Draft
        || application.status == Status::FixRequested;
    view! {
        <h2 id="documents">{t!(i18n, calls.documents)}</h2>
        {documents.is_empty().then(|| view! { <p class="hint">{t!(i18n, calls.no_documents)}</p> })}
        <ul class="plain documents">
            {documents.into_iter().map(|d| {
                let sent = current.iter().find(|f| f.document == d.code).map(|f| {
                    t_string!(i18n, calls.document_sent, name = f.name.clone(), size = size(f.size)).to_string()
                });
                let id = format!("file-{}", d.code);
                let field = format!("document.{}", d.code);
                view! {
                    <li class="document">
                        <h3><TranslatedText labels=d.names.clone() reader=reader.clone() /></h3>
                        <p class=if sent.is_some() { "hint" } else { "field-error" } id=format!("{field}-error")>
                            {sent.clone().unwrap_or_else(|| problem(errors, &field).unwrap_or_else(|| t_string!(i18n, calls.document_missing).to_string()))}
                        </p>
                        {can_send.then(|| view! {
                            <form method="post" action=UploadApplicationDocument::PATH enctype="multipart/form-data" class="upload-form">
                                {keys(&page)}
                                <input type="hidden" name="locale" value=locale.as_str() />
                                <input type="hidden" name="document" value=d.code.clone() />
                                <label for=id.clone()>{t!(i18n, calls.file_label)}</label>
                                <input id=id.clone() name="file" type="file" accept="application/pdf,image/jpeg,image/png,image/webp" />
                                <button type="submit">{t!(i18n, calls.upload)}</button>
                            </form>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// What was sent, with its receipt (prints as the applicant's copy); the verdict; fixes.
#[component]
fn Sent(page: ApplyPage, application: Application) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let reader = locale.as_str().to_owned();
    let call: Call = page.call.clone();
    let category = call
        .category(application.category)
        .map(|c| c.names.text_or(&reader, &c.code))
        .unwrap_or_default();
    let submitted = application
        .submitted_at
        .map(|at| long_date(crate::calendar::Date::from_unix_millis(at), locale))
        .unwrap_or_default();
    let fixing = application.status == Status::FixRequested;
    let by = application
        .fix_by
        .map(|d| long_date(d, locale))
        .unwrap_or_default();
    view! {
        <p class="status-line"><strong>{status(i18n, application.status)}</strong></p>
        {application.check_reason.clone().map(|reason| view! {
            <div class="notice">
                {fixing.then(|| view! { <p><strong>{t_string!(i18n, calls.fix_by, by = by.clone()).to_string()}</strong></p> })}
                <p dir="auto">{reason}</p>
            </div>
        })}
        {fixing.then(|| view! {
            <Documents page=page.clone() application=application.clone() />
            <form method="post" action=SendApplicationFixes::PATH>
                {keys(&page)}
                <button type="submit" class="primary">{t!(i18n, calls.send_fixes)}</button>
            </form>
        })}
        {page.award.clone().map(|award| view! {
            <WinnerFollowUp organization=page.organization.clone() call=page.call.clone() award />
        })}
        <section class="receipt" aria-labelledby="receipt-heading">
            <h2 id="receipt-heading">{t!(i18n, calls.what_you_sent)}</h2>
            <dl class="facts">
                <dt>{t!(i18n, calls.receipt)}</dt><dd><strong class="receipt-number">{application.receipt.clone().unwrap_or_default()}</strong></dd>
                <dt>{t!(i18n, calls.submitted_on)}</dt><dd>{submitted}</dd>
                <dt>{t!(i18n, calls.category)}</dt><dd dir="auto">{category}</dd>
                <dt>{t!(i18n, calls.who_applies)}</dt><dd>{applicant_type(i18n, application.draft.applicant_type)}</dd>
                <dt>{t!(i18n, calls.project_title)}</dt><dd dir="auto">{application.draft.title.clone()}</dd>
                {application.draft.organization_name.clone().map(|n| view! { <dt>{t!(i18n, calls.organization_name)}</dt><dd dir="auto">{n}</dd> })}
                {application.draft.legal_id.clone().map(|n| view! { <dt>{t!(i18n, calls.legal_id)}</dt><dd dir="auto">{n}</dd> })}
            </dl>
            <p dir="auto" class="summary">{application.draft.summary.clone()}</p>
            <h3>{t!(i18n, calls.people)}</h3>
            <ul>
                {application.draft.members.iter().map(|m| view! {
                    <li><bdi>{m.name.clone()}</bdi> " · " <bdi>{m.document.clone()}</bdi> {m.migrant.then(|| view! { " · " {t!(i18n, calls.member_migrant)} })}</li>
                }).collect_view()}
            </ul>
            <h3>{t!(i18n, calls.documents)}</h3>
            <ul>
                {application.current_files().into_iter().filter(|f| f.document != FINAL_REPORT).map(|f| view! {
                    <li><bdi>{f.name.clone()}</bdi> " · " {size(f.size)} " · " <span class="digest" dir="ltr">{format!("SHA-256 {}…", f.digest.get(..16).unwrap_or_default())}</span></li>
                }).collect_view()}
            </ul>
        </section>
        <PrintButton class="no-print print-button">{t!(i18n, calls.print)}</PrintButton>
    }
}
