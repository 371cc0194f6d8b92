//! The organization's team: invitations (single-use enrollment links), enrolling with a
//! passkey from one, the list of staff and their roles, and revoking a role. Administrators
//! invite and revoke; each change is audited.

use crate::accounts::passkey::api::Ceremony;
use crate::accounts::types::Role;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What an enrollment link offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteView {
    pub organization: String,
    pub role: Role,
    /// Who opened the link, when signed in with a passkey: they may take the role on the
    /// account they already have instead of making another.
    #[serde(default)]
    pub signed_in_as: Option<String>,
}

/// A new enrollment link. From a plain form, the team page shows it once
/// ([`take_invite_link`]).
#[server(prefix = "/api", endpoint = "staff/invite", input = JsonOrForm)]
pub async fn create_staff_invite(organization: String, role: Role) -> Result<String, AppError> {
    let link = ssr::create_staff_invite(&organization, role).await;
    if let Ok(link) = &link
        && crate::platform::web::http::is_form_post()
    {
        ssr::NEW_INVITE.put(link);
    }
    respond(link)
}

/// The link the last invitation form made, once.
#[server(prefix = "/api", endpoint = "staff/invite_link", input = JsonOrForm)]
pub async fn take_invite_link(organization: String) -> Result<Option<String>, AppError> {
    respond(ssr::take_invite_link(&organization).await)
}

/// A member of an organization's team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub account: i64,
    pub name: String,
    pub roles: Vec<Role>,
}

#[server(prefix = "/api", endpoint = "staff/team", input = JsonOrForm)]
pub async fn team(organization: String) -> Result<Vec<TeamMember>, AppError> {
    respond(ssr::team(&organization).await)
}

/// Takes a role away; the last administrator cannot be removed (`LastAdministrator`).
#[server(prefix = "/api", endpoint = "staff/revoke", input = JsonOrForm)]
pub async fn revoke_role(organization: String, account: i64, role: Role) -> Result<(), AppError> {
    respond(ssr::revoke_role(&organization, account, role).await)
}

#[server(prefix = "/api", endpoint = "enroll/view")]
pub async fn view_invite(token: String) -> Result<InviteView, AppError> {
    respond(ssr::view_invite(&token).await)
}

/// The invitation taken by the account signed in with a passkey (no second account): the
/// role is added to it, the link used up, audited. A plain form; goes on to the staff home,
/// or back to the link with why not.
#[server(prefix = "/api", endpoint = "enroll/accept")]
pub async fn accept_invite(token: String, locale: String) -> Result<(), AppError> {
    ssr::accept_invite(&token, &locale).await;
    Ok(())
}

#[server(prefix = "/api", endpoint = "enroll/start", input = JsonOrForm)]
pub async fn start_enrollment(
    token: String,
    display_name: String,
    locale: String,
) -> Result<Ceremony, AppError> {
    respond(ssr::start_enrollment(&token, &display_name, &locale).await)
}

