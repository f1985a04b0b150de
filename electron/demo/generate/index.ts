// The history generator's public surface: import from here, not from the files behind it.
export {
  createHistory,
  formatHistory,
  generateHistory,
  writeHistory,
  type HistoryHead,
  type HistoryStats,
  type HistoryStream,
  type WriteResult,
} from './history'
export { DEFAULTS, resolveOptions, type GenerateInput, type GenerateOptions } from './options'
