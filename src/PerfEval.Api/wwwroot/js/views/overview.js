// A year at a glance: the summary figures, three charts and the ranking (filter, sort, page).
import { api } from '../api.js';
import { t } from '../i18n.js';
import { esc, fmt2, fmtInt, gradeBadge } from '../format.js';
import * as model from '../model.js';
import * as charts from '../charts.js';
import { renderError } from './problem.js';

const SCATTER_LIMIT = 500;

// The ranking's filters and paging survive language switches and returning from a department.
const ranking = { year: null, region: '', grade: '', sort: 'composite', order: '', limit: 50, cursors: [null], page: 0, search: '', rows: [], total: null, next: null };

function resetFor(year) {
  Object.assign(ranking, { year, region: '', grade: '', sort: 'composite', order: '', cursors: [null], page: 0, search: '', rows: [], total: null, next: null });
}

export async function render(container, ctx) {
  if (ranking.year !== ctx.year) resetFor(ctx.year);
  const data = model.summary(await api.summary(ctx.year));
  if (!ctx.isCurrent()) return;
  const o = data.overall;

  container.innerHTML = `
    <div class="page-head">
      <h1>${esc(t('nav.overview'))} <span class="muted">${ctx.year}</span></h1>
    </div>
    <section class="tiles" aria-label="summary">
      ${tile(t('summary.departments'), fmtInt(o.departmentCount), 'departments')}
      ${tile(t('summary.averageComposite'), fmt2(o.composite.average), 'average-composite')}
      ${tile(t('summary.medianComposite'), fmt2(o.composite.median), 'median-composite')}
      ${tile(t('summary.averageExecution'), fmt2(o.executionRate.average), 'average-execution')}
      ${tile(t('summary.unitsWithErrors'), fmtInt(o.unitsWithErrors), 'units-with-errors', o.unitsWithErrors > 0 ? 'warn' : '')}
    </section>
    <section class="chart-grid">
      <figure class="panel chart-panel"><figcaption>${esc(t('chart.grades'))} <span class="muted small">${esc(t('chart.clickToFilter'))}</span></figcaption><div class="chart" id="chart-grades"></div></figure>
      <figure class="panel chart-panel"><figcaption>${esc(t('chart.byRegion'))} <span class="muted small">${esc(t('chart.clickToFilter'))}</span></figcaption><div class="chart" id="chart-regions"></div></figure>
      <figure class="panel chart-panel"><figcaption>${esc(t('chart.scatter'))} <span class="muted small">${esc(t('chart.clickToOpen'))}</span> <span class="muted small" id="scatter-note"></span></figcaption><div class="chart" id="chart-scatter"></div></figure>
    </section>
    <section class="panel" id="ranking">
      <div class="section-head">
        <h2>${esc(t('ranking.title'))}</h2>
        <div class="toolbar">
          <label class="field-inline">${esc(t('ranking.region'))}
            <select id="filter-region"><option value="">${esc(t('ranking.all'))}</option>
              ${data.byRegion.map((r) => `<option value="${esc(r.region)}" ${r.region === ranking.region ? 'selected' : ''}>${esc(r.region)}</option>`).join('')}
            </select></label>
          <label class="field-inline">${esc(t('ranking.grade'))}
            <select id="filter-grade"><option value="">${esc(t('ranking.all'))}</option>
              ${model.gradeCodes.map((g) => `<option value="${g}" ${g === ranking.grade ? 'selected' : ''}>${esc(t(`grade.${g}`))}</option>`).join('')}
            </select></label>
          <label class="field-inline search">
            <input type="search" id="filter-search" placeholder="${esc(t('ranking.search'))}" value="${esc(ranking.search)}">
          </label>
          <label class="field-inline">${esc(t('ranking.pageSize'))}
            <select id="page-size">${[20, 50, 100, 200].map((n) => `<option ${n === ranking.limit ? 'selected' : ''}>${n}</option>`).join('')}</select></label>
        </div>
      </div>
      <div id="ranking-table"></div>
      <div class="pager" id="pager"></div>
    </section>`;

  const reload = () => {
    Object.assign(ranking, { cursors: [null], page: 0 });
    loadRanking(container, ctx);
    loadScatter(container, ctx);
  };
  // A bar of either chart filters the ranking by its grade or region.
  charts.grades(container.querySelector('#chart-grades'), o, (grade) => {
    ranking.grade = grade;
    container.querySelector('#filter-grade').value = grade;
    reload();
  });
  charts.byRegion(container.querySelector('#chart-regions'), data.byRegion, (region) => {
    ranking.region = region;
    container.querySelector('#filter-region').value = region;
    reload();
  });
  container.querySelector('#filter-region').addEventListener('change', (e) => { ranking.region = e.target.value; reload(); });
  container.querySelector('#filter-grade').addEventListener('change', (e) => { ranking.grade = e.target.value; reload(); });
  container.querySelector('#page-size').addEventListener('change', (e) => { ranking.limit = Number(e.target.value); reload(); });
  let typing;
  container.querySelector('#filter-search').addEventListener('input', (e) => {
    ranking.search = e.target.value;
    clearTimeout(typing);
    typing = setTimeout(reload, 250);
  });

  await Promise.all([loadRanking(container, ctx), loadScatter(container, ctx)]);
}

function tile(label, value, id, tone = '') {
  return `<div class="tile ${tone}" data-tile="${id}"><div class="tile-label">${esc(label)}</div><div class="tile-value num">${esc(value)}</div></div>`;
}

function query(extra = {}) {
  return {
    region: ranking.region || undefined,
    grade: ranking.grade || undefined,
    sort: ranking.sort,
    order: ranking.order || undefined,
    search: ranking.search.trim() || undefined,
    includeTotal: true,
    ...extra,
  };
}

