//! Server functions for staff: the verification queue, the help desk (registering someone
//! in person and printing an access code), staff enrollment and invitations, the audit log.
//! Every one checks the caller's role itself.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

use crate::accounts::server::Ceremony;
use crate::accounts::types::{
    Decision, RegistrationForm, RegistrationStatus, RegistrationSummary, Role,
};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::audit::AuditRecord;

/// The staff home of one organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHome {
    pub name: String,
    pub roles: Vec<Role>,
    pub pending: usize,
}

/// A printable access code, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessCard {
    pub display_name: String,
    pub organization: String,
    /// `ABCDE-FGHJK`
    pub code: String,
    /// QR code (SVG) of the sign-in link with the code in its fragment.
    pub qr_svg: String,
    /// YYYY-MM-DD
    pub valid_until: String,
}

/// What an enrollment link offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteView {
    pub organization: String,
    pub role: Role,
}

#[server(prefix = "/api", endpoint = "staff/home")]
pub async fn load_staff_home(organization: String) -> Result<StaffHome, AppError> {
    respond(ssr::staff_home(&organization).await)
}

#[server(prefix = "/api", endpoint = "staff/queue", input = Json)]
pub async fn review_queue(
    organization: String,
    status: RegistrationStatus,
) -> Result<Vec<RegistrationSummary>, AppError> {
    respond(ssr::review_queue(&organization, status).await)
}

#[server(prefix = "/api", endpoint = "staff/decide", input = Json)]
pub async fn decide(
    organization: String,
    registration: i64,
    decision: Decision,
) -> Result<(), AppError> {
    respond(ssr::decide(&organization, registration, decision).await)
}

/// Registers a person at a help desk (staff saw the document), verified at once, and
/// prints their access code.
/// Staff checked a flagged pair (`registration`, `other`): two different people.
#[server(prefix = "/api", endpoint = "staff/not_duplicate", input = Json)]
pub async fn not_duplicate(
    organization: String,
    registration: i64,
    other: i64,
) -> Result<(), AppError> {
    respond(ssr::not_duplicate(&organization, registration, other).await)
}

#[server(prefix = "/api", endpoint = "staff/helpdesk", input = Json)]
pub async fn helpdesk_register(
    organization: String,
    form: RegistrationForm,
) -> Result<AccessCard, AppError> {
    respond(ssr::helpdesk_register(&organization, form).await)
}

/// A new access code for an already registered person (a lost card, say).
#[server(prefix = "/api", endpoint = "staff/access_code", input = Json)]
pub async fn issue_access_code(
    organization: String,
    registration: i64,
) -> Result<AccessCard, AppError> {
    respond(ssr::issue_access_code(&organization, registration).await)
}

#[server(prefix = "/api", endpoint = "staff/invite", input = Json)]
pub async fn create_staff_invite(organization: String, role: Role) -> Result<String, AppError> {
    respond(ssr::create_staff_invite(&organization, role).await)
}

/// A member of an organization's team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub account: i64,
    pub name: String,
    pub roles: Vec<Role>,
}

#[server(prefix = "/api", endpoint = "staff/team", input = Json)]
pub async fn team(organization: String) -> Result<Vec<TeamMember>, AppError> {
    respond(ssr::team(&organization).await)
}

/// Takes a role away; the last administrator cannot be removed (`Conflict`).
#[server(prefix = "/api", endpoint = "staff/revoke", input = Json)]
pub async fn revoke_role(organization: String, account: i64, role: Role) -> Result<(), AppError> {
    respond(ssr::revoke_role(&organization, account, role).await)
}

/// The audit log, newest first: the whole organization's for administrators; one
/// election's (`election`: its address) for its electoral commission too.
#[server(prefix = "/api", endpoint = "staff/audit", input = Json)]
pub async fn audit_log(
    organization: String,
    before: Option<i64>,
    #[server(default)] election: Option<String>,
) -> Result<Vec<AuditRecord>, AppError> {
    respond(ssr::audit_log(&organization, before, election.as_deref()).await)
}

#[server(prefix = "/api", endpoint = "enroll/view")]
pub async fn view_invite(token: String) -> Result<InviteView, AppError> {
    respond(ssr::view_invite(&token).await)
}

#[server(prefix = "/api", endpoint = "enroll/start", input = Json)]
pub async fn start_enrollment(
    token: String,
    display_name: String,
    locale: String,
) -> Result<Ceremony, AppError> {
    respond(ssr::start_enrollment(&token, &display_name, &locale).await)
}

