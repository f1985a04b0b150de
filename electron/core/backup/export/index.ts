// Exports of the archive: SMS Backup & Restore XML (restorable by the app, re-importable
// here), CSV, JSON and a printable HTML transcript, streamed to a file that appears only
// when complete.
//
//   const { messages, conversations } = await exportArchive(archive, {
//     format: 'sbr', out: '/tmp/sms.xml', conversationId: 12, since, until, signal, onProgress,
//   })
export { exportArchive } from './export-archive'
export { ExportError, type ExportErrorCode } from './errors'
export {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportIo,
  type ExportOptions,
  type ExportProgress,
  type ExportResult,
} from './types'
