import { Button, Checkbox, Select, Stack, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { followupInput } from "../../core/border/inputs";
import { type Confidence, IMPACT_LEVELS } from "../../core/border/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { ConfidenceFields } from "./ConfidenceFields";
import { type GoodsDraft, GoodsLinesEditor } from "./GoodsLinesEditor";
import { serverFieldErrors } from "./server-errors";
import { usePostFollowup } from "./use-incidents";

/**
 * A follow-up report linked to the first: what was learnt, more goods seized, and a new
 * impact or confidence when they changed. Either side may post one.
 */
export function FollowupForm({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const post = usePostFollowup(incidentId);
  const [text, setText] = useState("");
  const [goods, setGoods] = useState<GoodsDraft[]>([]);
  const [impact, setImpact] = useState<string | null>(null);
  const [regrade, setRegrade] = useState(false);
  const [confidence, setConfidence] = useState<Confidence>({ reliability: "B", credibility: 2 });
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      text,
      goods: goods.map((g) => ({ ...g, quantity: g.quantity === "" ? Number.NaN : g.quantity })),
      impact,
      confidence: regrade ? confidence : null,
    };
    const v = validate(followupInput, body, t);
    setErrors(v.errors ?? {});
    if (v.data) {
      post.mutate(v.data, {
        onSuccess: () => {
          setText("");
          setGoods([]);
          setImpact(null);
          setRegrade(false);
        },
        onError: (err) => setErrors(serverFieldErrors(err, t)),
      });
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("incidents.postFollowup")}>
      <Stack gap="sm">
        <Textarea
          label={t("incidents.followupText")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          required
          error={errors.text}
        />
        <GoodsLinesEditor lines={goods} onChange={setGoods} errors={errors} prefix="goods" />
        <Select
          label={t("incidents.newImpact")}
          placeholder={t("incidents.unchanged")}
          data={IMPACT_LEVELS.map((v) => ({ value: v, label: t(`incidents.impact.${v}`) }))}
          value={impact}
          onChange={setImpact}
          clearable
          w={240}
        />
        <Checkbox label={t("incidents.regrade")} checked={regrade} onChange={(e) => setRegrade(e.currentTarget.checked)} />
        {regrade && (
          <ConfidenceFields
            value={confidence}
            onChange={setConfidence}
            errors={{ reliability: errors["confidence.reliability"], credibility: errors["confidence.credibility"] }}
          />
        )}
        <ProblemAlert error={post.error} />
        <Button type="submit" loading={post.isPending} style={{ alignSelf: "flex-start" }}>
          {t("incidents.postFollowupButton")}
        </Button>
      </Stack>
    </form>
  );
}
