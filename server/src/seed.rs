//! People for demo data and benchmarks: an account, its registration and, when given, the
//! commission's decision on it, written in the caller's transaction exactly as the real
//! journeys write them (so demo voters are indistinguishable from registered ones).

use leptos_i18n::Locale as _;
use voz_app::accounts::registration::rules::Registration;
use voz_app::accounts::registration::store as registration_store;
use voz_app::accounts::secret::ServerSecret;
use voz_app::accounts::store as accounts_store;
use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::{AccountId, Decision, OrganizationId};
use voz_app::db::Tx;

/// Who decides a seeded registration, and how.
pub struct Decided<'a> {
    pub decision: &'a Decision,
    pub reviewer: AccountId,
}

/// A registered person: the new account and the keyed hash of their document.
pub struct Seeded {
    pub account: AccountId,
    pub document_hash: String,
}

/// Creates `registration`'s person (`managed`: an account staff hold for someone without a
/// passkey) and decides the registration when `decided` says so.
pub async fn registered_person(
    tx: &mut Tx,
    secret: &ServerSecret,
    organization: OrganizationId,
    registration: &Registration,
    managed: bool,
    decided: Option<Decided<'_>>,
    now: i64,
) -> Result<Seeded, Box<dyn std::error::Error>> {
    let account = accounts_store::create_account(
        tx,
        &new_user_handle().to_string(),
        &registration.display_name,
        registration.preferred_locale.as_str(),
        managed,
        now,
    )
    .await?;
    let document_hash = secret.document_hash(
        organization,
        registration.document_type,
        &registration.document_number,
    );
    let id = registration_store::create_registration(
        tx,
        organization,
        account,
        registration,
        &document_hash,
        true,
        now,
    )
    .await?;
    if let Some(Decided { decision, reviewer }) = decided {
        registration_store::decide_registration(tx, organization, id, decision, reviewer, now)
            .await?;
    }
    Ok(Seeded {
        account,
        document_hash,
    })
}
