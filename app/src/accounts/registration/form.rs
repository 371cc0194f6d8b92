//! The registration form as HTML names it, shared by the page, the passkey island and the
//! plain form posts: every field is `form[<name>]`, which is how a URL-encoded body fills
//! the `form` argument of the server functions (`register/start`, `register/correct`,
//! `staff/helpdesk`). A refused plain post comes back with what was typed, kept for five
//! minutes in an `HttpOnly` cookie of this browser ([`keep_draft`], [`take_registration_draft`]),
//! never in the address.

use leptos::prelude::*;

use crate::accounts::types::RegistrationForm;
use crate::error::AppError;

/// The HTML name of field `field` (`form[display_name]`).
pub fn name(field: &str) -> String {
    format!("form[{field}]")
}

/// The HTML name of the `index`th nationality (`form[nationalities][0]`).
pub fn nationality_name(index: usize) -> String {
    format!("form[nationalities][{index}]")
}

/// The form from its fields, read by `value(<HTML name>)` (the browser's `FormData`).
pub fn from_fields(value: impl Fn(&str) -> String) -> RegistrationForm {
    let text = |field: &str| value(&name(field));
    let ticked = |field: &str| !text(field).is_empty();
    RegistrationForm {
        display_name: text("display_name"),
        preferred_locale: text("preferred_locale"),
        nationalities: (0..2)
            .map(|i| value(&nationality_name(i)))
            .filter(|n| !n.is_empty())
            .collect(),
        birth_date: text("birth_date"),
        district: text("district"),
        gender: text("gender"),
        email: text("email"),
        phone: text("phone"),
        document_type: text("document_type"),
        document_number: text("document_number"),
        residence_declared: ticked("residence_declared"),
        not_a_duplicate: ticked("not_a_duplicate"),
    }
}

/// What a refused plain post typed, for the form to show again, once.
#[server(prefix = "/api", endpoint = "register/draft")]
pub async fn take_registration_draft() -> Result<Option<RegistrationForm>, AppError> {
    Ok(ssr::take_draft())
}

#[cfg(feature = "ssr")]
pub use ssr::keep_draft;

#[cfg(feature = "ssr")]
mod ssr {
    use super::RegistrationForm;
    use crate::platform::web::flash::Flash;

    const DRAFT: Flash = Flash("voz_draft");

    /// Keeps a refused form's fields for the page it goes back to.
    pub fn keep_draft(form: &RegistrationForm) {
        DRAFT.put_json(form);
    }

    pub fn take_draft() -> Option<RegistrationForm> {
        DRAFT.take_json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_by_their_html_names() {
        let form = from_fields(|name| match name {
            "form[display_name]" => "Ana".into(),
            "form[nationalities][0]" => "VE".into(),
            "form[nationalities][1]" => String::new(),
            "form[residence_declared]" => "true".into(),
            _ => String::new(),
        });
        assert_eq!(form.display_name, "Ana");
        assert_eq!(form.nationalities, vec!["VE".to_owned()]);
        assert!(form.residence_declared);
        assert!(!form.not_a_duplicate);
    }
}
