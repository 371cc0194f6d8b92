//! `voz org create`: a new installation's first organization, without code or demo data.
//! Every value is checked before anything is stored; the creation is audited.

use voz_app::accounts::store as accounts_store;
use voz_app::accounts::types::{DocumentType, NewOrganization, RegistrationRules, ResidenceProof};
use voz_app::db::{Db, now_millis};

use crate::cli::OrgCommand;

type Outcome = Result<(), Box<dyn std::error::Error>>;

/// An organization's address part: 2–40 of `a-z`, `0-9` and `-`, not at either end.
fn valid_slug(slug: &str) -> bool {
    (2..=40).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// The organization described by the command's flags, or what is wrong with them.
fn new_organization(command: &OrgCommand) -> Result<NewOrganization, String> {
    let OrgCommand::Create {
        slug,
        name,
        locale,
        time_zone,
        min_age,
        documents,
        districts,
        residence_document,
        public_voter_list,
    } = command;
    if !valid_slug(slug) {
        return Err(format!(
            "slug {slug:?}: use 2 to 40 of a-z, 0-9 and -, not at either end (e.g. cmi-sp)"
        ));
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err("--name: the organization's name, 1 to 200 characters".into());
    }
    if locale.parse::<voz_app::i18n::Locale>().is_err() {
        return Err(format!(
            "--locale {locale:?}: one of pt-BR, es, en, fr, ht, ar"
        ));
    }
    if !voz_app::calendar::known_time_zone(time_zone) {
        return Err(format!(
            "--time-zone {time_zone:?}: an IANA time zone, e.g. America/Sao_Paulo"
        ));
    }
    if !(14..=21).contains(min_age) {
        return Err(format!("--min-age {min_age}: between 14 and 21"));
    }
    let accepted_documents = if documents.is_empty() {
        DocumentType::ALL.to_vec()
    } else {
        documents
            .iter()
            .map(|code| {
                DocumentType::from_code(code.trim()).ok_or_else(|| {
                    let known: Vec<&str> = DocumentType::ALL.iter().map(|d| d.code()).collect();
                    format!("--documents: unknown {code:?}; known: {}", known.join(", "))
                })
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    let districts: Vec<String> = districts
        .iter()
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty())
        .collect();
    if districts.iter().any(|d| d.chars().count() > 100) {
        return Err("--districts: each at most 100 characters".into());
    }
    Ok(NewOrganization {
        slug: slug.clone(),
        name: name.to_owned(),
        default_locale: locale.clone(),
        rules: RegistrationRules {
            accepted_documents,
            min_age: *min_age,
            residence_proof: if *residence_document {
                ResidenceProof::Document
            } else {
                ResidenceProof::SelfDeclaration
            },
            districts,
            time_zone: time_zone.clone(),
        },
        voter_list_public: *public_voter_list,
    })
}

pub async fn org(database_url: &str, command: OrgCommand) -> Outcome {
    let new = new_organization(&command)?;
    let db = Db::connect(database_url).await?;
    db.migrate().await?;
    if accounts_store::organization_by_slug(&db, &new.slug)
        .await?
        .is_some()
    {
        return Err(format!("an organization with slug {:?} exists already", new.slug).into());
    }
    let mut tx = db.begin_write().await?;
    accounts_store::create_organization(&mut tx, &new, None, now_millis()).await?;
    tx.commit().await?;
    db.close().await;
    println!("{}", new.slug);
    eprintln!(
        "Organization {:?} created. Next: `voz admin invite --org {}` prints its first administrator's link.",
        new.name, new.slug
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::valid_slug;

    #[test]
    fn slugs_are_short_lowercase_addresses() {
        assert!(valid_slug("cmi-sp"));
        assert!(valid_slug("idpac-bogota-2026"));
        assert!(!valid_slug("c"));
        assert!(!valid_slug("CMI"));
        assert!(!valid_slug("-cmi"));
        assert!(!valid_slug("cmi sp"));
        assert!(!valid_slug("cmí"));
    }
}
