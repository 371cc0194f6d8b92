//! `voz org create`: a new installation's first organization, without code or demo data.
//! Every value is checked before anything is stored; the creation is audited.

use voz_app::accounts::organization::rules::{OrganizationForm, validate};
use voz_app::accounts::store as accounts_store;
use voz_app::accounts::types::{DocumentType, NewOrganization};
use voz_app::db::{Db, now_millis};
use voz_app::error::Problem;

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

/// What `problem` with `field` means, in the command's own words (its flags).
fn explain(field: &str, problem: &Problem) -> String {
    let flag = match field {
        "default_locale" | "names" => "--locale",
        f if f.starts_with("name-") => "--name",
        "documents" => "--documents",
        "min_age" => "--min-age",
        "districts" => "--districts",
        "time_zone" => "--time-zone",
        other => other,
    };
    let known_documents = || {
        let known: Vec<&str> = DocumentType::ALL.iter().map(|d| d.code()).collect();
        known.join(", ")
    };
    let what = match (flag, problem) {
        ("--locale", _) => "one of pt-BR, es, en, fr, ht, ar".to_owned(),
        ("--name", Problem::Required) => "the organization's name is required".to_owned(),
        ("--documents", _) => format!("known document codes: {}", known_documents()),
        ("--min-age", _) => "between 14 and 21".to_owned(),
        ("--time-zone", _) => "an IANA time zone, e.g. America/Sao_Paulo".to_owned(),
        ("--districts", Problem::AlreadyUsed) => "a district is named twice".to_owned(),
        (_, Problem::TooLong { max }) => format!("at most {max} characters"),
        (_, Problem::TooMany { max }) => format!("at most {max}"),
        (_, Problem::ForbiddenCharacters) => {
            "plain text only (no < > or control characters)".to_owned()
        }
        (_, other) => format!("{other:?}"),
    };
    format!("{flag}: {what}")
}

/// The organization described by the command's flags, or what is wrong with them. The
/// settings go through the same rules as the settings page (`organization::rules`).
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
    let documents = if documents.is_empty() {
        DocumentType::ALL
            .iter()
            .map(|d| d.code().to_owned())
            .collect()
    } else {
        documents
            .iter()
            .map(|d| d.trim().to_owned())
            .collect::<Vec<_>>()
    };
    let form = OrganizationForm {
        names: [(locale.clone(), name.clone())].into(),
        default_locale: locale.clone(),
        documents: documents
            .into_iter()
            .map(|d| (d, "on".to_owned()))
            .collect(),
        min_age: min_age.to_string(),
        residence: if *residence_document {
            "document"
        } else {
            "self_declaration"
        }
        .to_owned(),
        districts: districts.join("\n"),
        time_zone: time_zone.clone(),
        voter_list_public: if *public_voter_list { "on" } else { "" }.to_owned(),
    };
    let settings = validate(&form, voz_app::calendar::known_time_zone).map_err(|problems| {
        problems
            .iter()
            .map(|p| explain(&p.field, &p.problem))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    Ok(NewOrganization {
        slug: slug.clone(),
        name: settings.name().to_owned(),
        default_locale: settings.default_locale,
        rules: settings.rules,
        voter_list_public: settings.voter_list_public,
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
    use super::*;

    fn create(flags: &[&str]) -> Result<NewOrganization, String> {
        use clap::Parser as _;
        let mut args = vec!["voz", "org", "create"];
        args.extend_from_slice(flags);
        let cli = crate::cli::Cli::try_parse_from(args).expect("flags parse");
        match cli.command {
            crate::cli::Command::Org(command) => new_organization(&command),
            _ => unreachable!("an org command"),
        }
    }

    #[test]
    fn the_command_line_obeys_the_settings_page_rules() {
        let made = create(&[
            "cmi-sp",
            "--name",
            "  CMI  São Paulo ",
            "--locale",
            "pt-BR",
            "--districts",
            "Sé,Mooca",
        ])
        .expect("valid");
        assert_eq!(made.name, "CMI São Paulo");
        assert_eq!(made.rules.districts, ["Sé", "Mooca"]);
        assert_eq!(made.rules.accepted_documents.len(), DocumentType::ALL.len());
        let refused = create(&[
            "cmi-sp",
            "--name",
            "X",
            "--min-age",
            "30",
            "--time-zone",
            "Mars/Base",
            "--districts",
            "Sé,SE",
        ])
        .expect_err("refused");
        assert!(
            refused.contains("--min-age: between 14 and 21"),
            "{refused}"
        );
        assert!(refused.contains("--time-zone"), "{refused}");
        assert!(
            refused.contains("--districts: a district is named twice"),
            "{refused}"
        );
        assert!(create(&["cmi-sp", "--name", "X", "--documents", "library_card"]).is_err());
        assert!(create(&["cmi-sp", "--name", " ", "--locale", "ar"]).is_err());
    }

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
