// The API key, asked for once per browser session (kept in sessionStorage by api.js).
import { t } from '../i18n.js';
import { esc } from '../format.js';
import { statusMessage } from './problem.js';

export function render(container, { onKey, error }) {
  container.innerHTML = `
    <section class="panel key-panel">
      <h1>${esc(t('key.title'))}</h1>
      <p class="muted">${esc(t('key.intro'))}</p>
      ${error ? `<p class="error-message" role="alert" data-status="${error.status ?? 0}">${esc(statusMessage(error))}${error.title ? ` <span class="muted">(${esc(error.title)})</span>` : ''}</p>` : ''}
      <form id="key-form" autocomplete="off">
        <label for="api-key">${esc(t('key.label'))}</label>
        <div class="key-row">
          <input id="api-key" name="apiKey" type="password" required spellcheck="false" autocomplete="off">
          <button type="submit" class="button primary">${esc(t('key.submit'))}</button>
        </div>
      </form>
      <p class="muted small">${esc(t('key.hint'))}</p>
    </section>`;
  const form = container.querySelector('#key-form');
  const input = container.querySelector('#api-key');
  input.focus();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    form.querySelector('button').disabled = true;
    form.querySelector('button').textContent = t('key.checking');
    onKey(key);
  });
}
