import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parseStatement } from "./statement-import";

/**
 * Splitting a joint statement into draft agreements: the May 2023 seed, then other shapes a
 * statement takes in Spanish and English (numbered, roman, ordinal, bulleted, paragraphs).
 */
const SEED = fileURLToPath(new URL("../../../../shared/seed/joint-statement-2023-05-11.txt", import.meta.url));

const SEED_AGREEMENTS = [
  "Recognize the progress achieved in the execution of 16 activities carried out within the framework of the Bolivarian Shield strategic operation.",
  "Increase the presence of military forces at informal crossings along the common border to strengthen coordinated work and the fight against smuggling.",
  "Establish a direct communication channel to exchange, inform, and strengthen interaction in the fields of intelligence between the commanders of the Bolivarian National Armed Force of Venezuela and the Colombian Military Police Forces.",
  "Continue with the meetings between regional military units of Venezuela and Colombia, with jurisdiction in the border areas to strengthen operational coordination in the face of threats and risk factors, especially from structured transnational organized crime groups.",
  "Continue working together in order to strengthen cooperation in defensive matters between both countries.",
];

/** The agreements' texts, checking that they are numbered 1…n in order. */
function texts(text: string): string[] {
  const { agreements } = parseStatement(text);
  assert.deepEqual(
    agreements.map((a) => a.number),
    agreements.map((_, i) => i + 1),
  );
  return agreements.map((a) => a.text);
}

describe("the seed statement of 11 May 2023", () => {
  const present = existsSync(SEED);
  if (!present) console.warn(`\n!!! ${SEED} is missing: the seed import test is SKIPPED !!!\n`);

  it("gives exactly its five agreements, in order, word for word, without warnings", { skip: !present && `missing ${SEED}` }, () => {
    const parsed = parseStatement(readFileSync(SEED, "utf8"));
    assert.deepEqual(
      parsed.agreements,
      SEED_AGREEMENTS.map((text, i) => ({ number: i + 1, text })),
    );
    assert.deepEqual(parsed.warnings, []);
    assert.equal(parsed.date, "2023-05-12");
  });

  it("gives the same five with Windows line ends", { skip: !present && `missing ${SEED}` }, () => {
    assert.deepEqual(texts(readFileSync(SEED, "utf8").replace(/\n/g, "\r\n")), SEED_AGREEMENTS);
  });
});

describe("numbered lists", () => {
  it('"1." with a continuation line and a signature after a blank line (es)', () => {
    const text = [
      "Los ministros de Defensa acordaron lo siguiente:",
      "",
      "1. Reforzar la presencia militar en los pasos informales.",
      "2. Crear un canal directo de comunicación",
      "   entre los comandantes de ambas fuerzas.",
      "3. Reunirse cada tres meses.",
      "",
      "Firmado en Caracas, el 11 de mayo de 2023.",
      "Iván Velásquez",
      "Vladimir Padrino",
    ].join("\n");
    assert.deepEqual(texts(text), [
      "Reforzar la presencia militar en los pasos informales.",
      "Crear un canal directo de comunicación entre los comandantes de ambas fuerzas.",
      "Reunirse cada tres meses.",
    ]);
  });

  it('"2)" (en)', () => {
    assert.deepEqual(texts("The ministers agreed to:\n1) Increase presence at crossings.\n2) Open a direct channel.\n"), [
      "Increase presence at crossings.",
      "Open a direct channel.",
    ]);
  });

  it('"1 -" and "1.-"', () => {
    assert.deepEqual(texts("Acuerdos:\n1 - Uno.\n2 - Dos.\n3 - Tres."), ["Uno.", "Dos.", "Tres."]);
    assert.deepEqual(texts("ACUERDAN:\n1.- Uno.\n2.- Dos."), ["Uno.", "Dos."]);
  });

  it("numbers inside an item's text are not markers", () => {
    assert.deepEqual(texts("Acordaron:\n\n1. Reunirse cada 3 meses.\n2. Informar sobre las 16 actividades.\n"), [
      "Reunirse cada 3 meses.",
      "Informar sobre las 16 actividades.",
    ]);
  });

  it("a closing line right after the last item is not a continuation", () => {
    assert.deepEqual(texts("Acordaron:\n1. Uno.\n2. Dos.\nDado en Bogotá, a los doce días del mes de mayo de 2023."), ["Uno.", "Dos."]);
    assert.deepEqual(texts("The parties agree:\n1. One.\n2. Two.\nSigned in Caracas on 11 May 2023."), ["One.", "Two."]);
  });
});

describe("roman numerals and Spanish ordinals", () => {
  it("I. II. III. IV.", () => {
    assert.deepEqual(texts("Las partes acuerdan:\nI. Fortalecer.\nII. Continuar.\nIII. Establecer.\nIV. Revisar."), [
      "Fortalecer.",
      "Continuar.",
      "Establecer.",
      "Revisar.",
    ]);
  });

  it("PRIMERO: SEGUNDO: TERCERO:", () => {
    const text =
      "ACUERDAN:\n\nPRIMERO: Fortalecer la cooperación.\nSEGUNDO: Continuar las reuniones\nregionales.\nTERCERO: Establecer un canal.";
    assert.deepEqual(texts(text), ["Fortalecer la cooperación.", "Continuar las reuniones regionales.", "Establecer un canal."]);
  });

  it("Primero. Segundo.- in mixed case", () => {
    assert.deepEqual(texts("Acuerdan:\nPrimero. Fortalecer.\nSegundo.- Continuar."), ["Fortalecer.", "Continuar."]);
  });
});

