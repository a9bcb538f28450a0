namespace Serverless.Core.Tests.Pipelines;

/// <summary>One mistake per file, and exactly the line a user sees for it.</summary>
public sealed class ErrorMessageTests
{
    private const string Service = """
        name: shop
        services:
          - name: api
            run: ./api

        """;

    public static TheoryData<string, string> Mistakes => new()
    {
        // unknown keys
        { Service + "    buidl: make\n", "pipeline.yml:5:5: services[0].buidl: unknown key; did you mean 'build'?" },
        { Service + "triggers: [push]\n", "pipeline.yml:5:1: triggers: unknown key; expected one of: name, services, checks, scans, environments, notifications" },
        { Service + "environments:\n  dev: { branch: dev, smoke_tests: [./smoke.sh] }\n", "pipeline.yml:6:23: environments.dev.smoke_tests: unknown key; did you mean 'smokeTests'?" },
        { Service + "notifications: { pagerDuty: \"%PD_KEY%\" }\n", "pipeline.yml:5:18: notifications.pagerDuty: unknown key; did you mean 'pagerduty'?" },
        { Service + "checks:\n  lint: { command: make lint, timout: 5m }\n", "pipeline.yml:6:31: checks.lint.timout: unknown key; did you mean 'timeout'?" },

        // wrong types
        { "name: shop\nservices: api\n", "pipeline.yml:2:11: services: must be a list of services (each item starts with '- name:'), not 'api'" },
        { Service + "checks: [lint]\n", "pipeline.yml:5:9: checks: must be a mapping of check names to commands, not a list" },
        { Service + "environments:\n  dev: main\n", "pipeline.yml:6:8: environments.dev: must be a mapping with at least a branch, not 'main'" },
        { Service + "    port: http\n", "pipeline.yml:5:11: services[0].port: must be a whole number, not 'http'" },
        { Service.Replace("    run: ./api\n", "    run: [./api]\n"), "pipeline.yml:4:10: services[0].run: must be the command that starts the service, not a list" },
        { Service + "    build:\n", "pipeline.yml:5:11: services[0].build: is empty; expected a command, or a mapping with command and timeout" },

        // missing required fields
        { "services:\n  - name: api\n", "pipeline.yml:1:1: name: is required" },
        { "name: shop\n", "pipeline.yml:1:1: services: is required: list the services to build, each with at least a name" },
        { "name: shop\nservices: []\n", "pipeline.yml:2:11: services: must list at least one service" },
        { "name: shop\nservices:\n  - path: src/api\n", "pipeline.yml:3:5: services[0].name: is required" },
        { "name: shop\nservices:\n  - name: api\nenvironments:\n  dev: { branch: dev }\n",
          "pipeline.yml:3:5: services[0].run: is required because environments deploy every service (dev); give the command that starts it, which reads PORT" },
        { Service + "environments:\n  \"dev env\": { branch: dev }\n", "pipeline.yml:6:3: environments.dev env: 'dev env' is not a valid name; use letters, digits, '-', '_' and '.', starting with a letter or digit, at most 63 characters" },
        { Service + "environments:\n  dev: { strategy: rolling }\n", "pipeline.yml:6:8: environments.dev.branch: is required" },
        { Service + "checks:\n  lint: { timeout: 5m }\n", "pipeline.yml:6:9: checks.lint.command: is required" },
        { Service + "checks:\n  coverage: {}\n", "pipeline.yml:6:13: checks.coverage.minimum: is required: the line coverage in percent, like 80" },

        // names and values
        { Service.Replace("name: shop", "name: my shop"), "pipeline.yml:1:7: name: 'my shop' is not a valid name; use letters, digits, '-', '_' and '.', starting with a letter or digit, at most 63 characters" },
        { Service + "  - name: api\n    run: ./api2\n", "pipeline.yml:5:11: services[1].name: another service is already named 'api' (line 3)" },
        { Service + "    path: ../other-repo\n", "pipeline.yml:5:11: services[0].path: '../other-repo' must be a relative path inside the repository, without '..'" },
        { Service + "    path: /etc\n", "pipeline.yml:5:11: services[0].path: '/etc' must be a relative path inside the repository, without '..'" },
        { Service + "    health: healthz\n", "pipeline.yml:5:13: services[0].health: 'healthz' must be an HTTP path starting with '/', like /health" },
        { Service + "    port: 70000\n", "pipeline.yml:5:11: services[0].port: must be between 1 and 65535 (got 70000)" },
        { Service + "    port: 8080\n  - name: web\n    run: ./web\n    port: 8080\n", "pipeline.yml:8:11: services[1].port: port 8080 is already used by service 'api'" },

        // enums
        { Service + "environments:\n  dev: { branch: dev, strategy: blue_green }\n", "pipeline.yml:6:33: environments.dev.strategy: 'blue_green' is not a strategy; use one of: rolling, blue-green, canary" },
        { Service + "scans:\n  block: [critical, severe]\n", "pipeline.yml:6:21: scans.block[1]: 'severe' is not a severity; use one of: critical, high, medium, low" },
        { Service + "scans:\n  block: [high, high]\n", "pipeline.yml:6:17: scans.block[1]: 'high' is listed twice" },
        { Service + "scans:\n  audit: { command: ./audit.sh, format: json }\n", "pipeline.yml:6:41: scans.audit.format: 'json' is not a report format; use one of: sarif, npm-audit" },
        { Service + "scans:\n  dependencies: builtin\n", "pipeline.yml:6:17: scans.dependencies: 'builtin' is only available for 'secrets'; give a command that writes SARIF to standard output" },

        // durations and percentages
        { Service + "environments:\n  staging: { branch: staging, approvals: { timeout: 1 day } }\n", "pipeline.yml:6:53: environments.staging.approvals.timeout: '1 day' is not a duration; write a number and a unit, like 500ms, 30s, 15m, 24h or 1h30m" },
        { Service + "environments:\n  staging: { branch: staging, approvals: { timeout: 24 } }\n", "pipeline.yml:6:53: environments.staging.approvals.timeout: '24' is not a duration; write a number and a unit, like 500ms, 30s, 15m, 24h or 1h30m" },
        { Service + "checks:\n  unit: { command: dotnet test, timeout: 0s }\n", "pipeline.yml:6:42: checks.unit.timeout: must be longer than zero" },
        { Service + "environments:\n  production: { branch: main, strategy: canary, canary: { maxErrorRate: lots } }\n", "pipeline.yml:6:73: environments.production.canary.maxErrorRate: 'lots' is not a percentage; write it like 1% or 1" },
        { Service + "checks:\n  coverage: { minimum: 120% }\n", "pipeline.yml:6:24: checks.coverage.minimum: must be between 0% and 100% (got '120%')" },

        // canary steps
        { Service + "environments:\n  production: { branch: main, strategy: canary, canary: { steps: [10, 5, 100] } }\n", "pipeline.yml:6:71: environments.production.canary.steps[1]: must be greater than 10; steps only ever add traffic" },
        { Service + "environments:\n  production: { branch: main, strategy: canary, canary: { steps: [10, 50] } }\n", "pipeline.yml:6:71: environments.production.canary.steps[1]: the last step must be 100, so the new version ends up with all traffic (got 50)" },
        { Service + "environments:\n  production: { branch: main, strategy: canary, canary: { steps: [0, 100] } }\n", "pipeline.yml:6:67: environments.production.canary.steps[0]: must be a whole percentage from 1 to 100 (got '0')" },
        { Service + "environments:\n  production: { branch: main, strategy: canary, canary: { steps: [] } }\n", "pipeline.yml:6:66: environments.production.canary.steps: must list at least one step, and the last must be 100" },
        { Service + "environments:\n  production: { branch: main, strategy: blue-green, canary: { steps: [50, 100] } }\n", "pipeline.yml:6:61: environments.production.canary: only applies to 'strategy: canary' (this environment uses 'blue-green')" },

        // approvals
        { Service + "environments:\n  staging: { branch: staging, approvals: { required: 0 } }\n", "pipeline.yml:6:54: environments.staging.approvals.required: must be at least 1 (got 0)" },
        { Service + "environments:\n  production: { branch: main, approvals: { required: 3, approvers: [alice, bob] } }\n", "pipeline.yml:6:54: environments.production.approvals.required: 3 approvals are required but only 2 approvers are listed" },
        { Service + "environments:\n  production: { branch: main, approvals: { approvers: [alice, bob] } }\n", "pipeline.yml:6:55: environments.production.approvals.approvers: 3 approvals are required but only 2 approvers are listed" },
        { Service + "environments:\n  staging: { branch: staging, approvals: { approvers: [alice, Alice, bob] } }\n", "pipeline.yml:6:63: environments.staging.approvals.approvers[1]: 'Alice' is listed twice" },
        { Service + "environments:\n  staging: { branch: staging, approvals: { approvers: [\"team: ops\", bob] } }\n", "pipeline.yml:6:56: environments.staging.approvals.approvers[0]: 'team: ops' is not a user name or team:name" },
        { Service + "environments:\n  staging: { branch: staging, approvals: { timeout: 2h, remind: 2h } }\n", "pipeline.yml:6:65: environments.staging.approvals.remind: must be shorter than the timeout (2h), or no reminder is ever sent" },

        // branches
        { Service + "environments:\n  dev: { branch: main }\n  production: { branch: main }\n", "pipeline.yml:7:25: environments.production.branch: branch 'main' already deploys to environment 'dev' (line 6); each branch routes to one environment" },
        { Service + "environments:\n  production: { branch: refs/heads/main }\n", "pipeline.yml:6:25: environments.production.branch: write the branch name without 'refs/heads/' (for example 'main')" },
        { Service + "environments:\n  production: { branch: \"my branch\" }\n", "pipeline.yml:6:25: environments.production.branch: 'my branch' is not a valid branch name" },

        // health and notifications
        { Service + "environments:\n  dev: { branch: dev, health: { expectedStatus: 99 } }\n", "pipeline.yml:6:49: environments.dev.health.expectedStatus: must be between 100 and 599 (got 99)" },
        { Service + "notifications:\n  slack: \"%SLACK_WEBHOOK\"\n", "pipeline.yml:6:10: notifications.slack: '%SLACK_WEBHOOK' is not a setting reference; write %NAME% with letters, digits and '_' (quote it: \"%NAME%\")" },
        { Service + "notifications:\n  slack: http://hooks.example/x\n", "pipeline.yml:6:10: notifications.slack: must be an https:// incoming-webhook URL or a %SETTING% reference" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Reports_the_mistake_with_its_line_column_and_field(string yaml, string expected)
    {
        Assert.Equal([expected], PipelineYaml.Errors(yaml));
    }
}
