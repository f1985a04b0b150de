// A backup file dropped anywhere on the window is imported: the window shows where to let go
// while a file is dragged over it, then opens Settings on the import's progress. Dropping also
// must never navigate the window to the file, which is what a browser does by default.
import { useEffect, useState } from 'react'
import type { AppStore } from '../../store/app-store'
import { useServices } from '../../store/context'
import { defaultImportTarget, looksLikeBackup } from '../../store/data-slice'

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') === true
}

export function FileDrop() {
  const [over, setOver] = useState(false)
  const { store } = useServices()
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
      const file = e.dataTransfer?.files[0]
      if (file === undefined) return
      void importDropped(store, file)
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
      <p>Drop an SMS Backup &amp; Restore file to import it</p>
    </div>
  )
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
