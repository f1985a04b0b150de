// A stand-in for react-virtuoso in jsdom tests (tests only). jsdom has no layout, so the real
// list cannot work out which rows are in view when it opens at an index (a thread opens at
// its newest message). This one renders every row through the same props, which is what the
// component tests need: the rows' content, roles and names. Real scrolling and virtualisation
// are covered by the Playwright specs in Chromium.
import { forwardRef, useImperativeHandle, type ComponentType, type ReactNode } from 'react'

interface ListProps {
  readonly data?: readonly unknown[]
  readonly firstItemIndex?: number
  readonly context?: unknown
  readonly itemContent?: (index: number, item: never, context: unknown) => ReactNode
  readonly computeItemKey?: (index: number, item: never, context: unknown) => string | number
  readonly components?: {
    readonly Header?: ComponentType<{ context: unknown }>
    readonly Footer?: ComponentType<{ context: unknown }>
  }
}

const LIST_PROPS = new Set([
  'data',
  'firstItemIndex',
  'context',
  'itemContent',
  'computeItemKey',
  'components',
  'initialTopMostItemIndex',
  'startReached',
  'endReached',
  'followOutput',
  'atBottomStateChange',
  'atBottomThreshold',
  'increaseViewportBy',
])

export const Virtuoso = forwardRef<unknown, Record<string, unknown>>(function Virtuoso(all, ref) {
  const props = all as ListProps
  useImperativeHandle(ref, () => ({
    scrollToIndex: () => undefined,
    scrollIntoView: () => undefined,
    scrollTo: () => undefined,
  }))
  const first = props.firstItemIndex ?? 0
  const { Header, Footer } = props.components ?? {}
  const rootProps = Object.fromEntries(Object.entries(all).filter(([k]) => !LIST_PROPS.has(k)))
  return (
    <div {...rootProps} data-virtuoso-mock="">
      {Header !== undefined && <Header context={props.context} />}
      {(props.data ?? []).map((item, i) => (
        <div
          key={props.computeItemKey?.(first + i, item as never, props.context) ?? i}
          data-index={first + i}
        >
          {props.itemContent?.(first + i, item as never, props.context)}
        </div>
      ))}
      {Footer !== undefined && <Footer context={props.context} />}
    </div>
  )
})

export const VirtuosoMockContext = {
  Provider: ({ children }: { value: unknown; children: ReactNode }) => children,
}
