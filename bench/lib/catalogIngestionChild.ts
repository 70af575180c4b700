/*
 * One catalog ingestion measurement in a process of its own (see
 * catalogIngestion.ts), so each kind gets a fresh Node process, JIT and
 * heap: `node --require …/nodeTransform.cjs catalogIngestionChild.ts <kind> <n>`.
 * Progress goes to stderr; the result is the last stdout line, as JSON.
 */
import { IngestedKind, measureCatalogIngestion } from './catalogIngestion';

const [kind, n] = process.argv.slice(2);
const kinds: IngestedKind[] = ['DataProduct', 'Component', 'ComponentSameData'];
if (!kinds.includes(kind as IngestedKind)) {
  throw new Error(`kind must be one of ${kinds.join(', ')}, not ${kind}`);
}
measureCatalogIngestion({
  kind: kind as IngestedKind,
  n: Number(n),
  log: line => process.stderr.write(`  ${line}\n`),
})
  .then(result => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    // the backend's pools and timers are stopped; exit without waiting on stragglers
    process.exit(0);
  })
  .catch(error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  });
