/**
 * The illustrative texts of the coordination demo: agendas, outcomes, groups, reports. All
 * of it is invented to show Enlace and says so; no group, report or meeting here is real.
 */
export const ILLUSTRATIVE = "DATOS ILUSTRATIVOS DE DEMOSTRACIÓN";

export const ZONES = { co: "America/Bogota", ve: "America/Caracas" } as const;

export const AGENDA = [
  { title: "Contrabando de combustible y alimentos", detail: "Balance del mes e incautaciones de ambos lados." },
  { title: "Pasos informales del sector", detail: "Presencia en las trochas y cambios observados." },
  { title: "Intercambio de información sobre grupos de crimen organizado", detail: "" },
];

/** Outcomes by month: information every meeting, a decision every third, an action every second. */
export const INFORMATION = [
  "Se informó una reducción del tránsito por las trochas vigiladas (ilustrativo).",
  "Ambos lados presentaron el balance de incautaciones del mes (ilustrativo).",
  "Se informó un aumento del contrabando de combustible en temporada seca (ilustrativo).",
  "Se compartió la ubicación aproximada de nuevos pasos informales (ilustrativo).",
];

export const DECISIONS = [
  "Mantener la reunión mensual y alternar la sede (ilustrativo).",
  "Establecer un enlace radial permanente entre los puestos de mando (ilustrativo).",
  "Priorizar los pasos informales con más incautaciones (ilustrativo).",
];

export const ACTIONS = [
  "Patrullaje coordinado, cada lado en su territorio, en los pasos informales del sector",
  "Intercambiar el informe mensual de incautaciones de combustible",
  "Verificar los pasos informales señalados en la reunión",
  "Preparar la evaluación conjunta de riesgos del sector",
];

export const MINUTES = (title: string, date: string) =>
  `Acta ilustrativa de la reunión «${title}» del ${date}. Asistieron las delegaciones de ambas unidades. Se trató el orden del día y se acordaron los resultados registrados. ${ILLUSTRATIVE}.`;

/** Organised-crime groups, invented: [recorded by, name, aliases, activities, level, summary]. */
export const GROUPS = [
  [
    "co",
    "Grupo ilustrativo «Los del Río»",
    ["GI-1"],
    ["smuggling_fuel", "extortion"],
    "high",
    "Controla rutas de combustible en el río (ilustrativo).",
  ],
  [
    "ve",
    "Grupo ilustrativo «La Trocha»",
    ["GI-2"],
    ["smuggling_food", "migrant_smuggling"],
    "medium",
    "Cobra el paso por trochas (ilustrativo).",
  ],
  [
    "co",
    "Grupo ilustrativo «Minería del Sur»",
    ["GI-3"],
    ["illegal_mining", "money_laundering"],
    "high",
    "Financia la minería ilegal en la frontera sur (ilustrativo).",
  ],
  [
    "ve",
    "Grupo ilustrativo «Ganado Norte»",
    ["GI-4"],
    ["smuggling_livestock"],
    "low",
    "Contrabando de ganado en pequeña escala (ilustrativo).",
  ],
] as const;

/** Intelligence reports, invented: [writer, summary, body, whether released]. */
export const REPORTS = [
  ["co", "Movimiento de cisternas hacia un paso informal (ilustrativo)", "Informe ilustrativo con detalle que no sale del nodo.", true],
  ["co", "Cambio de rutas tras los patrullajes coordinados (ilustrativo)", "Informe ilustrativo nacional.", false],
  ["ve", "Acopio de alimentos en la ribera (ilustrativo)", "Informe ilustrativo con fuente protegida.", true],
  ["ve", "Nuevo punto de cobro en una trocha (ilustrativo)", "Informe ilustrativo nacional.", false],
] as const;
