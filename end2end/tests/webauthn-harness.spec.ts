// Proves the virtual-authenticator helper that the passkey tests of later issues rely on:
// the page creates a real credential and signs a real assertion with it.
import { expect, test } from "@playwright/test";
import { addVirtualAuthenticator } from "./helpers/webauthn";

test("the CDP virtual authenticator registers and uses a passkey", async ({ page }) => {
  await page.goto("/en");
  const authenticator = await addVirtualAuthenticator(page);

  const created = await page.evaluate(async () => {
    const credential = (await navigator.credentials.create({
      publicKey: {
        rp: { id: "localhost", name: "Voz test" },
        user: { id: new TextEncoder().encode("user-1"), name: "maria", displayName: "Maria" },
        challenge: crypto.getRandomValues(new Uint8Array(32)),
        pubKeyCredParams: [{ type: "public-key", alg: -7 }],
        authenticatorSelection: { residentKey: "required", userVerification: "required" },
      },
    })) as PublicKeyCredential;
    return { id: credential.id, type: credential.type };
  });
  expect(created.type).toBe("public-key");

  const stored = await authenticator.credentials();
  expect(stored).toHaveLength(1);
  expect(stored[0].rpId).toBe("localhost");
  expect(stored[0].isResidentCredential).toBe(true);

  // A discoverable-credential sign-in (no user name typed) finds it and signs.
  const signedWith = await page.evaluate(async () => {
    const assertion = (await navigator.credentials.get({
      publicKey: {
        challenge: crypto.getRandomValues(new Uint8Array(32)),
        rpId: "localhost",
        userVerification: "required",
      },
    })) as PublicKeyCredential;
    return assertion.id;
  });
  expect(signedWith).toBe(created.id);
  expect((await authenticator.credentials())[0].signCount).toBeGreaterThan(0);

  // Failing user verification makes the browser refuse the ceremony.
  await authenticator.setUserVerified(false);
  const refused = await page.evaluate(async () => {
    try {
      await navigator.credentials.get({
        publicKey: { challenge: new Uint8Array(32), rpId: "localhost", userVerification: "required", timeout: 3000 },
      });
      return "signed";
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(refused).not.toBe("signed");
  await authenticator.remove();
});
