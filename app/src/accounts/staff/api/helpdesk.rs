//! The help desk: registering someone in person (a managed account, no passkey needed) and
//! printing them an access code card, shown once.

use crate::accounts::types::{RegistrationForm, RegistrationPage};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// People found by the desk's search, a page at a time.
pub const PEOPLE_PER_PAGE: u32 = 20;

/// A printable access code, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessCard {
    pub display_name: String,
    pub organization: String,
    /// `ABCDE-FGHJK`
    pub code: String,
    /// QR code (SVG) of the sign-in link with the code in its fragment.
    pub qr_svg: String,
    /// The sign-in page's address, printed in letters for those who type it.
    pub address: String,
    /// YYYY-MM-DD
    pub valid_until: String,
    /// The holder's language: the card is printed in it, whoever prints it.
    pub locale: String,
}

/// Anyone registered, by name or document number (`query`), a page at a time; every
/// search is audited (what kind, how many found — never the words typed).
#[server(prefix = "/api", endpoint = "staff/find_people", input = JsonOrForm)]
pub async fn find_people(
    organization: String,
    query: String,
    page: u32,
) -> Result<RegistrationPage, AppError> {
    respond(ssr::find_people(&organization, &query, page).await)
}

#[server(prefix = "/api", endpoint = "staff/helpdesk", input = JsonOrForm)]
pub async fn helpdesk_register(
    organization: String,
    form: RegistrationForm,
) -> Result<AccessCard, AppError> {
    let draft = form.clone();
    let outcome = ssr::helpdesk_register(&organization, form).await;
    if crate::platform::web::http::is_form_post() {
        ssr::after_form(&organization, &outcome, &draft);
    }
    respond(outcome.map(|(_, card)| card))
}

/// A new access code for an already registered person (a lost card, say).
#[server(prefix = "/api", endpoint = "staff/access_code", input = JsonOrForm)]
pub async fn issue_access_code(
    organization: String,
    registration: i64,
) -> Result<AccessCard, AppError> {
    respond(ssr::issue_access_code(&organization, registration).await)
}

/// "Print a new code" as a plain form (the review queue's verified tab): issues the code,
/// keeps it for the next page in a short-lived HttpOnly cookie on this device — never in a
/// URL — and goes back to the queue, which shows the card once ([`take_access_card`]).
#[server(prefix = "/api", endpoint = "staff/access_code_form")]
pub async fn issue_access_code_form(
    organization: String,
    registration: i64,
    locale: String,
    #[server(default)] from: String,
) -> Result<(), AppError> {
    ssr::issue_access_code_form(&organization, registration, &locale, &from).await;
    Ok(())
}

