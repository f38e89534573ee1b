import { CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { isId } from '../ids.ts';
import type { Mailer } from '../reads/notify.ts';

/** The environment that turns e-mail on: the sender (an SES-verified identity) and the user pool that knows the addresses. */
export const MAIL_ENV = { from: 'KENES_SES_FROM', userPool: 'KENES_USER_POOL_ID' } as const;

/**
 * The mailer of the `notify` job on AWS: the person's address from Cognito by their user id
 * (ListUsers filtered on `sub`: only a verified address), the e-mail through Amazon SES (v2).
 * Without `KENES_SES_FROM` (locally) there is none: no e-mail, the app shows the outbox.
 */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | undefined {
  const from = env[MAIL_ENV.from];
  const userPoolId = env[MAIL_ENV.userPool];
  if (!from) return undefined;
  const ses = new SESv2Client({ maxAttempts: 3 });
  const cognito = userPoolId ? new CognitoIdentityProviderClient({ maxAttempts: 3 }) : undefined;
  return {
    async addressOf(sub) {
      // The sub goes into a filter expression: an id (functions/ids.ts) never holds a quote.
      if (!cognito || !isId(sub)) return undefined;
      const found = await cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, Filter: `sub = "${sub}"`, Limit: 1, AttributesToGet: ['email', 'email_verified'] }));
      const attributes = new Map((found.Users?.[0]?.Attributes ?? []).map((a) => [a.Name, a.Value]));
      return attributes.get('email_verified') === 'true' ? attributes.get('email') : undefined;
    },
    async send(to, mail) {
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [to] },
          Content: { Simple: { Subject: { Data: mail.subject, Charset: 'UTF-8' }, Body: { Text: { Data: mail.text, Charset: 'UTF-8' } } } },
        }),
      );
    },
  };
}