#[server(prefix = "/api", endpoint = "enroll/finish", input = JsonOrForm)]
pub async fn finish_enrollment(ceremony: String, credential: String) -> Result<(), AppError> {
    respond(ssr::finish_enrollment(&ceremony, &credential).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::InviteView;
    use crate::accounts::passkey::store as passkey_store;
    use crate::accounts::staff::store as staff_store;
    use crate::accounts::staff::store::invites as invites_store;
    use crate::accounts::store as accounts_store;

    use crate::accounts::passkey::api::Ceremony;
    use crate::accounts::passkey::api::ssr::{
        new_passkey, put_ceremony, take_ceremony, verify_new_passkey,
    };
    use crate::accounts::store::new_user_handle;
    use crate::accounts::types::{Field, FieldError, Role};
    use crate::db::now_millis;
    use crate::error::{AppError, ErrorCode};
    use crate::i18n::Locale;
    use crate::platform::access::ADMINISTRATORS;
    use crate::platform::text::one_line;
    use crate::platform::web::context::{app_state, current_session, require_staff, sign_in_as};
    use crate::platform::web::flash::Flash;
    use crate::platform::web::http::redirect_with;
    use crate::platform::web::sessions::AuthMethod;
    use leptos_i18n::Locale as _;
    use serde::{Deserialize, Serialize};
    use std::time::Duration;
    use webauthn_rs::prelude::{PasskeyRegistration, Uuid};

    const INVITE_LIFETIME: Duration = Duration::from_secs(72 * 3600);

    /// A new link between the form that made it and the team page that shows it.
    pub const NEW_INVITE: Flash = Flash("voz_invite");

    pub async fn take_invite_link(slug: &str) -> Result<Option<String>, AppError> {
        require_staff(slug, &ADMINISTRATORS).await?;
        Ok(NEW_INVITE.take())
    }

    pub async fn create_staff_invite(slug: &str, role: Role) -> Result<String, AppError> {
        let (admin, organization) = require_staff(slug, &ADMINISTRATORS).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        let token = invites_store::create_invite(
            &mut tx,
            organization.id,
            role,
            INVITE_LIFETIME,
            Some(admin),
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(format!(
            "{}/{}/enroll/{token}",
            app.public_url, organization.default_locale
        ))
    }

    pub async fn team(slug: &str) -> Result<Vec<super::TeamMember>, AppError> {
        let (_, organization) = require_staff(slug, &ADMINISTRATORS).await?;
        let team = staff_store::team(&app_state()?.db, organization.id)
            .await
            .map_err(AppError::from)?;
        Ok(team
            .into_iter()
            .map(|(account, name, roles)| super::TeamMember {
                account: account.0,
                name,
                roles,
            })
            .collect())
    }

    pub async fn revoke_role(slug: &str, account: i64, role: Role) -> Result<(), AppError> {
        let (admin, organization) = require_staff(slug, &ADMINISTRATORS).await?;
        let app = app_state()?;
        if role == Role::Administrator {
            let team = staff_store::team(&app.db, organization.id)
                .await
                .map_err(AppError::from)?;
            let admins = team
                .iter()
                .filter(|(_, _, roles)| roles.contains(&Role::Administrator))
                .count();
            if admins <= 1 {
                return Err(AppError::new(ErrorCode::LastAdministrator));
            }
        }
        let mut tx = app.db.begin_write().await?;
        let removed = staff_store::revoke_role(
            &mut tx,
            organization.id,
            crate::accounts::types::AccountId(account),
            role,
            admin,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        if removed {
            Ok(())
        } else {
            Err(AppError::new(ErrorCode::NotFound))
        }
    }

    pub async fn view_invite(token: &str) -> Result<InviteView, AppError> {
        let app = app_state()?;
        let (organization, role) = invites_store::peek_invite(&app.db, token, now_millis())
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::InvalidCode))?;
        let organization = invites_store::organization_name(&app.db, organization)
            .await
            .map_err(AppError::from)?
            .unwrap_or_default();
        // Someone already signed in with a passkey may take the role on that account.
        let signed_in_as = match current_session().await? {
            Some((account, AuthMethod::Passkey)) => Some(
                accounts_store::account_overview(&app.db, account)
                    .await
                    .map_err(AppError::from)?
                    .display_name,
            ),
            _ => None,
        };
        Ok(InviteView {
            organization,
            role,
            signed_in_as,
        })
    }

    pub async fn accept_invite(token: &str, locale: &str) {
        let outcome = async {
            let app = app_state()?;
            let (account, method) = current_session()
                .await?
                .ok_or_else(|| AppError::new(ErrorCode::Unauthenticated))?;
            // Staff work with a passkey, never a printed code's session.
            if method != AuthMethod::Passkey {
                return Err(AppError::new(ErrorCode::Forbidden));
            }
            let now = now_millis();
            let mut tx = app.db.begin_write().await?;
            let (organization, role) = invites_store::redeem_invite(&mut tx, token, now)
                .await
                .map_err(AppError::from)?
                .ok_or_else(|| AppError::new(ErrorCode::InvalidCode))?;
            staff_store::grant_role(&mut tx, organization, account, role, Some(account), now)
                .await
                .map_err(AppError::from)?;
            tx.commit().await?;
            Ok(accounts_store::organization(&app.db, organization)
                .await
                .map_err(AppError::from)?
                .slug)
        }
        .await;
        match outcome {
            Ok(slug) => redirect_with(locale, &format!("/staff/{slug}"), None, ""),
            Err(error) => redirect_with(locale, &format!("/enroll/{token}"), Some(&error), ""),
        }
    }

    #[derive(Serialize, Deserialize)]
    struct PendingEnrollment {
        token: String,
        display_name: String,
        locale: String,
        user_handle: Uuid,
        state: PasskeyRegistration,
    }

    pub async fn start_enrollment(
        token: &str,
        display_name: &str,
        locale: &str,
    ) -> Result<Ceremony, AppError> {
        view_invite(token).await?;
        let display_name = one_line(display_name, crate::accounts::registration::rules::NAME_MAX)
            .map_err(|problem| {
            AppError::fields([FieldError {
                field: Field::DisplayName,
                problem,
            }])
        })?;
        let locale = locale
            .parse::<Locale>()
            .unwrap_or_default()
            .as_str()
            .to_owned();
        let user_handle = new_user_handle();
        let (options, state) = new_passkey(user_handle, &display_name, None)?;
        let pending = PendingEnrollment {
            token: token.to_owned(),
            display_name,
            locale,
            user_handle,
            state,
        };
        put_ceremony("enroll", &pending, &options).await
    }

    pub async fn finish_enrollment(ceremony: &str, credential: &str) -> Result<(), AppError> {
        let app = app_state()?;
        let pending: PendingEnrollment = take_ceremony("enroll", ceremony).await?;
        let passkey = verify_new_passkey(credential, &pending.state)?;
        let now = now_millis();
        let mut tx = app.db.begin_write().await?;
        // Used up here, inside the transaction: two tabs cannot both enrol with one link.
        let (organization, role) = invites_store::redeem_invite(&mut tx, &pending.token, now)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::InvalidCode))?;
        let account = accounts_store::create_account(
            &mut tx,
            &pending.user_handle.to_string(),
            &pending.display_name,
            &pending.locale,
            false,
            now,
        )
        .await
        .map_err(AppError::from)?;
        let passkey = passkey_store::add_passkey(&mut tx, account, &passkey, "", now)
            .await
            .map_err(AppError::from)?;
        staff_store::grant_role(&mut tx, organization, account, role, None, now)
            .await
            .map_err(AppError::from)?;
        tx.commit().await?;
        sign_in_as(&app, account, AuthMethod::Passkey, Some(passkey)).await
    }
}
