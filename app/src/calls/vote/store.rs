//! The public vote's boxes on either backend.

use std::collections::BTreeMap;

use crate::calls::apply::types::Status;
use crate::calls::call::phase_now::phase_now;
use crate::calls::call::rules::{Call, Phase};
use crate::calls::error::{CallError, corrupt};
use crate::db::{Reader, Tx};
use crate::on_tx;
use crate::platform::audit::event::Subject;
use crate::platform::ids::{AccountId, ApplicationId, CategoryId, PollId};
use crate::platform::voting::store as voting_store;
use crate::platform::voting::{Channel, PollKind};

fn owner(call: &Call, category: CategoryId) -> Subject {
    Subject::Category(call.id, category.0)
}

/// Opens one box per category (when the call has a public vote); already open ones stay.
pub async fn open_boxes(tx: &mut Tx, call: &Call) -> Result<(), CallError> {
    if !call.has_public_vote() {
        return Ok(());
    }
    for category in &call.categories {
        if voting_store::poll_of(&mut *tx, PollKind::CallVote, owner(call, category.id))
            .await?
            .is_none()
        {
            voting_store::create_poll(
                tx,
                call.organization,
                PollKind::CallVote,
                owner(call, category.id),
            )
            .await?;
        }
    }
    Ok(())
}

/// The box of `category`, if open.
pub async fn box_of(
    reader: impl Into<Reader<'_>>,
    call: &Call,
    category: CategoryId,
) -> Result<Option<PollId>, CallError> {
    Ok(voting_store::poll_of(reader, PollKind::CallVote, owner(call, category)).await?)
}

/// Casts `voter`'s vote for `application`: during the public vote, for an eligible
/// application, by a person verified by the organization, once per category (the mark
/// and the ballot in this transaction; the ballot holds the application's id only).
/// Returns the ballot's tracking code.
pub async fn cast(
    tx: &mut Tx,
    call: &Call,
    application: ApplicationId,
    voter: AccountId,
) -> Result<String, CallError> {
    if phase_now(tx, call).await? != Phase::PublicVote || !call.has_public_vote() {
        return Err(CallError::WrongPhase);
    }
    let row: Option<(i64, String)> = on_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT category_id, status FROM call_applications WHERE id = $1 AND call_id = $2",
        )
        .bind(application)
        .bind(call.id)
        .fetch_optional(&mut *conn)
        .await
    })?;
    let (category, status) = row.ok_or(CallError::NotFound)?;
    if Status::from_code(&status) != Some(Status::Eligible) {
        return Err(CallError::NotFound);
    }
    let person =
        crate::platform::access::store::registered_person(&mut *tx, call.organization, voter)
            .await?;
    if !person.is_some_and(|p| p.verified()) {
        return Err(CallError::NotVerified);
    }
    let poll = box_of(&mut *tx, call, CategoryId(category))
        .await?
        .ok_or_else(|| corrupt("no ballot box"))?;
    if !voting_store::mark(tx, poll, voter, Channel::Online, None).await? {
        return Err(CallError::AlreadyVoted);
    }
    let code = voting_store::new_tracking_code();
    voting_store::insert_ballot(tx, poll, &code, &application.0.to_string()).await?;
    Ok(code)
}

/// Whether `voter` has voted in each category (category id → voted).
pub async fn voted_in(
    db: &crate::db::Db,
    call: &Call,
    voter: AccountId,
) -> Result<BTreeMap<CategoryId, bool>, CallError> {
    let mut out = BTreeMap::new();
    for category in &call.categories {
        let voted = match box_of(db, call, category.id).await? {
            Some(poll) => voting_store::has_marked(db, poll, voter).await?,
            None => false,
        };
        out.insert(category.id, voted);
    }
    Ok(out)
}

/// Votes per application id, over every category's box.
pub async fn counts(
    db: &crate::db::Db,
    call: &Call,
) -> Result<BTreeMap<ApplicationId, u64>, CallError> {
    let mut out = BTreeMap::new();
    for category in &call.categories {
        if let Some(poll) = box_of(db, call, category.id).await? {
            for (content, n) in voting_store::contents_counted(db, poll).await? {
                let id: i64 = content.parse().map_err(corrupt)?;
                out.insert(ApplicationId(id), u64::try_from(n).map_err(corrupt)?);
            }
        }
    }
    Ok(out)
}
