// Files dropped anywhere on the window, decided in one place: an SMS Backup & Restore file is
// imported (the window opens Settings on the import's progress), and pictures and other files
// are attached to the message being written in the open conversation. While files are dragged
// over it the window says where they would go. Dropping must never navigate the window to the
// file, which is what a browser does by default.
import { useEffect, useState } from 'react'
import type { AppStore } from '../../store/app-store'
import { draftKey, NEW_KEY } from '../../store/compose-slice'
import { useApp, useServices } from '../../store/context'
import { defaultImportTarget, looksLikeBackup } from '../../store/data-slice'
import type { AppState } from '../../store/types'

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') === true
}

/** The draft that dropped files attach to: the open conversation's, or the new message's. */
function openDraft(s: AppState): string | null {
  if (s.overlay !== 'none' || s.lightbox !== null) return null
  if (s.newConversation !== null) return NEW_KEY
  return s.selectedId === null ? null : draftKey(s.selectedId)
}

export function FileDrop() {
  const [over, setOver] = useState(false)
  const { store } = useServices()
  const attaching = useApp((s) => openDraft(s) !== null)
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; count them to know when the
    // file has really left the window.
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      depth += 1
      setOver(true)
    }
    const overWindow = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer !== null) e.dataTransfer.dropEffect = 'copy'
    }
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      depth = 0
      setOver(false)
      void routeDropped(store, Array.from(e.dataTransfer?.files ?? []))
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', overWindow)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', overWindow)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [store])
  if (!over) return null
  return (
    <div className="file-drop" aria-hidden="true">
      <p>
        {attaching
          ? 'Drop pictures or files to attach them, or an SMS Backup & Restore file to import it'
          : 'Drop an SMS Backup & Restore file to import it'}
      </p>
    </div>
  )
}

/** A backup among the files is imported; otherwise they attach to the open draft, if any. */
export async function routeDropped(store: AppStore, files: readonly File[]): Promise<void> {
  const first = files[0]
  if (first === undefined) return
  const backup = files.find(looksLikeBackup)
  const key = openDraft(store.getState())
  if (backup === undefined && key !== null) {
    store.getState().attachFiles(key, files)
    return
  }
  await importDropped(store, backup ?? first)
}

async function importDropped(store: AppStore, file: File): Promise<void> {
  const s = store.getState()
  if (!looksLikeBackup(file)) {
    s.notify(`${file.name} is not an SMS Backup & Restore file (those end in .xml).`)
    return
  }
  s.openOverlay('settings')
  await s.loadDataInfo()
  // Read the store again: loadDataInfo has just replaced what it holds.
  await s.importFile(file, defaultImportTarget(store.getState().dataInfo))
}
