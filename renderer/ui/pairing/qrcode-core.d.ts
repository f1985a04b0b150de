// The qrcode package's encoder, imported by path: its top-level typings reference Node's types,
// which would leak `process` and `Buffer` into this browser-only project's type checking.
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QrSymbol {
    readonly modules: { readonly size: number; readonly data: Uint8Array }
  }
  export function create(
    text: string,
    options?: { readonly errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): QrSymbol
}
