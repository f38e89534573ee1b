import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_SCOPE, KenesAuth, WEB_SCOPES } from '../../infra/constructs/kenes-auth.ts';

/** Sign-in on AWS: the web app's public OAuth client, the managed-login domain, MFA by app. */
const WEB = 'https://council.example.kz/';
const LOCAL = 'http://localhost:3000/';

let stack: Stack;
let auth: KenesAuth;
let template: Template;
const logicalId = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);

beforeAll(() => {
  stack = new Stack(new App(), 'Auth');
  auth = new KenesAuth(stack, 'Auth', { webUrl: WEB, extraUrls: [LOCAL] });
  template = Template.fromStack(stack);
});

describe('KenesAuth: the web client', () => {
  it('is a public client (no secret) with only the authorization-code grant, which Cognito pairs with PKCE', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: { Ref: logicalId(auth.userPool) },
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('returns sign-in and sign-out to the web app and the extra pages only', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: [WEB, LOCAL], LogoutURLs: [WEB, LOCAL] });
  });

  it('keeps tokens short, rotates refresh tokens, and allows no password flow but SRP (managed login)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      RefreshTokenValidity: 720,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 30 },
      EnableTokenRevocation: true,
      AuthSessionValidity: 15,
      // Rotation replaces REFRESH_TOKEN_AUTH; no plain-password flow.
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
    });
  });

  it('asks for the scopes config.json names, and the API requires openid (access tokens only)', () => {
    expect(stack.resolve(auth.webSignIn.scope)).toBe('openid email profile');
    expect(WEB_SCOPES.map((s) => s.scopeName)).toContain(ACCESS_TOKEN_SCOPE);
  });
});

describe('KenesAuth: managed login', () => {
  it('has a Cognito domain with managed login (version 2) and a style for the web client', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      UserPoolId: { Ref: logicalId(auth.userPool) },
      ManagedLoginVersion: 2,
    });
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      UserPoolId: { Ref: logicalId(auth.userPool) },
      ClientId: { Ref: logicalId(auth.client) },
      UseCognitoProvidedValues: true,
    });
  });

  it("derives the domain prefix from the stack's own id: kenes- and the GUID's last group", () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: {
        'Fn::Join': ['-', ['kenes', { 'Fn::Select': [4, { 'Fn::Split': ['-', { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] }] }] }]],
      },
    });
  });

  it('takes a prefix of its own, and refuses one Cognito would refuse', () => {
    const own = new Stack(new App(), 'Own');
    new KenesAuth(own, 'Auth', { webUrl: WEB, domainPrefix: 'council-kz' });
    Template.fromStack(own).hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'council-kz' });
    for (const prefix of ['Council', 'my-aws-login', '-council', 'council_kz']) {
      expect(() => new KenesAuth(new Stack(new App(), 'Bad'), 'Auth', { webUrl: WEB, domainPrefix: prefix }), prefix).toThrow(/domain prefix/);
    }
  });

  it('refuses a sign-in URL Cognito would refuse (plain HTTP other than localhost)', () => {
    expect(() => new KenesAuth(new Stack(new App(), 'Bad'), 'Auth', { webUrl: WEB, extraUrls: ['http://council.example.kz/'] })).toThrow(/https/);
  });

  it('hands the web app its issuer, client and domain', () => {
    const signIn = stack.resolve(auth.webSignIn);
    expect(signIn).toEqual({
      authority: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: logicalId(auth.userPool) }]] },
      issuerOrigin: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com']] },
      clientId: { Ref: logicalId(auth.client) },
      domain: { 'Fn::Join': ['', ['https://', { Ref: logicalId(auth.domain) }, '.auth.', { Ref: 'AWS::Region' }, '.amazoncognito.com']] },
      scope: 'openid email profile',
    });
  });
});

describe('KenesAuth: the pool', () => {
  it('creates accounts by administrator only and requires an authenticator app (TOTP), no SMS', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UsernameAttributes: ['email'],
      Policies: { PasswordPolicy: Match.objectLike({ TemporaryPasswordValidityDays: 3 }) },
    });
  });
});
