// What the gateway tells the analyst page when it renders it: embedded as JSON in the page, read by
// browser.ts. One shape for both sides so that they cannot drift apart.

export interface AnalystConfig {
  /** Where the page POSTs its queries (the gateway's own /graphql). */
  endpoint: string;
  /** A token to start with when the tab holds none (`npm start`: a development analyst token); absent in production. */
  token?: string;
}
