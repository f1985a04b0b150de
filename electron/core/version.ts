// The desktop's version, shown in About and sent in hello. Kept in step with package.json by
// test/web/version.test.ts.
export const APP_VERSION = '0.1.0'
