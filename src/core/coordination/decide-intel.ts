import type { Confidence } from "../border/schema";
import { DomainError } from "../errors";
import { NATIONAL_SPACE, type NewEvent } from "../log/envelope";
import { owned } from "./decide-threats";
import { type Lookup, refuseMissing, type Target } from "./decide-units";
import { type Links, type Tlp, tlpAtLeast } from "./schema";
import type { ConsentAnswerInput, ConsentRequestInput, IntelReportInput, ReleaseInput } from "./threat-inputs";

/**
 * Pure decisions about intelligence reports. A report is written in the national space; a
 * release is a new copy in a shared space that names its source. Passing on material whose
 * originator is another node needs that node's consent, granted for one release into one
 * space; without it the release is refused and nothing is written.
 */
export interface ReportState {
  readonly id: string;
  readonly space: string;
  readonly ownerNode: string;
  readonly originatorNode: string;
  readonly originator: string;
  readonly tlp: Tlp;
  readonly confidence: Confidence;
  readonly withdrawn: boolean;
}

/** What each kind of link resolved to in the space the report is written in. */
export type LinkLookups = { readonly [K in keyof Links]: Lookup };

const LINK_NAMES: Record<keyof Links, string> = {
  threatActorIds: "group",
  sectorIds: "sector",
  crossingIds: "crossing",
  incidentIds: "incident",
};

function checkLinks(links: Links, lookups: LinkLookups): void {
  for (const key of Object.keys(LINK_NAMES) as (keyof Links)[]) refuseMissing(`links.${key}`, links[key], lookups[key], LINK_NAMES[key]);
}

export function decideIntelReport(input: IntelReportInput, id: string, lookups: LinkLookups, t: Omit<Target, "space">): NewEvent[] {
  checkLinks(input.links, lookups);
  const data = { ...input, originatorNode: t.node, derivedFrom: null };
  return [{ space: NATIONAL_SPACE, type: "intel_report.written", subject: id, actor: t.actor, data }];
}

function standing(r: ReportState | undefined): ReportState {
  if (!r) throw new DomainError("intel.not_found", "no such intelligence report");
  if (r.withdrawn) throw new DomainError("intel.withdrawn", "the report was withdrawn");
  return r;
}

/** A consent request of this node about a report, as the server found it. */
export interface ConsentFact {
  readonly id: string;
  readonly state: "pending" | "granted" | "refused" | "used";
}

export function decideRelease(
  source: ReportState | undefined,
  input: ReleaseInput & { space: string },
  facts: { copyId: string; lookups: LinkLookups; consent: ConsentFact | undefined },
  t: Omit<Target, "space">,
): NewEvent[] {
  const r = standing(source);
  const target = input.space;
  if (target === NATIONAL_SPACE) throw new DomainError("validation.failed", "a release goes into a shared space", "space");
  if (target === r.space) throw new DomainError("intel.same_space", "the report already lives in that space", "space");
  const passOn = r.originatorNode !== t.node;
  if (passOn) {
    const c = facts.consent;
    const ask = `ask ${r.originatorNode}, its originator, with POST /api/v1/intel-reports/${r.id}/consent-requests`;
    if (!c || c.state === "used") throw new DomainError("intel.consent_required", `this is ${r.originatorNode}'s material: ${ask}`);
    if (c.state === "pending")
      throw new DomainError("intel.consent_pending", `${r.originatorNode} has not answered consent request ${c.id}`);
    if (c.state === "refused") throw new DomainError("intel.consent_refused", `${r.originatorNode} refused consent request ${c.id}`);
    if (!tlpAtLeast(input.tlp, r.tlp)) {
      throw new DomainError("intel.tlp_weaker", `material of another node keeps at least TLP:${r.tlp.toUpperCase()}`, "tlp");
    }
  }
  checkLinks(input.links, facts.lookups);
  const copy: NewEvent = {
    space: target,
    type: "intel_report.written",
    subject: facts.copyId,
    actor: t.actor,
    data: {
      summary: input.summary,
      body: input.body,
      tlp: input.tlp,
      confidence: input.confidence ?? r.confidence,
      links: input.links,
      originator: input.originator ?? r.originator,
      originatorNode: r.originatorNode,
      derivedFrom: { space: r.space, id: r.id },
    },
  };
  const record: NewEvent =
    r.space === NATIONAL_SPACE
      ? { space: r.space, type: "intel_report.released", subject: r.id, actor: t.actor, data: { space: target, copyId: facts.copyId } }
      : {
          space: r.space,
          type: "intel_report.rereleased",
          subject: r.id,
          actor: t.actor,
          data: { copySpace: target, copyId: facts.copyId, consentRequestId: passOn ? (facts.consent?.id ?? null) : null },
        };
  return [copy, record];
}

export function decideConsentRequest(
  source: ReportState | undefined,
  input: ConsentRequestInput,
  facts: { requestId: string; targetJoined: boolean; originatorIsMember: boolean },
  t: Omit<Target, "space">,
): NewEvent[] {
  const r = standing(source);
  if (r.originatorNode === t.node) throw new DomainError("intel.consent_not_needed", "this node is the report's originator: release it");
  if (input.targetSpace === NATIONAL_SPACE || input.targetSpace === r.space) {
    throw new DomainError("validation.failed", "consent is asked for passing the report into another shared space", "targetSpace");
  }
  if (!facts.targetJoined) throw new DomainError("space.unknown", `this node has not joined space ${input.targetSpace}`, "targetSpace");
  if (!facts.originatorIsMember) {
    throw new DomainError("intel.originator_absent", `${r.originatorNode}, the originator, is not a member of the report's space`);
  }
  const data = { requestId: facts.requestId, targetSpace: input.targetSpace, purpose: input.purpose };
  return [{ space: r.space, type: "intel_report.consent_requested", subject: r.id, actor: t.actor, data }];
}

export function decideConsentAnswer(
  source: ReportState | undefined,
  request: (ConsentFact & { reportId: string }) | undefined,
  input: ConsentAnswerInput,
  t: Omit<Target, "space">,
): NewEvent[] {
  if (!source) throw new DomainError("intel.not_found", "no such intelligence report");
  if (source.originatorNode !== t.node) {
    throw new DomainError("consent.not_originator", `only ${source.originatorNode}, the originator, answers consent requests`);
  }
  if (!request || request.reportId !== source.id) throw new DomainError("consent.not_found", "no such consent request for this report");
  if (request.state !== "pending") throw new DomainError("consent.answered", `the request was already answered (${request.state})`);
  const data = { requestId: request.id, granted: input.granted, note: input.note };
  return [{ space: source.space, type: "intel_report.consent_answered", subject: source.id, actor: t.actor, data }];
}

export function decideIntelWithdraw(r: ReportState | undefined, reason: string, t: Omit<Target, "space">): NewEvent[] {
  const report = owned(r, t.node, "intel", "intelligence report");
  if (report.withdrawn) throw new DomainError("intel.withdrawn", "the report was already withdrawn");
  return [{ space: report.space, type: "intel_report.withdrawn", subject: report.id, actor: t.actor, data: { reason } }];
}
