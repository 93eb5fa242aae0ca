// The shell: header (year, language, key), the hash router, and the one place errors are shown.
import { api, apiKey, ApiError } from './api.js';
import { lang, setLang, t } from './i18n.js';
import { esc } from './format.js';
import * as model from './model.js';
import { renderError } from './views/problem.js';
import * as keyView from './views/key.js';
import * as overviewView from './views/overview.js';
import * as findingsView from './views/findings.js';
import * as departmentView from './views/department.js';
import * as importsView from './views/imports.js';

const state = { years: null };
const main = () => document.getElementById('main');

function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ''));
  let m = /^\/imports(?:\/(\d+))?$/.exec(hash);
  if (m) return { view: importsView, name: 'imports', id: m[1] ? Number(m[1]) : null, year: undefined };
  m = /^\/departments\/([^/]+)\/(\d{4})$/.exec(hash);
  if (m) return { view: departmentView, name: 'department', code: m[1], year: Number(m[2]) };
  m = /^\/years\/(\d{4})\/findings$/.exec(hash);
  if (m) return { view: findingsView, name: 'findings', year: Number(m[1]) };
  m = /^\/years\/(\d{4})$/.exec(hash);
  if (m) return { view: overviewView, name: 'overview', year: Number(m[1]) };
  return { view: overviewView, name: 'overview', year: null };
}

function renderHeader(current) {
  const years = state.years ?? [];
  const year = current?.year ?? years[0]?.year ?? null;
  const yearOptions = years
    .map((y) => `<option value="${y.year}" ${y.year === year ? 'selected' : ''}>${y.year}${y.status ? ` · ${esc(t(`year.status.${y.status}`))}` : ''}</option>`)
    .join('');
  const key = apiKey.get();
  const tab = (name, href, label) =>
    `<a class="tab ${current?.name === name ? 'active' : ''}" href="${href}" data-nav="${name}">${esc(label)}</a>`;
  document.getElementById('header').innerHTML = `
    <div class="brand">
      <span class="brand-mark" aria-hidden="true">绩</span>
      <div>
        <div class="brand-title">${esc(t('app.title'))}</div>
        <div class="brand-sub">PerfEval · ${esc(t('app.subtitle'))}</div>
      </div>
    </div>
    <nav class="tabs">
      ${key && year ? tab('overview', `#/years/${year}`, t('nav.overview')) + tab('findings', `#/years/${year}/findings`, t('nav.findings')) : ''}
      ${key ? tab('imports', '#/imports', t('nav.imports')) : ''}
    </nav>
    <div class="tools">
      ${key && years.length ? `<label class="field-inline">${esc(t('year.label'))}
        <select id="year-picker" aria-label="${esc(t('year.label'))}">${yearOptions}</select></label>` : ''}
      <div class="lang-switch" role="group" aria-label="${esc(t('lang.label'))}">
        <button type="button" data-lang="zh" class="${lang() === 'zh' ? 'active' : ''}" aria-pressed="${lang() === 'zh'}">中文</button><span aria-hidden="true">|</span><button type="button" data-lang="en" class="${lang() === 'en' ? 'active' : ''}" aria-pressed="${lang() === 'en'}">English</button>
      </div>
      ${key ? `<span class="key-status" title="${esc(t('key.signedIn'))}">${esc(t('key.signedIn'))}: <code>${esc(mask(key))}</code></span>
        <button type="button" class="link-button" id="sign-out">${esc(t('key.signOut'))}</button>` : ''}
    </div>`;

  document.querySelectorAll('[data-lang]').forEach((button) =>
    button.addEventListener('click', () => {
      setLang(button.dataset.lang);
      render();
    }));
  document.getElementById('year-picker')?.addEventListener('change', (e) => {
    const picked = Number(e.target.value);
    location.hash = current?.name === 'findings' ? `#/years/${picked}/findings`
      : current?.name === 'department' ? `#/departments/${encodeURIComponent(current.code)}/${picked}`
      : `#/years/${picked}`;
  });
  document.getElementById('sign-out')?.addEventListener('click', () => {
    apiKey.clear();
    state.years = null;
    render();
  });
}

function mask(key) {
  return key.length <= 8 ? key.replace(/.(?=.{2})/g, '•') : `${key.slice(0, 4)}…${key.slice(-3)}`;
}

let renderCount = 0;

export async function render() {
  const current = route();
  const ticket = ++renderCount;
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  document.title = `${t('app.title')} · PerfEval`;
  const container = main();

  if (!apiKey.get()) {
    renderHeader(null);
    keyView.render(container, { onKey: acceptKey });
    return;
  }

  try {
    if (!state.years) state.years = model.fiscalYears(await api.fiscalYears());
  } catch (error) {
    return handle(error, container, render);
  }
  if (ticket !== renderCount) return;

  if (current.year === null) {
    renderHeader(current);
    if (!state.years.length) {
      container.innerHTML = `<section class="panel"><p>${esc(t('year.none'))}</p></section>`;
      return;
    }
    location.replace(`#/years/${state.years[0].year}`);
    return;
  }

  renderHeader(current);
  container.innerHTML = `<div class="loading">${esc(t('loading'))}</div>`;
  try {
    await current.view.render(container, { ...current, years: state.years, isCurrent: () => ticket === renderCount, fail: (error) => handle(error, container, render) });
  } catch (error) {
    if (ticket === renderCount) handle(error, container, render);
  }
}

function handle(error, container, retry) {
  if (error instanceof ApiError && error.status === 401) {
    // The key is not (or no longer) accepted: ask for one again, saying why.
    apiKey.clear();
    state.years = null;
    renderHeader(null);
    keyView.render(container, { onKey: acceptKey, error });
    return;
  }
  renderError(container, error, retry);
}

async function acceptKey(key) {
  apiKey.set(key);
  state.years = null;
  await render();
}

window.addEventListener('hashchange', render);
setLang(lang());
render();
