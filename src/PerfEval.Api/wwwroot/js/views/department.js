// One department's year: its scorecard with every number's formula, its years side by side, its downloads.
import { api, saveBlob } from '../api.js';
import { t, tOr } from '../i18n.js';
import { esc, fmt2, fmtDeclared, gradeBadge, lightBadge, severityBadge } from '../format.js';
import * as model from '../model.js';
import { statusMessage } from './problem.js';

const EXPORTS = ['scorecards', 'indicators', 'budget-lines', 'adjustments'];
const FORMATS = ['xlsx', 'csv'];

export async function render(container, ctx) {
  const [raw, history, monitoring] = await Promise.all([
    api.scorecard(ctx.code, ctx.year),
    api.departmentYears(ctx.code).then(model.departmentYears),
    api.monitoring(ctx.code, ctx.year).then(model.monitoring),
  ]);
  if (!ctx.isCurrent()) return;
  const card = model.scorecard(raw);
  const d = history.department;
  const n = (path, value) => explained(card, path, value);

  container.innerHTML = `
    <div class="page-head dept-head">
      <a class="back" href="#/years/${ctx.year}">← ${esc(t('dept.back'))}</a>
      <h1 id="dept-name">${esc(card.name)}</h1>
      <p class="muted">
        <code>${esc(card.code)}</code> · ${esc(card.region)}${d.unitType ? ` · ${esc(d.unitType)}` : ''}${d.level ? ` · ${esc(d.level)}` : ''}
        · ${esc(t('year.label'))} ${card.year}
        ${card.scheme ? ` · ${esc(t('dept.scheme'))}: ${esc(card.scheme.name)} (v${card.scheme.version})` : ''}
      </p>
    </div>

    <section class="tiles">
      <div class="tile headline" data-tile="composite">
        <div class="tile-label">${esc(t('dept.composite'))}</div>
        <div class="tile-value">${n('compositeScore', card.composite)} ${gradeBadge(card.grade)}</div>
      </div>
      <div class="tile" data-tile="execution-rate"><div class="tile-label">${esc(t('dept.executionRate'))}</div><div class="tile-value">${n('budget.executionRate', card.budget.executionRate)}</div></div>
      <div class="tile" data-tile="execution-score"><div class="tile-label">${esc(t('dept.executionScore'))} <span class="muted small">/ ${fmt2(card.executionWeight)}</span></div><div class="tile-value">${n('executionScore', card.executionScore)}</div></div>
      <div class="tile" data-tile="weight-total"><div class="tile-label">${esc(t('dept.weightTotal'))}</div><div class="tile-value">${n('weightTotal', card.weightTotal)}</div></div>
      <div class="tile ${card.findingCounts.error ? 'warn' : ''}" data-tile="findings"><div class="tile-label">${esc(t('col.findings'))}</div>
        <div class="tile-value findings-counts">${card.findingCounts.error}/${card.findingCounts.warning}/${card.findingCounts.info}</div></div>
    </section>
    <p class="muted small hint">${esc(t('dept.explainHint'))}</p>

    <section class="panel">
      <h2>${esc(t('dept.budget'))}</h2>
      <div class="table-wrap"><table class="data" id="budget-table">
        <thead><tr>
          <th></th><th class="num">${esc(t('dept.initial'))}</th><th class="num">${esc(t('dept.adjustments'))}</th>
          <th class="num">${esc(t('dept.adjusted'))}</th><th class="num">${esc(t('dept.executed'))}</th>
          <th class="num">${esc(t('dept.adjustmentRate'))}</th><th class="num">${esc(t('dept.executionRate'))}</th>
        </tr></thead>
        <tbody>
          ${budgetRow(card, t('dept.total'), 'budget', card.budget, 'total')}
          ${card.byClass.map((c) => budgetRow(card, t(`dept.class.${c.key}`), c.path, c, 'sub')).join('')}
          ${card.bySource.map((s) => budgetRow(card, t(`dept.source.${s.key}`), s.path, s, 'sub')).join('')}
        </tbody>
      </table></div>
    </section>

    <section class="panel">
      <h2>${esc(t('dept.indicators'))}</h2>
      <div class="table-wrap"><table class="data" id="indicator-table">
        <thead><tr>
          <th class="num narrow">${esc(t('dept.seq'))}</th><th>${esc(t('dept.indicator'))}</th><th>${esc(t('dept.kind'))}</th>
          <th class="num">${esc(t('dept.weight'))}</th><th class="num">${esc(t('dept.completion'))}</th>
          <th class="num">${esc(t('dept.cappedScore'))}</th><th class="num">${esc(t('dept.deduction'))}</th><th class="num">${esc(t('dept.score'))}</th>
          <th class="num">${esc(t('dept.declared'))} ${esc(t('dept.completion'))}</th><th class="num">${esc(t('dept.declared'))} ${esc(t('dept.score'))}</th>
        </tr></thead>
        <tbody>
          ${card.indicators.map((i) => `
            <tr>
              <td class="num narrow">${i.sequence}</td>
              <td class="name">${esc(i.name)}${i.flags.map((f) => ` <span class="flag" data-flag="${esc(f)}">${esc(tOr(`flag.${f}`, f))}</span>`).join('')}</td>
              <td>${esc(tOr(`dept.kind.${i.kind}`, i.kind))}</td>
              <td class="num">${fmt2(i.weight)}</td>
              <td class="num">${n(`${i.path}.completion`, i.completion)}</td>
              <td class="num">${n(`${i.path}.cappedScore`, i.cappedScore)}</td>
              <td class="num">${fmt2(i.deduction)}</td>
              <td class="num strong">${n(`${i.path}.score`, i.score)}</td>
              <td class="num">${declaredCell(i.declaredCompletion)}</td>
              <td class="num">${declaredCell(i.declaredScore)}</td>
            </tr>`).join('')}
        </tbody>
        <tfoot>
          <tr><td></td><td>${esc(t('dept.executionScore'))}</td><td></td><td class="num">${fmt2(card.executionWeight)}</td><td class="num">${n('budget.executionRate', card.budget.executionRate)}</td><td></td><td></td><td class="num strong">${n('executionScore', card.executionScore)}</td><td></td><td></td></tr>
          <tr class="total"><td></td><td>${esc(t('dept.composite'))}</td><td></td><td class="num">${n('weightTotal', card.weightTotal)}</td><td></td><td></td><td></td><td class="num strong">${n('compositeScore', card.composite)}</td><td></td><td></td></tr>
        </tfoot>
      </table></div>
    </section>

    <div class="two-col">
      <section class="panel">
        <h2>${esc(t('dept.declaredTitle'))}</h2>
        <table class="data" id="declared-table">
          <thead><tr><th>${esc(t('dept.item'))}</th><th class="num">${esc(t('dept.declared'))}</th><th class="num">${esc(t('dept.computed'))}</th><th class="center"></th></tr></thead>
          <tbody>${card.declared.map((x) => `
            <tr class="${x.consistent === false ? 'mismatch' : ''}">
              <td>${esc(tOr(`declared.${x.name}`, x.name))}</td>
              <td class="num">${x.name === 'grade' ? gradeLabel(x.declared) : fmtDeclared(x.declared)}</td>
              <td class="num">${x.name === 'grade' ? gradeLabel(x.computed) : fmt2(model.num(x.computed))}</td>
              <td class="center">${consistency(x.consistent)}</td>
            </tr>`).join('')}
          </tbody>
        </table>
      </section>
      <section class="panel">
        <h2>${esc(t('dept.findings'))}</h2>
        ${card.findings.length ? `<ul class="finding-list">${card.findings.map((f) => `
          <li>${severityBadge(f.severity)} <code>${esc(f.code)}</code> <span class="muted">${esc(f.subject)}</span><div>${esc(f.message)}</div></li>`).join('')}</ul>`
          : `<p class="empty">${esc(t('dept.noFindings'))}</p>`}
      </section>
    </div>

    ${monitoringPanel(monitoring)}

    <section class="panel">
      <h2>${esc(t('dept.years'))}</h2>
      ${yearsTable(history.years, ctx.year)}
    </section>

    <section class="panel" id="downloads">
      <h2>${esc(t('dept.downloads'))}</h2>
      <p><button type="button" class="link-button" data-document="report">${esc(t('dept.report'))}</button></p>
      <p><button type="button" class="link-button" data-document="form">${esc(t('dept.form'))}</button></p>
      <p><button type="button" class="link-button" id="download-scorecard">${esc(t('dept.scorecardJson'))}</button></p>
      <p class="muted small">${esc(t('dept.downloadsNote'))}</p>
      <table class="data downloads">
        <tbody>${EXPORTS.map((dataset) => `
          <tr><td>${card.year} ${esc(t(`export.${dataset}`))}</td>
            <td>${FORMATS.map((format) => `<button type="button" class="button small" data-export="${dataset}" data-format="${format}">${format.toUpperCase()}</button>`).join(' ')}</td></tr>`).join('')}
        </tbody>
      </table>
      <p class="small" id="download-status" role="status"></p>
    </section>`;

  wireExplanations(container, card);
  wireDownloads(container, card, raw);
}

