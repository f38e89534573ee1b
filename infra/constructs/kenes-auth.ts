import { Aws, Duration, Fn, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolGroup,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '../../functions/http/roles.ts';

/** The scopes the web app asks for (config.json `scope`): who you are, nothing of Cognito's own API. */
export const WEB_SCOPES = [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE] as const;

/**
 * The scope every signed-in route requires. Only an access token issued through this client's
 * authorization-code flow carries it (`scope: "openid email profile"`): an ID token has no
 * `scope` claim, and a token from Cognito's own API (SRP) has only
 * `aws.cognito.signin.user.admin`, so neither passes the API's authorizer.
 */
export const ACCESS_TOKEN_SCOPE = OAuthScope.OPENID.scopeName;

export type KenesAuthProps = {
  /** The web app's address, `https://<host>/`: where sign-in returns and sign-out lands. */
  webUrl: string;
  /**
   * More pages allowed to sign in against this pool (e.g. `http://localhost:3000/`, a
   * developer's page): each `https://…`, or `http://localhost…`, Cognito's only plain-HTTP exception.
   * @default none
   */
  extraUrls?: readonly string[];
  /**
   * Prefix of the managed-login domain, `<prefix>.auth.<region>.amazoncognito.com`; unique per
   * region across all AWS accounts.
   * @default `kenes-` and the last 12 hex digits of this stack's id (unique to the deployed stack)
   */
  domainPrefix?: string;
};

/** What the web app needs to sign in (its /config.json) and its CSP to allow. */
export type WebSignIn = {
  /** The OIDC issuer, `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  authority: string;
  /** Its origin, where the discovery document is fetched from. */
  issuerOrigin: string;
  clientId: string;
  /** The managed-login origin, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  domain: string;
  scope: string;
};

/**
 * Who may call the API: a Cognito user pool whose groups are the global roles of
 * `functions/http/roles.ts` (the `cognito:groups` claim), its managed-login pages, and one
 * public client for the web app (authorization code with PKCE; no secret, since a page cannot
 * keep one). Accounts are created by an administrator, never by sign-up: membership follows the law.
 *
 * A person created by an administrator signs in on the managed-login pages, which walk them
 * through Cognito's challenges: the temporary password, then a new password
 * (NEW_PASSWORD_REQUIRED), then, MFA being required, the authenticator app (MFA_SETUP: a QR
 * code and a first code); every later sign-in asks for the password and a code.
 *
 * @example
 * const auth = new KenesAuth(this, 'Auth', { webUrl: 'https://council.example.kz/' });
 * auth.webSignIn.clientId; auth.domain.baseUrl();
 */
export class KenesAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: KenesAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Chair, secretary and admin act for the council: a second factor for everyone, by app
      // (TOTP) only, so no SMS role and no phone numbers are kept. Managed login enrols the
      // app at the first sign-in (MFA_SETUP).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      // Plus tier: threat protection blocks risky sign-ins and compromised passwords (cdk-nag COG8).
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const urls = [props.webUrl, ...(props.extraUrls ?? [])];
    for (const url of urls) checkRedirectUrl(this, url);
    this.client = this.userPool.addClient('WebClient', {
      // A page keeps no secret: a public client, its code exchange bound by PKCE (S256), which
      // Cognito accepts from a public client with the authorization-code grant.
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [...WEB_SCOPES],
        callbackUrls: urls,
        logoutUrls: urls,
      },
      // Managed login signs in with the password (SRP) behind its pages; no other API flow.
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      // The first sign-in sets a new password and enrols an authenticator app: time to install one.
      authSessionValidity: Duration.minutes(15),
      // The API's authorizer cannot see a revoked token, so access tokens live briefly and the
      // page refreshes them; an `admin` taken out of the group loses it within 15 minutes.
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      // A working day, then sign in again; each refresh replaces the refresh token (rotation),
      // and the old one stays valid for 30 s so a retried refresh is not a sign-out.
      refreshTokenValidity: Duration.hours(12),
      refreshTokenRotationGracePeriod: Duration.seconds(30),
      enableTokenRevocation: true,
    });

    const domainPrefix = props.domainPrefix ?? defaultDomainPrefix();
    checkDomainPrefix(this, domainPrefix);
    this.domain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Managed login shows its pages to a client that has a style: Cognito's own, unbranded.
    new CfnManagedLoginBranding(this, 'SignInStyle', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    for (const role of ROLES) {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `kenes role ${role} (functions/http/roles.ts)`,
      });
    }
  }

  /** The values the web app signs in with (config.json) and its CSP allows. */
  get webSignIn(): WebSignIn {
    const issuerOrigin = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com`;
    return {
      authority: `${issuerOrigin}/${this.userPool.userPoolId}`,
      issuerOrigin,
      clientId: this.client.userPoolClientId,
      domain: this.domain.baseUrl(),
      scope: WEB_SCOPES.map((s) => s.scopeName).join(' '),
    };
  }
}

/**
 * `kenes-` and the last group of the stack id's GUID
 * (`arn:…:stack/Kenes/51af3dc0-da77-11e4-872e-1234567db123` gives `kenes-1234567db123`):
 * stable for the stack's life, different for every deployed stack, and it reveals no account id.
 */
function defaultDomainPrefix(): string {
  const guid = Fn.select(2, Fn.split('/', Aws.STACK_ID));
  return Fn.join('-', ['kenes', Fn.select(4, Fn.split('-', guid))]);
}

/** Cognito's rules for a prefix: lowercase letters, digits and hyphens, and none of its reserved words. */
function checkDomainPrefix(scope: Construct, prefix: string): void {
  if (Token.isUnresolved(prefix)) return;
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix) || /aws|amazon|cognito/.test(prefix)) {
    throw new Error(`${scope.node.path}: sign-in domain prefix "${prefix}" must be 1-63 lowercase letters, digits and inner hyphens, without aws, amazon or cognito`);
  }
}

/** Cognito takes `https://…`, and plain HTTP only for localhost. */
function checkRedirectUrl(scope: Construct, url: string): void {
  if (Token.isUnresolved(url)) return;
  if (!/^https:\/\/[^\s/]+(\/\S*)?$/.test(url) && !/^http:\/\/localhost(:\d+)?(\/\S*)?$/.test(url)) {
    throw new Error(`${scope.node.path}: sign-in URL ${url} must be https://… or http://localhost…`);
  }
}
