//! Staff pages of one organization: home, verification queue, help desk, team, audit log.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::accounts::registration_api::{load_registration_setup, nationality_options};
use crate::accounts::staff::helpdesk::{AccessCard, issue_access_code};
use crate::accounts::staff::review::{decide, not_duplicate, review_queue};
use crate::accounts::staff::team::{create_staff_invite, revoke_role, team};
use crate::accounts::staff::{audit_log, load_staff_home};
use crate::accounts::types::{Decision, RegistrationStatus, RegistrationSummary, Role};
use crate::accounts::ui::labels;
use crate::accounts::ui::register::{FormMode, RegistrationFormView};
use crate::calendar::Date;
use crate::error::{AppError, ErrorMessage, problem_text};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{Loaded, PrintButton};

fn org_slug() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get("org").unwrap_or_default())
}

fn staff_path(slug: &str, rest: &str) -> String {
    localized_path(
        use_i18n().get_locale_untracked(),
        &format!("/staff/{slug}{rest}"),
    )
}

#[component]
pub fn StaffHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let home = Resource::new(slug, load_staff_home);
    view! {
        <Title text=move || t_string!(i18n, accounts.staff_title).to_string() />
        <Loaded resource=home show=move |home| {
                    let slug = slug();
                    let admin = home.roles.contains(&Role::Administrator);
                    let reviewer = crate::platform::access::holds_any(&home.roles, &crate::platform::access::REVIEWERS);
                    let desk = reviewer || home.roles.contains(&Role::PollWorker);
                    let roles = home.roles.clone();
                    view! {
                        <h1>{home.name.clone()}</h1>
                        <p class="lead">{move || roles.iter().map(|r| labels::role(i18n, *r)).collect::<Vec<_>>().join(", ")}</p>
                        <ul class="cards staff-links">
                            {reviewer.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/review")>{t!(i18n, accounts.staff_review)}</a>
                                    <p>{move || t_string!(i18n, accounts.staff_pending, count = home.pending).to_string()}</p></li>
                            })}
                            {reviewer.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/elections")>{t!(i18n, elections.commission_title)}</a>
                                    <p>{t!(i18n, elections.commission_text)}</p></li>
                            })}
                            {desk.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/stations")>{t!(i18n, elections.station_list_title)}</a>
                                    <p>{t!(i18n, elections.station_list_text)}</p></li>
                            })}
                            {desk.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/helpdesk")>{t!(i18n, accounts.staff_helpdesk)}</a>
                                    <p>{t!(i18n, accounts.staff_helpdesk_text)}</p></li>
                            })}
                            {admin.then(|| view! {
                                <li class="card"><a href=staff_path(&slug, "/team")>{t!(i18n, accounts.staff_team)}</a>
                                    <p>{t!(i18n, accounts.staff_team_text)}</p></li>
                                <li class="card"><a href=staff_path(&slug, "/audit")>{t!(i18n, accounts.staff_audit)}</a>
                                    <p>{t!(i18n, accounts.staff_audit_text)}</p></li>
                            })}
                        </ul>
                    }.into_any()
                }
        />
    }
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let status = RwSignal::new(RegistrationStatus::Pending);
    let queue = Resource::new(
        move || (slug(), status.get()),
        |(slug, status)| review_queue(slug, status),
    );
    let countries = Resource::new(
        move || i18n.get_locale().as_str().to_owned(),
        nationality_options,
    );
    let card = RwSignal::new(None::<AccessCard>);
    let tabs = [
        RegistrationStatus::Pending,
        RegistrationStatus::NeedsCorrection,
        RegistrationStatus::Verified,
        RegistrationStatus::Rejected,
    ];
    view! {
        <Title text=move || t_string!(i18n, accounts.staff_review).to_string() />
        <h1>{t!(i18n, accounts.staff_review)}</h1>
        <nav class="tabs" aria-label=move || t_string!(i18n, accounts.staff_review)>
            {tabs.into_iter().map(|s| view! {
                <button type="button" aria-pressed=move || (status.get() == s).to_string() on:click=move |_| status.set(s)>
                    {move || labels::status(i18n, s)}
                </button>
            }).collect_view()}
        </nav>
        {move || card.get().map(|c| view! { <AccessCardView card=c /> })}
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                let names = countries.await.unwrap_or_default();
                match queue.await {
                    Err(e) => view! { <ErrorMessage code=e.code /> }.into_any(),
                    Ok(items) if items.is_empty() => view! { <p>{t!(i18n, accounts.staff_queue_empty)}</p> }.into_any(),
                    Ok(items) => view! {
                        <ul class="plain queue">
                            {items.into_iter().map(|item| {
                                let nationality = item.nationalities.iter()
                                    .map(|code| names.iter().find(|n| &n.code == code).map_or(code.clone(), |n| n.name.clone()))
                                    .collect::<Vec<_>>().join(", ");
                                view! { <ReviewItem item nationality slug=slug() queue card /> }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReviewItem(
    item: RegistrationSummary,
    nationality: String,
    slug: String,
    queue: Resource<Result<Vec<RegistrationSummary>, AppError>>,
    card: RwSignal<Option<AccessCard>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let id = item.id.0;
    let status = item.status;
    let document = item.document_type;
    let act = {
        let slug = slug.clone();
        move |decision: Decision| {
            let slug = slug.clone();
            spawn_local(async move {
                match decide(slug, id, decision).await {
                    Ok(()) => queue.refetch(),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let approve = {
        let act = act.clone();
        move |_| act(Decision::Accept)
    };
    let refuse_duplicate = act.clone();
    let slug_for_duplicates = slug.clone();
    let reject = {
        let act = act.clone();
        move |_| {
            act(Decision::Refuse {
                reason: reason.get_untracked(),
            })
        }
    };
    let correct = move |_| {
        act(Decision::FixBy {
            reason: reason.get_untracked(),
            by: None,
        })
    };
    let print = move |_| {
        let slug = slug.clone();
        spawn_local(async move {
            match issue_access_code(slug, id).await {
                Ok(c) => card.set(Some(c)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let field_id = format!("reason-{id}");
    // One person, several documents: the flagged registrations, each resolved here.
    let duplicates = item.duplicates.clone();
    let not_same = {
        let slug = slug_for_duplicates.clone();
        move |other: i64| {
            let slug = slug.clone();
            spawn_local(async move {
                match not_duplicate(slug, id, other).await {
                    Ok(()) => queue.refetch(),
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let refuse_same = move |other: i64| {
        let reason = t_string!(i18n, accounts.review_duplicate_reason, id = other).to_string();
        refuse_duplicate(Decision::Refuse { reason });
    };
    view! {
        <li class="review-item">
            <div class="who">
                <strong>{item.display_name.clone()}</strong>
                <span>{nationality}</span>
                <span>{t!(i18n, common.field_birth_date)} ": " <bdi dir="ltr">{item.birth_date.clone()}</bdi></span>
                <span>{t!(i18n, common.field_district)} ": " {item.district.clone()}</span>
                <span>{t!(i18n, common.field_document_type)} ": " {move || labels::document_type(i18n, document)}</span>
                <span>{t!(i18n, accounts.staff_registered_on)} ": "
                    <bdi dir="ltr">{Date::from_unix_millis(item.created_at).to_string()}</bdi></span>
                {item.status_reason.clone().map(|r| view! { <span class="reason">{r}</span> })}
            </div>
            {(!duplicates.is_empty() && status != RegistrationStatus::Verified).then(|| view! {
                <div class="notice duplicates" role="status" data-testid="possible-duplicate">
                    <p>{t!(i18n, accounts.review_possible_duplicate)}</p>
                    <ul class="plain">
                        {duplicates.into_iter().map(|d| {
                            let not_same = not_same.clone();
                            let refuse_same = refuse_same.clone();
                            let other = d.registration;
                            let doc = d.document_type;
                            view! {
                                <li>
                                    <strong dir="auto">{d.name.clone()}</strong>
                                    " · " {move || labels::document_type(i18n, doc)}
                                    " · " {labels::status(i18n, d.status)}
                                    <div class="actions">
                                        <button type="button" on:click=move |_| not_same(other)>{t!(i18n, accounts.review_not_duplicate)}</button>
                                        <button type="button" class="secondary" on:click=move |_| refuse_same(other)>{t!(i18n, accounts.review_refuse_duplicate)}</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {(status != RegistrationStatus::Verified).then(|| view! {
                <div class="decide">
                    <label for=field_id.clone()>{t!(i18n, accounts.staff_reason)}</label>
                    <textarea id=field_id.clone() maxlength="300" rows="2"
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <p class="field-error" role="alert">
                        {move || error.with(|e| e.as_ref().and_then(|e| e.problem_of("reason")).map(problem_text))}
                    </p>
                    <div class="actions">
                        <button type="button" class="primary-inline" on:click=approve>{t!(i18n, accounts.staff_approve)}</button>
                        <button type="button" on:click=correct>{t!(i18n, accounts.staff_ask_correction)}</button>
                        <button type="button" class="secondary" on:click=reject>{t!(i18n, accounts.staff_reject)}</button>
                    </div>
                </div>
            })}
            {(status == RegistrationStatus::Verified).then(|| view! {
                <button type="button" on:click=print>{t!(i18n, accounts.staff_print_code)}</button>
            })}
            {move || error.with(|e| e.as_ref().filter(|e| e.fields.is_empty()).map(|e| view! { <ErrorMessage code=e.code /> }))}
        </li>
    }
}

/// A printable card: the person's name, the code in large type, and a QR code of the
/// sign-in link. Shown once; the code is not stored anywhere in readable form.
#[component]
pub fn AccessCardView(card: AccessCard) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="access-card" aria-live="polite">
            <p class="card-org">{card.organization.clone()}</p>
            <p class="card-name">{card.display_name.clone()}</p>
            <p class="card-label">{t!(i18n, accounts.code_label)}</p>
            <p class="card-code" lang="en" dir="ltr">{card.code.clone()}</p>
            <div class="card-qr" inner_html=card.qr_svg.clone()></div>
            <p class="card-how">{t!(i18n, accounts.code_how)}</p>
            <p class="card-valid">{move || t_string!(i18n, accounts.code_valid_until, date = card.valid_until.clone()).to_string()}</p>
            <PrintButton class="no-print">{t!(i18n, accounts.code_print)}</PrintButton>
        </section>
    }
}

#[component]
pub fn HelpDeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let setup = Resource::new(slug, load_registration_setup);
    let countries = Resource::new(
        move || i18n.get_locale().as_str().to_owned(),
        nationality_options,
    );
    let card = RwSignal::new(None::<AccessCard>);
    let form_key = RwSignal::new(0u32);
    view! {
        <Title text=move || t_string!(i18n, accounts.staff_helpdesk).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.staff_helpdesk)}</h1>
            {move || card.get().map(|c| view! {
                <AccessCardView card=c />
                <button type="button" class="no-print" on:click=move |_| { card.set(None); form_key.update(|k| *k += 1); }>
                    {t!(i18n, accounts.helpdesk_next)}
                </button>
            })}
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    let _ = form_key.get();
                    match (setup.await, countries.await) {
                        (Ok(setup), Ok(countries)) => view! {
                            <div class:hidden=move || card.with(Option::is_some)>
                                <RegistrationFormView setup countries mode=FormMode::HelpDesk
                                    on_card=Callback::new(move |c| card.set(Some(c))) />
                            </div>
                        }.into_any(),
                        (Err(e), _) | (_, Err(e)) => view! { <ErrorMessage code=e.code /> }.into_any(),
                    }
                })}
            </Suspense>
        </article>
    }
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let role = RwSignal::new(Role::PollWorker);
    let link = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<AppError>);
    let create = move |_| {
        let slug = slug();
        spawn_local(async move {
            match create_staff_invite(slug, role.get_untracked()).await {
                Ok(l) => link.set(Some(l)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <Title text=move || t_string!(i18n, accounts.staff_team).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.staff_team)}</h1>
            <p>{t!(i18n, accounts.team_intro)}</p>
            <div class="field">
                <label for="role">{t!(i18n, accounts.team_role)}</label>
                <select id="role" on:change=move |ev| {
                    if let Some(r) = Role::from_code(&event_target_value(&ev)) { role.set(r) }
                }>
                    {Role::ALL.into_iter().map(|r| view! {
                        <option value=r.code() selected=r == Role::PollWorker>{move || labels::role(i18n, r)}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="button" class="primary" on:click=create>{t!(i18n, accounts.team_create_link)}</button>
            {move || error.get().map(|e| view! { <ErrorMessage code=e.code /> })}
            {move || link.get().map(|l| view! {
                <p class="success" role="status">{t!(i18n, accounts.team_link_ready)}</p>
                <p class="invite-link" dir="ltr"><code>{l}</code></p>
            })}
            <TeamList />
        </article>
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let before = RwSignal::new(None::<i64>);
    // `?election=<address>`: one election's entries (what its commission may read).
    let query = leptos_router::hooks::use_query_map();
    let election = move || query.with(|q| q.get("election")).filter(|e| !e.is_empty());
    let page = Resource::new(
        move || (slug(), before.get(), election()),
        |(slug, before, election)| audit_log(slug, before, election),
    );
    view! {
        <Title text=move || t_string!(i18n, accounts.staff_audit).to_string() />
        <h1>{t!(i18n, accounts.staff_audit)}</h1>
        {move || election().map(|e| view! { <p class="eyebrow" dir="ltr">{e}</p> })}
        <p>{t!(i18n, accounts.audit_intro)}</p>
        <Loaded resource=page show=move |entries| {
                    let oldest = entries.last().map(|e| e.seq);
                    let full = entries.len() == 100;
                    view! {
                        <ol class="audit" dir="ltr">
                            {entries.into_iter().map(|e| view! {
                                <li>
                                    <span class="seq">"#"{e.seq}</span>
                                    <span class="when">{Date::from_unix_millis(e.at).to_string()}</span>
                                    <span class="action">{e.action}</span>
                                    <span class="subject">{e.subject}</span>
                                    <span class="actor">{e.actor_account_id.map_or("—".to_owned(), |a| format!("account:{a}"))}</span>
                                    {e.before.map(|b| view! { <code class="state">{b}</code> })}
                                    {e.after.map(|a| view! { <code class="state">{a}</code> })}
                                    <code class="hash" title=e.prev_hash>{e.hash[..16].to_owned()}</code>
                                </li>
                            }).collect_view()}
                        </ol>
                        {(full).then(|| view! {
                            <button type="button" on:click=move |_| before.set(oldest)>{t!(i18n, accounts.audit_older)}</button>
                        })}
                    }.into_any()
                }
        />
    }
}

/// The team, each member with their roles and a button to take each role away.
#[component]
fn TeamList() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let members = Resource::new(slug, team);
    let error = RwSignal::new(None::<AppError>);
    view! {
        <h2>{t!(i18n, accounts.team_members)}</h2>
        {move || error.get().map(|e| view! { <ErrorMessage code=e.code /> })}
        <Loaded resource=members show=move |list| view! {
                    <ul class="plain team">
                        {list.into_iter().map(|member| {
                            let account = member.account;
                            view! {
                                <li>
                                    <strong>{member.name}</strong>
                                    <span class="roles">
                                        {member.roles.into_iter().map(|role| {
                                            let revoke = move |_| {
                                                spawn_local(async move {
                                                    match revoke_role(slug(), account, role).await {
                                                        Ok(()) => members.refetch(),
                                                        Err(e) => error.set(Some(e)),
                                                    }
                                                });
                                            };
                                            view! {
                                                <span class="role">
                                                    {move || labels::role(i18n, role)}
                                                    <button type="button" class="secondary small" on:click=revoke
                                                        aria-label=move || format!("{} — {}", t_string!(i18n, accounts.team_revoke), labels::role(i18n, role))>
                                                        {t!(i18n, accounts.team_revoke)}
                                                    </button>
                                                </span>
                                            }
                                        }).collect_view()}
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
        />
    }
}
