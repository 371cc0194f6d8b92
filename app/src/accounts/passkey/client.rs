//! Calls into `js/passkey.js` from the browser. On the server these are never reached
//! (they run from click handlers only), so there they fail politely.

use crate::error::ErrorCode;

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/js/passkey.js")]
    extern "C" {
        #[wasm_bindgen(js_name = passkeysSupported)]
        pub fn passkeys_supported() -> bool;
        #[wasm_bindgen(js_name = createPasskey, catch)]
        pub async fn create_passkey(options: &str) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(js_name = getPasskey, catch)]
        pub async fn get_passkey(options: &str) -> Result<JsValue, JsValue>;
    }
}

/// Whether this browser can do passkeys at all.
pub fn supported() -> bool {
    #[cfg(feature = "hydrate")]
    return browser::passkeys_supported();
    #[cfg(not(feature = "hydrate"))]
    false
}

/// Creates a passkey from the server's options; the credential as JSON.
pub async fn create(options: &str) -> Result<String, ErrorCode> {
    #[cfg(feature = "hydrate")]
    return browser::create_passkey(options)
        .await
        .ok()
        .and_then(|value| value.as_string())
        .ok_or(ErrorCode::PasskeyFailed);
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = options;
        Err(ErrorCode::PasskeyFailed)
    }
}

/// Signs the server's challenge with a passkey; the assertion as JSON.
pub async fn get(options: &str) -> Result<String, ErrorCode> {
    #[cfg(feature = "hydrate")]
    return browser::get_passkey(options)
        .await
        .ok()
        .and_then(|value| value.as_string())
        .ok_or(ErrorCode::PasskeyFailed);
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = options;
        Err(ErrorCode::PasskeyFailed)
    }
}
