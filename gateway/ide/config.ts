// What the gateway tells the IDE page when it renders it: embedded as JSON in the page, read by
// browser.ts. One shape for both sides so that they cannot drift apart.

/** One saved operation, opened as its own tab. */
export interface IdeTab {
  query: string;
  variables?: string;
  headers?: string;
}

export interface IdeConfig {
  /** Where the fetcher POSTs (the gateway's own /graphql). */
  endpoint: string;
  /** JSON text shown in the headers editor of a new tab: the bearer token and the declared purpose. */
  headers: string;
  tabs: IdeTab[];
}
