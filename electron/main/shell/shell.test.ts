// The Electron shell with `electron` mocked (the binary is not available here): what reaches the
// core through IPC, how the window is locked down, and what the main process decides itself.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CoreEvent } from '../../../shared/api/events'
import type { ApiHandlers, CoreApi } from '../../core/api/handlers'
import { silentLogger } from '../../core/log'

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>()
  const windows: { options: Record<string, any>; listeners: Map<string, (...a: any[]) => void> }[] =
    []
  return {
    handlers,
    windows,
    dialogResponse: 0,
    notifications: [] as { title: string; body: string }[],
    opened: [] as string[],
    backend: 'gnome_libsecret',
  }
})

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents: any
    constructor(options: Record<string, any>) {
      const contentsListeners = new Map<string, (...a: any[]) => void>()
      this.webContents = {
        on: (name: string, fn: (...a: any[]) => void) => contentsListeners.set(name, fn),
        setWindowOpenHandler: (fn: (...a: any[]) => void) =>
          contentsListeners.set('window-open', fn),
        send: vi.fn(),
        mainFrame: { url: 'file:///app/out/renderer/index.html' },
      }
      electron.windows.push({ options, listeners: contentsListeners })
    }
    once() {}
    loadFile() {
      return Promise.resolve()
    }
    isDestroyed() {
      return false
    }
    isFocused = vi.fn(() => false)
    isMinimized() {
      return false
    }
    restore() {}
    focus() {}
  }
  class Notification {
    static isSupported() {
      return true
    }
    constructor(private readonly o: { title: string; body: string }) {}
    on() {}
    show() {
      electron.notifications.push(this.o)
    }
  }
  return {
    BrowserWindow,
    Notification,
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, args: unknown) => Promise<unknown>) =>
        electron.handlers.set(channel, fn),
      removeHandler: (channel: string) => electron.handlers.delete(channel),
    },
    dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: electron.dialogResponse })) },
    shell: { openExternal: vi.fn((url: string) => (electron.opened.push(url), Promise.resolve())) },
    safeStorage: {
      getSelectedStorageBackend: () => electron.backend,
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      encryptStringAsync: (s: string) => Promise.resolve(Buffer.from(`enc:${s}`)),
      decryptStringAsync: (b: Buffer) =>
        Promise.resolve({ result: b.toString().slice(4), shouldReEncrypt: false }),
    },
  }
})

const { BrowserWindow } = await import('electron')
const { registerIpc } = await import('./ipc')
const { createMainWindow } = await import('./window')
const { confirmAndOpenLink, notifyIncoming } = await import('./desktop-integration')
const { SafeStorageVault } = await import('./safe-storage-vault')

function fakeApi(): { api: CoreApi; calls: unknown[]; emit: (e: CoreEvent) => void } {
  const calls: unknown[] = []
  const listeners = new Set<(e: CoreEvent) => void>()
  const handlers = new Proxy(
    {},
    { get: () => (args: unknown) => (calls.push(args), Promise.resolve('done')) },
  ) as ApiHandlers
  return {
    api: { handlers, onEvent: (l) => (listeners.add(l), () => listeners.delete(l)) },
    calls,
    emit: (e) => listeners.forEach((l) => l(e)),
  }
}

beforeEach(() => {
  electron.handlers.clear()
  electron.windows.length = 0
  electron.notifications.length = 0
  electron.opened.length = 0
})

describe('IPC', () => {
  it('answers our own window with validated arguments and refuses everything else', async () => {
    const window = new BrowserWindow({}) as any
    const { api, calls, emit } = fakeApi()
    registerIpc(api, api.handlers, window, silentLogger)
    const list = electron.handlers.get('textbridge:messages.list')!
    const ours = { sender: window.webContents, senderFrame: window.webContents.mainFrame }
    expect(await list(ours, { conversationId: 4, limit: 50 })).toEqual({ ok: true, value: 'done' })
    for (const bad of [
      undefined,
      { conversationId: '4', limit: 50 },
      { conversationId: 4, limit: 50, extra: 1 },
      { conversationId: 0, limit: 50 },
    ]) {
      expect(await list(ours, bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      })
    }
    const foreignFrame = {
      sender: window.webContents,
      senderFrame: { url: 'https://evil.example/' },
    }
    expect(await list(foreignFrame, { conversationId: 4, limit: 50 })).toMatchObject({ ok: false })
    const otherContents = { sender: {}, senderFrame: window.webContents.mainFrame }
    expect(await list(otherContents, { conversationId: 4, limit: 50 })).toMatchObject({ ok: false })
    expect(calls).toHaveLength(1)
    emit({ type: 'open', conversationId: 2 })
    expect(window.webContents.send).toHaveBeenCalledWith('textbridge:event', {
      type: 'open',
      conversationId: 2,
    })
  })
})

describe('the window', () => {
  it('is sandboxed and isolated, without Node, and cannot navigate or open windows', () => {
    createMainWindow()
    const [{ options, listeners }] = electron.windows as [(typeof electron.windows)[number]]
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    const event = { preventDefault: vi.fn() }
    listeners.get('will-navigate')?.(event, 'https://evil.example')
    expect(event.preventDefault).toHaveBeenCalled()
    expect(listeners.get('window-open')?.({ url: 'https://evil.example' })).toEqual({
      action: 'deny',
    })
  })
})

describe('main-process decisions', () => {
  it('opens only http and https links, and only after the user confirms', async () => {
    const window = new BrowserWindow({}) as any
    electron.dialogResponse = 1
    expect(await confirmAndOpenLink(window, 'https://example.com/a')).toBe(false)
    expect(await confirmAndOpenLink(window, 'javascript:alert(1)')).toBe(false)
    expect(await confirmAndOpenLink(window, 'file:///etc/passwd')).toBe(false)
    electron.dialogResponse = 0
    expect(await confirmAndOpenLink(window, 'file:///etc/passwd')).toBe(false)
    expect(await confirmAndOpenLink(window, 'https://example.com/a')).toBe(true)
    expect(await confirmAndOpenLink(window, 'http://example.com/')).toBe(true)
    expect(electron.opened).toEqual(['https://example.com/a', 'http://example.com/'])
  })

  it('notifies new texts only while the window is in the background', () => {
    const window = new BrowserWindow({}) as any
    const { api, emit } = fakeApi()
    notifyIncoming(api, window, () => undefined)
    const incoming: CoreEvent = {
      type: 'incoming',
      conversationId: 1,
      messageId: 2,
      title: 'Ada',
      snippet: 'Hi',
    }
    window.isFocused.mockReturnValue(true)
    emit(incoming)
    window.isFocused.mockReturnValue(false)
    emit(incoming)
    expect(electron.notifications).toEqual([{ title: 'Ada', body: 'Hi', silent: false }])
  })

  it('keeps the key with safeStorage and warns when Linux falls back to plain text', async () => {
    electron.backend = 'basic_text'
    const weak = new SafeStorageVault('/tmp/unused-weak')
    expect(weak.protection).toBe('plaintext-file')
    expect(weak.warning).toMatch(/keyring/)
    electron.backend = 'gnome_libsecret'
    const dir = (await import('node:fs')).mkdtempSync('/tmp/tb-vault-')
    const vault = new SafeStorageVault(`${dir}/identity.bin`)
    expect(vault.warning).toBeNull()
    expect(await vault.load()).toBeNull()
    await vault.save(new Uint8Array(32).fill(7))
    expect(await vault.load()).toEqual(new Uint8Array(32).fill(7))
  })
})
