//! What other processes may know of a person's standing in an organization: their
//! registration (status, birth date, the facts parity and ties read) and their roles. Every
//! process reads them here, so an eligibility question is asked one way everywhere.

use crate::accounts::types::{GenderIdentity, RegistrationStatus, Role};
use crate::calendar::Date;
use crate::db::{Db, Reader, Tx};
use crate::platform::ids::{AccountId, OrganizationId};
use crate::{on_db, on_read, on_tx};

/// A person as registered with one organization.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisteredPerson {
    pub account: AccountId,
    pub name: String,
    pub status: RegistrationStatus,
    pub birth_date: Date,
    pub gender: GenderIdentity,
    /// ISO codes, or `stateless`, in the order given.
    pub nationalities: Vec<String>,
}

impl RegisteredPerson {
    pub fn verified(&self) -> bool {
        self.status == RegistrationStatus::Verified
    }
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    account_id: AccountId,
    display_name: String,
    status: RegistrationStatus,
    birth_date: String,
    gender: GenderIdentity,
    nationalities: String,
}

const PERSON: &str = "SELECT r.account_id, a.display_name, r.status, r.birth_date, r.gender, \
                      r.nationalities FROM registrations r JOIN accounts a ON a.id = r.account_id \
                      WHERE r.organization_id = $1";

impl TryFrom<PersonRow> for RegisteredPerson {
    type Error = sqlx::Error;

    fn try_from(row: PersonRow) -> Result<Self, sqlx::Error> {
        Ok(Self {
            account: row.account_id,
            name: row.display_name,
            status: row.status,
            birth_date: row
                .birth_date
                .parse()
                .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            gender: row.gender,
            nationalities: row.nationalities.split(',').map(str::to_owned).collect(),
        })
    }
}

fn by_account() -> String {
    format!("{PERSON} AND r.account_id = $2")
}

fn by_document() -> String {
    format!("{PERSON} AND r.document_hash = $2")
}

const HAS_ROLE: &str =
    "SELECT COUNT(*) FROM roles WHERE organization_id = $1 AND account_id = $2 AND role = $3";

/// `account`'s registration with `organization`, if any.
pub async fn registered_person<'a>(
    reader: impl Into<Reader<'a>>,
    organization: OrganizationId,
    account: AccountId,
) -> Result<Option<RegisteredPerson>, sqlx::Error> {
    let sql = by_account();
    let row: Option<PersonRow> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql)
            .bind(organization)
            .bind(account)
            .fetch_optional(conn)
            .await
    })?;
    row.map(RegisteredPerson::try_from).transpose()
}

/// Who is registered with `organization` under this document (its keyed hash).
pub async fn person_by_document<'a>(
    reader: impl Into<Reader<'a>>,
    organization: OrganizationId,
    document_hash: &str,
) -> Result<Option<RegisteredPerson>, sqlx::Error> {
    let sql = by_document();
    let row: Option<PersonRow> = on_read!(reader.into(), |conn| {
        sqlx::query_as(&sql)
            .bind(organization)
            .bind(document_hash)
            .fetch_optional(conn)
            .await
    })?;
    row.map(RegisteredPerson::try_from).transpose()
}

/// Everyone holding `role` in `organization`, by name (the jurors a call team may assign).
pub async fn holders_of_role(
    db: &crate::db::Db,
    organization: OrganizationId,
    role: Role,
) -> Result<Vec<(AccountId, String)>, sqlx::Error> {
    crate::on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT a.id, a.display_name FROM roles r JOIN accounts a ON a.id = r.account_id \
             WHERE r.organization_id = $1 AND r.role = $2 ORDER BY a.display_name, a.id",
        )
        .bind(organization)
        .bind(role)
        .fetch_all(pool)
        .await
    })
}

/// Whether `account` holds `role` in `organization`.
pub async fn has_role(
    tx: &mut Tx,
    organization: OrganizationId,
    account: AccountId,
    role: Role,
) -> Result<bool, sqlx::Error> {
    let (count,): (i64,) = on_tx!(tx, |conn| {
        sqlx::query_as(HAS_ROLE)
            .bind(organization)
            .bind(account)
            .bind(role)
            .fetch_one(&mut *conn)
            .await
    })?;
    Ok(count > 0)
}

/// The first nationality each person marked in `poll` gave when registering with
/// `organization` (turnout by nationality: a count of marks, never of ballots).
pub async fn first_nationalities_of_voters(
    db: &Db,
    organization: OrganizationId,
    poll: crate::platform::ids::PollId,
) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT r.nationalities FROM voter_marks m JOIN registrations r \
             ON r.account_id = m.account_id AND r.organization_id = $1 WHERE m.poll_id = $2",
        )
        .bind(organization)
        .bind(poll)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(codes,)| codes.split(',').next().unwrap_or_default().to_owned())
        .collect())
}