async function loadRanking(container, ctx) {
  const target = container.querySelector('#ranking-table');
  try {
    const page = model.rankingPage(await api.ranking(ctx.year, query({ limit: ranking.limit, cursor: ranking.cursors[ranking.page] ?? undefined })));
    if (!ctx.isCurrent()) return;
    Object.assign(ranking, { rows: page.rows, total: page.total, next: page.nextCursor });
    drawTable(container, ctx);
  } catch (error) {
    if (!ctx.isCurrent()) return;
    if (error.status === 401) ctx.fail(error);
    else renderError(target, error, () => loadRanking(container, ctx));
  }
}

async function loadScatter(container, ctx) {
  try {
    const page = model.rankingPage(await api.ranking(ctx.year, query({ limit: SCATTER_LIMIT, includeTotal: undefined })));
    if (!ctx.isCurrent()) return;
    container.querySelector('#scatter-note').textContent = page.nextCursor ? `(${t('chart.scatterNote', { n: SCATTER_LIMIT })})` : '';
    charts.executionVsComposite(container.querySelector('#chart-scatter'), page.rows,
      (code) => { location.hash = `#/departments/${encodeURIComponent(code)}/${ctx.year}`; });
  } catch (error) {
    if (!ctx.isCurrent()) return;
    if (error.status === 401) ctx.fail(error);
    else renderError(container.querySelector('#chart-scatter'), error);
  }
}

const SORTABLE = { name: 'name', composite: 'composite', executionRate: 'executionRate' };

function header(key, label, cls = '') {
  const sort = SORTABLE[key];
  if (!sort) return `<th class="${cls}">${esc(label)}</th>`;
  const active = ranking.sort === sort;
  const descending = ranking.order ? ranking.order === 'desc' : sort !== 'name';
  const arrow = active ? (descending ? '▼' : '▲') : '';
  return `<th class="${cls} sortable ${active ? 'sorted' : ''}" aria-sort="${active ? (descending ? 'descending' : 'ascending') : 'none'}">
    <button type="button" class="sort" data-sort="${sort}">${esc(label)}<span class="arrow">${arrow}</span></button></th>`;
}

function drawTable(container, ctx) {
  const target = container.querySelector('#ranking-table');
  const rows = ranking.rows;
  target.innerHTML = `
    <div class="table-wrap">
    <table class="data" id="ranking-grid">
      <thead><tr>
        ${header('rank', t('col.rank'), 'num narrow')}
        ${header('code', t('col.code'))}
        ${header('name', t('col.name'))}
        ${header('region', t('col.region'))}
        ${header('composite', t('col.composite'), 'num')}
        ${header('grade', t('col.grade'), 'center')}
        ${header('executionRate', t('col.executionRate'), 'num')}
        ${header('executionScore', t('col.executionScore'), 'num')}
        ${header('adjustedBudget', t('col.adjustedBudget'), 'num')}
        ${header('executed', t('col.executed'), 'num')}
        ${header('findings', t('col.findings'), 'num')}
      </tr></thead>
      <tbody>
        ${rows.length ? rows.map((r) => `
          <tr data-code="${esc(r.code)}">
            <td class="num narrow">${fmtInt(r.rank)}</td>
            <td class="nowrap"><code>${esc(r.code)}</code></td>
            <td class="name"><a href="#/departments/${encodeURIComponent(r.code)}/${ctx.year}">${esc(r.name)}</a></td>
            <td class="nowrap">${esc(r.region)}</td>
            <td class="num strong" data-field="composite">${fmt2(r.composite)}</td>
            <td class="center">${gradeBadge(r.grade)}</td>
            <td class="num" data-field="executionRate">${fmt2(r.executionRate)}</td>
            <td class="num">${fmt2(r.executionScore)}</td>
            <td class="num">${fmt2(r.adjustedBudget)}</td>
            <td class="num">${fmt2(r.executed)}</td>
            <td class="num findings-counts">${counts(r.findings)}</td>
          </tr>`).join('') : `<tr><td colspan="11" class="empty">${esc(t('ranking.empty'))}</td></tr>`}
      </tbody>
    </table>
    </div>`;
  target.querySelectorAll('button.sort').forEach((button) => button.addEventListener('click', () => {
    const sort = button.dataset.sort;
    if (ranking.sort === sort) {
      const descending = ranking.order ? ranking.order === 'desc' : sort !== 'name';
      ranking.order = descending ? 'asc' : 'desc';
    } else {
      Object.assign(ranking, { sort, order: '' });
    }
    Object.assign(ranking, { cursors: [null], page: 0 });
    loadRanking(container, ctx);
  }));

  const pager = container.querySelector('#pager');
  pager.innerHTML = `
    <span class="muted">${ranking.total !== null ? esc(t('ranking.total', { n: fmtInt(ranking.total) })) + ' · ' : ''}${esc(t('ranking.page', { n: ranking.page + 1 }))}</span>
    <button type="button" class="button" id="page-prev" ${ranking.page === 0 ? 'disabled' : ''}>${esc(t('ranking.prev'))}</button>
    <button type="button" class="button" id="page-next" ${ranking.next ? '' : 'disabled'}>${esc(t('ranking.next'))}</button>`;
  pager.querySelector('#page-prev').addEventListener('click', () => { ranking.page -= 1; loadRanking(container, ctx); });
  pager.querySelector('#page-next').addEventListener('click', () => {
    ranking.cursors[ranking.page + 1] = ranking.next;
    ranking.page += 1;
    loadRanking(container, ctx);
  });
}

function counts(f) {
  const part = (n, cls) => `<span class="count ${n ? cls : 'zero'}">${fmtInt(n)}</span>`;
  return `${part(f.error, 'error')}/${part(f.warning, 'warning')}/${part(f.info, 'info')}`;
}
