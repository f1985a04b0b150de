// The benchmark's sizes: the targets' own in the full run, small ones for the quick smoke run.
export interface Sizes {
  /** Target 1 (and 2 and 7 run on its result). */
  readonly sync: { readonly messages: number; readonly conversations: number }
  readonly incomingTexts: number
  readonly sends: number
  /** Targets 3-6: one archive built on the bulk path, with one heavy conversation. */
  readonly big: {
    readonly messages: number
    readonly conversations: number
    readonly heavyShare: number
    /** Years of history, newest ending at the generator's fixed end date (late 2026). */
    readonly years: number
  }
  /** Repetitions of each search query. */
  readonly searchRepeats: number
  readonly pageSamples: number
  readonly coldStarts: number
  /** The API calls made while this history is back-filled (and indexed). */
  readonly backfill: { readonly messages: number; readonly conversations: number }
  /** The window's rows in Chromium, on the big archive through the web-mode host; null skips. */
  readonly browser: {
    readonly coldStarts: number
    /** The wheel scroll through the heavy thread stops at its start or after this long. */
    readonly scrollMs: number
    /** Timed jumps to a five-year-old hit (one more runs untimed first). */
    readonly jumps: number
    /** The scripted session of use before memory at idle is read. */
    readonly sessionMs: number
  } | null
  /** An SMS Backup & Restore file generated (SMS, MMS with pictures, groups) and imported. */
  readonly backup: BackupSizes
  /** The bounded-memory check: a file of about 1 GB imported; null skips it (quick runs). */
  readonly backupLarge: BackupSizes | null
}

export interface BackupSizes {
  readonly messages: number
  readonly conversations: number
  /** Picture parts with data (the generator's are small PNGs, a few kB each). */
  readonly pictures: number
}

export const FULL: Sizes = {
  sync: { messages: 100_000, conversations: 3_000 },
  incomingTexts: 300,
  sends: 200,
  big: { messages: 1_000_000, conversations: 5_000, heavyShare: 0.1, years: 6 },
  searchRepeats: 20,
  pageSamples: 500,
  coldStarts: 5,
  backfill: { messages: 1_000_000, conversations: 10_000 },
  browser: { coldStarts: 5, scrollMs: 240_000, jumps: 10, sessionMs: 600_000 },
  backup: { messages: 200_000, conversations: 3_000, pictures: 2_000 },
  // 1.01 GB with the generator's message mix (about 400 bytes a message).
  backupLarge: { messages: 2_500_000, conversations: 10_000, pictures: 25_000 },
}

export const QUICK: Sizes = {
  sync: { messages: 10_000, conversations: 300 },
  incomingTexts: 100,
  sends: 50,
  big: { messages: 50_000, conversations: 500, heavyShare: 0.1, years: 6 },
  searchRepeats: 5,
  pageSamples: 200,
  coldStarts: 3,
  backfill: { messages: 20_000, conversations: 300 },
  browser: { coldStarts: 3, scrollMs: 60_000, jumps: 3, sessionMs: 20_000 },
  // The row is named for 200k, and others script against that name: the same size as a full
  // run (a few seconds).
  backup: { messages: 200_000, conversations: 3_000, pictures: 2_000 },
  backupLarge: null,
}

export const SEED = 2024
