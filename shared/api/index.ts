// The typed API between the UI and the desktop core. Re-exports only.
export * from './contract'
export * from './compose'
export * from './data'
export * from './events'
export * from './pairing'
export * from './result'
export * from './status'
export * from './bridge'
