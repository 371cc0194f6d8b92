//! On a proposal's page: its supports, its amendments (and the rapporteur's decisions),
//! every version of its text, its comments in threads, and reports of abuse.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::conferences::deliberation::rules::{AmendmentStatus, Threaded};
use crate::conferences::participate::api::{
    AmendProposal, CommentProposal, DecideAmendment, ProposalPart, ReportContent, SupportProposal,
};
use crate::conferences::public::api::{AmendmentView, ProposalPage};
use crate::conferences::public::ui::Versions;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::platform::timeline::ui::day;
use crate::ui::kit::{ErrorSummary, Field, FormError, FormFields, query_errors};
use leptos::server_fn::ServerFn as _;

/// The hidden fields every form here posts: which edition, which proposal.
fn keys(page: &ProposalPage) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="organization" value=page.head.organization.clone() />
        <input type="hidden" name="conference" value=page.head.slug.clone() />
    }
}

#[component]
pub fn Deliberation(page: ProposalPage, part: ProposalPart) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let errors = query_errors();
    let fields = FormFields::provide();
    let label =
        |key: fn(leptos_i18n::I18nContext<Locale>) -> String| Signal::derive(move || key(i18n));
    // Boxes in folded forms (a reply, a report, a rejection) are named in the summary.
    fields.register(
        "reply",
        "comments",
        label(|i| t_string!(i, conferences.reply_label).to_string()),
    );
    fields.register(
        "report_reason",
        "report",
        label(|i| t_string!(i, conferences.report_reason).to_string()),
    );
    fields.register(
        "decision_reason",
        "amendments",
        label(|i| t_string!(i, conferences.decide_reason).to_string()),
    );
    let reported = use_query_map().with_untracked(|q| q.get("reported").is_some());
    let id = page.card.id.0;
    let sign_in = localized_path(locale, "/sign-in");
    let support = if part.supported {
        Some(view! { <p class="notice" data-testid="supported">{t!(i18n, conferences.supported)}</p> }.into_any())
    } else if part.open && part.signed_in {
        Some(view! {
            <form method="post" action=SupportProposal::PATH>
                {keys(&page)}
                <input type="hidden" name="proposal" value=id />
                <button type="submit" class="primary">{t!(i18n, conferences.support_button)}</button>
            </form>
        }.into_any())
    } else {
        None
    };
    let current = page
        .versions
        .last()
        .map(|v| (v.title.clone(), v.body.clone()))
        .unwrap_or_default();
    let draft = part.draft.clone().unwrap_or_else(|| {
        crate::conferences::deliberation::rules::AmendmentForm {
            title: current.0.clone(),
            body: current.1.clone(),
            note: String::new(),
        }
    });
    let amend_open = draft.note.is_empty() && part.draft.is_none();
    view! {
        <ErrorSummary errors fields />
        <FormError errors />
        {reported.then(|| view! { <p class="notice" role="status">{t!(i18n, conferences.reported_notice)}</p> })}
        <section id="supports" class="supports">
            {support}
        </section>
        <section id="amendments">
            <h2>{t_string!(i18n, conferences.amendments_heading, n = page.amendments.len()).to_string()}</h2>
            <ol class="plain amendments">
                {page.amendments.iter().map(|a| view! { <Amendment a=a.clone() page=page.clone() open=part.open decides=part.decides && part.open /> }).collect_view()}
            </ol>
            {(part.may_amend && part.open).then(|| view! {
                <details class="amend" open=!amend_open>
                    <summary class="button">{t!(i18n, conferences.amend_summary)}</summary>
                    <p class="hint">{t!(i18n, conferences.amend_hint)}</p>
                    <form method="post" action=AmendProposal::PATH novalidate class="amend-form">
                        {keys(&page)}
                        <input type="hidden" name="proposal" value=id />
                        <Field name="title" label=label(|i| t_string!(i, conferences.write_title).to_string()) errors>
                            <input id="title" name="form[title]" type="text" maxlength="200" dir="auto" value=draft.title.clone() aria-describedby="title-error" />
                        </Field>
                        <Field name="body" label=label(|i| t_string!(i, conferences.write_body).to_string()) errors>
                            <textarea id="body" name="form[body]" rows="8" maxlength="5000" dir="auto" aria-describedby="body-error">{draft.body.clone()}</textarea>
                        </Field>
                        <Field name="note" label=label(|i| t_string!(i, conferences.amend_note).to_string()) errors>
                            <textarea id="note" name="form[note]" rows="2" maxlength="1000" dir="auto" aria-describedby="note-error">{draft.note.clone()}</textarea>
                        </Field>
                        <button type="submit" class="primary">{t!(i18n, conferences.amend_submit)}</button>
                    </form>
                </details>
            })}
        </section>
        // The history once there is one: a single version is the text above.
        {(page.versions.len() > 1).then(|| view! { <Versions versions=page.versions.clone() /> })}
        <section id="comments">
            <h2>{t_string!(i18n, conferences.comments_heading, n = page.comments.len()).to_string()}</h2>
            {page.comments.is_empty().then(|| view! { <p class="hint">{t!(i18n, conferences.no_comments)}</p> })}
            <ol class="plain comments">
                {page.comments.iter().map(|c| view! { <CommentItem c=c.clone() page=page.clone() part=part.clone() /> }).collect_view()}
            </ol>
            {if part.open && part.signed_in {
                view! {
                    <form method="post" action=CommentProposal::PATH novalidate class="comment-form">
                        {keys(&page)}
                        <input type="hidden" name="proposal" value=id />
                        <Field name="comment" label=label(|i| t_string!(i, conferences.comment_label).to_string())
                            hint=label(|i| t_string!(i, conferences.comment_hint).to_string()) errors>
                            <textarea id="comment" name="body" rows="3" maxlength="2000" dir="auto" aria-describedby="comment-hint comment-error"></textarea>
                        </Field>
                        <button type="submit" class="primary">{t!(i18n, conferences.comment_submit)}</button>
                    </form>
                }.into_any()
            } else if part.open {
                view! { <p><a class="button" href=sign_in>{t!(i18n, conferences.comments_sign_in)}</a></p> }.into_any()
            } else {
                ().into_any()
            }}
        </section>
        {part.signed_in.then(|| view! { <div id="report"><Report page=page.clone() kind="proposal" id=id /></div> })}
    }
}

