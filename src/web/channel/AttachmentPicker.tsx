import { Alert, Button, CloseButton, FileButton, Group, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "../../core/channel/schema";
import { ATTACHMENT_ACCEPT, type AttachmentProblem, attachmentProblem } from "./attachment-files";
import { formatBytes } from "./channel-format";

export interface Refusal {
  readonly name: string;
  readonly problem: AttachmentProblem;
}

interface Props {
  files: File[];
  refused: Refusal[];
  onChange: (files: File[], refused: Refusal[]) => void;
}

/**
 * Chooses the files of a message, checked here against the server's own limits (type
 * allow-list, 1 MiB each, four at most) so a refusal is explained before anything is sent.
 */
export function AttachButton({ files, onChange }: Omit<Props, "refused">) {
  const { t, i18n } = useTranslation();
  const add = (picked: File[]) => {
    const next = [...files];
    const bad: Refusal[] = [];
    for (const f of picked) {
      const problem = attachmentProblem(f, next.length);
      if (problem) bad.push({ name: f.name, problem });
      else next.push(f);
    }
    onChange(next, bad);
  };
  const limits = t("channel.attachments.limits", { size: formatBytes(MAX_ATTACHMENT_BYTES, i18n.language), count: MAX_ATTACHMENTS });
  return (
    <FileButton onChange={add} accept={ATTACHMENT_ACCEPT} multiple>
      {(props) => (
        <Tooltip label={limits}>
          <Button {...props} size="xs" variant="default" disabled={files.length >= MAX_ATTACHMENTS}>
            {t("channel.attachments.add")}
            <span className="sr-only">{` (${limits})`}</span>
          </Button>
        </Tooltip>
      )}
    </FileButton>
  );
}

/** The files chosen so far, each removable, and why any was refused. */
export function AttachmentQueue({ files, refused, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const size = formatBytes(MAX_ATTACHMENT_BYTES, i18n.language);
  if (files.length === 0 && refused.length === 0) return null;
  return (
    <div>
      {files.length > 0 && (
        <Group component="ul" gap={6} m={0} p={0} style={{ listStyle: "none" }} aria-label={t("channel.attachments.chosen")}>
          {files.map((f, i) => (
            <Group
              component="li"
              key={`${f.name}:${f.size}:${f.lastModified}`}
              gap={2}
              wrap="nowrap"
              style={{ border: "1px solid var(--mantine-color-gray-4)", borderRadius: 4, paddingLeft: 6 }}
            >
              <Text size="xs">
                {f.name} ({formatBytes(f.size, i18n.language)})
              </Text>
              <CloseButton
                size="sm"
                aria-label={t("channel.attachments.remove", { name: f.name })}
                onClick={() =>
                  onChange(
                    files.filter((_, j) => j !== i),
                    [],
                  )
                }
              />
            </Group>
          ))}
        </Group>
      )}
      {refused.length > 0 && (
        <Alert color="red" variant="light" mt={6} p="xs" role="alert" title={t("channel.attachments.refusedTitle")}>
          {refused.map((r) => (
            <Text size="sm" key={r.name}>
              {t(`channel.attachments.problem.${r.problem}`, { name: r.name, size, count: MAX_ATTACHMENTS })}
            </Text>
          ))}
        </Alert>
      )}
    </div>
  );
}
