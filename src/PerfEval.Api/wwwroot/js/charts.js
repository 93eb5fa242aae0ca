// The three year charts, drawn with the vendored ECharts (vendor/echarts, Apache-2.0).
import { t } from './i18n.js';
import { fmt2 } from './format.js';

export const GRADE_COLORS = { excellent: '#2e7d32', good: '#1f5fa8', fair: '#d98b00', poor: '#b3261e', none: '#8a8f98' };

const live = new Set();
let resizeHooked = false;

function chart(element) {
  if (!window.echarts) {
    element.innerHTML = `<p class="muted chart-missing">${t('chart.unavailable')}</p>`;
    return null;
  }
  window.echarts.getInstanceByDom(element)?.dispose();
  const instance = window.echarts.init(element, null, { renderer: 'canvas' });
  live.add(instance);
  if (!resizeHooked) {
    resizeHooked = true;
    window.addEventListener('resize', () => live.forEach((c) => (c.isDisposed() ? live.delete(c) : c.resize())));
  }
  return instance;
}

const base = {
  animation: false,
  textStyle: { fontFamily: 'inherit', fontSize: 12, color: '#2b3440' },
  grid: { left: 48, right: 16, top: 16, bottom: 36, containLabel: true },
};

/** Counts by grade (优/良/中/差 and no grade), as bars: the four bands read left to right. Clicking a band picks it. */
export function grades(element, overall, onPick) {
  const c = chart(element);
  if (!c) return;
  const codes = ['excellent', 'good', 'fair', 'poor', 'none'];
  c.setOption({
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: codes.map((g) => t(`grade.${g}`)), axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1, name: t('chart.count'), nameTextStyle: { align: 'left' } },
    series: [{
      type: 'bar',
      barMaxWidth: 48,
      label: { show: true, position: 'top' },
      data: codes.map((g) => ({ value: overall.grades[g], itemStyle: { color: GRADE_COLORS[g] } })),
      cursor: 'pointer',
    }],
  });
  if (onPick) c.on('click', (p) => codes[p.dataIndex] !== 'none' && onPick(codes[p.dataIndex]));
}

/** The average composite of each region, lowest to highest from the bottom. Clicking a region picks it. */
export function byRegion(element, regions, onPick) {
  const c = chart(element);
  if (!c) return;
  const rows = regions.filter((r) => r.composite.average !== null).sort((a, b) => a.composite.average - b.composite.average);
  c.setOption({
    ...base,
    grid: { ...base.grid, left: 8, right: 48 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => fmt2(v),
    },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: rows.map((r) => r.region), axisTick: { show: false } },
    series: [{
      type: 'bar',
      barMaxWidth: 22,
      itemStyle: { color: '#1f5fa8' },
      label: { show: true, position: 'right', formatter: (p) => fmt2(p.value) },
      data: rows.map((r) => r.composite.average),
      cursor: 'pointer',
    }],
  });
  if (onPick) c.on('click', (p) => onPick(rows[p.dataIndex].region));
}

/** One point per department: execution rate across, composite up, coloured by grade. Clicking a point opens it. */
export function executionVsComposite(element, rows, onPick) {
  const c = chart(element);
  if (!c) return;
  const points = rows.filter((r) => r.executionRate !== null && r.composite !== null);
  const series = Object.keys(GRADE_COLORS).map((g) => ({
    name: t(`grade.${g}`),
    type: 'scatter',
    symbolSize: 10,
    itemStyle: { color: GRADE_COLORS[g] },
    data: points.filter((r) => (r.grade ?? 'none') === g).map((r) => ({ value: [r.executionRate, r.composite], name: r.name, code: r.code })),
  })).filter((s) => s.data.length);
  c.setOption({
    ...base,
    grid: { ...base.grid, top: 32 },
    legend: { top: 0, right: 0, itemWidth: 10, itemHeight: 10 },
    tooltip: {
      trigger: 'item',
      formatter: (p) => `${escapeText(p.data.name)}<br>${t('col.executionRate')}: ${fmt2(p.value[0])}<br>${t('col.composite')}: ${fmt2(p.value[1])}`,
    },
    xAxis: { type: 'value', name: t('col.executionRate'), nameLocation: 'middle', nameGap: 26, scale: true, max: (v) => Math.max(100, Math.ceil(v.max)) },
    yAxis: { type: 'value', name: t('col.composite'), scale: true, max: (v) => Math.max(100, Math.ceil(v.max)) },
    series,
  });
  if (onPick) c.on('click', (p) => p.data?.code && onPick(p.data.code));
}

function escapeText(text) {
  const span = document.createElement('span');
  span.textContent = text ?? '';
  return span.innerHTML;
}
