// A small HTTP load loop: `concurrency` clients on kept-alive connections, each sending its next
// request as soon as the last one is answered, for `requests` requests in all.
import http from 'node:http';

function get(agent, url, headers) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve({ ms: performance.now() - started, ok: response.statusCode === 200 }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/**
 * Latencies in milliseconds (median, p99) and requests per second of `requests` GETs of `url`
 * (with `headers`, such as the session's bearer token), and how many were not answered 200 (a
 * server that takes too long answers 408).
 */
export async function load(url, { concurrency, requests, headers = {} }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let failed = 0;
  let sent = 0;
  const started = performance.now();
  async function client() {
    while (sent < requests) {
      sent += 1;
      const { ms, ok } = await get(agent, url, headers);
      latencies.push(ms);
      if (!ok) failed += 1;
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, client));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    median: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: requests / seconds,
    failed,
  };
}
