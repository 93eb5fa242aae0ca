// How numbers and labels are written on the page: one spelling per kind of number.
import { t } from './i18n.js';

const two = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 2 decimals with thousands separators (amounts, rates, scores); an em dash for none. */
export function fmt2(n) {
  return n === null || n === undefined ? '—' : two.format(n);
}

export function fmtInt(n) {
  return n === null || n === undefined ? '—' : whole.format(n);
}

/** Text for HTML: every value from the API goes through here before it reaches innerHTML. */
export function esc(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export function gradeBadge(code) {
  const label = code ? t(`grade.${code}`) : t('grade.none');
  return `<span class="grade grade-${esc(code ?? 'none')}" data-grade="${esc(code ?? '')}">${esc(label)}</span>`;
}

/** A monitoring light (红/黄/绿/蓝 or "not stated") as a coloured badge. */
export function lightBadge(light) {
  return `<span class="light light-${esc(light ?? 'none')}" data-light="${esc(light ?? '')}">${esc(t(`light.${light ?? 'none'}`))}</span>`;
}

export function severityBadge(severity) {
  return `<span class="severity severity-${esc(severity)}">${esc(t(`severity.${severity}`))}</span>`;
}

const asPrinted = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/**
 * A declared value with the decimals the report printed (5, 66.57), not two: whether it agrees with
 * the computed figure is judged at its own precision, so the reader needs to see that precision.
 */
export function fmtDeclared(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return asPrinted.format(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    const [whole, fraction] = value.split('.');
    return `${asPrinted.format(BigInt(whole))}${fraction ? `.${fraction}` : ''}`;
  }
  return esc(value);
}