/// The card just printed on this device for `registration`, once: reading it clears it.
#[server(prefix = "/api", endpoint = "staff/access_card")]
pub async fn take_access_card(
    organization: String,
    registration: i64,
) -> Result<Option<AccessCard>, AppError> {
    respond(ssr::take_access_card(&organization, registration).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::{AccessCard, PEOPLE_PER_PAGE};
    use crate::accounts::access_code::rules::display_code;
    use crate::accounts::access_code::store as access_code_store;
    use crate::accounts::access_code::store::generate_code;
    use crate::accounts::duplicates::rules::name_words;
    use crate::accounts::duplicates::store as duplicates_store;
    use crate::accounts::registration::rules::validate_registration;
    use crate::accounts::registration::search::Query;
    use crate::accounts::registration::store as registration_store;
    use crate::accounts::staff::store as staff_store;
    use crate::accounts::store as accounts_store;
    use crate::accounts::store::new_user_handle;
    use crate::accounts::types::{
        AccountId, Decision, Organization, RegistrationForm, RegistrationId,
    };
    use crate::accounts::types::{DocumentType, RegistrationPage};
    use crate::calendar::Date;
    use crate::db::now_millis;
    use crate::error::FieldProblem;
    use crate::error::{AppError, ErrorCode};
    use crate::i18n::Locale;
    use crate::platform::access::HELP_DESK;
    use crate::platform::audit::event::{Action, Subject};
    use crate::platform::audit::store as audit_store;
    use crate::platform::audit::store::AuditEvent;
    use crate::platform::web::context::{app_state, require_staff};
    use crate::platform::web::flash::Flash;
    use crate::platform::web::http::{form_redirect, redirect_with};
    use leptos_i18n::Locale as _;
    use std::time::Duration;

    /// How long a printed access code works: long enough to cover a voting period.
    const ACCESS_CODE_LIFETIME: Duration = Duration::from_secs(30 * 24 * 3600);

    /// From the desk's plain form: the card goes to the next page (`?card=<id>`); a refused
    /// form comes back with what was typed (so "not a duplicate" is one tick away).
    pub fn after_form(
        slug: &str,
        outcome: &Result<(i64, AccessCard), AppError>,
        draft: &RegistrationForm,
    ) {
        match outcome {
            Ok((registration, card)) => {
                CARD.put(&format!(
                    "{registration}.{}.{}",
                    card.code, card.valid_until
                ));
                form_redirect(&format!("/staff/{slug}/helpdesk?card={registration}"));
            }
            Err(_) => crate::accounts::registration::form::keep_draft(draft),
        }
    }

    pub async fn helpdesk_register(
        slug: &str,
        form: RegistrationForm,
    ) -> Result<(i64, AccessCard), AppError> {
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
        let duplicates = duplicates_store::duplicates_of(
            &app.db,
            organization.id,
            &crate::accounts::duplicates::rules::Person {
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
        let mut tx = app.db.begin_write().await?;
        let account = accounts_store::create_account(
            &mut tx,
            &new_user_handle().to_string(),
            &registration.display_name,
            registration.preferred_locale.as_str(),
            true,
            now,
        )
        .await
        .map_err(AppError::from)?;
        let id = registration_store::create_registration(
            &mut tx,
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
            duplicates_store::dismiss_duplicate(
                &mut tx,
                organization.id,
                id,
                RegistrationId(other.registration),
                staff,
                now,
            )
            .await
            .map_err(AppError::from)?;
        }
        registration_store::decide_registration(
            &mut tx,
            organization.id,
            id,
            &Decision::Accept,
            staff,
            now,
        )
        .await
        .map_err(AppError::from)?;
        let (code, expires_at) =
            issue_code(&mut tx, &app, organization.id, account, staff, now).await?;
        tx.commit().await?;
        let card = card(
            &app.public_url,
            &organization,
            &registration.display_name,
            registration.preferred_locale,
            &code,
            Date::from_unix_millis(expires_at).to_string(),
        );
        Ok((id.0, card))
    }

    /// A printed code for someone the help desk manages (registered in person, without
    /// phone or email); for anyone else only the commission or an administrator may print
    /// one, since a code signs its holder in as that person.
    pub async fn issue_access_code(slug: &str, registration: i64) -> Result<AccessCard, AppError> {
        let (staff, organization) = require_staff(slug, &HELP_DESK).await?;
        let app = app_state()?;
        let (account, display_name, locale, managed) =
            registration_of(&app, &organization, registration).await?;
        if !managed {
            let roles = staff_store::roles_of(&app.db, organization.id, staff)
                .await
                .map_err(AppError::from)?;
            if !crate::platform::access::holds_any(&roles, &crate::platform::access::COMMISSION) {
                return Err(AppError::new(ErrorCode::Forbidden));
            }
        }
        let now = now_millis();
        let mut tx = app.db.begin_write().await?;
        let (code, expires_at) =
            issue_code(&mut tx, &app, organization.id, account, staff, now).await?;
        tx.commit().await?;
        let locale = locale.parse::<Locale>().unwrap_or_default();
        Ok(card(
            &app.public_url,
            &organization,
            &display_name,
            locale,
            &code,
            Date::from_unix_millis(expires_at).to_string(),
        ))
    }

    /// The account behind `registration` in `organization`: (account, display name,
    /// preferred locale, managed by the help desk).
    async fn registration_of(
        app: &crate::state::AppState,
        organization: &Organization,
        registration: i64,
    ) -> Result<(AccountId, String, String, bool), AppError> {
        registration_store::registration_account(
            &app.db,
            organization.id,
            RegistrationId(registration),
        )
        .await
        .map_err(AppError::from)?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))
    }

    /// The card between the form that printed it and the page that shows it.
    const CARD: Flash = Flash("voz_card");

    /// Back to the page the button was on: the help desk's search (`from` = `helpdesk`,
    /// its query kept) or the review queue's verified tab.
    pub async fn issue_access_code_form(slug: &str, registration: i64, locale: &str, from: &str) {
        let back = if from.starts_with("helpdesk") {
            let search = from.strip_prefix("helpdesk?").unwrap_or("");
            format!("/staff/{slug}/helpdesk?{search}")
        } else {
            format!("/staff/{slug}/review?status=verified")
        };
        match issue_access_code(slug, registration).await {
            Ok(card) => {
                CARD.put(&format!(
                    "{registration}.{}.{}",
                    card.code, card.valid_until
                ));
                redirect_with(locale, &format!("{back}&card={registration}"), None, "");
            }
            Err(error) => {
                redirect_with(
                    locale,
                    &format!("{back}&item={registration}"),
                    Some(&error),
                    "",
                );
            }
        }
    }

    pub async fn find_people(
        slug: &str,
        text: &str,
        page: u32,
    ) -> Result<RegistrationPage, AppError> {
        let (staff, organization) = require_staff(slug, &HELP_DESK).await?;
        let app = app_state()?;
        let query = Query::parse(text).map_err(|problem| {
            AppError::fields([FieldProblem {
                field: "q".to_owned(),
                problem,
            }])
        })?;
        // A document number is matched by its keyed hash, for each type it could be.
        let mut found = match &query.document {
            Some(number) => {
                let hashes: Vec<String> = DocumentType::ALL
                    .iter()
                    .map(|kind| app.secret.document_hash(organization.id, *kind, number))
                    .collect();
                registration_store::registrations_by_document(&app.db, organization.id, &hashes)
                    .await
                    .map_err(AppError::from)?
            }
            None => Vec::new(),
        };
        let mut by_name: Vec<(RegistrationId, String)> =
            registration_store::registration_names(&app.db, organization.id)
                .await
                .map_err(AppError::from)?
                .into_iter()
                .filter(|(id, name)| !found.contains(id) && query.matches_name(name))
                .collect();
        by_name.sort_by_cached_key(|(id, name)| (name_words(name), id.0));
        let by_document = found.len();
        found.extend(by_name.into_iter().map(|(id, _)| id));
        let total = u32::try_from(found.len()).unwrap_or(u32::MAX);
        let page = page.clamp(1, total.div_ceil(PEOPLE_PER_PAGE).max(1));
        let first = (page - 1) as usize * PEOPLE_PER_PAGE as usize;
        let ids: Vec<RegistrationId> = found
            .into_iter()
            .skip(first)
            .take(PEOPLE_PER_PAGE as usize)
            .collect();
        let items = registration_store::registrations_by_id(&app.db, organization.id, &ids)
            .await
            .map_err(AppError::from)?;
        // Who searched the register, how, and how many it gave: never the words typed.
        let now = now_millis();
        let mut tx = app.db.begin_write().await?;
        audit_store::audit(
            &mut tx,
            AuditEvent::new(
                Some(organization.id.0),
                Some(staff.0),
                Action::RegistrySearch,
                Subject::Organization(organization.id),
            )
            .after(serde_json::json!({
                "by_document": by_document,
                "found": total,
                "page": page,
            })),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(RegistrationPage {
            items,
            total,
            page,
            per_page: PEOPLE_PER_PAGE,
        })
    }

    pub async fn take_access_card(
        slug: &str,
        registration: i64,
    ) -> Result<Option<AccessCard>, AppError> {
        let (_, organization) = require_staff(slug, &HELP_DESK).await?;
        let app = app_state()?;
        let Some(value) = CARD.take() else {
            return Ok(None);
        };
        let mut parts = value.splitn(3, '.');
        let (Some(id), Some(code), Some(valid_until)) = (parts.next(), parts.next(), parts.next())
        else {
            return Ok(None);
        };
        if id != registration.to_string() {
            return Ok(None);
        }
        let (_, display_name, locale, _) =
            registration_of(&app, &organization, registration).await?;
        let locale = locale.parse::<Locale>().unwrap_or_default();
        let code: String = code.chars().filter(|c| *c != '-').collect();
        Ok(Some(card(
            &app.public_url,
            &organization,
            &display_name,
            locale,
            &code,
            valid_until.to_owned(),
        )))
    }

    /// A new printed code for `account`, issued in `tx` (its earlier unused codes
    /// revoked): the code, shown once, and when it expires.
    async fn issue_code(
        tx: &mut crate::db::Tx,
        app: &crate::state::AppState,
        organization: crate::accounts::types::OrganizationId,
        account: crate::accounts::types::AccountId,
        staff: crate::accounts::types::AccountId,
        now: i64,
    ) -> Result<(String, i64), AppError> {
        let code = generate_code();
        let expires_at = access_code_store::issue_access_code(
            tx,
            organization,
            account,
            &app.secret.access_code_hash(&code),
            ACCESS_CODE_LIFETIME,
            staff,
            now,
        )
        .await
        .map_err(AppError::from)?;
        Ok((code, expires_at))
    }

    fn card(
        public_url: &str,
        organization: &Organization,
        name: &str,
        locale: Locale,
        code: &str,
        valid_until: String,
    ) -> AccessCard {
        // The code travels in the fragment, which browsers never send to a server or a log.
        let address = format!("{public_url}/{}/code", locale.as_str());
        let link = format!("{address}#{code}");
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
            organization: organization.name_for(locale.as_str()),
            code: display_code(code),
            qr_svg,
            address,
            valid_until,
            locale: locale.as_str().to_owned(),
        }
    }
}
