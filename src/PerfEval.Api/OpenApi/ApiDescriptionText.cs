using Microsoft.OpenApi;

namespace PerfEval.Api.OpenApi;

/// <summary>The document's title page: what the service is and the conventions every endpoint follows.</summary>
internal static class ApiDescriptionText
{
    public static OpenApiInfo Info() => new()
    {
        Title = "PerfEval API",
        Version = "v1",
        Description = Description,
        License = new OpenApiLicense { Name = "Proprietary" },
    };

    // Chinese first (the readers are finance staff of the departments), the English beside it.
    private const string Description = """
        PerfEval 以数据保存部门单位整体支出绩效自评报告，并按规则计算：预算调整率、预算执行率和执行得分，
        各项绩效指标的完成率和得分，综合得分和评价结果（优/良/中/差），以及报告自填数与规则不一致之处（发现）。
        规则依据财预〔2020〕10号；其中每个数值都是评分方案的一项设置，每个年度指定一个评分方案。

        演示数据（Development）为 2024 年的三份真实报告：GXQ-GYYQ 工业园区管理办公室（综合得分 99.48，优）、
        GXQ-SWJ 商务局（85.00，良）、GXQ-CYFWZX 创业服务中心（99.80，优）。点 **Authorize** 填入演示密钥
        `demo-reader-key`（只读）、`demo-writer-key`（写数据）、`demo-pusher-key`（推送调整）或
        `demo-admin-key`（全部权限），再用 “Try it out” 试用各接口：示例取自演示数据，启动后可直接发送。

        PerfEval holds the yearly overall-expenditure performance self-evaluations of government
        departments (部门单位整体支出绩效自评报告) as data and computes them by rule: the budget
        adjustment rate (预算调整率) and execution rate (预算执行率), the execution score, each
        performance indicator's (绩效指标) completion rate (完成率) and score, the composite score
        (综合得分) and grade (评价结果 优/良/中/差), and the findings where a report's own (declared)
        figures disagree with the rules. The rules follow 财预〔2020〕10号; every number of them is a
        setting of a scoring scheme (评分方案) that a fiscal year (年度) points to.

        The demo data (Development) are three real 2024 reports: GXQ-GYYQ 工业园区管理办公室
        (composite 99.48, 优), GXQ-SWJ 商务局 (85.00, 良) and GXQ-CYFWZX 创业服务中心 (99.80, 优).

        ## 认证与权限 Authentication and scopes
        Every `/api/v1` call needs an API key in `X-Api-Key` (or, where the deployment configures an
        identity provider, a bearer token). Each operation needs one scope: `perf.read` (all reads),
        `data.write` (departments, budget lines, projects, indicators, evaluations),
        `adjustments.write` (the adjustment push) or `admin` (fiscal years, scoring schemes, the audit
        log). Without a valid key: 401; without the scope: 403. A client limited to some regions or
        departments gets 404 for others' data on read and 403 on write. In Development, use
        Authorize with `demo-reader-key`, `demo-writer-key`, `demo-pusher-key` or `demo-admin-key`.

        ## 数值 Numbers
        - Amounts are exact decimals in yuan (元) with at most 2 decimals, shown with 2 (元.角分);
          reports print 万元 (1 万元 = 10,000 元). Send them as JSON numbers, never strings.
        - Rates are percentages (94.82 means 94.82 %) and scores are points; both are computed at
          full precision and rounded once, to the scheme's display decimals (2 by default), half away
          from zero (四舍五入). The composite is the sum of the rounded components.
        - A rate whose base is 0 (no initial budget, no adjusted budget) is null, never 0 or infinity.

        ## JSON 格式 JSON
        camelCase names; enums as camelCase strings (`ownLevel`); dates as ISO 8601 (`2024-06-30`),
        timestamps with offset (UTC). Input is strict: required fields must be present, unknown fields
        (including those the route sets, such as `departmentCode` on a budget line) are refused with
        400, numbers must be JSON numbers. Chinese text is written as is.

        ## 列表与分页 Lists
        Lists are keyset-paged: `limit` (1–500, default 50) and the opaque `cursor` from the previous
        page's `nextCursor` (null on the last page). `updatedSince` returns only what changed after a
        time. The change feed (`/changes`) is the way to follow every change in commit order.

        ## 错误 Errors
        Every error is an RFC 9457 problem (`application/problem+json`) with `title`, `status`,
        `detail`, `instance` and `traceId` (quote it when reporting a problem). 400 and 422 list every
        field error at once in `errors`, keyed by the JSON path (`adjustments[3].amount`). 429 and 503
        carry `Retry-After`. Problems are `application/problem+json` whatever `Accept` says, and their
        titles, details and validation messages are Chinese, or English with `Accept-Language: en`.

        ## 并发与缓存 Concurrency and caching
        Versioned resources and scorecards carry an `ETag`. A GET with `If-None-Match` answers 304
        when nothing changed. Every PUT, PATCH and DELETE must send `If-Match` with the ETag it read:
        without it 428, with a stale one 412 (read again, re-apply). The evaluation's PUT takes the
        evaluation's own ETag (every PUT of it answers with one), not the scorecard's; `If-None-Match: *`
        creates it. A closed fiscal year refuses every write to its data with 409.

        ## 幂等推送 Idempotent pushes
        `POST /budget-adjustments` takes an `Idempotency-Key`: a retry with the same key and payload
        gets the stored response (`Idempotent-Replayed: true`), the same key with another payload 422,
        and a retry while the first is still running 409.
        """;
}
