import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inlineHashes } from '../../infra/constructs/web-edge.ts';
import { webDir } from '../../infra/constructs/paths.ts';
import { KenesStack } from '../../infra/kenes-stack.ts';

/**
 * The web app on AWS: what the deployment puts beside web/ (config.json, the vendored
 * libraries), the headers CloudFront adds, the app's own URLs, and a domain of the Office's own.
 */
type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };

/** One synthesized stack, its template and the cloud assembly's folder (assets staged there). */
function synth(context: Record<string, unknown> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = new KenesStack(app, 'Kenes');
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackByName('Kenes').template);
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const logicalId = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  return { stack, template, resources, logicalId, dir: assembly.directory };
}

let s: ReturnType<typeof synth>;
const one = (type: string) => {
  const found = Object.values(s.resources).filter((r) => r.Type === type);
  expect(found, type).toHaveLength(1);
  return found[0]!.Properties;
};

/** The staged folder of a deployment source (`<hash>.zip` in the template is `asset.<hash>/` in the assembly). */
function sourceDir(dir: string, key: string): string {
  return join(dir, `asset.${key.replace(/\.zip$/, '')}`);
}

/** Every file under a folder, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

beforeAll(() => {
  s = synth();
}, 120_000);

describe('KenesWeb: /config.json', () => {
  it('is deployed beside web/ with the pool, the client, the managed-login domain and the web URL, filled in at deploy time', () => {
    const deployment = one('Custom::CDKBucketDeployment');
    const keys = deployment.SourceObjectKeys as string[];
    const index = keys.findIndex((key) => existsSync(join(sourceDir(s.dir, key), 'config.json')));
    expect(index).toBeGreaterThanOrEqual(0);
    const text = readFileSync(join(sourceDir(s.dir, keys[index]!), 'config.json'), 'utf8');
    // Each marker stands for a deploy-time value; show it as the CloudFormation it resolves from.
    const markers = deployment.SourceMarkers[index] as Record<string, unknown>;
    const filled = text.replace(/<<marker:0xbaba:\d+>>/g, (m) => `{${JSON.stringify(markers[m]).replace(/"/g, "'")}}`);
    const { auth } = s.stack;
    const ref = (c: IConstruct) => `{{'Ref':'${s.logicalId(c)}'}}`;
    const region = "{{'Ref':'AWS::Region'}}";
    const cloudfront = `{{'Fn::GetAtt':['${s.logicalId(s.stack.web.distribution)}','DomainName']}}`;
    expect(JSON.parse(filled)).toEqual({
      auth: {
        mode: 'cognito',
        authority: `https://cognito-idp.${region}.amazonaws.com/${ref(auth.userPool)}`,
        clientId: ref(auth.client),
        domain: `https://${ref(auth.domain)}.auth.${region}.amazoncognito.com`,
        redirectUri: `https://${cloudfront}/`,
        logoutUri: `https://${cloudfront}/`,
        scope: 'openid email profile',
      },
    });
  });

  it('registers the same web URL as the client’s callback and logout URL', () => {
    const url = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [s.logicalId(s.stack.web.distribution), 'DomainName'] }, '/']] };
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: [url], LogoutURLs: [url] });
  });

  it('is revalidated by browsers on every load, and the edge cache is invalidated by each deploy', () => {
    expect(one('Custom::CDKBucketDeployment')).toMatchObject({
      SystemMetadata: { 'cache-control': 'max-age=0, must-revalidate, s-maxage=86400' },
      DistributionId: { Ref: s.logicalId(s.stack.web.distribution) },
      DistributionPaths: ['/*'],
      WaitForDistributionInvalidation: true,
    });
  });
});

describe('KenesWeb: the files', () => {
  it('deploys web/ and, under vendor/, every library web/vendor.json names', () => {
    const keys = one('Custom::CDKBucketDeployment').SourceObjectKeys as string[];
    const files = keys.flatMap((key) => filesUnder(sourceDir(s.dir, key)));
    expect(files).toContain('index.html');
    const vendor = JSON.parse(readFileSync(join(webDir, 'vendor.json'), 'utf8')) as { files: Record<string, string> };
    for (const name of Object.keys(vendor.files)) {
      const wanted = join('vendor', name);
      expect(name.endsWith('/') ? files.some((f) => f.startsWith(wanted) && f.endsWith('.js')) : files.includes(wanted), name).toBe(true);
    }
  });
});

describe('KenesWeb: headers', () => {
  const pagePolicy = () => {
    const distribution = one('AWS::CloudFront::Distribution').DistributionConfig;
    const id = distribution.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref as string;
    return s.resources[id]!.Properties.ResponseHeadersPolicyConfig;
  };
  /** The CSP with its deploy-time parts written as `{Ref}` so it reads as one string. */
  const csp = () =>
    (pagePolicy().SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Join'][1] as unknown[])
      .map((part) => (typeof part === 'string' ? part : `{${(part as { Ref: string }).Ref}}`))
      .join('');

  it('sends a CSP on the pages: own scripts and styles, the import map by hash, Cognito to connect to, no framing', () => {
    const domain = `https://{${s.logicalId(s.stack.auth.domain)}}.auth.{AWS::Region}.amazoncognito.com`;
    const directives = Object.fromEntries(csp().split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    const inline = inlineHashes(readFileSync(join(webDir, 'index.html'), 'utf8'));
    expect(directives).toMatchObject({
      'default-src': ["'none'"],
      // libsodium's WebAssembly (complaints sealed in the browser, p29): compiling it, not eval.
      'script-src': ["'self'", "'wasm-unsafe-eval'", ...inline.scripts],
      'style-src': ["'self'", ...inline.styles],
      'connect-src': ["'self'", domain, 'https://cognito-idp.{AWS::Region}.amazonaws.com'],
      'form-action': ["'self'", domain],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
    });
    expect(csp()).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(pagePolicy().SecurityHeadersConfig.ContentSecurityPolicy.Override).toBe(true);
  });

  it('sends HSTS, nosniff, DENY framing and no referrer on the pages and the API alike', () => {
    const security = {
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    };
    expect(pagePolicy().SecurityHeadersConfig).toMatchObject(security);
    const distribution = one('AWS::CloudFront::Distribution').DistributionConfig;
    const api = s.resources[distribution.CacheBehaviors[0].ResponseHeadersPolicyId.Ref]!.Properties.ResponseHeadersPolicyConfig;
    expect(api.SecurityHeadersConfig).toMatchObject({
      ...security,
      // No script in anything the API answers; a handler's own policy wins.
      ContentSecurityPolicy: { ContentSecurityPolicy: expect.stringContaining("default-src 'none'"), Override: false },
    });
    expect(api.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).not.toMatch(/script-src/);
  });
});

