import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { maskError, publicMessage } from './maskErrors.js';

describe('maskError', () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  afterEach(() => logged.mockClear());

  it('keeps a documented error\'s message, cut, and only documented extensions', () => {
    const masked = maskError(
      { message: `got "${'A'.repeat(5000)}" from http://127.0.0.1:4001/graphql`, extensions: { code: 'BAD_USER_INPUT', argument: 'documentNumber', serviceName: 'regional', response: { status: 500, body: 'x' } } },
      null,
    );
    expect(masked.message).toBe(`got "${'A'.repeat(24)}…" from <service>`);
    expect(masked.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'documentNumber' });
  });

  it('replaces an undocumented error with an id that the log has, with the detail', () => {
    const masked = maskError({ message: 'Error while fetching subgraph http://127.0.0.1:4001/graphql: 502 <html>', extensions: { code: 'SUBREQUEST_HTTP_ERROR' } }, new Error('connect ECONNREFUSED 127.0.0.1:4001'));
    expect(masked.message).toMatch(/^Internal server error \(error id [\w-]+\)\.$/);
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) });
    const line = JSON.parse(String(logged.mock.calls[0][0])) as Record<string, unknown>;
    expect(line).toMatchObject({ errorId: masked.extensions!.errorId, message: expect.stringContaining('ECONNREFUSED') });
  });

  it('masks a registry protocol error, which quotes the registry\'s answer, but names the registry', () => {
    const masked = maskError({ message: 'IDN bnsp: POST /sertifikat/batch answered 400: {"nama":"Siti"}', extensions: { code: 'REGISTRY_PROTOCOL_ERROR', country: 'IDN', registry: 'bnsp' } }, null);
    expect(masked.message).not.toContain('Siti');
    expect(masked.extensions).toMatchObject({ code: 'REGISTRY_PROTOCOL_ERROR', country: 'IDN', registry: 'bnsp', errorId: expect.any(String) });
  });

  it('answers Apollo\'s code-less 4xx refusals as the client\'s mistake', () => {
    const error = new GraphQLError('Unsupported persisted query version', { extensions: { http: { status: 400 } } });
    expect(maskError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error).extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('bounds any message', () => {
    expect(publicMessage('x'.repeat(100_000)).length).toBeLessThanOrEqual(401);
  });
});
