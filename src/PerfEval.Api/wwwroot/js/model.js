// What the page shows, read from the API's responses. Every response shape the page depends on is
// read here and nowhere else: when the API changes a field, this file is the one to change.

/** A number from the API (a JSON number, or an explained figure's value), or null. */
export function num(value) {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object' && value !== null && 'value' in value) return num(value.value);
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

const GRADES = ['excellent', 'good', 'fair', 'poor'];

/** excellent | good | fair | poor, or null: the API's grade code (its label is i18n's, in either language). */
export function gradeCode(value) {
  return GRADES.includes(value) ? value : null;
}

export const gradeCodes = GRADES;

function counts(findingCounts) {
  const c = findingCounts ?? {};
  return { error: num(c.error) ?? 0, warning: num(c.warning) ?? 0, info: num(c.info) ?? 0 };
}

export function fiscalYears(response) {
  return (response?.items ?? [])
    .map((y) => ({ year: num(y.year), status: y.status ?? null }))
    .filter((y) => y.year !== null)
    .sort((a, b) => b.year - a.year);
}

function scorecardRow(s) {
  return {
    code: s.departmentCode,
    name: s.departmentName,
    region: s.region,
    year: num(s.fiscalYear),
    composite: num(s.compositeScore),
    grade: gradeCode(s.grade),
    executionRate: num(s.executionRate),
    executionScore: num(s.executionScore),
    initialBudget: num(s.initialBudget),
    adjustedBudget: num(s.adjustedBudget),
    executed: num(s.executed),
    findings: counts(s.findingCounts),
  };
}

export function rankingPage(response) {
  return {
    rows: (response?.items ?? []).map((item) => {
      const card = item.scorecard ?? item;
      return { rank: num(item.rank), ...scorecardRow(card) };
    }),
    nextCursor: response?.nextCursor ?? null,
    total: num(response?.total),
  };
}

function figures(f) {
  const g = f?.grades ?? {};
  return {
    departmentCount: num(f?.departmentCount) ?? 0,
    grades: {
      excellent: num(g.excellent) ?? 0,
      good: num(g.good) ?? 0,
      fair: num(g.fair) ?? 0,
      poor: num(g.poor) ?? 0,
      none: num(g.noGrade) ?? 0,
    },
    composite: spread(f?.compositeScore),
    executionRate: spread(f?.executionRate),
    unitsWithErrors: num(f?.unitsWithErrors) ?? 0,
  };
}

function spread(s) {
  return {
    count: num(s?.count),
    average: num(s?.average),
    min: num(s?.min),
    median: num(s?.median),
    max: num(s?.max),
  };
}

export function summary(response) {
  return {
    year: num(response?.year),
    overall: figures(response?.overall),
    byRegion: (response?.byRegion ?? []).map((r) => ({ region: r.region, ...figures(r.figures) })),
  };
}

function finding(f) {
  return {
    departmentCode: f.departmentCode ?? null,
    departmentName: f.departmentName ?? null,
    region: f.region ?? null,
    code: f.code,
    severity: f.severity,
    subject: f.subject ?? null,
    figures: f.figures ?? {},
    message: typeof f.message === 'object' && f.message !== null ? (f.message.zh ?? f.message.en ?? '') : (f.message ?? ''),
  };
}

export function findingsPage(response) {
  return { rows: (response?.items ?? []).map(finding), nextCursor: response?.nextCursor ?? null };
}

/** Findings grouped by code and severity: errors first, then the largest groups. */
export function groupFindings(rows) {
  const order = { error: 0, warning: 1, info: 2 };
  const groups = new Map();
  for (const row of rows) {
    const key = `${row.severity}|${row.code}`;
    if (!groups.has(key)) groups.set(key, { code: row.code, severity: row.severity, items: [] });
    groups.get(key).items.push(row);
  }
  return [...groups.values()].sort((a, b) =>
    (order[a.severity] ?? 9) - (order[b.severity] ?? 9) || b.items.length - a.items.length || a.code.localeCompare(b.code));
}

function budgetFigures(b) {
  return {
    initial: num(b?.initial),
    adjustments: num(b?.adjustments),
    adjusted: num(b?.adjusted),
    executed: num(b?.executed),
    adjustmentRate: num(b?.adjustmentRate),
    executionRate: num(b?.executionRate),
  };
}

function declared(d) {
  if (!d) return null;
  return { declared: d.declared ?? null, computed: d.computed ?? null, consistent: d.consistent ?? null };
}

/** The scorecard with ?explain=true. Each number keeps the JSON path its explanation is keyed by. */
export function scorecard(response) {
  const r = response ?? {};
  const classes = ['personnel', 'operating', 'basic', 'project'];
  const sources = ['superior', 'ownLevel', 'other'];
  return {
    code: r.departmentCode,
    name: r.departmentName,
    region: r.region,
    year: num(r.fiscalYear),
    scheme: r.scheme ? { code: r.scheme.code, version: num(r.scheme.schemeVersion), name: r.scheme.name } : null,
    budget: budgetFigures(r.budget),
    byClass: classes.filter((c) => r.byExpenditureClass?.[c]).map((c) => ({ key: c, path: `byExpenditureClass.${c}`, ...budgetFigures(r.byExpenditureClass[c]) })),
    bySource: sources.filter((s) => r.byFundingSource?.[s]).map((s) => ({ key: s, path: `byFundingSource.${s}`, ...budgetFigures(r.byFundingSource[s]) })),
    executionWeight: num(r.executionWeight),
    executionScore: num(r.executionScore),
    indicators: (r.indicators ?? []).map((i, index) => ({
      path: `indicators[${index}]`,
      sequence: num(i.sequence) ?? index + 1,
      name: i.name,
      kind: i.kind,
      weight: num(i.weight),
      completion: num(i.completion),
      cappedScore: num(i.cappedScore),
      deduction: num(i.deduction),
      score: num(i.score),
      flags: i.flags ?? [],
      declaredCompletion: declared(i.declaredCompletion),
      declaredScore: declared(i.declaredScore),
    })),
    weightTotal: num(r.weightTotal),
    composite: num(r.compositeScore),
    grade: gradeCode(r.grade),
    declared: Object.entries(r.declared ?? {}).map(([name, d]) => ({ name, ...declared(d) })),
    findingCounts: counts(r.findingCounts),
    findings: (r.findings ?? []).map(finding),
    explanations: r.explanations ?? {},
  };
}

/** The explanation of the number at a JSON path ("budget.executionRate", "indicators[0].score"). */
export function explanation(card, path) {
  const e = card.explanations?.[path];
  if (!e) return null;
  return { formula: e.formula ?? '', inputs: e.inputs ?? {} };
}

export function departmentYears(response) {
  const d = response?.department ?? {};
  return {
    department: { code: d.code, name: d.name, region: d.region, unitType: d.unitType ?? null, level: d.level ?? null },
    years: (response?.years ?? []).map(scorecardRow).sort((a, b) => a.year - b.year),
  };
}

const LIGHTS = ['red', 'yellow', 'green', 'blue'];

/** red | yellow | green | blue, or null: a monitoring light as the API names it. */
function light(value) {
  return LIGHTS.includes(value) ? value : null;
}

/** A department-year's latest monitoring round (绩效运行监控), or null when it has none. */
export function monitoring(response) {
  if (!response) return null;
  const b = response.budget ?? {};
  return {
    asOf: response.asOf,
    timeProgress: num(response.timeProgress),
    combined: light(response.combinedLight),
    goal: light(response.goalLight),
    budget: { light: light(b.light), executionRate: num(b.executionRate), ratio: num(b.ratio), executedToDate: num(b.executedToDate) },
    indicators: (response.indicators ?? []).map((i) => ({
      sequence: num(i.sequence),
      name: i.name,
      target: num(i.target),
      unit: i.unit ?? '',
      current: num(i.currentValue),
      ratio: num(i.ratio),
      light: light(i.light),
    })),
    findings: (response.findings ?? []).map((f) => ({ code: f.code, severity: f.severity, subject: f.subject, message: f.message })),
  };
}

/** One uploaded report in the list. */
export function reportImportRow(r) {
  return { id: r.id, status: r.status, departmentCode: r.departmentCode ?? null, fiscalYear: r.fiscalYear ?? null, fileName: r.fileName ?? '', createdAt: r.createdAt };
}

/** An uploaded report with its draft: every field by its path, with status, value and the text it was read from. */
export function reportImport(r) {
  const fields = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (node && typeof node === 'object') {
      if ('status' in node && 'readings' in node) {
        const evidence = (node.readings ?? []).map((x) => x.evidence?.text).filter(Boolean).join(' | ');
        fields.push({ path, status: node.status, value: node.value, evidence, rule: node.rule ?? null });
        return;
      }
      for (const [key, value] of Object.entries(node)) {
        if (key !== 'text' && key !== 'flags') walk(value, path ? `${path}.${key}` : key);
      }
    }
  };
  walk(r.draft ?? {}, '');
  return {
    ...reportImportRow(r),
    version: r.version,
    fields,
    flags: (r.draft?.flags ?? []).map((f) => ({ code: f.code, path: f.path, message: f.message })),
  };
}