#[server(prefix = "/api", endpoint = "enroll/finish", input = Json)]
pub async fn finish_enrollment(ceremony: String, credential: String) -> Result<(), AppError> {
    respond(ssr::finish_enrollment(&ceremony, &credential).await)
}

/// Signs a voter in with a printed code. Unknown, used, expired and mistyped codes all
/// answer `InvalidCode`; after too many failures from one client, `TooManyAttempts`.
#[server(prefix = "/api", endpoint = "sign_in/code")]
pub async fn sign_in_with_code(code: String) -> Result<(), AppError> {
    respond(ssr::sign_in_with_code(&code).await)
}

/// The public list of enabled voters (name and district), where the organization publishes it.
#[server(prefix = "/api", endpoint = "voters")]
pub async fn enabled_voters(
    organization: String,
) -> Result<(String, Vec<(String, String)>), AppError> {
    respond(ssr::enabled_voters(&organization).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::time::Duration;

    use leptos_i18n::Locale as _;
    use serde::{Deserialize, Serialize};
    use webauthn_rs::prelude::{PasskeyRegistration, Uuid};

    use super::{AccessCard, InviteView, StaffHome};
    use crate::accounts::access_codes::{display_code, generate_code, normalize_code};
    use crate::accounts::rate_limit::{ACCESS_CODE, attempt};
    use crate::accounts::rules::validate_registration;
    use crate::accounts::server::Ceremony;
    use crate::accounts::server::ssr::{
        new_passkey, put_ceremony, take_ceremony, verify_new_passkey,
    };
    use crate::accounts::session::{app_state, require_staff, sign_in_as};
    use crate::accounts::session_store::AuthMethod;
    use crate::accounts::store::new_user_handle;
    use crate::accounts::types::{
        Decision, Field, FieldError, Organization, RegistrationForm, RegistrationId,
        RegistrationStatus, RegistrationSummary, Role,
    };
    use crate::calendar::Date;
    use crate::db::now_millis;
    use crate::error::{AppError, ErrorCode};
    use crate::i18n::Locale;
    use crate::platform::access::{ADMINISTRATORS, HELP_DESK, REVIEWERS};
    use crate::platform::audit::AuditRecord;
    use crate::platform::text::one_line;

    /// How long a printed access code works: long enough to cover a voting period.
    const ACCESS_CODE_LIFETIME: Duration = Duration::from_secs(30 * 24 * 3600);
    const INVITE_LIFETIME: Duration = Duration::from_secs(72 * 3600);
    const REASON_MAX: u16 = 300;

    pub async fn staff_home(slug: &str) -> Result<StaffHome, AppError> {
        let (account, organization) = require_staff(slug, &Role::ALL).await?;
        let app = app_state()?;
        let roles = app
            .db
            .roles_of(organization.id, account)
            .await
            .map_err(AppError::from)?;
        let pending = app
            .db
            .registrations_with_status(organization.id, RegistrationStatus::Pending, 1000)
            .await
            .map_err(AppError::from)?
            .len();
        Ok(StaffHome {
            name: organization.name,
            roles,
            pending,
        })
    }

    pub async fn review_queue(
        slug: &str,
        status: RegistrationStatus,
    ) -> Result<Vec<RegistrationSummary>, AppError> {
        let (_, organization) = require_staff(slug, &REVIEWERS).await?;
        let app = app_state()?;
        let mut queue = app
            .db
            .registrations_with_status(organization.id, status, 200)
            .await
            .map_err(AppError::from)?;
        // The flag matters where a decision is pending.
        if matches!(
            status,
            RegistrationStatus::Pending | RegistrationStatus::NeedsCorrection
        ) {
            for item in &mut queue {
                item.duplicates = app
                    .db
                    .possible_duplicates(organization.id, item.id)
                    .await
                    .map_err(AppError::from)?;
            }
        }
        Ok(queue)
    }

    /// Staff checked the documents of a flagged pair: two different people.
    pub async fn not_duplicate(slug: &str, registration: i64, other: i64) -> Result<(), AppError> {
        let (account, organization) = require_staff(slug, &REVIEWERS).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        tx.dismiss_duplicate(
            organization.id,
            RegistrationId(registration),
            RegistrationId(other),
            account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn decide(slug: &str, registration: i64, decision: Decision) -> Result<(), AppError> {
        let (account, organization) = require_staff(slug, &REVIEWERS).await?;
        // A refusal or a request for correction must say why, in words the person can act on;
        // a registration keeps no last day for corrections.
        let today = crate::calendar::Date::from_unix_millis(now_millis());
        let decision = decision.checked(REASON_MAX, today, false)?;
        let app = app_state()?;
        // One person, one vote: a registration that may be someone already registered
        // under another document waits until staff resolve the flag.
        if decision == Decision::Accept
            && !app
                .db
                .possible_duplicates(organization.id, RegistrationId(registration))
                .await
                .map_err(AppError::from)?
                .is_empty()
        {
            return Err(AppError::new(ErrorCode::PossibleDuplicate));
        }
        let mut tx = app.db.begin_write().await?;
        tx.decide_registration(
            organization.id,
            RegistrationId(registration),
            &decision,
            account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn helpdesk_register(
        slug: &str,
        form: RegistrationForm,
    ) -> Result<AccessCard, AppError> {
        let (staff, organization) = require_staff(slug, &HELP_DESK).await?;
        let app = app_state()?;
        let now = now_millis();
        let registration = validate_registration(
            &form,
            &organization.rules,
            crate::calendar::local_time(&organization.rules.time_zone, now).date,
        )
        .map_err(AppError::fields)?;
        let document_hash = app.secret.document_hash(
            organization.id,
            registration.document_type,
            &registration.document_number,
        );
        // The same person may already be registered under another document: the desk
        // checks before registering (and verifying) them again.
        let nationalities = registration.nationalities.clone();
        let duplicates = app
            .db
            .duplicates_of(
                organization.id,
                &crate::accounts::duplicates::Person {
                    name: &registration.display_name,
                    birth_date: registration.birth_date,
                    nationalities: &nationalities,
                },
                None,
            )
            .await
            .map_err(AppError::from)?;
        if !duplicates.is_empty() && !form.not_a_duplicate {
            return Err(AppError::new(ErrorCode::PossibleDuplicate));
        }
        let code = generate_code();
        let mut tx = app.db.begin_write().await?;
        let account = tx
            .create_account(
                &new_user_handle().to_string(),
                &registration.display_name,
                registration.preferred_locale.as_str(),
                true,
                now,
            )
            .await
            .map_err(AppError::from)?;
        let id = tx
            .create_registration(
                organization.id,
                account,
                &registration,
                &document_hash,
                form.residence_declared,
                now,
            )
            .await
            .map_err(AppError::from)?;
        // Staff saw the document at the desk: the registration is verified on the spot —
        // after saying the flagged registrations are other people (audited).
        for other in &duplicates {
            tx.dismiss_duplicate(
                organization.id,
                id,
                RegistrationId(other.registration),
                staff,
                now,
            )
            .await
            .map_err(AppError::from)?;
        }
        tx.decide_registration(organization.id, id, &Decision::Accept, staff, now)
            .await
            .map_err(AppError::from)?;
        let expires_at = tx
            .issue_access_code(
                organization.id,
                account,
                &app.secret.access_code_hash(&code),
                ACCESS_CODE_LIFETIME,
                staff,
                now,
            )
            .await
            .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(card(
            &app.public_url,
            &organization,
            &registration.display_name,
            registration.preferred_locale,
            &code,
            expires_at,
        ))
    }

    /// A printed code for someone the help desk manages (registered in person, without
    /// phone or email); for anyone else only the commission or an administrator may print
    /// one, since a code signs its holder in as that person.
    pub async fn issue_access_code(slug: &str, registration: i64) -> Result<AccessCard, AppError> {
        let (staff, organization) = require_staff(slug, &HELP_DESK).await?;
        let app = app_state()?;
        let (account, display_name, locale, managed) = app
            .db
            .registration_account(organization.id, RegistrationId(registration))
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        if !managed {
            let roles = app
                .db
                .roles_of(organization.id, staff)
                .await
                .map_err(AppError::from)?;
            if !roles
                .iter()
                .any(|r| matches!(r, Role::Administrator | Role::ElectoralCommission))
            {
                return Err(AppError::new(ErrorCode::Forbidden));
            }
        }
        let code = generate_code();
        let now = now_millis();
        let mut tx = app.db.begin_write().await?;
        let expires_at = tx
            .issue_access_code(
                organization.id,
                account,
                &app.secret.access_code_hash(&code),
                ACCESS_CODE_LIFETIME,
                staff,
                now,
            )
            .await
            .map_err(AppError::from)?;
        tx.commit().await?;
        let locale = locale.parse::<Locale>().unwrap_or_default();
        Ok(card(
            &app.public_url,
            &organization,
            &display_name,
            locale,
            &code,
            expires_at,
        ))
    }

    fn card(
        public_url: &str,
        organization: &Organization,
        name: &str,
        locale: Locale,
        code: &str,
        expires_at: i64,
    ) -> AccessCard {
        // The code travels in the fragment, which browsers never send to a server or a log.
        let link = format!("{public_url}/{}/code#{code}", locale.as_str());
        let qr_svg =
            qrcode::QrCode::with_error_correction_level(link.as_bytes(), qrcode::EcLevel::M)
                .map(|qr| {
                    qr.render::<qrcode::render::svg::Color<'_>>()
                        .min_dimensions(180, 180)
                        .quiet_zone(true)
                        .build()
                })
                .unwrap_or_default();
        AccessCard {
            display_name: name.to_owned(),
            organization: organization.name.clone(),
            code: display_code(code),
            qr_svg,
            valid_until: Date::from_unix_millis(expires_at).to_string(),
        }
    }

    pub async fn create_staff_invite(slug: &str, role: Role) -> Result<String, AppError> {
        let (admin, organization) = require_staff(slug, &ADMINISTRATORS).await?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        let token = tx
            .create_invite(
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
        let team = app_state()?
            .db
            .team(organization.id)
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
            let team = app.db.team(organization.id).await.map_err(AppError::from)?;
            let admins = team
                .iter()
                .filter(|(_, _, roles)| roles.contains(&Role::Administrator))
                .count();
            if admins <= 1 {
                return Err(AppError::new(ErrorCode::Conflict));
            }
        }
        let mut tx = app.db.begin_write().await?;
        let removed = tx
            .revoke_role(
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

    pub async fn audit_log(
        slug: &str,
        before: Option<i64>,
        election: Option<&str>,
    ) -> Result<Vec<AuditRecord>, AppError> {
        let app = app_state()?;
        let Some(election) = election.filter(|e| !e.is_empty()) else {
            let (_, organization) = require_staff(slug, &ADMINISTRATORS).await?;
            return Ok(app.db.audit_page(organization.id.0, before, 100).await?);
        };
        require_staff(slug, &[Role::Administrator, Role::ElectoralCommission]).await?;
        let (_, record) = crate::elections::lookup::election_of(&app, slug, election).await?;
        Ok(app
            .db
            .process_audit_page(
                crate::platform::audit::event::Process::Election(record.id),
                before,
                100,
            )
            .await?)
    }

    pub async fn view_invite(token: &str) -> Result<InviteView, AppError> {
        let app = app_state()?;
        let (organization, role) = app
            .db
            .peek_invite(token, now_millis())
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::InvalidCode))?;
        let organization = app
            .db
            .organization_name(organization)
            .await
            .map_err(AppError::from)?
            .unwrap_or_default();
        Ok(InviteView { organization, role })
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
        let display_name =
            one_line(display_name, crate::accounts::rules::NAME_MAX).map_err(|problem| {
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
        let (organization, role) = tx
            .redeem_invite(&pending.token, now)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::InvalidCode))?;
        let account = tx
            .create_account(
                &pending.user_handle.to_string(),
                &pending.display_name,
                &pending.locale,
                false,
                now,
            )
            .await
            .map_err(AppError::from)?;
        let passkey = tx
            .add_passkey(account, &passkey, "", now)
            .await
            .map_err(AppError::from)?;
        tx.grant_role(organization, account, role, None, now)
            .await
            .map_err(AppError::from)?;
        tx.commit().await?;
        sign_in_as(&app, account, AuthMethod::Passkey, Some(passkey)).await
    }

    pub async fn sign_in_with_code(typed: &str) -> Result<(), AppError> {
        let app = app_state()?;
        let now = now_millis();
        // Counted before the code is even looked at, so the answer reveals nothing.
        let ticket = attempt(&app, &ACCESS_CODE).await?;
        let account = match normalize_code(typed) {
            Some(code) => app
                .db
                .redeem_access_code(&app.secret.access_code_hash(&code), now)
                .await
                .map_err(AppError::from)?,
            None => None,
        };
        let Some(account) = account else {
            return Err(AppError::new(ErrorCode::InvalidCode));
        };
        app.db.forgive(ticket).await?;
        sign_in_as(&app, account, AuthMethod::AccessCode, None).await
    }

    pub async fn enabled_voters(slug: &str) -> Result<(String, Vec<(String, String)>), AppError> {
        let app = app_state()?;
        let organization = app
            .db
            .organization_by_slug(slug)
            .await
            .map_err(AppError::from)?
            .filter(|o| o.voter_list_public)
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let voters = app
            .db
            .enabled_voters(organization.id)
            .await
            .map_err(AppError::from)?;
        Ok((organization.name, voters))
    }
}
