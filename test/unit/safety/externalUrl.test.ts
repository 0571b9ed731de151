import { strict as assert } from 'node:assert';
import { externalUrl } from '../../../server/src/core/rules/EP062-external-url';
import { externalDependencyCount } from '../../../server/src/core/safety/metrics';
import { lintSafety } from './harness';
import fc from 'fast-check';
import { normalizeUrl, urlHost } from '../../../server/src/core/safety/externalUrls';

function plan(...sections: string[]): string {
  return ['---', 'id: p', 'owner: agent-7', 'profile: codex-strict', '---', '# PLAN: Sign in with OAuth', ...sections, ''].join('\n');
}

function reported(text: string, profile?: string): string[] {
  const lines = text.split('\n');
  return lintSafety(text, { rules: [externalUrl], ...(profile ? { profile } : {}) }).findings.map((finding) =>
    lines[finding.range.start.line]!.slice(finding.range.start.character, finding.range.end.character),
  );
}

describe('EP062 external-url', () => {
  it('reports external URLs in the plan body, bare, linked or in code', () => {
    const text = plan(
      '## Context and Orientation',
      'Follow https://developers.acme.io/oauth2 and [the guide](https://docs.acme.io/guide#setup).',
      'See www.acme.io/status too.',
      '## Concrete Steps',
      '    curl -s https://api.acme.io/v1/ping',
    );
    assert.deepEqual(reported(text), ['https://developers.acme.io/oauth2', 'https://docs.acme.io/guide#setup', 'www.acme.io/status', 'https://api.acme.io/v1/ping']);
  });

  it('accepts localhost, loopback and documentation domains', () => {
    const text = plan(
      '## Validation & Acceptance',
      'Open http://localhost:3000/login, http://127.0.0.1:8080/health, http://[::1]:9000/ and http://app.localhost/.',
      'The spec example https://example.com/spec and https://api.example.org/x are fine, as is https://svc.test/x.',
    );
    assert.deepEqual(reported(text), []);
  });

  it('accepts links under See Also / References, as sections or subsections', () => {
    const text = plan(
      '## Context and Orientation',
      '### References',
      '- https://www.rfc-editor.org/rfc/rfc6749',
      '### Current behaviour',
      'Sessions use cookies (https://owasp.org/cookies).',
      '## See Also',
      '- [OAuth](https://oauth.net/2/)',
      '## References',
      '- [R1] https://datatracker.ietf.org/doc/html/rfc6749',
    );
    assert.deepEqual(reported(text), ['https://owasp.org/cookies']);
  });

  it('accepts a URL backed by a Research Snapshot anywhere in the plan', () => {
    const text = plan(
      '## Context and Orientation',
      'The token endpoint is described at https://developers.acme.io/oauth2/token/ and https://other.acme.io/x.',
      '## Interfaces & Dependencies',
      'Research Snapshot',
      '- Retrieved: 2026-03-02T10:00:00Z',
      '- Source: https://developers.acme.io/oauth2/token',
      '- Notes: POST form-encoded; returns access_token and expires_in.',
    );
    assert.deepEqual(reported(text), ['https://other.acme.io/x']);
  });

  it('does not count a Source line without a Retrieved time as a snapshot', () => {
    const text = plan('## Context and Orientation', '- Source: https://developers.acme.io/oauth2', '- Notes: from memory');
    assert.deepEqual(reported(text), ['https://developers.acme.io/oauth2']);
  });

  it('applies to ssot and openai plans, not to the dialects that do not ask for self-containment', () => {
    const body = ['## Plan of Work', 'Read https://docs.acme.io/x first.'];
    assert.equal(reported(plan(...body), 'ssot').length, 1);
    assert.equal(reported(plan(...body), 'openai').length, 1);
    assert.equal(reported(plan(...body), 'agdd').length, 0);
  });

  it('names the host, not the full URL or its credentials, in the message', () => {
    const text = plan('## Plan of Work', 'Mirror from https://builder:s3cr3tPassw0rd@mirror.acme.io/pkgs.');
    const [finding] = lintSafety(text, { rules: [externalUrl] }).findings;
    assert.ok(finding);
    assert.match(finding.message, /mirror\.acme\.io/);
    assert.ok(!JSON.stringify({ message: finding.message, data: finding.data }).includes('s3cr3tPassw0rd'));
  });

  describe('externalDependencyCount', () => {
    it('counts distinct unbacked external URLs, the ones EP062 reports', () => {
      const text = plan(
        '## Context and Orientation',
        'Use https://docs.acme.io/a, https://docs.acme.io/a/ again, and https://docs.acme.io/b.',
        'Local http://localhost:3000 is fine; snapshotted https://snap.acme.io/x is fine.',
        'Retrieved: 2026-03-02T10:00:00Z',
        'Source: https://snap.acme.io/x',
        '## References',
        '- https://ref.acme.io',
      );
      const result = lintSafety(text, { rules: [externalUrl] });
      assert.equal(result.findings.length, 3);
      assert.equal(externalDependencyCount(result), 2);
    });

    it('is zero for a plan without external URLs', () => {
      assert.equal(externalDependencyCount(lintSafety(plan('## Plan of Work', 'Edit src/a.ts.'))), 0);
    });
  });
});

describe('reading a URL\'s host and its normalised form', () => {
  /** A plain reading of the rules: the scheme in any case, credentials before the last `@`, a port after `:`. */
  function plainHost(url: string): string | undefined {
    const scheme = /^(https?):\/\//i.exec(url);
    if (!scheme) return undefined;
    const authority = url.slice(scheme[0].length).split(/[/?#]/)[0]!;
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    if (host.startsWith('[')) return host.includes(']') ? host.slice(0, host.indexOf(']') + 1).toLowerCase() : '';
    return host.split(':')[0]!.toLowerCase();
  }

  function plainNormalized(url: string, host: string): string {
    const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
    const rest = url.slice(url.indexOf('://') + 3);
    const path = /[/?#]/.test(rest) ? rest.slice(rest.search(/[/?#]/)) : '';
    return `${scheme}://${host}${path.split('#')[0]!.replace(/\/+$/, '')}`;
  }

  it('reads every arrangement of scheme, credentials, host, port and path as a plain reading does', () => {
    const pieces = ['http', 'HTTPS', 'Http', 's', '://', ':/', 'ftp', 'user', ':', 'pa@ss', '@', 'Api.Vendor.IO', '[::1]', '[', ']', '8080', '/', '//', 'v2', '?q=1', '#top', '/#x', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), (chosen) => {
        const url = chosen.join('');
        const host = urlHost(url);
        assert.equal(host, plainHost(url), url);
        if (host !== undefined) assert.equal(normalizeUrl(url, host), plainNormalized(url, host), url);
      }),
      { numRuns: 2000 },
    );
  });

  it('drops credentials, the port, the fragment and trailing slashes', () => {
    assert.equal(urlHost('HTTPS://user:pw@Docs.Vendor.io:8443/a/'), 'docs.vendor.io');
    assert.equal(normalizeUrl('HTTPS://user:pw@Docs.Vendor.io:8443/a//#top'), 'https://docs.vendor.io/a');
    assert.equal(urlHost('https://a@b@Host.io/x@y'), 'host.io');
    assert.equal(urlHost('ftp://files.vendor.io/x'), undefined);
  });
});
