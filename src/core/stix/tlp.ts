/**
 * TLP 2.0 as STIX marking definitions: the five objects FIRST and the OASIS CTI TC publish
 * (cti-stix-common-objects, extension-definition--60a3c5c5…), with their official ids, names
 * and creation date. They are emitted exactly so, without `created_by_ref`: Enlace did not
 * create them, and a consumer recognises them by id.
 */
export const TLP_LEVELS = ["clear", "green", "amber", "amber+strict", "red"] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

export const TLP_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
export const TLP_CREATED = "2022-10-01T00:00:00.000Z";

export const TLP_MARKING_IDS: Readonly<Record<TlpLevel, string>> = {
  clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
  green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
  amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
  "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
  red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
};

/** The TLP 1.0 definitions of STIX 2.1 §7.2.1.4, still sent by older tools, read as their TLP 2.0 successors. */
const TLP1_MARKING_IDS: Readonly<Record<string, TlpLevel>> = {
  "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": "clear",
  "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": "green",
  "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": "amber",
  "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": "red",
};

export type TlpMarkingDefinition = {
  readonly type: "marking-definition";
  readonly spec_version: "2.1";
  readonly id: string;
  readonly created: string;
  readonly name: string;
  readonly extensions: Record<string, { extension_type: "property-extension"; tlp_2_0: TlpLevel }>;
};

export function tlpMarking(level: TlpLevel): TlpMarkingDefinition {
  return {
    type: "marking-definition",
    spec_version: "2.1",
    id: TLP_MARKING_IDS[level],
    created: TLP_CREATED,
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP_EXTENSION_ID]: { extension_type: "property-extension", tlp_2_0: level } },
  };
}

/** The TLP level a marking-definition id stands for (TLP 2.0, or TLP 1.0 read as 2.0). */
export function tlpOfMarkingId(id: string): TlpLevel | undefined {
  const v2 = TLP_LEVELS.find((l) => TLP_MARKING_IDS[l] === id);
  return v2 ?? TLP1_MARKING_IDS[id];
}

/** The most restrictive of several levels: what a copy of all of them must carry. */
export function strictestTlp(levels: readonly TlpLevel[]): TlpLevel | undefined {
  let best = -1;
  for (const l of levels) best = Math.max(best, TLP_LEVELS.indexOf(l));
  return best < 0 ? undefined : TLP_LEVELS[best];
}
