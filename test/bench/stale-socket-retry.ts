// The local site is an http.Server with Node's default 5 s keep-alive timeout, in this same
// process. After a phase with no Jira traffic (the replayed calls, planSprint runs) that keeps
// the event loop busy, fetch can reuse a pooled connection the server has just closed and fail
// with ECONNRESET before the request reaches the site. Browsers and most HTTP clients retry an
// idempotent request on such a stale connection; fetch (undici) does not, and JiraClient treats
// any network error as final. The benchmark retries exactly that case once and counts it, so a
// harness artefact neither aborts the run nor goes unreported. The failed attempt never reached
// the site, so the site's request log (and every request count) is unaffected.

const STALE = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

export interface StaleSocketRetries {
  count: number;
}

export function retryStaleSockets(): StaleSocketRetries {
  const retries: StaleSocketRetries = { count: 0 };
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    try {
      return await realFetch(input, init);
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      const resendable = init?.body === undefined || init.body === null || typeof init.body === 'string';
      if (typeof code !== 'string' || !STALE.has(code) || !resendable) throw error;
      retries.count++;
      return realFetch(input, init);
    }
  };
  return retries;
}
