//! The one piece of the join, sign-in, staff enrollment and account pages that runs in the
//! browser: a passkey ceremony needs `navigator.credentials`, which no HTML form can reach.
//!
//! `PasskeyForm` is a Leptos island wrapped around a server-rendered `<form>`: it takes
//! over the form's submit, asks the server to start the ceremony (with the form's fields,
//! which the server checks), has the device make or use a passkey, sends the answer back,
//! and on success goes to `done`. Everything it shows is already translated: the texts come
//! as props, and a refusal is put into words by the server ([`explain_error`]), so no
//! translation table reaches the browser's bundle. Field problems land in the form's own
//! `<p id="<field>-error">` lines, as after a plain post.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Which ceremony a form runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ceremony {
    /// Sign in with a passkey already on the device.
    SignIn,
    /// Add a passkey to the signed-in account.
    AddPasskey,
    /// Join the staff through an invitation link (`display_name` from the form).
    Enroll { token: String },
    /// Register with an organization (the registration form's fields).
    Join { organization: String },
}

/// The texts the island may show, in the page's language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CeremonyTexts {
    /// On the submit button while the ceremony runs.
    pub working: String,
    /// When this browser cannot make passkeys at all.
    pub unsupported: String,
    /// When not even the reason for a refusal came back (the network, most likely).
    pub failed: String,
}

/// A refusal in words: the message for the form and one per named field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explained {
    pub message: String,
    pub fields: Vec<(String, String)>,
}

/// Puts a refusal into words in `locale` (what the island shows; the server holds the
/// translations).
#[leptos::server(prefix = "/api", endpoint = "explain_error", input = crate::platform::form_codec::JsonOrForm)]
pub async fn explain_error(locale: String, error: AppError) -> Result<Explained, AppError> {
    let locale = locale.parse::<crate::i18n::Locale>().unwrap_or_default();
    Ok(Explained {
        message: crate::error::error_text_in(locale, error.code),
        fields: error
            .fields
            .iter()
            .map(|f| {
                (
                    f.field.clone(),
                    crate::error::problem_text_in(locale, f.problem),
                )
            })
            .collect(),
    })
}

