// An open call through the pages, on a call of its own (set up with `voz call create`):
// the call team opens it → a group registers and writes its application: a group of two is
// refused at submission (and nothing is sent), a renamed executable, a PDF carrying
// JavaScript and an oversized file are refused with their reasons → with its third
// member and its documents it submits and gets a receipt → the team asks for a fix by a
// day → the group uploads the fix and sends it → the team accepts: the application is
// with the jury. A second applicant (one person with an alternate) is accepted too → the
// team assigns two jurors; one declares a conflict with the second application, a score
// outside the scale is refused, both score → a verified person votes → the team publishes
// the selection (both win; the page shows the ranking and the jury record) and records a
// payment → the group sends its final report, the team records a visit, and the winners'
// page shows both (never the visit's note). In Spanish and Arabic, at phone width. Then the
// call team sets a call up from the new-call form.
import { expect, test, type Page } from "@playwright/test";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { noSidewaysScroll, screenshot, waitForHydration } from "./helpers/page";
import { fillRegistration, newPerson, submitRegistration, expectSignedInAs } from "./helpers/register";
import { enrolStaff, voz } from "./helpers/staff";
import { whenReady } from "./helpers/page";
import { addVirtualAuthenticator } from "./helpers/webauthn";

const ORG = "idpac-bogota";

function callFile(slug: string): string {
  const names = (es: string, ar: string) => [["es", es], ["ar", ar]];
  const call = {
    slug,
    titles: names(`Convocatoria de prueba ${slug}`, `دعوة تجريبية ${slug}`),
    texts: names("Iniciativas de **convivencia**.", "مبادرات **العيش المشترك**."),
    currency: "COP",
    rubric: {
      criteria: [
        { code: "impacto", names: names("Impacto", "الأثر"), weight: 60 },
        { code: "viabilidad", names: names("Viabilidad", "قابلية التنفيذ"), weight: 40 },
      ],
      scale_max: 5,
      public_vote_weight: 20,
      minimum_score: 6000,
      tie_break: ["jury", "earlier", "lot"],
      lot_seed: slug,
      anonymous_jurors: true,
    },
    min_migrant_members: 1,
    categories: [{ code: "cultura", names: names("Cultura", "الثقافة"), awards: 2, reserve: 1, incentive: 5000000 }],
    documents: [
      { code: "identidad", names: names("Documento de identidad", "وثيقة الهوية"), applicant_types: ["individual", "group", "organization", "registered_organization"] },
      { code: "carta", names: names("Carta del grupo", "رسالة المجموعة"), applicant_types: ["group"] },
    ],
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), "voz-call-")), "call.json");
  writeFileSync(file, JSON.stringify(call));
  return file;
}

