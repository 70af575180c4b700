// An AI agent asks the inventory (issue #14): the official MCP TypeScript SDK
// client connects to the portal's MCP actions backend over Streamable HTTP
// with the dev-only agent token of app-config.yaml, lists Stockroom's tools
// and calls each one on the demo data.
//
// Expectations by hand, from examples/ (docs/agents.md has the transcript):
// - customer-identity-v2 escalates to "#identity-oncall"
//   (examples/data-products/customer-identity-v2.yaml, escalation.channel);
// - dropping campaign_id from marketing-attribution (a shared mart at 3.2.0)
//   without a major bump is `needs-major`, and rule
//   breaking-change-needs-major blocks for shared marts (spec, rule table);
// - fraud-scoring dependsOn partner-feed-adtech, and marketing-attribution
//   lists it as an upstream (examples/components.yaml,
//   marketing-attribution.yaml);
// - crm-sync and lifecycle-emails still depend on the deprecated
//   customer-identity-v1, owned by identity-platform.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { parse, stringify } from 'yaml';
import { eventually } from './support.mjs';

const BACKEND_URL =
  process.env.STOCKROOM_E2E_BACKEND_URL ?? 'http://localhost:7007';
const MCP_URL = new URL(`${BACKEND_URL}/api/mcp-actions/v1`);
// the dev-only agent token of app-config.yaml (docs/agents.md)
const AGENT_TOKEN =
  process.env.STOCKROOM_AGENT_TOKEN ??
  'stockroom-dev-agent-token-do-not-use-in-production';
const EXAMPLES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'examples',
  'data-products',
);

const STOCKROOM_ACTIONS = [
  'check-contract-change',
  'get-data-product',
  'get-scorecard',
  'impact-of-change',
  'list-attention',
  'search-data-products',
];

async function connect(token) {
  const client = new Client({ name: 'stockroom-e2e', version: '1.0.0' });
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  await client.connect(
    new StreamableHTTPClientTransport(MCP_URL, { requestInit: { headers } }),
  );
  return client;
}

/** The Stockroom tools, by action name, once the backend lists them. */
async function stockroomTools(client) {
  return eventually(
    async () => {
      const { tools } = await client.listTools();
      const ours = new Map(
        tools
          .filter(tool => tool.name.startsWith('data-products'))
          .map(tool => [tool.name.replace(/^data-products[.:]/, ''), tool]),
      );
      return ours.size === STOCKROOM_ACTIONS.length ? ours : undefined;
    },
    'the MCP backend did not list the six Stockroom tools',
    90_000, // the dev backend restarts when sources change: ride one out
  );
}

/** Calls a tool and returns its structured answer; fails on a tool error. */
async function call(client, tools, action, args) {
  const result = await client.callTool({
    name: tools.get(action).name,
    arguments: args,
  });
  assert.equal(
    result.isError ?? false,
    false,
    `${action} answered an error: ${JSON.stringify(result.content)}`,
  );
  return result.structuredContent;
}

test('MCP: an agent with the dev token lists Stockroom tools and calls each on the demo data', async () => {
  const client = await connect(AGENT_TOKEN);
  try {
    const tools = await stockroomTools(client);
    assert.deepEqual([...tools.keys()].sort(), STOCKROOM_ACTIONS);
    for (const tool of tools.values()) {
      assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
      assert.equal(tool.annotations?.destructiveHint, false, tool.name);
    }

    const product = await eventually(
      async () => {
        const result = await client.callTool({
          name: tools.get('get-data-product').name,
          arguments: { entityRef: 'customer-identity-v2' },
        });
        return result.isError ? undefined : result.structuredContent;
      },
      'get-data-product never found customer-identity-v2 in the catalog',
      90_000,
    );
    assert.equal(product.whoToPing.channel, '#identity-oncall');
    assert.ok(
      product.fields.some(field => field.name === 'merged_into'),
      'the contract lists merged_into',
    );

    const search = await call(client, tools, 'search-data-products', {
      text: 'identity',
    });
    assert.deepEqual(search.items.map(item => item.entityRef).sort(), [
      'dataproduct:default/customer-identity-v1',
      'dataproduct:default/customer-identity-v2',
    ]);

    const marketing = parse(
      fs.readFileSync(path.join(EXAMPLES, 'marketing-attribution.yaml'), 'utf8'),
    );
    marketing.spec.contract.schema = marketing.spec.contract.schema.filter(
      field => field.name !== 'campaign_id',
    );
    const change = await call(client, tools, 'check-contract-change', {
      entityRef: 'marketing-attribution',
      after: stringify(marketing),
    });
    assert.equal(change.verdict, 'needs-major');
    assert.equal(change.blocks, true);
    assert.deepEqual(
      change.changes.map(c => [c.kind, c.change]),
      [['breaking', 'field-removed']],
    );

    const impact = await call(client, tools, 'impact-of-change', {
      entityRef: 'partner-feed-adtech',
    });
    assert.ok(
      impact.consumers.some(
        c => c.entityRef === 'component:default/fraud-scoring',
      ),
      'fraud-scoring consumes partner-feed-adtech',
    );
    assert.ok(
      impact.downstreamProducts.some(
        p =>
          p.entityRef === 'dataproduct:default/marketing-attribution' &&
          p.hops === 1,
      ),
      'marketing-attribution is one hop downstream',
    );

    const attention = await call(client, tools, 'list-attention', {
      owner: 'identity-platform',
    });
    const onV1 = attention.consumersOnDeprecated.find(
      item => item.entityRef === 'dataproduct:default/customer-identity-v1',
    );
    assert.ok(onV1, 'customer-identity-v1 is deprecated and still consumed');
    assert.deepEqual(onV1.consumers.map(c => c.entityRef).sort(), [
      'component:default/crm-sync',
      'component:default/lifecycle-emails',
    ]);

    // the demo replay has scored every product before the tests start
    const scorecard = await call(client, tools, 'get-scorecard', {
      entityRef: 'customer-identity-v2',
    });
    assert.equal(scorecard.scored, true);
    assert.ok(
      scorecard.overall >= 1 && scorecard.overall <= 5,
      `overall ${scorecard.overall} is a 1–5 score`,
    );

    const wrongType = await client.callTool({
      name: tools.get('get-data-product').name,
      arguments: { entityRef: 42 },
    });
    assert.equal(wrongType.isError, true);
    assert.match(JSON.stringify(wrongType.content), /entityRef/);
  } finally {
    await client.close();
  }
});

test('MCP: a client without a token is refused', async () => {
  await assert.rejects(connect(undefined), /401|Unauthorized|credentials/i);
});
