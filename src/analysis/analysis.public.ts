/**
 * @module What other capabilities may use of analysis: the server-side chart rendering (ECharts SVG), so that
 * every chart in Ramme looks and reads alike.
 */
export { linesSvg, stackedBarsSvg } from './chart.js';