describe("KenesWeb: the app's own URLs", () => {
  it('rewrites extension-less paths to index.html on the pages only: the API keeps its 404s', () => {
    const distribution = one('AWS::CloudFront::Distribution').DistributionConfig;
    const fn = one('AWS::CloudFront::Function');
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [s.logicalId(s.stack.web.node.findChild('AppPaths')), 'FunctionARN'] } },
    ]);
    expect(distribution.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern)).toEqual(['/v1/*']);
    expect(distribution.CacheBehaviors[0].FunctionAssociations).toBeUndefined();
    // No error-page mapping: it would turn the API's 403s and 404s into index.html.
    expect(distribution.CustomErrorResponses).toBeUndefined();
  });

  it('keeps the default certificate without a domain of its own (its TLS minimum is not settable)', () => {
    const distribution = one('AWS::CloudFront::Distribution').DistributionConfig;
    expect(distribution.Aliases).toBeUndefined();
    expect(distribution.ViewerCertificate).toBeUndefined();
  });
});

describe('KenesStack: a domain of its own and developer pages, from context', () => {
  let own: ReturnType<typeof synth>;
  const certificateArn = 'arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab';

  beforeAll(() => {
    own = synth({
      'kenes:webDomain': 'council.example.kz',
      'kenes:webCertificateArn': certificateArn,
      // As `-c kenes:callbackUrls=…` gives it: one string, comma-separated.
      'kenes:callbackUrls': 'http://localhost:3000/, http://localhost:5173/',
      'kenes:authDomainPrefix': 'council-kz',
    });
  }, 120_000);

  it('serves the domain with its certificate and viewers on TLS 1.2 or later', () => {
    own.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['council.example.kz'],
        ViewerCertificate: { AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
      }),
    });
  });

  it('signs in on the domain and the developer page, with the prefix given', () => {
    own.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://council.example.kz/', 'http://localhost:3000/', 'http://localhost:5173/'],
      LogoutURLs: ['https://council.example.kz/', 'http://localhost:3000/', 'http://localhost:5173/'],
    });
    own.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'council-kz' });
    expect(own.stack.resolve(own.stack.web.config.auth.redirectUri)).toBe('https://council.example.kz/');
    expect(Object.keys(own.template.findOutputs('*'))).toContain('WebDomainTarget');
  });

  it('leaves no cdk-nag finding (no TLS acknowledgement needed)', () => {
    const report = new AwsSolutionsChecks().validateScope(own.stack);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath)}`)).toEqual([]);
  });

  it('refuses a certificate outside us-east-1, and a domain without its certificate', () => {
    const build = (context: Record<string, unknown>) => () => new KenesStack(new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } }), 'Kenes');
    expect(build({ 'kenes:webDomain': 'council.example.kz', 'kenes:webCertificateArn': certificateArn.replace('us-east-1', 'eu-central-1') })).toThrow(/us-east-1/);
    expect(build({ 'kenes:webDomain': 'council.example.kz' })).toThrow(/go together/);
  });
});
