// Ways tests make the demo phone's link fail at the worst moments of sending a picture: in the
// middle of an upload, or just after a send was recorded but before its answer got out.
import type { SendService } from './send-service'
import type { ChunkSeen, UploadStore } from './uploads'

export class DemoFaults {
  constructor(
    private readonly uploads: UploadStore,
    private readonly sends: SendService,
    private readonly drop: () => void,
  ) {}

  /** Every attachment.upload chunk that arrived, stored or answered with the held offset. */
  get uploadChunks(): readonly ChunkSeen[] {
    return this.uploads.seen
  }

  /** Cuts every connection (as lost Wi-Fi) once this many more chunks were stored. */
  dropAfterStoredChunks(count: number): void {
    let left = count
    this.uploads.onStored = () => {
      if (--left > 0) return
      this.uploads.onStored = null
      this.drop()
    }
  }

  /** The next new send is recorded and goes out, but its answer is lost with the link. */
  loseNextSendAnswer(): void {
    this.sends.loseNextAnswer = this.drop
  }
}
