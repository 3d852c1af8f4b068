export type * from './types.js';
export { candidateId } from './types.js';
// Renderers (Engineer B)
export { renderJson, reportToJson } from './render/json.js';
export { renderText } from './render/text.js';
export { renderCsv } from './render/csv.js';
export { renderExplanation } from './render/explain.js';
export { candidateLabels } from './render/labels.js';
