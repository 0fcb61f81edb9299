import { Anchor, type AnchorProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useLink } from "../use-link";

/** An in-app link styled as Mantine's Anchor. */
export function RouterLink({ href, children, ...rest }: AnchorProps & { href: string; children: ReactNode; "aria-label"?: string }) {
  const link = useLink(href);
  return (
    <Anchor {...rest} {...link}>
      {children}
    </Anchor>
  );
}
