//! The team: who holds which role, inviting staff, taking a role away, and joining as staff
//! through a single-use invitation link.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::accounts::passkey::client as passkey_client;
use crate::accounts::staff::api::team::{create_staff_invite, revoke_role, team};
use crate::accounts::staff::api::team::{finish_enrollment, start_enrollment, view_invite};
use crate::accounts::staff::ui::org_slug;
use crate::accounts::types::Role;
use crate::accounts::ui::labels;
use crate::error::{AppError, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{Field, FormError, Loaded};

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

#[component]
pub fn EnrollPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let invite = Resource::new(token, view_invite);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let navigate = navigate.clone();
        let token = token();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let locale = i18n.get_locale_untracked();
            let outcome = async {
                let ceremony =
                    start_enrollment(token, name.get_untracked(), locale.as_str().to_owned())
                        .await?;
                let credential = passkey_client::create(&ceremony.options)
                    .await
                    .map_err(AppError::new)?;
                finish_enrollment(ceremony.id, credential).await
            }
            .await;
            match outcome {
                Ok(()) => navigate(&localized_path(locale, "/account"), Default::default()),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <Title text=move || t_string!(i18n, accounts.enroll_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.enroll_title)}</h1>
            <Loaded resource=invite show=move |invite| view! {
                        <p class="lead">
                            {move || t_string!(i18n, accounts.enroll_offer, role = labels::role(i18n, invite.role), organization = invite.organization.clone()).to_string()}
                        </p>
                    }.into_any()
            />
            <form on:submit=submit>
                <Field name="display_name" label=Signal::derive(move || t_string!(i18n, common.field_display_name).to_string()) errors=error>
                    <input id="display_name" type="text" maxlength="80" required autocomplete="name"
                        on:input=move |ev| name.set(event_target_value(&ev)) aria-describedby="display_name-error" />
                </Field>
                <FormError errors=error />
                <button type="submit" class="primary" disabled=move || busy.get()>{t!(i18n, accounts.enroll_submit)}</button>
            </form>
        </article>
    }
}
