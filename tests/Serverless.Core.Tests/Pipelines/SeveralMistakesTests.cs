namespace Serverless.Core.Tests.Pipelines;

public sealed class SeveralMistakesTests
{
    [Fact]
    public void Every_mistake_is_reported_in_file_order()
    {
        var errors = PipelineYaml.Errors("""
            name: shop
            services:
              - name: api
                buidl: make
                port: 70000
              - name: api
                path: ../outside
                run: ./api
            checks:
              lint: dotnet format
              coverage: { minimum: 180 }
            scans:
              deps: builtin
              block: [critical, severe]
            environments:
              dev: { branch: dev, strategy: bluegreen, canary: { steps: [10] } }
              staging: { branch: dev, approvals: { required: 0, timeout: 24 hours } }
              production:
                branch: main
                strategy: canary
                canary: { steps: [10, 5, 50], interval: 15, maxErrorRate: abc, maxLatencyP95: 500 }
                smoke-tests: [curl $TARGET_URL]
            notifications: { slack: "http://x", pagerDuty: x }
            """);

        Assert.Equal(
        [
            "pipeline.yml:3:5: services[0].run: is required because environments deploy every service (dev, staging, production); give the command that starts it, which reads PORT",
            "pipeline.yml:4:5: services[0].buidl: unknown key; did you mean 'build'?",
            "pipeline.yml:5:11: services[0].port: must be between 1 and 65535 (got 70000)",
            "pipeline.yml:6:11: services[1].name: another service is already named 'api' (line 3)",
            "pipeline.yml:7:11: services[1].path: '../outside' must be a relative path inside the repository, without '..'",
            "pipeline.yml:11:24: checks.coverage.minimum: must be between 0% and 100% (got '180')",
            "pipeline.yml:13:9: scans.deps: 'builtin' is only available for 'secrets'; give a command that writes SARIF to standard output",
            "pipeline.yml:14:21: scans.block[1]: 'severe' is not a severity; use one of: critical, high, medium, low",
            "pipeline.yml:16:33: environments.dev.strategy: 'bluegreen' is not a strategy; use one of: rolling, blue-green, canary",
            "pipeline.yml:17:22: environments.staging.branch: branch 'dev' already deploys to environment 'dev' (line 16); each branch routes to one environment",
            "pipeline.yml:17:50: environments.staging.approvals.required: must be at least 1 (got 0)",
            "pipeline.yml:17:62: environments.staging.approvals.timeout: '24 hours' is not a duration; write a number and a unit, like 500ms, 30s, 15m, 24h or 1h30m",
            "pipeline.yml:21:27: environments.production.canary.steps[1]: must be greater than 10; steps only ever add traffic",
            "pipeline.yml:21:30: environments.production.canary.steps[2]: the last step must be 100, so the new version ends up with all traffic (got 50)",
            "pipeline.yml:21:45: environments.production.canary.interval: '15' is not a duration; write a number and a unit, like 500ms, 30s, 15m, 24h or 1h30m",
            "pipeline.yml:21:63: environments.production.canary.maxErrorRate: 'abc' is not a percentage; write it like 1% or 1",
            "pipeline.yml:21:83: environments.production.canary.maxLatencyP95: '500' is not a duration; write a number and a unit, like 500ms, 30s, 15m, 24h or 1h30m",
            "pipeline.yml:22:5: environments.production.smoke-tests: unknown key; did you mean 'smokeTests'?",
            "pipeline.yml:23:25: notifications.slack: must be an https:// incoming-webhook URL or a %SETTING% reference",
            "pipeline.yml:23:37: notifications.pagerDuty: unknown key; did you mean 'pagerduty'?",
        ], errors);
    }
}
