// The browser half of a passkey ceremony: turns the server's JSON options into what
// navigator.credentials expects (binary fields as ArrayBuffers) and the resulting
// credential back into JSON (binary as unpadded base64url), the format webauthn-rs reads.
// Hand-written (40 lines) instead of a Rust binding crate: it keeps the bundle small.

const decode = (text) => {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "===".slice((base64.length + 3) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)).buffer;
};

const encode = (buffer) => {
  let binary = "";
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

const credProps = (credential) => {
  const results = credential.getClientExtensionResults?.() ?? {};
  return results.credProps ? { credProps: results.credProps } : {};
};

export function passkeysSupported() {
  return typeof window !== "undefined" && !!window.PublicKeyCredential && !!navigator.credentials;
}

export async function createPasskey(optionsJson) {
  const { publicKey } = JSON.parse(optionsJson);
  publicKey.challenge = decode(publicKey.challenge);
  publicKey.user.id = decode(publicKey.user.id);
  for (const c of publicKey.excludeCredentials ?? []) c.id = decode(c.id);
  const credential = await navigator.credentials.create({ publicKey });
  return JSON.stringify({
    id: credential.id,
    rawId: encode(credential.rawId),
    type: credential.type,
    response: {
      attestationObject: encode(credential.response.attestationObject),
      clientDataJSON: encode(credential.response.clientDataJSON),
    },
    extensions: credProps(credential),
  });
}

export async function getPasskey(optionsJson) {
  const { publicKey } = JSON.parse(optionsJson);
  publicKey.challenge = decode(publicKey.challenge);
  for (const c of publicKey.allowCredentials ?? []) c.id = decode(c.id);
  const credential = await navigator.credentials.get({ publicKey });
  const response = credential.response;
  return JSON.stringify({
    id: credential.id,
    rawId: encode(credential.rawId),
    type: credential.type,
    response: {
      authenticatorData: encode(response.authenticatorData),
      clientDataJSON: encode(response.clientDataJSON),
      signature: encode(response.signature),
      userHandle: response.userHandle ? encode(response.userHandle) : null,
    },
    extensions: {},
  });
}
