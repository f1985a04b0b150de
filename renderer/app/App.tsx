export function App() {
  return (
    <main>
      <h1>Textbridge</h1>
    </main>
  )
}