describe("bullets", () => {
  it("-, •, * and · (en)", () => {
    assert.deepEqual(
      texts("The parties agree to:\n- Strengthen cooperation.\n• Keep meeting.\n* Share intelligence.\n· Review progress."),
      ["Strengthen cooperation.", "Keep meeting.", "Share intelligence.", "Review progress."],
    );
  });

  it("– with continuation lines (es)", () => {
    assert.deepEqual(texts("Se acordó:\n– Aumentar la presencia militar\n  en la frontera común.\n– Combatir el contrabando."), [
      "Aumentar la presencia militar en la frontera común.",
      "Combatir el contrabando.",
    ]);
  });
});

describe("one agreement per paragraph after an introduction", () => {
  it("in Spanish, stopping before the signature paragraph", () => {
    const text = [
      "Los ministros de Defensa de Colombia y Venezuela se reunieron en Bogotá.",
      "Acordaron:",
      "Aumentar la presencia militar en los pasos informales.",
      "Crear un canal directo entre\ncomandantes.",
      "Continuar las reuniones de las unidades regionales.",
      "Dado en Bogotá, a los doce días del mes de mayo de 2023.",
      "Iván Velásquez Gómez\nMinistro de Defensa Nacional",
    ].join("\n\n");
    const parsed = parseStatement(text);
    assert.deepEqual(
      parsed.agreements.map((a) => a.text),
      [
        "Aumentar la presencia militar en los pasos informales.",
        "Crear un canal directo entre comandantes.",
        "Continuar las reuniones de las unidades regionales.",
      ],
    );
    assert.deepEqual(parsed.warnings, []);
  });

  it("in English, stopping before the signature paragraph", () => {
    const text = [
      "The ministers met in Caracas.",
      "They reached the following agreements:",
      "Increase presence at informal crossings.",
      "Open a channel between commanders.",
      "Keep meeting regularly.",
      "Signed in Caracas on 11 May 2023.",
    ].join("\n\n");
    assert.deepEqual(texts(text), [
      "Increase presence at informal crossings.",
      "Open a channel between commanders.",
      "Keep meeting regularly.",
    ]);
  });

  it("stops at a heading after the agreements", () => {
    const text =
      "Acordaron los siguientes acuerdos:\n\nUno es el primero.\n\nDos es el segundo.\n\nRueda de prensa\n\nLos ministros hablaron.";
    assert.deepEqual(texts(text), ["Uno es el primero.", "Dos es el segundo."]);
  });

  it("stops after the announced count", () => {
    const text =
      "Los ministros firmaron los siguientes tres acuerdos:\n\nUno.\n\nDos.\n\nTres.\n\nLa reunión terminó a las cinco de la tarde.";
    const parsed = parseStatement(text);
    assert.deepEqual(
      parsed.agreements.map((a) => a.text),
      ["Uno.", "Dos.", "Tres."],
    );
    assert.deepEqual(parsed.warnings, []);
  });
});

describe("warnings", () => {
  it("an announced count that does not match, in paragraphs", () => {
    const parsed = parseStatement("Los ministros firmaron los siguientes cuatro acuerdos:\n\nUno.\n\nDos.\n\nSeguimiento\n\nOtro texto.");
    assert.equal(parsed.agreements.length, 2);
    assert.deepEqual(parsed.warnings, ["the introduction announces 4 agreements but 2 were found"]);
  });

  it("an announced count that does not match, in a list", () => {
    const parsed = parseStatement("The ministers signed the following 4 agreements:\n1. One.\n2. Two.\n3. Three.");
    assert.equal(parsed.agreements.length, 3);
    assert.deepEqual(parsed.warnings, ["the introduction announces 4 agreements but 3 were found"]);
  });

  it("a count word after 'the agreements' is still read", () => {
    const parsed = parseStatement("Of the agreements, these are the five agreements:\n1. One.\n2. Two.");
    assert.deepEqual(parsed.warnings, ["the introduction announces 5 agreements but 2 were found"]);
  });

  it("no agreements after the introduction", () => {
    for (const text of ["Los ministros acordaron lo siguiente:", "The ministers agreed:\n\nSigned in Caracas.", "   \n\n  "]) {
      const parsed = parseStatement(text);
      assert.deepEqual(parsed.agreements, [], text);
      assert.ok(parsed.warnings.includes("no agreements were found"), `${JSON.stringify(text)}: ${parsed.warnings.join("; ")}`);
    }
  });

  it("no introduction: every paragraph is a draft, with a warning", () => {
    const parsed = parseStatement("Primer párrafo sin lista.\n\nSegundo párrafo sin lista.");
    assert.deepEqual(
      parsed.agreements.map((a) => a.text),
      ["Primer párrafo sin lista.", "Segundo párrafo sin lista."],
    );
    assert.match(parsed.warnings.join(" "), /no introduction/);
  });

  it("finds the first ISO date, or none", () => {
    assert.equal(parseStatement("Caracas, 2023-05-11.\n\nAcordaron:\n\nUno.").date, "2023-05-11");
    assert.equal(parseStatement("Caracas, 11 de mayo.\n\nAcordaron:\n\nUno.").date, null);
  });
});