fn amendment_status(
    i18n: leptos_i18n::I18nContext<Locale>,
    status: AmendmentStatus,
    open: bool,
) -> &'static str {
    match status {
        AmendmentStatus::Proposed if open => t_string!(i18n, conferences.amendment_proposed),
        AmendmentStatus::Proposed => t_string!(i18n, conferences.amendment_undecided),
        AmendmentStatus::Accepted => t_string!(i18n, conferences.amendment_accepted),
        AmendmentStatus::Rejected => t_string!(i18n, conferences.amendment_rejected),
    }
}

#[component]
fn Amendment(a: AmendmentView, page: ProposalPage, open: bool, decides: bool) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let by = t_string!(
        i18n,
        conferences.amendment_by,
        name = a.author.clone(),
        day = day(a.created_at, locale)
    )
    .to_string();
    let base = t_string!(i18n, conferences.amendment_base, n = a.based_on).to_string();
    let reason_id = format!("decision-reason-{}", a.id);
    view! {
        <li class="amendment" id=format!("amendment-{}", a.id)>
            <p>
                <span class=format!("status amendment-{}", a.status.code()) data-testid="amendment-status">{amendment_status(i18n, a.status, open)}</span>
                " " <span class="hint"><bdi>{by}</bdi> " · " {base}</span>
            </p>
            <div class="diff" dir="auto" inner_html=a.changes_html.clone()></div>
            <p dir="auto"><strong>{t!(i18n, conferences.amend_note)}</strong> " " {a.note.clone()}</p>
            {a.reason.clone().map(|reason| view! { <p class="notice" dir="auto">{t_string!(i18n, conferences.hidden_reason, reason = reason).to_string()}</p> })}
            {(decides && a.status == AmendmentStatus::Proposed).then(|| view! {
                <form method="post" action=DecideAmendment::PATH class="decide-form">
                    {keys(&page)}
                    <input type="hidden" name="amendment" value=a.id />
                    <label for=reason_id.clone()>{t!(i18n, conferences.decide_reason)}</label>
                    <textarea id=reason_id name="reason" rows="2" maxlength="500" dir="auto"></textarea>
                    <div class="actions">
                        <button type="submit" name="verdict" value="accept" class="primary">{t!(i18n, conferences.decide_accept)}</button>
                        <button type="submit" name="verdict" value="reject">{t!(i18n, conferences.decide_reject)}</button>
                    </div>
                </form>
            })}
        </li>
    }
}

#[component]
fn CommentItem(c: Threaded, page: ProposalPage, part: ProposalPart) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let comment = c.comment;
    let id = comment.id.0;
    let reply_id = format!("reply-{id}");
    let when = day(comment.created_at, locale);
    view! {
        <li class=format!("comment depth-{}", c.depth) id=format!("comment-{id}")>
            <p class="hint"><bdi>{comment.author.clone()}</bdi> " · " {when}</p>
            {match comment.hidden_reason.clone() {
                Some(reason) => view! {
                    <p class="notice"><em>{t!(i18n, conferences.comment_hidden)}</em> " "
                        <span dir="auto">{t_string!(i18n, conferences.hidden_reason, reason = reason).to_string()}</span></p>
                }.into_any(),
                None => view! { <p class="comment-text" dir="auto">{comment.body.clone()}</p> }.into_any(),
            }}
            <div class="comment-actions">
                {(part.open && part.signed_in).then(|| view! {
                    <details class="reply">
                        <summary>{t!(i18n, conferences.reply)}</summary>
                        <form method="post" action=CommentProposal::PATH class="reply-form">
                            {keys(&page)}
                            <input type="hidden" name="proposal" value=page.card.id.0 />
                            <input type="hidden" name="parent" value=id />
                            <label for=reply_id.clone()>{t!(i18n, conferences.reply_label)}</label>
                            <textarea id=reply_id name="body" rows="2" maxlength="2000" dir="auto"></textarea>
                            <button type="submit">{t!(i18n, conferences.reply_submit)}</button>
                        </form>
                    </details>
                })}
                {(part.signed_in && comment.hidden_reason.is_none()).then(|| view! { <Report page=page.clone() kind="comment" id=id /> })}
            </div>
        </li>
    }
}

/// "Report abuse", folded: a reason and a button.
#[component]
fn Report(page: ProposalPage, kind: &'static str, id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let reason_id = format!("report-{kind}-{id}");
    view! {
        <details class="report">
            <summary>{t!(i18n, conferences.report_summary)}</summary>
            <form method="post" action=ReportContent::PATH class="report-form">
                {keys(&page)}
                <input type="hidden" name="kind" value=kind />
                <input type="hidden" name="id" value=id />
                <label for=reason_id.clone()>{t!(i18n, conferences.report_reason)}</label>
                <input id=reason_id type="text" name="reason" maxlength="500" dir="auto" />
                <button type="submit">{t!(i18n, conferences.report_submit)}</button>
            </form>
        </details>
    }
}
