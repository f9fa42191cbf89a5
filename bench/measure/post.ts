/** One GraphQL POST outside the load generator (priming, the batching probe). */
export interface PostResult {
  ok: boolean;
  errors: number;
  body: { data?: unknown; errors?: Array<{ message: string }> } | null;
}

/** A GraphQL endpoint and the headers every request to it carries (the caller's token and purpose). */
export interface Target {
  url: string;
  headers: Record<string, string>;
}

export async function post(target: Target, body: string, timeoutMs = 60_000): Promise<PostResult> {
  try {
    const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...target.headers }, body, signal: AbortSignal.timeout(timeoutMs) });
    const parsed = (await response.json()) as PostResult['body'];
    const errors = parsed?.errors?.length ?? 0;
    return { ok: response.ok && errors === 0, errors, body: parsed };
  } catch {
    return { ok: false, errors: 1, body: null };
  }
}

/**
 * Sends `body` until it is answered without errors or `budgetMs` runs out. Caches keep only
 * complete answers, so a registry that was slow or rate-limited on the first try is asked again
 * until everything the warm measurement will ask for is cached. Returns whether that was reached.
 */
export async function primeUntilClean(target: Target, body: string, budgetMs: number): Promise<{ clean: boolean; attempts: number }> {
  const deadline = Date.now() + budgetMs;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const result = await post(target, body, Math.max(1000, deadline - Date.now()));
    if (result.ok) return { clean: true, attempts };
    if (Date.now() >= deadline) return { clean: false, attempts };
    // Lets the registries' rate limits refill before the next try.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
