//! The signed-in person's page: registrations and their status, passkeys, sign out.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::accounts::account::api::{AccountPage, RemovePasskeyForm, SignOutForm, my_account};
use crate::accounts::passkey::island::{Ceremony, PasskeyForm};
use crate::accounts::passkey::ui::ceremony_texts;
use crate::accounts::types::RegistrationStatus;
use crate::accounts::ui::labels;
use crate::elections::directory::api::{ElectionCard, my_open_ballots};
use crate::elections::directory::ui::isolated;
use crate::error::{ErrorCode, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::localized_path;

#[component]
pub fn AccountPageView() -> impl IntoView {
    let i18n = use_i18n();
    // The account, and the ballots its holder may cast now (a signed-in person only).
    let account = Resource::new(
        || (),
        |()| async move {
            let page = my_account().await?;
            let ballots = match page {
                Some(_) => my_open_ballots().await?,
                None => vec![],
            };
            Ok::<_, crate::error::AppError>((page, ballots))
        },
    );
    view! {
        <Title text=t_string!(i18n, accounts.account_title).to_string() />
        <article class="form-page">
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match account.await {
                        Ok((Some(page), ballots)) => view! { <AccountDetails page ballots /> }.into_any(),
                        Ok((None, _)) => view! { <NotSignedIn /> }.into_any(),
                        Err(e) => view! { <ErrorMessage code=e.code /> }.into_any(),
                    }
                })}
            </Suspense>
        </article>
    }
}

#[component]
fn NotSignedIn() -> impl IntoView {
    let i18n = use_i18n();
    let sign_in = move || localized_path(i18n.get_locale(), "/sign-in");
    view! {
        <h1>{t!(i18n, accounts.account_title)}</h1>
        <p>{t!(i18n, common.error_unauthenticated)}</p>
        <p><a class="button" href=sign_in>{t!(i18n, common.nav_sign_in)}</a></p>
    }
}

#[component]
fn AccountDetails(page: AccountPage, ballots: Vec<ElectionCard>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let welcome = move || query.with(|q| q.get("welcome").is_some());
    // A refused removal comes back as `?error=<code>` (the forms work without the bundle).
    let refused = move || {
        query
            .with(|q| q.get("error"))
            .and_then(|code| ErrorCode::from_query(&code))
    };
    let locale = i18n.get_locale_untracked().as_str();
    let only_one_passkey = page.passkeys.len() <= 1;
    let here = localized_path(i18n.get_locale_untracked(), "/account");
    view! {
        <h1>{page.display_name.clone()}</h1>
        <p><a href=crate::locale::localized_path(i18n.get_locale_untracked(), "/inbox")>{t!(i18n, common.inbox_link)}</a></p>
        <Show when=welcome>
            <p class="success" role="status">{t!(i18n, accounts.register_done)}</p>
        </Show>
        <OpenBallots ballots />
        <section>
            <h2>{t!(i18n, accounts.account_registrations)}</h2>
            {if page.registrations.is_empty() {
                view! { <p>{t!(i18n, accounts.account_no_registrations)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain">
                        {page.registrations.iter().map(|r| {
                            let status = r.status;
                            let reason = r.reason.clone();
                            let correct = (status == RegistrationStatus::NeedsCorrection).then(|| {
                                localized_path(i18n.get_locale_untracked(), &format!("/join/{}?correct=1", r.slug))
                            });
                            view! {
                                <li class="registration">
                                    <strong>{r.organization.clone()}</strong>
                                    <span class=format!("status status-{}", status.code())>{move || labels::status(i18n, status)}</span>
                                    {reason.map(|reason| view! { <span class="reason">{reason}</span> })}
                                    {correct.map(|href| view! { <a class="button" href=href>{t!(i18n, accounts.correction_link)}</a> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {(!page.staff_of.is_empty()).then(|| view! {
            <section>
                <h2>{t!(i18n, accounts.account_staff)}</h2>
                <ul class="plain">
                    {page.staff_of.iter().map(|(slug, name, roles)| {
                        let roles = roles.clone();
                        let href = localized_path(i18n.get_locale_untracked(), &format!("/staff/{slug}"));
                        view! {
                            <li>
                                <a href=href><strong>{name.clone()}</strong></a>
                                " — "
                                {move || roles.iter().map(|r| labels::role(i18n, *r)).collect::<Vec<_>>().join(", ")}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section>
            <h2>{t!(i18n, accounts.passkeys_title)}</h2>
            <ul class="plain passkeys">
                {page.passkeys.iter().map(|p| {
                    let id = p.id;
                    let created = isolated(p.created_on, i18n.get_locale_untracked());
                    view! {
                        <li>
                            <span>{move || t_string!(i18n, accounts.passkey_added, date = created.clone()).to_string()}</span>
                            <form method="post" action=RemovePasskeyForm::PATH class="inline">
                                <input type="hidden" name="id" value=id />
                                <input type="hidden" name="locale" value=locale />
                                <button type="submit" class="secondary" disabled=only_one_passkey
                                    title=move || if only_one_passkey { t_string!(i18n, accounts.passkey_last) } else { "" }>
                                    {t!(i18n, accounts.passkey_remove)}
                                </button>
                            </form>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || refused().map(|code| view! { <ErrorMessage code /> })}
            <PasskeyForm ceremony=Ceremony::AddPasskey done=here locale=locale.to_owned() texts=ceremony_texts(i18n)>
                <form method="get" action="">
                    <button type="submit">{t!(i18n, accounts.passkey_add)}</button>
                </form>
            </PasskeyForm>
        </section>
        <section>
            <form method="post" action=SignOutForm::PATH>
                <input type="hidden" name="locale" value=locale />
                <button type="submit" class="secondary">{t!(i18n, accounts.sign_out)}</button>
            </form>
        </section>
    }
}

/// What the person can do now: each ballot open to them online that they have not cast.
#[component]
fn OpenBallots(ballots: Vec<ElectionCard>) -> impl IntoView {
    let i18n = use_i18n();
    (!ballots.is_empty()).then(|| {
        view! {
            <section class="now">
                <h2>{t!(i18n, elections.now_title)}</h2>
                <ul class="plain">
                    {ballots.into_iter().map(|card| {
                        let href = localized_path(
                            i18n.get_locale_untracked(),
                            &format!("/o/{}/e/{}/vote", card.organization, card.slug),
                        );
                        let label = t_string!(i18n, elections.now_vote, title = card.title.clone()).to_string();
                        let until = card.until.map(|day| t_string!(i18n, elections.now_until, date = isolated(day, i18n.get_locale_untracked())).to_string());
                        view! {
                            <li>
                                <a class="button primary" href=href>{label}</a>
                                {until.map(|until| view! { <span class="hint">{until}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
