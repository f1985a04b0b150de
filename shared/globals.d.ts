// shared/ is compiled without DOM or Node typings so that nothing runtime-specific leaks in.
// These few globals exist, with these shapes, in every runtime shared/ targets (Node 20+,
// Chromium, Electron), so they are declared here by hand rather than pulling a whole lib in.
declare class TextEncoder {
  encode(input?: string): Uint8Array
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
  decode(input?: Uint8Array): string
}
declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T
  randomUUID(): string
}
