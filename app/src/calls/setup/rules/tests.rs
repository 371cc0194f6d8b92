//! The new-call form's rules, by example and by property.

use proptest::prelude::*;

use super::*;

fn filled() -> CallForm {
    CallForm {
        slug: "panas-2028".into(),
        title: "Panas y Parces 2028".into(),
        text: "Iniciativas de migrantes y de la comunidad de acogida.".into(),
        currency: "cop".into(),
        categories: vec![
            CategoryForm {
                name: "Cultura y memoria".into(),
                awards: "3".into(),
                reserve: "2".into(),
                incentive: "5000000".into(),
            },
            CategoryForm::default(),
            CategoryForm {
                name: "Cultura y memoria".into(),
                awards: "1".into(),
                reserve: String::new(),
                incentive: "0".into(),
            },
        ],
        criteria: vec![
            CriterionForm {
                name: "Impacto".into(),
                weight: "60".into(),
            },
            CriterionForm {
                name: "Viabilidad".into(),
                weight: "40".into(),
            },
        ],
        documents: vec![DocumentForm {
            name: "Cédula o PPT".into(),
            individual: Some("on".into()),
            group: Some("on".into()),
            ..DocumentForm::default()
        }],
        ..CallForm::default()
    }
}

#[test]
fn a_filled_form_is_a_call_with_codes_from_names() {
    let new = validate_call(&filled(), "es", "seed").expect("valid");
    assert_eq!(new.slug, "panas-2028");
    assert_eq!(new.currency, "COP");
    let codes: Vec<&str> = new.categories.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["cultura-y-memoria", "cultura-y-memoria-2"]);
    assert_eq!(new.categories[1].reserve, 0);
    assert_eq!(new.documents[0].code, "cedula-o-ppt");
    assert_eq!(
        new.documents[0].applicant_types,
        [ApplicantType::Individual, ApplicantType::Group]
    );
    assert_eq!(new.rubric.minimum_score, 6000);
    assert_eq!(new.rubric.lot_seed, "seed");
    assert!(new.rubric.anonymous_jurors);
    assert_eq!(new.check(), Ok(()));
}

#[test]
fn every_problem_is_named_by_its_field() {
    let mut form = filled();
    form.slug = "Panas 2028!".into();
    form.currency = "pesos".into();
    form.minimum_score = "60.125".into();
    form.categories[0].awards = "0".into();
    form.criteria[1].weight = "30".into();
    form.documents[0].individual = None;
    form.documents[0].group = None;
    let problems = validate_call(&form, "es", "seed").expect_err("refused");
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "slug",
            "currency",
            "minimum_score",
            "categories.0.awards",
            "criteria",
            "documents.0.types"
        ]
    );
    assert_eq!(problems[4].problem, Problem::WeightsTotal { total: 90 });
    let empty = validate_call(&CallForm::default(), "es", "seed").expect_err("refused");
    let fields: Vec<&str> = empty.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "slug",
            "title",
            "text",
            "currency",
            "categories.0.name",
            "criteria.0.name"
        ]
    );
}

#[test]
fn codes_are_plain_and_fall_back_when_nothing_is_left() {
    assert_eq!(code_of("  Niñez & juventud ", "c1"), "ninez-juventud");
    assert_eq!(code_of("ثقافة", "c2"), "c2");
    assert_eq!(code_of(&"a".repeat(90), "c3").len(), 40);
}

#[test]
fn points_read_with_two_decimals() {
    assert_eq!(hundredths("62.5"), Ok(6250));
    assert_eq!(hundredths("62,55"), Ok(6255));
    assert_eq!(hundredths("100"), Ok(10_000));
    assert_eq!(
        hundredths("100.01"),
        Err(Problem::OutOfRange { min: 0, max: 100 })
    );
    assert_eq!(hundredths("-1"), Err(Problem::NotANumber));
    assert_eq!(hundredths(".5"), Err(Problem::NotANumber));
}

proptest! {
    /// Whatever the rows' names, a form that passes gives a call `check` accepts, with
    /// one category per named row and codes that are slugs, distinct.
    #[test]
    fn whatever_the_names_an_accepted_form_is_a_valid_call(
        names in proptest::collection::vec("[a-zA-Zá-úñ ثقافة&0-9-]{1,30}", 1..8),
    ) {
        let mut form = filled();
        form.categories = names.iter().map(|n| CategoryForm {
            name: n.clone(),
            awards: "1".into(),
            reserve: "0".into(),
            incentive: "10".into(),
        }).collect();
        if let Ok(new) = validate_call(&form, "es", "seed") {
            prop_assert_eq!(new.check(), Ok(()));
            let named = names.iter().filter(|n| !n.trim().is_empty()).count();
            prop_assert_eq!(new.categories.len(), named);
        } else {
            // Only a name that is all spaces in every row can fail here.
            prop_assert!(names.iter().all(|n| n.trim().is_empty()));
        }
    }
}