/** A one-page PDF; `extra` goes into its catalog (`/OpenAction …` for a hostile one). */
function pdf(text: string, extra = ""): Buffer {
  const content = `BT /F1 14 Tf 60 760 Td (${text}) Tj ET`;
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${extra}>>`,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

async function upload(page: Page, document: string, name: string, mimeType: string, buffer: Buffer) {
  const form = page.locator("form.upload-form", { has: page.locator(`input[name=document][value=${document}]`) });
  await form.locator("input[type=file]").setInputFiles({ name, mimeType, buffer });
  await form.locator("button[type=submit]").click();
}

async function move(team: Page, lang: string, slug: string, to: string) {
  await team.goto(`/${lang}/staff/${ORG}/calls/${slug}`);
  const form = team.locator("form.confirm-form", { has: team.locator(`input[name=to][value=${to}]`) });
  await form.locator("summary").click();
  await form.locator("button[type=submit]").click();
  await expect(team.locator(`input[name=to][value=${to}]`)).toHaveCount(0);
}

for (const lang of ["es", "ar"]) {
  test(`a group applies with documents, fixes one and is accepted (${lang})`, async ({ browser }, testInfo) => {
    test.setTimeout(240_000);
    const stamp = `${Date.now()}${testInfo.project.name}`.toLowerCase().replace(/[^a-z0-9]/g, "");
    const slug = `prueba-${stamp}`.slice(0, 40);
    voz("call", "create", "--org", ORG, callFile(slug));
    const team = await enrolStaff(browser, `Equipo ${stamp}`, "call_team", lang, ORG);
    await move(team, lang, slug, "open");

    // The group's leader registers with a passkey.
    const context = await browser.newContext();
    const page = await context.newPage();
    await addVirtualAuthenticator(page);
    await page.goto(`/${lang}/join/${ORG}`);
    await waitForHydration(page);
    const person = newPerson({ name: lang === "ar" ? "ياسمين الحلبي" : "Yusmary Pérez", district: "Kennedy", nationality: "VE" });
    await fillRegistration(page, person);
    await submitRegistration(page);
    await expectSignedInAs(page, person.name);

    // The call's public page leads to the application.
    await page.goto(`/${lang}/o/${ORG}/calls/${slug}`);
    await expect(page.locator("h1")).toContainText(lang === "ar" ? "دعوة تجريبية" : "Convocatoria de prueba");
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `call-${lang}`);
    await page.locator(`a[href$='/calls/${slug}/apply']`).first().click();

    // A draft: the type first (its rows appear), then two people.
    await page.locator("#form-category").selectOption("cultura");
    await page.locator("#type-group").check();
    await page.locator("form.application-form button[type=submit]").click();
    await page.locator("#form-title").fill("Sancocho de los domingos");
    await page.locator("#form-summary").fill("Una olla comunitaria en Kennedy.");
    await page.locator("[id='members.0.name']").fill(person.name);
    await page.locator("[id='members.0.document']").fill("PPT 4001");
    await page.locator("#members-0-migrant").check();
    await page.locator("[id='members.1.name']").fill("Luis Rojas");
    await page.locator("[id='members.1.document']").fill("CC 52001");
    await page.locator("form.application-form button[type=submit]").click();
    await expect(page.locator("[role=status]")).toBeVisible();
    await expect(page.locator("[id='members.1.name']")).toHaveValue("Luis Rojas");

    // Submitting a group of two without its documents is refused: nothing is sent.
    const submit = page.locator("form.confirm-form");
    await submit.locator("summary").click();
    await submit.locator("button[type=submit]").click();
    await expect(page.locator("#members-error")).not.toBeEmpty();
    await expect(page.locator("[id='document.identidad-error']")).not.toBeEmpty();
    await expect(page.locator(".receipt")).toHaveCount(0);

    // Bad files, each refused with its reason.
    await upload(page, "identidad", "cedula.pdf", "application/pdf", Buffer.concat([Buffer.from("MZ\x90\x00"), Buffer.alloc(4096)]));
    await expect(page).toHaveURL(/error=file_not_accepted/);
    await upload(page, "identidad", "cedula.pdf", "application/pdf", pdf("hola", "/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "));
    await expect(page).toHaveURL(/error=file_unsafe/);
    await screenshot(page, testInfo, `application-refused-file-${lang}`);
    await upload(page, "identidad", "grande.pdf", "application/pdf", Buffer.concat([pdf("grande"), Buffer.alloc(10 * 1024 * 1024 + 1)]));
    await expect(page).toHaveURL(/error=file_too_large/);
    await expect(page.locator("[id='document.identidad-error']")).toContainText(/.+/);

    // The third member and the documents; then it is submitted, with a receipt.
    await page.locator("[id='members.2.name']").fill("Rosa Medina");
    await page.locator("[id='members.2.document']").fill("Pasaporte 133");
    await page.locator("form.application-form button[type=submit]").click();
    await upload(page, "identidad", "cedula.pdf", "application/pdf", pdf("cedula borrosa"));
    await expect(page).toHaveURL(/uploaded=identidad/);
    await upload(page, "carta", "carta.jpg", "image/jpeg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]));
    await expect(page).toHaveURL(/uploaded=carta/);
    await submit.locator("summary").click();
    await submit.locator("button[type=submit]").click();
    await expect(page.locator(".receipt-number")).toHaveText(/^PRUEBA-\d{5}$/);
    const receipt = (await page.locator(".receipt-number").innerText()).trim();
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `application-sent-${lang}`);
    // The receipt reaches the inbox, in the applicant's language.
    await page.goto(`/${lang}/inbox`);
    await expect(page.locator(".message").first()).toContainText(receipt);
    await expect(page.locator(".message").first()).toContainText(lang === "ar" ? "تلقّينا طلبك" : "Recibimos tu postulación");
    await screenshot(page, testInfo, `inbox-${lang}`);
    await page.goto(`/${lang}/o/${ORG}/calls/${slug}/apply`);

    // A second applicant: one person with an alternate.
    const second = await browser.newContext();
    const alone = await second.newPage();
    await addVirtualAuthenticator(alone);
    await alone.goto(`/${lang}/join/${ORG}`);
    await waitForHydration(alone);
    const other = newPerson({ name: "Wilmer Rojas", district: "Suba", nationality: "VE" });
    await fillRegistration(alone, other);
    await submitRegistration(alone);
    await expectSignedInAs(alone, other.name);
    await alone.goto(`/${lang}/o/${ORG}/calls/${slug}/apply`);
    await alone.locator("#form-category").selectOption("cultura");
    await alone.locator("#type-individual").check();
    await alone.locator("#form-title").fill("Joropo en el parque");
    await alone.locator("#form-summary").fill("Clases abiertas de joropo en Suba.");
    await alone.locator("[id='members.0.name']").fill(other.name);
    await alone.locator("[id='members.0.document']").fill("PEP 9001");
    await alone.locator("#members-0-migrant").check();
    await alone.locator("[id='members.1.name']").fill("Marisol Díaz");
    await alone.locator("[id='members.1.document']").fill("CC 1001");
    await alone.locator("form.application-form button[type=submit]").click();
    await upload(alone, "identidad", "pep.pdf", "application/pdf", pdf("pep"));
    await expect(alone).toHaveURL(/uploaded=identidad/);
    const submit2 = alone.locator("form.confirm-form");
    await submit2.locator("summary").click();
    await submit2.locator("button[type=submit]").click();
    const receipt2 = (await alone.locator(".receipt-number").innerText()).trim();
    await second.close();

    // The team checks the documents: the group is asked to fix one by a day; the second
    // application is accepted.
    await move(team, lang, slug, "document_check");
    const entry = team.locator("li.application", { hasText: receipt });
    await entry.locator("input[value=fix]").check();
    await entry.locator("textarea[name=reason]").fill("La cédula no se lee: súbela de nuevo.");
    await entry.locator("input[name=by]").fill("2099-12-31");
    await entry.locator("form.verdict-form button[type=submit]").click();
    await expect(team.locator("li.application", { hasText: receipt })).toContainText("La cédula no se lee");
    await team.locator("li.application", { hasText: receipt2 }).locator("form.verdict-form button[type=submit]").click();
    await screenshot(team, testInfo, `call-room-${lang}`);

    // The group sees what to fix, uploads it and sends the fix.
    await page.goto(`/${lang}/o/${ORG}/calls/${slug}/apply`);
    await expect(page.locator(".notice")).toContainText("La cédula no se lee");
    await upload(page, "identidad", "cedula-legible.pdf", "application/pdf", pdf("cedula legible"));
    await expect(page).toHaveURL(/uploaded=identidad/);
    await page.locator("form[action$='/api/call/fixes'] button[type=submit]").click();
    await expect(page).toHaveURL(/fixed=1/);
    await screenshot(page, testInfo, `application-fixed-${lang}`);

    // The team accepts; the application is with the jury.
    await team.goto(`/${lang}/staff/${ORG}/calls/${slug}`);
    const again = team.locator("li.application", { hasText: receipt });
    await again.locator("input[value=accept]").check();
    await again.locator("form.verdict-form button[type=submit]").click();
    await page.goto(`/${lang}/o/${ORG}/calls/${slug}/apply`);
    await expect(page.locator(".status-line")).toContainText(lang === "ar" ? "قُبلت المستندات" : "Documentos aceptados");
    await move(team, lang, slug, "fixes");

    // Two jurors, assigned to the category by the team.
    const jurors: Page[] = [];
    for (const n of [1, 2]) {
      const juror = await enrolStaff(browser, `Jurado ${n} ${stamp}`, "jury", lang, ORG);
      await team.goto(`/${lang}/staff/${ORG}/calls/${slug}`);
      const form = team.locator("form.juror-form").first();
      await form.locator("select").selectOption({ label: `Jurado ${n} ${stamp}` });
      await form.locator("button[type=submit]").click();
      await expect(team.locator(".category-jurors").first()).toContainText(`Jurado ${n} ${stamp}`);
      jurors.push(juror);
    }
    await move(team, lang, slug, "jury");

    // Juror 1: a score outside the scale is refused; then scored. Juror 2 scores too.
    const [one, two] = jurors;
    await one.goto(`/${lang}/staff/${ORG}/calls/${slug}/jury`);
    const card = one.locator("li.application", { hasText: receipt });
    await card.locator("input[name='scores[impacto]']").fill("9");
    await card.locator("input[name='scores[viabilidad]']").fill("3");
    await card.locator("textarea[name=justification]").fill("Clara y posible.");
    await card.locator("form.score-form button[type=submit]").click();
    await expect(one).toHaveURL(/error=invalid_input/);
    await expect(one.locator("li.application", { hasText: receipt }).locator(".field-error").first()).not.toBeEmpty();
    await screenshot(one, testInfo, `jury-refused-${lang}`);
    const again1 = one.locator("li.application", { hasText: receipt });
    await again1.locator("input[name='scores[impacto]']").fill("4");
    await again1.locator("input[name='scores[viabilidad]']").fill("3");
    await again1.locator("textarea[name=justification]").fill("Clara y posible.");
    await again1.locator("form.score-form button[type=submit]").click();
    await expect(one.locator("li.application", { hasText: receipt }).locator("[role=status]")).toBeVisible();
    await noSidewaysScroll(one);
    await screenshot(one, testInfo, `jury-${lang}`);
    // Juror 1 knows the second applicant: a conflict, and the application leaves their list.
    const conflict = one.locator("li.application", { hasText: receipt2 });
    await conflict.locator("details.conflict summary").click();
    await conflict.locator("textarea[name=reason]").fill("Es mi vecino.");
    await conflict.locator("form.conflict-form button[type=submit]").click();
    await expect(one.locator("#conflicts")).toContainText(receipt2);
    await expect(one.locator("li.application", { hasText: receipt2 })).toHaveCount(0);
    await two.goto(`/${lang}/staff/${ORG}/calls/${slug}/jury`);
    for (const [r, marks] of [[receipt, ["5", "4"]], [receipt2, ["5", "5"]]] as const) {
      const card2 = two.locator("li.application", { hasText: r });
      await card2.locator("input[name='scores[impacto]']").fill(marks[0]);
      await card2.locator("input[name='scores[viabilidad]']").fill(marks[1]);
      await card2.locator("textarea[name=justification]").fill("Muy sólida.");
      await card2.locator("form.score-form button[type=submit]").click();
      await expect(two.locator("li.application", { hasText: r }).locator("[role=status]")).toBeVisible();
    }
    // Juror 2 cannot see juror 1's score before the jury closes.
    await expect(two.locator("li.application", { hasText: receipt })).not.toContainText("Clara y posible");

    // The public vote: an administrator verifies the group's leader, who votes.
    await move(team, lang, slug, "public_vote");
    const admin = await enrolStaff(browser, `Admin ${stamp}`, "administrator", "pt-BR", ORG);
    await admin.goto(`/pt-BR/staff/${ORG}/review`);
    await whenReady(admin);
    await admin.locator(".review-item", { hasText: person.name }).getByRole("button", { name: "Habilitar" }).click();
    await expect(admin.locator(".review-item", { hasText: person.name })).toHaveCount(0);
    await page.goto(`/${lang}/o/${ORG}/calls/${slug}/vote`);
    await page.locator(".vote-form .choice", { hasText: receipt2 }).locator("input[type=radio]").check();
    await page.locator(".vote-form button[type=submit]").first().click();
    await expect(page.locator("[role=status] .receipt-number")).toBeVisible();
    await expect(page.locator(".vote-form button[type=submit]")).toHaveCount(0);
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `vote-${lang}`);

    // Selection: published by the team; the application wins; the jury record is public.
    await move(team, lang, slug, "selection");
    await team.goto(`/${lang}/staff/${ORG}/calls/${slug}`);
    const publishForm = team.locator("form.confirm-form").filter({ hasNot: team.locator("input[name=to]") });
    await publishForm.locator("summary").click();
    await publishForm.locator("button[type=submit]").click();
    await expect(team.locator(`a[href$='/calls/${slug}/results']`)).toBeVisible();
    await page.goto(`/${lang}/o/${ORG}/calls/${slug}/results`);
    await expect(page.locator("ol.winners")).toContainText("Sancocho de los domingos");
    await expect(page.locator("ol.winners")).toContainText("Joropo en el parque");
    await page.locator("details.acta summary").click();
    await expect(page.locator("details.acta")).toContainText("j2");
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `results-${lang}`);
    const record = await page.request.get(`/export/${ORG}/calls/${slug}/call.json`);
    expect(record.ok()).toBeTruthy();

    // Awards: the payment is recorded and shows on the public page.
    await move(team, lang, slug, "awards");
    const award = team.locator("li.award", { hasText: receipt });
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "America/Bogota" });
    await award.locator("input[name=paid_on]").fill(today);
    await award.locator("form.payment-form button[type=submit]").click();
    await expect(team.locator("li.award", { hasText: receipt }).locator("form.payment-form")).toHaveCount(0);
    await page.goto(`/${lang}/o/${ORG}/calls/${slug}/results`);
    await expect(page.locator("ol.winners li", { hasText: receipt })).toContainText(today);

    // Follow-up: the group sends its final report from its page; the team records a visit
    // (a visit without a note is refused); the winners' page shows both, never the note.
    await page.goto(`/${lang}/o/${ORG}/calls/${slug}/apply`);
    await upload(page, "final_report", "informe.pdf", "application/pdf", pdf("informe final"));
    await expect(page).toHaveURL(/uploaded=final_report/);
    await expect(page.locator("section.award a[download]")).toBeVisible();
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `award-report-${lang}`);
    await team.goto(`/${lang}/staff/${ORG}/calls/${slug}`);
    const visit = team.locator("li.award", { hasText: receipt });
    await visit.locator("input[name=visited_on]").fill(today);
    await visit.locator("form.visit-form button[type=submit]").click();
    await expect(team).toHaveURL(/error=invalid_input/);
    const visit2 = team.locator("li.award", { hasText: receipt });
    await visit2.locator("input[name=visited_on]").fill(today);
    await visit2.locator("textarea[name=note]").fill("La olla funciona cada domingo.");
    await visit2.locator("form.visit-form button[type=submit]").click();
    await expect(team.locator("li.award", { hasText: receipt }).locator("ul.visits")).toContainText("La olla funciona");
    await expect(team.locator("li.award", { hasText: receipt }).locator("a[download]")).toBeVisible();
    await screenshot(team, testInfo, `award-follow-up-${lang}`);
    await page.goto(`/${lang}/o/${ORG}/calls/${slug}/winners`);
    const initiative = page.locator("li.initiative", { hasText: "Sancocho de los domingos" });
    await expect(initiative).toContainText("Una olla comunitaria en Kennedy.");
    await expect(page.locator("main")).not.toContainText("La olla funciona cada domingo.");
    await expect(page.locator("main")).not.toContainText(person.name);
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `winners-${lang}`);
    const open = await page.request.get(`/export/${ORG}/calls/${slug}/open-data.json`);
    expect(open.ok()).toBeTruthy();
    const data = await open.json();
    expect(data.awards).toHaveLength(2);
    expect(JSON.stringify(data)).not.toContain(person.name);
    await context.close();
  });
}

test("the call team sets a call up from the form", async ({ browser }, testInfo) => {
  const stamp = `${Date.now()}`;
  const team = await enrolStaff(browser, `Equipo form ${stamp}`, "call_team", "es", ORG);
  await team.goto(`/es/staff/${ORG}/calls`);
  await team.locator(`a[href$='/staff/${ORG}/calls/new']`).click();
  // Sent empty: a summary at the top names what is missing; nothing is created.
  await team.locator("form.call-form button[type=submit]").click();
  await expect(team.locator("[data-testid=error-summary]")).toBeVisible();
  await expect(team.locator("#slug-error")).not.toBeEmpty();
  await expect(team.locator("#categories-0-name-error")).not.toBeEmpty();
  await screenshot(team, testInfo, "call-setup-refused-es");
  const slug = `formulario-${stamp}`;
  await team.locator("#title").fill("Convocatoria desde el formulario");
  await team.locator("#slug").fill(slug);
  await team.locator("#text").fill("Iniciativas de **convivencia** en Bogotá.");
  await team.locator("#currency").fill("cop");
  await team.locator("#categories-0-name").fill("Cultura y memoria");
  await team.locator("#categories-0-awards").fill("2");
  await team.locator("#categories-0-incentive").fill("5000000");
  await team.locator("#criteria-0-name").fill("Impacto");
  await team.locator("#criteria-0-weight").fill("60");
  await team.locator("#criteria-1-name").fill("Viabilidad");
  await team.locator("#criteria-1-weight").fill("30");
  await team.locator("#documents-0-name").fill("Cédula o PPT");
  await team.locator("#documents-0-group").check();
  await team.locator("form.call-form button[type=submit]").click();
  // The weights add up to 90: refused, and what was typed is kept.
  await expect(team.locator("#criteria")).not.toBeEmpty();
  await expect(team.locator("#categories-0-name")).toHaveValue("Cultura y memoria");
  await team.locator("#criteria-1-weight").fill("40");
  await team.locator("form.call-form button[type=submit]").click();
  await expect(team).toHaveURL(new RegExp(`/staff/${ORG}/calls/${slug}$`));
  await expect(team.locator("main")).toContainText("Convocatoria desde el formulario");
  await noSidewaysScroll(team);
  await screenshot(team, testInfo, "call-setup-created-es");
});
