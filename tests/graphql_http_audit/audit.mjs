// Runs graphql-http's server audits against the GraphQL endpoint given as the only
// argument and prints their results as one JSON array: id, name, status (ok, notice,
// warn or error) and, for a failed audit, the reason and the answer's status and body.
import { auditServer } from 'graphql-http';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: node audit.mjs http://host:port/graphql');
  process.exit(2);
}

const results = await auditServer({ url });
const report = await Promise.all(
  results.map(async (result) => {
    if (result.status === 'ok') {
      return { id: result.id, name: result.name, status: result.status };
    }
    const body = await result.response.text();
    return {
      id: result.id,
      name: result.name,
      status: result.status,
      reason: result.reason,
      httpStatus: result.response.status,
      contentType: result.response.headers.get('content-type'),
      body: body.slice(0, 500),
    };
  }),
);
console.log(JSON.stringify(report));
