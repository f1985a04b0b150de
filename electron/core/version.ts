// The desktop's version, shown in About and sent in hello. Kept in step with package.json by
// version.test.ts beside it.
export const APP_VERSION = '0.1.0'
