// A refused or failed request, shown to the reader in their language: never a blank page.
import { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { esc } from '../format.js';

/** A refused request, in the reader's language, with what the service said beneath it. */
export function renderError(container, error, retry) {
  const status = error instanceof ApiError ? error.status : 0;
  const message = statusMessage(error);
  const said = error instanceof ApiError ? [error.title, error.detail].filter(Boolean).join(' — ') : String(error?.message ?? error);
  container.innerHTML = `
    <section class="panel error-panel" role="alert" data-status="${status}">
      <h2>${esc(t('error.title'))}${status ? ` <span class="status-code">HTTP ${status}</span>` : ''}</h2>
      <p class="error-message">${esc(message)}</p>
      ${said ? `<p class="error-detail">${esc(t('error.detail'))}: ${esc(said)}</p>` : ''}
      ${error?.traceId ? `<p class="muted small">${esc(t('error.trace'))}: <code>${esc(error.traceId)}</code></p>` : ''}
      ${retry ? `<button type="button" class="button" id="retry">${esc(t('error.retry'))}</button>` : ''}
    </section>`;
  container.querySelector('#retry')?.addEventListener('click', retry);
}

/** The localized sentence for a status, for views that show an error inline. */
export function statusMessage(error) {
  const status = error instanceof ApiError ? error.status : 0;
  return status === 0 ? t('error.network')
    : [401, 403, 404, 429].includes(status) ? t(`error.${status}`)
    : status >= 500 ? t('error.5xx') : t('error.other');
}
