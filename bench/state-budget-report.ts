// Worst-case suspend_data per shipped edition and for a synthetic worst case (wired to the state
// codec once it exists).
export async function stateBudgetReport(_courseDir: string): Promise<Array<{ name: string; characters: number }>> {
  throw new Error('the state codec is not wired into the benchmark yet');
}
