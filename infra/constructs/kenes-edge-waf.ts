import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** AWS managed rule groups the web ACL runs after the rate rule, in this order (cheapest and broadest first). */
export const MANAGED_RULE_GROUPS = ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesCommonRuleSet'] as const;

/**
 * Requests one address may send in five minutes before it is blocked for a while. A meeting
 * room of ~12 people behind one NAT address, each page a handful of requests, stays well below;
 * a script hammering the anonymous routes does not.
 */
export const RATE_LIMIT_PER_5_MIN = 3000;

/**
 * The web ACL in front of CloudFront (the site and the API's `/v1/*`): AWS managed rule groups
 * (IP reputation, known bad inputs, the common rule set) and a rate-based rule per address.
 * HTTP APIs take no web ACL themselves, so it sits on the distribution; a CLOUDFRONT-scoped ACL
 * must be created in us-east-1 (infra/app.ts places it).
 *
 * @example
 * const waf = new KenesEdgeWaf(usEast1Stack, 'Waf');
 * new KenesStack(app, 'Kenes', { webAclArn: waf.webAclArn, crossRegionReferences: true, env });
 */
export class KenesEdgeWaf extends Construct {
  readonly webAcl: CfnWebACL;
  readonly webAclArn: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const region = Stack.of(this).region;
    if (!region.startsWith('${') && region !== 'us-east-1') throw new Error(`${this.node.path}: a CloudFront web ACL lives in us-east-1, not ${region}`);
    const metric = (name: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: `kenes-${name}` });
    const managed = MANAGED_RULE_GROUPS.map(
      (name, priority): CfnWebACL.RuleProperty => ({
        name,
        priority: priority + 1,
        overrideAction: { none: {} },
        statement: {
          managedRuleGroupStatement: {
            vendorName: 'AWS',
            name,
            // The common rule set blocks bodies over 8 KB; kenes takes up to 256 KiB (an
            // amendment of the law, a sealed complaint) and refuses more itself (413).
            ...(name === 'AWSManagedRulesCommonRuleSet' ? { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] } : {}),
          },
        },
        visibilityConfig: metric(name),
      }),
    );
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'kenes: managed rule groups and a per-address rate limit in front of the site and the API',
      visibilityConfig: metric('web-acl'),
      rules: [
        {
          name: 'RatePerAddress',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: RATE_LIMIT_PER_5_MIN, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
          visibilityConfig: metric('rate'),
        },
        ...managed,
      ],
    });
    this.webAclArn = this.webAcl.attrArn;
  }
}

/**
 * The small us-east-1 stack that holds the web ACL when the main stack lives in another region;
 * the main stack reads its ARN through CDK's cross-region references (SSM parameters).
 */
export class KenesEdgeStack extends Stack {
  readonly waf: KenesEdgeWaf;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, { description: 'kenes: the web ACL in front of CloudFront (us-east-1)', crossRegionReferences: true, ...props });
    this.waf = new KenesEdgeWaf(this, 'Waf');
  }
}