#[leptos::island]
pub fn PasskeyForm(
    ceremony: Ceremony,
    /// Where to go once the ceremony succeeded.
    done: String,
    locale: String,
    texts: CeremonyTexts,
    children: Children,
) -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new({
        let unsupported = texts.unsupported.clone();
        move |_| {
            if !super::client::supported() {
                message.set(Some(unsupported.clone()));
            }
        }
    });
    // Only the browser runs a ceremony; the server renders the form.
    #[cfg(not(feature = "hydrate"))]
    let _ = (&ceremony, &done, &locale, &texts, busy);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        #[cfg(feature = "hydrate")]
        if !busy.get_untracked() {
            browser::submit(
                &event,
                browser::Run {
                    ceremony: ceremony.clone(),
                    done: done.clone(),
                    locale: locale.clone(),
                    texts: texts.clone(),
                    message,
                    busy,
                },
            );
        }
    };
    view! {
        <div class="passkey-form" on:submit=on_submit>
            {move || message.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            {children()}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::Ceremony;
    use crate::accounts::passkey::client;
    use crate::error::AppError;
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{Element, FormData, HtmlFormElement};

    /// What went wrong on the device (the person cancelled, no authenticator): one code.
    fn device_refused(code: crate::error::ErrorCode) -> AppError {
        AppError::new(code)
    }

    pub struct Run {
        pub ceremony: Ceremony,
        pub done: String,
        pub locale: String,
        pub texts: super::CeremonyTexts,
        pub message: RwSignal<Option<String>>,
        pub busy: RwSignal<bool>,
    }

    pub fn submit(event: &leptos::ev::SubmitEvent, run: Run) {
        let Some(form) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        run.busy.set(true);
        run.message.set(None);
        clear_field_errors(&form);
        let button = form.query_selector("button[type=submit]").ok().flatten();
        let label = button.as_ref().and_then(|b| b.text_content());
        set_button(button.as_ref(), Some(&run.texts.working), true);
        spawn_local(async move {
            match ceremony(&run.ceremony, &form, &run.locale).await {
                Ok(()) => {
                    let _ = window().location().assign(&run.done);
                }
                Err(error) => {
                    show(&form, &run.locale, error, &run.texts.failed, run.message).await;
                    set_button(button.as_ref(), label.as_deref(), false);
                    run.busy.set(false);
                }
            }
        });
    }

    async fn ceremony(
        ceremony: &Ceremony,
        form: &HtmlFormElement,
        locale: &str,
    ) -> Result<(), AppError> {
        use crate::accounts::account::api::{finish_add_passkey, start_add_passkey};
        use crate::accounts::passkey::api::{finish_sign_in, start_sign_in};
        use crate::accounts::registration::api::{finish_registration, start_registration};
        use crate::accounts::staff::api::team::{finish_enrollment, start_enrollment};
        let data = FormData::new_with_form(form).ok();
        let text = |name: &str| {
            data.as_ref()
                .and_then(|d| d.get(name).as_string())
                .unwrap_or_default()
        };
        match ceremony {
            Ceremony::SignIn => {
                let started = start_sign_in().await?;
                let assertion = client::get(&started.options)
                    .await
                    .map_err(device_refused)?;
                finish_sign_in(started.id, assertion).await
            }
            Ceremony::AddPasskey => {
                let started = start_add_passkey().await?;
                let credential = client::create(&started.options)
                    .await
                    .map_err(device_refused)?;
                finish_add_passkey(started.id, credential).await
            }
            Ceremony::Enroll { token } => {
                let started =
                    start_enrollment(token.clone(), text("display_name"), locale.to_owned())
                        .await?;
                let credential = client::create(&started.options)
                    .await
                    .map_err(device_refused)?;
                finish_enrollment(started.id, credential).await
            }
            Ceremony::Join { organization } => {
                let fields = crate::accounts::registration::form::from_fields(text);
                let started = start_registration(organization.clone(), fields).await?;
                let credential = client::create(&started.options)
                    .await
                    .map_err(device_refused)?;
                finish_registration(started.id, credential).await
            }
        }
    }

    /// The refusal, in words from the server, above the form and under each field.
    async fn show(
        form: &HtmlFormElement,
        locale: &str,
        error: AppError,
        failed: &str,
        message: RwSignal<Option<String>>,
    ) {
        match super::explain_error(locale.to_owned(), error).await {
            Ok(explained) => {
                for (field, text) in &explained.fields {
                    if let Ok(Some(line)) = form.query_selector(&format!("#{field}-error")) {
                        line.set_text_content(Some(text));
                        mark_invalid(&line, true);
                    }
                }
                message.set(Some(explained.message));
            }
            // Not even the explanation came back: the network is the likeliest reason.
            Err(_) => message.set(Some(failed.to_owned())),
        }
    }

    fn clear_field_errors(form: &HtmlFormElement) {
        if let Ok(lines) = form.query_selector_all(".field-error") {
            for i in 0..lines.length() {
                if let Some(line) = lines.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    line.set_text_content(None);
                    mark_invalid(&line, false);
                }
            }
        }
    }

    fn mark_invalid(line: &Element, invalid: bool) {
        if let Ok(Some(field)) = line.closest(".field") {
            let _ = field.class_list().toggle_with_force("invalid", invalid);
        }
    }

    /// The submit button says it is working (and cannot be pressed twice), then comes back.
    fn set_button(button: Option<&Element>, text: Option<&str>, busy: bool) {
        if let Some(button) = button {
            button.set_text_content(text);
            let _ = if busy {
                button.set_attribute("disabled", "")
            } else {
                button.remove_attribute("disabled")
            };
        }
    }
}
