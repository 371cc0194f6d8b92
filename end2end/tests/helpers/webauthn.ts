// A Chromium virtual WebAuthn authenticator over CDP, so passkey flows are tested for
// real: the browser runs the full ceremony and the server verifies real signatures.
import type { CDPSession, Page } from "@playwright/test";

export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  userHandle?: string;
  signCount: number;
}

export interface VirtualAuthenticator {
  id: string;
  session: CDPSession;
  credentials(): Promise<VirtualCredential[]>;
  /** Whether the "user" passes verification (PIN/biometrics) on the next ceremonies. */
  setUserVerified(verified: boolean): Promise<void>;
  clearCredentials(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * Attaches a platform authenticator (like a phone's screen lock) with resident keys and
 * user verification, answering every ceremony automatically.
 */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const session = await page.context().newCDPSession(page);
  await session.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId: id } = await session.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    id,
    session,
    async credentials() {
      const { credentials } = await session.send("WebAuthn.getCredentials", { authenticatorId: id });
      return credentials as VirtualCredential[];
    },
    async setUserVerified(verified: boolean) {
      await session.send("WebAuthn.setUserVerified", { authenticatorId: id, isUserVerified: verified });
    },
    async clearCredentials() {
      await session.send("WebAuthn.clearCredentials", { authenticatorId: id });
    },
    async remove() {
      await session.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: id });
    },
  };
}
