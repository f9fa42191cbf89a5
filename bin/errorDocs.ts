import { errorCodes } from '../schema/errors/index.js';

/** docs/errors.md is written from the error-code registry (`npm run docs:errors`); a test keeps them equal. */
export function errorDocs(): string {
  const rows = Object.entries(errorCodes).map(([code, { description }]) => `| \`${code}\` | ${description} |`);
  return `# Error codes

Generated from \`schema/errors/codes.ts\` by \`npm run docs:errors\`. Every error Rantau returns carries one of
these in \`extensions.code\`. Errors about a registry also carry \`extensions.country\` and
\`extensions.registry\`; errors about an argument carry \`extensions.argument\`.

| code | meaning |
|---|---|
${rows.join('\n')}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync('docs/errors.md', errorDocs());
  console.log('docs/errors.md written');
}
