/**
 * A small Prometheus text-format registry (exposition format 0.0.4). Enlace exports a
 * handful of series; a full client library would add more weight than it saves.
 */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

type Labels = Record<string, string>;
const labelText = (labels: Labels) => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
};

export function createMetrics() {
  const counters = new Map<string, { help: string; values: Map<string, number> }>();
  const histograms = new Map<string, { help: string; series: Map<string, { counts: number[]; sum: number; count: number }> }>();
  const gauges = new Map<string, { help: string; read: () => Promise<Array<{ labels: Labels; value: number }>> }>();

  return {
    counter(name: string, help: string) {
      const c = { help, values: new Map<string, number>() };
      counters.set(name, c);
      return (labels: Labels = {}, by = 1) => {
        const key = labelText(labels);
        c.values.set(key, (c.values.get(key) ?? 0) + by);
      };
    },
    histogram(name: string, help: string) {
      const h = { help, series: new Map<string, { counts: number[]; sum: number; count: number }>() };
      histograms.set(name, h);
      return (labels: Labels, seconds: number) => {
        const key = JSON.stringify(labels);
        let s = h.series.get(key);
        if (!s) {
          s = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
          h.series.set(key, s);
        }
        for (let i = 0; i < BUCKETS.length; i++) if (seconds <= (BUCKETS[i] as number)) s.counts[i] = (s.counts[i] ?? 0) + 1;
        s.sum += seconds;
        s.count++;
      };
    },
    /** A gauge read at scrape time (e.g. the log size, from the database). */
    gauge(name: string, help: string, read: () => Promise<Array<{ labels: Labels; value: number }>>) {
      gauges.set(name, { help, read });
    },
    async render(): Promise<string> {
      const out: string[] = [];
      for (const [name, c] of counters) {
        out.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`);
        for (const [labels, v] of c.values) out.push(`${name}${labels} ${v}`);
      }
      for (const [name, h] of histograms) {
        out.push(`# HELP ${name} ${h.help}`, `# TYPE ${name} histogram`);
        for (const [key, s] of h.series) {
          const labels = JSON.parse(key) as Labels;
          for (let i = 0; i < BUCKETS.length; i++) {
            out.push(`${name}_bucket${labelText({ ...labels, le: String(BUCKETS[i]) })} ${s.counts[i]}`);
          }
          out.push(`${name}_bucket${labelText({ ...labels, le: "+Inf" })} ${s.count}`);
          out.push(`${name}_sum${labelText(labels)} ${s.sum}`, `${name}_count${labelText(labels)} ${s.count}`);
        }
      }
      for (const [name, g] of gauges) {
        out.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`);
        for (const { labels, value } of await g.read()) out.push(`${name}${labelText(labels)} ${value}`);
      }
      return `${out.join("\n")}\n`;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