/** The latest monitoring round: time progress, the combined, goal and budget lights, each indicator's light. */
function monitoringPanel(m) {
  if (!m) {
    return `<section class="panel" id="monitoring"><h2>${esc(t('mon.title'))}</h2><p class="empty">${esc(t('mon.none'))}</p></section>`;
  }
  return `
    <section class="panel" id="monitoring">
      <h2>${esc(t('mon.title'))} <span class="muted small">${esc(t('mon.asOf'))} ${esc(m.asOf)} · ${esc(t('mon.timeProgress'))} ${fmt2(m.timeProgress)}%</span></h2>
      <p class="lights">
        ${esc(t('mon.combined'))} <span id="light-combined">${lightBadge(m.combined)}</span>
        · ${esc(t('mon.goal'))} ${lightBadge(m.goal)}
        · ${esc(t('mon.budget'))} ${lightBadge(m.budget.light)}${m.budget.executionRate !== null ? ` <span class="muted small">${esc(t('dept.executionRate'))} ${fmt2(m.budget.executionRate)}%</span>` : ''}
      </p>
      <div class="table-wrap"><table class="data" id="monitoring-table">
        <thead><tr>
          <th class="num narrow">${esc(t('dept.seq'))}</th><th>${esc(t('dept.indicator'))}</th>
          <th class="num">${esc(t('mon.target'))}</th><th class="num">${esc(t('mon.current'))}</th>
          <th class="num">${esc(t('mon.ratio'))}</th><th class="center">${esc(t('mon.light'))}</th>
        </tr></thead>
        <tbody>${m.indicators.map((i) => `
          <tr data-light="${esc(i.light ?? '')}">
            <td class="num narrow">${i.sequence}</td><td class="name">${esc(i.name)}</td>
            <td class="num">${fmtDeclared(i.target)} ${esc(i.unit)}</td><td class="num">${fmtDeclared(i.current)}</td>
            <td class="num">${fmt2(i.ratio)}</td><td class="center">${lightBadge(i.light)}</td>
          </tr>`).join('')}
        </tbody>
      </table></div>
      ${m.findings.length ? `<ul class="finding-list">${m.findings.map((f) => `
        <li>${severityBadge(f.severity)} <code>${esc(f.code)}</code> <span class="muted">${esc(f.subject)}</span><div>${esc(f.message)}</div></li>`).join('')}</ul>` : ''}
    </section>`;
}

