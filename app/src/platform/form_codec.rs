//! One input encoding for server functions that serves both the browser's scripts and
//! plain HTML forms: a JSON body (what islands and programs send) or a URL-encoded form
//! body (what `<form method="post">` sends before, or without, any script).
//!
//! The body tells which: the arguments of a server function are always a JSON object, so a
//! body whose first non-blank byte is `{` is JSON; anything else is read as a form. Answers
//! are JSON either way; a form post is then redirected back to its page by the server
//! (`server/src/plain_forms.rs`).

use leptos::server_fn::codec::Post;
use leptos::server_fn::{ContentType, Decodes, Encodes, Format, FormatType};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Sends JSON; reads JSON or a URL-encoded form.
pub struct JsonOrFormEncoding;

/// The `input =` of a server function a plain form may post to.
pub type JsonOrForm = Post<JsonOrFormEncoding>;

impl ContentType for JsonOrFormEncoding {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonOrFormEncoding {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonOrFormEncoding {
    type Error = serde_json::Error;

    fn encode(output: &T) -> Result<bytes::Bytes, Self::Error> {
        serde_json::to_vec(output).map(bytes::Bytes::from)
    }
}

/// Why a body could not be read as arguments.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DecodeError(String);

impl<T: DeserializeOwned> Decodes<T> for JsonOrFormEncoding {
    type Error = DecodeError;

    fn decode(bytes: bytes::Bytes) -> Result<T, Self::Error> {
        decode(&bytes)
    }
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    let is_json = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_none_or(|b| *b == b'{');
    if is_json {
        return serde_json::from_slice(bytes).map_err(|e| DecodeError(e.to_string()));
    }
    #[cfg(feature = "ssr")]
    {
        let text = std::str::from_utf8(bytes).map_err(|e| DecodeError(e.to_string()))?;
        // Not strict: browsers send `name[0]` brackets percent-encoded.
        serde_qs::Config::new(5, false)
            .deserialize_str(text)
            .map_err(|e| DecodeError(e.to_string()))
    }
    #[cfg(not(feature = "ssr"))]
    Err(DecodeError("a form body is read on the server only".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Clone, Debug, PartialEq, Deserialize)]
    struct Args {
        organization: String,
        account: i64,
        role: Kind,
    }

    #[derive(Clone, Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        PollWorker,
    }

    #[test]
    fn json_and_a_form_give_the_same_arguments() {
        let want = Args {
            organization: "cmi sp".into(),
            account: 7,
            role: Kind::PollWorker,
        };
        let json = br#" {"organization":"cmi sp","account":7,"role":"poll_worker"}"#;
        assert_eq!(decode::<Args>(json).ok(), Some(want.clone()));
        let form = b"organization=cmi+sp&account=7&role=poll_worker";
        assert_eq!(decode::<Args>(form).ok(), Some(want));
    }

    #[test]
    fn a_bad_body_is_refused() {
        assert!(decode::<Args>(b"{\"organization\":1}").is_err());
        assert!(decode::<Args>(b"organization=x&account=seven&role=poll_worker").is_err());
    }
}
