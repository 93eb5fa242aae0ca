// Reports in: upload a report file, review its draft field by field, correct what the reader missed,
// commit it into the department's year and open the department's page.
import { imports } from '../api.js';
import { t } from '../i18n.js';
import { esc } from '../format.js';
import * as model from '../model.js';
import { statusMessage } from './problem.js';

const ATTENTION = ['missing', 'conflicting'];

export async function render(container, ctx) {
  if (ctx.id) return renderDraft(container, ctx);
  const list = (await imports.list()).items.map(model.reportImportRow);
  if (!ctx.isCurrent()) return;
  container.innerHTML = `
    <div class="page-head"><h1>${esc(t('imp.title'))}</h1><p class="muted">${esc(t('imp.intro'))}</p></div>
    <section class="panel">
      <h2>${esc(t('imp.upload'))}</h2>
      <form id="upload-form"><input type="file" id="report-file" accept=".txt,.docx,.pdf" required>
        <button type="submit" class="button">${esc(t('imp.uploadButton'))}</button></form>
      <p class="small" id="import-status" role="status"></p>
    </section>
    <section class="panel">
      <h2>${esc(t('imp.list'))}</h2>
      ${list.length ? `<table class="data" id="import-list"><thead><tr><th>${esc(t('imp.file'))}</th><th>${esc(t('imp.department'))}</th><th>${esc(t('year.label'))}</th><th>${esc(t('imp.status'))}</th></tr></thead>
        <tbody>${list.map((i) => `<tr><td><a href="#/imports/${i.id}">${esc(i.fileName || `#${i.id}`)}</a></td><td>${esc(i.departmentCode ?? '—')}</td><td>${esc(i.fiscalYear ?? '—')}</td><td>${esc(t(`imp.status.${i.status}`))}</td></tr>`).join('')}</tbody></table>`
        : `<p class="empty">${esc(t('imp.none'))}</p>`}
    </section>`;
  container.querySelector('#upload-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = container.querySelector('#report-file').files[0];
    if (!file) return;
    await attempt(container, async () => {
      const created = await imports.upload(file);
      location.hash = `#/imports/${created.id}`;
    });
  });
}

async function renderDraft(container, ctx) {
  const draft = model.reportImport(await imports.get(ctx.id));
  if (!ctx.isCurrent()) return;
  const committed = draft.status === 'committed';
  container.innerHTML = `
    <div class="page-head"><a class="back" href="#/imports">← ${esc(t('imp.title'))}</a>
      <h1>${esc(draft.fileName || `#${draft.id}`)}</h1>
      <p class="muted">${esc(t('imp.status'))}: <span id="import-state">${esc(t(`imp.status.${draft.status}`))}</span>
        · ${esc(t('imp.department'))} <code>${esc(draft.departmentCode ?? '—')}</code> · ${esc(t('year.label'))} ${esc(draft.fiscalYear ?? '—')}</p>
    </div>
    ${draft.flags.length ? `<section class="panel"><h2>${esc(t('imp.flags'))}</h2><ul class="finding-list">${draft.flags.map((f) => `<li><code>${esc(f.path)}</code> ${esc(f.message)}</li>`).join('')}</ul></section>` : ''}
    <section class="panel">
      <h2>${esc(t('imp.fields'))}</h2>
      <div class="table-wrap"><table class="data" id="draft-fields"><thead><tr><th>${esc(t('imp.path'))}</th><th>${esc(t('imp.status'))}</th><th>${esc(t('imp.value'))}</th><th>${esc(t('imp.evidence'))}</th></tr></thead>
        <tbody>${draft.fields.map((f) => `<tr class="${ATTENTION.includes(f.status) ? 'mismatch' : ''}" data-path="${esc(f.path)}" data-status="${esc(f.status)}">
          <td><code>${esc(f.path)}</code></td><td>${esc(t(`imp.field.${f.status}`))}</td><td>${esc(f.value ?? '—')}</td><td class="small">${esc(f.evidence || f.rule || '')}</td></tr>`).join('')}</tbody></table></div>
    </section>
    ${committed ? '' : `<section class="panel">
      <h2>${esc(t('imp.correct'))}</h2>
      <form id="correct-form" class="inline-form">
        <label>${esc(t('imp.path'))} <input id="correct-path" required placeholder="indicators[1].operator"></label>
        <label>${esc(t('imp.value'))} <input id="correct-value" placeholder='"atLeast"'></label>
        <button type="submit" class="button">${esc(t('imp.correctButton'))}</button>
      </form>
      <p class="muted small">${esc(t('imp.correctHint'))}</p>
      <h2>${esc(t('imp.commit'))}</h2>
      <label><input type="checkbox" id="commit-replace"> ${esc(t('imp.replace'))}</label>
      <button type="button" class="button" id="commit">${esc(t('imp.commitButton'))}</button>
    </section>`}
    <p class="small" id="import-status" role="status"></p>`;

  container.querySelector('#correct-form')?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const path = container.querySelector('#correct-path').value.trim();
    const raw = container.querySelector('#correct-value').value.trim();
    await attempt(container, async () => {
      let value;
      try {
        value = raw === '' ? null : JSON.parse(raw);
      } catch {
        value = raw;
      }
      await imports.correct(draft.id, draft.version, { [path]: value });
      await renderDraft(container, ctx);
    });
  });
  container.querySelector('#commit')?.addEventListener('click', () => attempt(container, async () => {
    const card = await imports.commit(draft.id, container.querySelector('#commit-replace').checked);
    location.hash = `#/departments/${encodeURIComponent(card.departmentCode)}/${card.fiscalYear}`;
  }));
}

/** Runs a write; a refusal is shown under the form in the reader's language, with the fields it names. */
async function attempt(container, action) {
  const status = container.querySelector('#import-status');
  status.textContent = t('imp.working');
  try {
    await action();
  } catch (error) {
    const named = error?.errors ? Object.entries(error.errors).map(([k, v]) => `${k}: ${[].concat(v).join('; ')}`).join(' · ') : '';
    status.innerHTML = `<span class="error-message">${esc(statusMessage(error))}</span> ${esc([error?.title, error?.detail].filter(Boolean).join(' — '))} ${esc(named)}`;
  }
}