function explained(card, path, value) {
  const text = fmt2(value);
  if (!model.explanation(card, path)) return `<span class="num-value">${text}</span>`;
  return `<button type="button" class="num-value explained" data-path="${esc(path)}" aria-describedby="explain-popover">${text}</button>`;
}

function budgetRow(card, label, path, b, cls) {
  const cell = (field) => `<td class="num">${explained(card, `${path}.${field}`, b[field])}</td>`;
  return `<tr class="${cls}"><th scope="row">${esc(label)}</th>${['initial', 'adjustments', 'adjusted', 'executed', 'adjustmentRate', 'executionRate'].map(cell).join('')}</tr>`;
}

function declaredCell(d) {
  if (!d || d.declared === null) return '—';
  return `${fmtDeclared(d.declared)} ${consistency(d.consistent)}`;
}

function consistency(consistent) {
  if (consistent === null || consistent === undefined) return '';
  return consistent
    ? `<span class="check ok" title="${esc(t('dept.consistent'))}">✓</span>`
    : `<span class="check bad" title="${esc(t('dept.inconsistent'))}">✗ ${esc(t('dept.inconsistent'))}</span>`;
}

function gradeLabel(value) {
  const code = model.gradeCode(value);
  return code ? esc(t(`grade.${code}`)) : fmtDeclared(value);
}

