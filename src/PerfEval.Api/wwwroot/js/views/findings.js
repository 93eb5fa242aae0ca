// Every finding of a year, grouped by code and severity, filtered by severity and region.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { esc, fmtInt, severityBadge } from '../format.js';
import * as model from '../model.js';

const PAGE = 500;
const MAX = 5000;
const filters = { year: null, severity: '', region: '' };

export async function render(container, ctx) {
  if (filters.year !== ctx.year) Object.assign(filters, { year: ctx.year, severity: '', region: '' });
  const [summary, loaded] = await Promise.all([api.summary(ctx.year).then(model.summary), loadAll(ctx.year)]);
  if (!ctx.isCurrent()) return;
  const groups = model.groupFindings(loaded.rows);

  container.innerHTML = `
    <div class="page-head"><h1>${esc(t('nav.findings'))} <span class="muted">${ctx.year}</span></h1></div>
    <section class="panel">
      <div class="section-head">
        <h2>${esc(t('findings.title'))}</h2>
        <div class="toolbar">
          <label class="field-inline">${esc(t('findings.severity'))}
            <select id="filter-severity"><option value="">${esc(t('ranking.all'))}</option>
              ${['error', 'warning', 'info'].map((s) => `<option value="${s}" ${s === filters.severity ? 'selected' : ''}>${esc(t(`severity.${s}`))}</option>`).join('')}
            </select></label>
          <label class="field-inline">${esc(t('ranking.region'))}
            <select id="filter-region"><option value="">${esc(t('ranking.all'))}</option>
              ${summary.byRegion.map((r) => `<option value="${esc(r.region)}" ${r.region === filters.region ? 'selected' : ''}>${esc(r.region)}</option>`).join('')}
            </select></label>
        </div>
      </div>
      ${loaded.truncated ? `<p class="muted small">${esc(t('findings.truncated', { n: fmtInt(MAX) }))}</p>` : ''}
      ${groups.length ? `
        <table class="data group-index">
          <thead><tr><th>${esc(t('findings.severity'))}</th><th>${esc(t('findings.code'))}</th><th class="num">${esc(t('findings.count'))}</th></tr></thead>
          <tbody>${groups.map((g) => `<tr><td>${severityBadge(g.severity)}</td><td><a href="#" data-jump="${esc(g.severity)}|${esc(g.code)}"><code>${esc(g.code)}</code></a></td><td class="num">${fmtInt(g.items.length)}</td></tr>`).join('')}</tbody>
        </table>
        <div class="finding-groups">
          ${groups.map((g) => group(g, ctx.year, loaded.rows.length <= 60)).join('')}
        </div>` : `<p class="empty">${esc(t('findings.empty'))}</p>`}
    </section>`;

  container.querySelector('#filter-severity').addEventListener('change', (e) => { filters.severity = e.target.value; render(container, ctx).catch(ctx.fail); });
  container.querySelector('#filter-region').addEventListener('change', (e) => { filters.region = e.target.value; render(container, ctx).catch(ctx.fail); });
  container.querySelectorAll('[data-jump]').forEach((link) => link.addEventListener('click', (e) => {
    e.preventDefault();
    const target = container.querySelector(`details[data-group="${CSS.escape(link.dataset.jump)}"]`);
    if (target) {
      target.open = true;
      target.scrollIntoView({ block: 'start' });
    }
  }));
}

function group(g, year, open) {
  return `
    <details class="finding-group" data-group="${esc(g.severity)}|${esc(g.code)}" ${open ? 'open' : ''}>
      <summary>${severityBadge(g.severity)} <code>${esc(g.code)}</code> <span class="muted">× ${fmtInt(g.items.length)}</span>
        <span class="example muted">${esc(t('findings.example'))}${esc(g.items[0].message)}</span></summary>
      <table class="data fixed">
        <colgroup><col class="w-dept"><col class="w-region"><col class="w-subject"><col></colgroup>
        <thead><tr><th>${esc(t('findings.department'))}</th><th>${esc(t('col.region'))}</th><th>${esc(t('findings.subject'))}</th><th>${esc(t('findings.message'))}</th></tr></thead>
        <tbody>${g.items.map((f) => `
          <tr>
            <td class="name"><a href="#/departments/${encodeURIComponent(f.departmentCode)}/${year}">${esc(f.departmentName ?? f.departmentCode)}</a></td>
            <td>${esc(f.region)}</td>
            <td>${esc(f.subject)}</td>
            <td class="message">${esc(f.message)}</td>
          </tr>`).join('')}
        </tbody>
      </table>
    </details>`;
}

async function loadAll(year) {
  const rows = [];
  let cursor;
  do {
    const page = model.findingsPage(await api.findings(year, {
      severity: filters.severity || undefined,
      region: filters.region || undefined,
      limit: PAGE,
      cursor,
    }));
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor && rows.length < MAX);
  return { rows, truncated: Boolean(cursor) };
}
