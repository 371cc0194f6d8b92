//! The team: who holds which role, inviting staff, taking a role away, and joining as staff
//! through a single-use invitation link.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::accounts::passkey::island::{Ceremony, PasskeyForm};
use crate::accounts::passkey::ui::ceremony_texts;
use crate::accounts::staff::api::team::{AcceptInvite, view_invite};
use crate::accounts::staff::api::team::{CreateStaffInvite, RevokeRole, take_invite_link, team};
use crate::accounts::staff::ui::org_slug;
use crate::accounts::types::Role;
use crate::accounts::ui::labels;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;
use crate::ui::kit::{Field, FormError, Loaded, query_errors};

/// Plain forms: inviting posts and comes back here, where the new link is shown once;
/// each role has its own small "revoke" form.
#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let error = query_errors();
    let link = Resource::new(slug, take_invite_link);
    view! {
        <Title text=t_string!(i18n, accounts.staff_team).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.staff_team)}</h1>
            <p>{t!(i18n, accounts.team_intro)}</p>
            <FormError errors=error />
            <form method="post" action=CreateStaffInvite::url()>
                <input type="hidden" name="organization" value=slug />
                <div class="field">
                    <label for="role">{t!(i18n, accounts.team_role)}</label>
                    <select id="role" name="role">
                        {Role::ALL.into_iter().map(|r| view! {
                            <option value=r.code() selected=r == Role::PollWorker>{move || labels::role(i18n, r)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="primary">{t!(i18n, accounts.team_create_link)}</button>
            </form>
            <Suspense>
                {move || Suspend::new(async move {
                    link.await.ok().flatten().map(|l| view! {
                        <p class="success" role="status">{t!(i18n, accounts.team_link_ready)}</p>
                        <p class="invite-link" dir="ltr"><code>{l}</code></p>
                    })
                })}
            </Suspense>
            <TeamList />
        </article>
    }
}

/// The team, each member with their roles and a form to take each role away.
#[component]
fn TeamList() -> impl IntoView {
    let i18n = use_i18n();
    let slug = org_slug();
    let members = Resource::new(slug, team);
    view! {
        <h2>{t!(i18n, accounts.team_members)}</h2>
        <Loaded resource=members show=move |list| view! {
                    <ul class="plain team">
                        {list.into_iter().map(|member| {
                            let account = member.account;
                            view! {
                                <li>
                                    <strong>{member.name}</strong>
                                    <span class="roles">
                                        {member.roles.into_iter().map(|role| view! {
                                            <form class="role" method="post" action=RevokeRole::url()>
                                                <input type="hidden" name="organization" value=slug />
                                                <input type="hidden" name="account" value=account />
                                                <input type="hidden" name="role" value=role.code() />
                                                {move || labels::role(i18n, role)}
                                                <button type="submit" class="secondary small"
                                                    aria-label=move || format!("{} — {}", t_string!(i18n, accounts.team_revoke), labels::role(i18n, role))>
                                                    {t!(i18n, accounts.team_revoke)}
                                                </button>
                                            </form>
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

/// Joining the staff from an invitation: a name, then a passkey made on this device (the
/// [`PasskeyForm`] island runs the form).
#[component]
pub fn EnrollPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = params.with_untracked(|p| p.get("token").unwrap_or_default());
    let token_for_accept = token.clone();
    let invite = Resource::new(
        move || params.with(|p| p.get("token").unwrap_or_default()),
        view_invite,
    );
    let errors = query_errors();
    let locale = i18n.get_locale_untracked();
    view! {
        <Title text=t_string!(i18n, accounts.enroll_title).to_string() />
        <article class="form-page">
            <h1>{t!(i18n, accounts.enroll_title)}</h1>
            <FormError errors />
            <Loaded resource=invite show=move |invite| {
                let token = token_for_accept.clone();
                view! {
                        <p class="lead">
                            {move || t_string!(i18n, accounts.enroll_offer, role = labels::role(i18n, invite.role), organization = invite.organization.clone()).to_string()}
                        </p>
                        // Already signed in with a passkey: the role goes to that account.
                        {invite.signed_in_as.clone().map(|name| view! {
                            <form method="post" action=AcceptInvite::PATH class="card accept-invite">
                                <p>{t_string!(i18n, accounts.enroll_signed_in_as, name = name).to_string()}</p>
                                <input type="hidden" name="token" value=token />
                                <input type="hidden" name="locale" value=locale.as_str() />
                                <button type="submit" class="primary">{t!(i18n, accounts.enroll_accept)}</button>
                            </form>
                            <p class="hint">{t!(i18n, accounts.enroll_or_new)}</p>
                        })}
                    }.into_any()
                }
            />
            <noscript>
                <p class="error">{t!(i18n, common.needs_javascript)}</p>
            </noscript>
            <PasskeyForm
                ceremony=Ceremony::Enroll { token }
                done=localized_path(locale, "/account")
                locale=locale.as_str().to_owned()
                texts=ceremony_texts(i18n)
            >
                <form method="get" action="" novalidate>
                    <Field name="display_name" label=Signal::derive(move || t_string!(i18n, common.field_display_name).to_string()) errors>
                        <input id="display_name" name="display_name" type="text" maxlength="80" required autocomplete="name" aria-describedby="display_name-error" />
                    </Field>
                    <button type="submit" class="primary">{t!(i18n, accounts.enroll_submit)}</button>
                </form>
            </PasskeyForm>
        </article>
    }
}