function yearsTable(years, current) {
  const rows = [
    [t('col.composite'), (y) => `<span class="strong">${fmt2(y.composite)}</span>`],
    [t('col.grade'), (y) => gradeBadge(y.grade)],
    [t('col.executionRate'), (y) => fmt2(y.executionRate)],
    [t('col.executionScore'), (y) => fmt2(y.executionScore)],
    [t('dept.initial'), (y) => fmt2(y.initialBudget)],
    [t('dept.adjusted'), (y) => fmt2(y.adjustedBudget)],
    [t('dept.executed'), (y) => fmt2(y.executed)],
    [t('col.findings'), (y) => `${y.findings.error}/${y.findings.warning}/${y.findings.info}`],
  ];
  return `<div class="table-wrap"><table class="data years" id="years-table">
    <thead><tr><th></th>${years.map((y) => `<th class="num ${y.year === current ? 'current' : ''}"><a href="#/departments/${encodeURIComponent(y.code)}/${y.year}">${y.year}</a></th>`).join('')}</tr></thead>
    <tbody>${rows.map(([label, cell]) => `<tr><th scope="row">${esc(label)}</th>${years.map((y) => `<td class="num ${y.year === current ? 'current' : ''}">${cell(y)}</td>`).join('')}</tr>`).join('')}</tbody>
  </table></div>`;
}

/** The formula behind a number: shown while the pointer is on it, kept open when it is clicked. */
let pinned = null;

function unpin() {
  pinned?.classList.remove('pinned');
  pinned = null;
  document.getElementById('explain-popover').hidden = true;
}

// A click anywhere else, or leaving the page, closes a pinned explanation.
document.addEventListener('click', (e) => { if (!document.getElementById('explain-popover')?.contains(e.target)) unpin(); });
window.addEventListener('hashchange', unpin);

function wireExplanations(container, card) {
  const popover = document.getElementById('explain-popover');
  unpin();
  const show = (button) => {
    const e = model.explanation(card, button.dataset.path);
    popover.innerHTML = e
      ? `<div class="popover-path"><code>${esc(button.dataset.path)}</code> = <strong>${esc(button.textContent)}</strong></div>
         <div class="popover-label">${esc(t('dept.formula'))}</div><div class="formula">${esc(e.formula)}</div>
         <div class="popover-label">${esc(t('dept.inputs'))}</div>
         <table class="inputs">${Object.entries(e.inputs).map(([k, v]) => `<tr><th>${esc(k)}</th><td class="num">${esc(typeof v === 'number' ? String(v) : v)}</td></tr>`).join('')}</table>`
      : esc(t('dept.noExplanation'));
    popover.hidden = false;
    const r = button.getBoundingClientRect();
    const width = popover.offsetWidth;
    popover.style.top = `${window.scrollY + r.bottom + 6}px`;
    popover.style.left = `${Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - width - 8))}px`;
  };
  const hide = () => { if (!pinned) popover.hidden = true; };
  container.querySelectorAll('button.explained').forEach((button) => {
    button.addEventListener('mouseenter', () => { if (!pinned) show(button); });
    button.addEventListener('mouseleave', hide);
    button.addEventListener('focus', () => { if (!pinned) show(button); });
    button.addEventListener('blur', hide);
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      if (pinned === button) {
        unpin();
        return;
      }
      pinned?.classList.remove('pinned');
      pinned = button;
      button.classList.add('pinned');
      show(button);
    });
  });
}

function wireDownloads(container, card, raw) {
  const status = container.querySelector('#download-status');
  container.querySelector('#download-scorecard').addEventListener('click', () => {
    saveBlob(new Blob([JSON.stringify(raw, null, 2)], { type: 'application/json' }), `perfeval-${card.year}-${card.code}-scorecard.json`);
  });
  const fetchFile = (button, get) => button.addEventListener('click', async () => {
    status.textContent = t('export.downloading');
    status.classList.remove('error-message');
    button.disabled = true;
    try {
      await get();
      status.textContent = '';
    } catch (error) {
      status.textContent = `${statusMessage(error)}${error.title ? ` (${error.title})` : ''}`;
      status.classList.add('error-message');
    } finally {
      button.disabled = false;
    }
  });
  container.querySelectorAll('[data-document]').forEach((button) => fetchFile(button, () => api.document(card.code, card.year, button.dataset.document)));
  container.querySelectorAll('[data-export]').forEach((button) => fetchFile(button, () => api.exportYear(card.year, button.dataset.export, button.dataset.format)));
}
