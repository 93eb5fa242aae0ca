// The contract seen from outside: a client generated from openapi.yaml (openapi-typescript types,
// openapi-fetch calls) reads a scorecard and pushes an adjustment against the running service.
// Usage: PERFEVAL_URL=http://127.0.0.1:5171 node dist/check.js   (Development: demo keys and data)
import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/perfeval.js";

type Scorecard = components["schemas"]["ScorecardResponse"];
type Problem = components["schemas"]["ProblemDetails"];
type AdjustmentItem = components["schemas"]["AdjustmentItem"];

const baseUrl = process.env.PERFEVAL_URL ?? "http://127.0.0.1:5171";
const reader = createClient<paths>({ baseUrl, headers: { "X-Api-Key": "demo-reader-key" } });
const pusher = createClient<paths>({ baseUrl, headers: { "X-Api-Key": "demo-pusher-key" } });

let failures = 0;
function check(condition: boolean, what: string, detail?: unknown): void {
  console.log(`${condition ? "ok  " : "FAIL"} ${what}${condition || detail === undefined ? "" : ` — ${JSON.stringify(detail)}`}`);
  if (!condition) {
    failures++;
  }
}

/** Yuan compared at fen (分): amounts are exact decimals with 2 decimals. */
const fen = (yuan: number): number => Math.round(yuan * 100);

async function readScorecard(): Promise<void> {
  const { data, error, response } = await reader.GET("/api/v1/departments/{code}/evaluations/{year}", {
    params: { path: { code: "GXQ-GYYQ", year: 2024 }, header: { "Accept-Language": "en" } },
  });
  check(response.status === 200, "GET scorecard GXQ-GYYQ 2024 answers 200", { status: response.status, error });
  if (!data) {
    return;
  }

  const card: Scorecard = data;
  check(card.compositeScore === 99.48, "composite 99.48 (综合得分)", card.compositeScore);
  check(card.grade === "excellent", "grade excellent (优)", card.grade);
  check(card.budget.executionRate === 94.82, "execution rate 94.82 % (预算执行率)", card.budget.executionRate);
  check(card.executionScore === 9.48, "execution score 9.48", card.executionScore);
  check(card.indicators.length === 4 && card.indicators.every((i) => i.score !== null), "four indicators, each scored", card.indicators.length);
  check(card.findings.some((f) => f.code === "BUDGET_CLASS_SPLIT" && f.severity === "error"), "finding BUDGET_CLASS_SPLIT (basic + project ≠ expenditure total)");

  const etag = response.headers.get("ETag");
  check(etag !== null, "the scorecard carries an ETag", etag);
  if (etag !== null) {
    const again = await reader.GET("/api/v1/departments/{code}/evaluations/{year}", {
      params: { path: { code: "GXQ-GYYQ", year: 2024 }, header: { "If-None-Match": etag, "Accept-Language": "en" } },
    });
    check(again.response.status === 304, "If-None-Match with that ETag answers 304", again.response.status);
  }
}

async function pushAdjustment(): Promise<void> {
  const lines = await reader.GET("/api/v1/departments/{code}/budgets/{year}/lines", {
    params: { path: { code: "GXQ-SWJ", year: 2024 }, query: { expenditureClass: "operating", fundingSource: "ownLevel" } },
  });
  const line = lines.data?.items[0];
  check(line !== undefined, "GXQ-SWJ 2024 has an operating line funded by own-level funds", lines.error);
  if (!line) {
    return;
  }

  const item: AdjustmentItem = {
    departmentCode: "GXQ-SWJ",
    fiscalYear: 2024,
    amount: 50000.0,
    documentNumber: "新区财预〔2024〕18号",
    reason: "年中追加营商环境评价工作经费 (contract check)",
    effectiveDate: "2024-07-15",
    sourceSystem: "contract-client",
    sourceItemId: randomUUID(),
    expenditureClass: "operating",
    fundingSource: "ownLevel",
  };
  const key = randomUUID();
  const pushed = await pusher.POST("/api/v1/budget-adjustments", {
    params: { header: { "Idempotency-Key": key } },
    body: { adjustments: [item] },
  });
  check(pushed.response.status === 201, "POST /budget-adjustments answers 201", { status: pushed.response.status, error: pushed.error });
  const moved = pushed.data?.lines.find((l) => l.lineId === line.id);
  check(moved !== undefined && fen(moved.adjustedAmount) === fen(line.adjustedAmount) + fen(50000), "the line's adjusted total rose by 50,000.00 元",
    { before: line.adjustedAmount, after: moved?.adjustedAmount });
  check(pushed.data?.adjustments[0]?.sourceItemId === item.sourceItemId, "the recorded adjustment is the one sent");

  const replay = await pusher.POST("/api/v1/budget-adjustments", {
    params: { header: { "Idempotency-Key": key } },
    body: { adjustments: [item] },
  });
  check(replay.response.status === 201 && replay.response.headers.get("Idempotent-Replayed") === "true",
    "a retry with the same Idempotency-Key replays the stored 201", replay.response.status);
  check(fen(replay.data?.lines[0]?.adjustedAmount ?? 0) === fen(moved?.adjustedAmount ?? -1), "…and moves nothing twice");
}

async function problems(): Promise<void> {
  const missing = await reader.GET("/api/v1/departments/{code}", { params: { path: { code: "NOPE" } } });
  const problem: Problem | undefined = missing.error;
  check(missing.response.status === 404 && problem?.status === 404, "an unknown department is a 404 problem", problem);
  check(missing.response.headers.get("Content-Type")?.startsWith("application/problem+json") === true, "…as application/problem+json");

  const forbidden = await reader.POST("/api/v1/budget-adjustments", {
    params: { header: { "Idempotency-Key": randomUUID() } },
    body: { adjustments: [] },
  });
  check(forbidden.response.status === 403, "the reader key may not push (403)", forbidden.response.status);
}

await readScorecard();
await pushAdjustment();
await problems();
console.log(failures === 0 ? "contract client: all checks passed" : `contract client: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
