using Serverless.Core.Pipelines;
using Serverless.Core.Security;

namespace Serverless.Core.Tests.Pipelines;

public sealed class DefaultsTests
{
    [Fact]
    public void A_pipeline_with_only_a_name_and_a_service_gets_every_default()
    {
        var pipeline = PipelineYaml.Valid("""
            name: shop
            services:
              - name: api
            """);

        var service = Assert.Single(pipeline.Services);
        Assert.Equal(new ServiceDefinition { Name = "api", Path = ".", Health = "/health" }, service);
        Assert.Empty(pipeline.Checks.Steps);
        Assert.Null(pipeline.Checks.Coverage);
        Assert.Empty(pipeline.Scans.Scanners);
        Assert.Equal([Severity.Critical, Severity.High], pipeline.Scans.Block);
        Assert.Empty(pipeline.Environments);
        Assert.Equal(new NotificationsDefinition(), pipeline.Notifications);
    }

    [Fact]
    public void An_environment_with_only_a_branch_deploys_rolling_to_local_without_approvals()
    {
        var environment = Assert.Single(PipelineYaml.Valid("""
            name: shop
            services:
              - name: api
                run: ./api
            environments:
              dev: { branch: dev }
            """).Environments);

        Assert.Equal(DeploymentStrategy.Rolling, environment.Strategy);
        Assert.Equal("local", environment.Target);
        Assert.Null(environment.Approvals);
        Assert.Equal(new HealthCheckDefinition { Path = null, Timeout = TimeSpan.FromMinutes(5), ExpectedStatus = 200 }, environment.Health);
        Assert.Null(environment.Canary);
    }

    [Theory]
    [InlineData("production", 3, 72)]
    [InlineData("Production", 3, 72)]
    [InlineData("staging", 2, 24)]
    [InlineData("qa", 1, 24)]
    public void Empty_approvals_take_their_quorum_and_timeout_from_the_environment_name(string environment, int required, int hours)
    {
        var approvals = PipelineYaml.Valid($$"""
            name: shop
            services:
              - name: api
                run: ./api
            environments:
              {{environment}}: { branch: x, approvals: {} }
            """).Environments[0].Approvals!;

        Assert.Equal((required, TimeSpan.FromHours(hours)), (approvals.Required, approvals.Timeout));
        Assert.Empty(approvals.Approvers);
        Assert.Null(approvals.Remind);
    }

    [Fact]
    public void Approvals_that_give_only_a_count_keep_the_default_timeout()
    {
        var approvals = PipelineYaml.Valid("""
            name: shop
            services:
              - name: api
                run: ./api
            environments:
              production: { branch: main, approvals: { required: 5, approvers: [team:release], remind: 4h } }
            """).Environments[0].Approvals!;

        Assert.Equal((5, TimeSpan.FromHours(72), TimeSpan.FromHours(4)), (approvals.Required, approvals.Timeout, approvals.Remind));
    }

    [Fact]
    public void A_canary_without_settings_steps_10_50_100_every_5_minutes_and_allows_5_percent_errors()
    {
        var canary = PipelineYaml.Valid("""
            name: shop
            services:
              - name: api
                run: ./api
            environments:
              production: { branch: main, strategy: canary }
            """).Environments[0].Canary!;

        Assert.Equal([10, 50, 100], canary.Steps);
        Assert.Equal(TimeSpan.FromMinutes(5), canary.Interval);
        Assert.Equal(5, canary.MaxErrorRate);
        Assert.Null(canary.MaxLatencyP95);
    }

    [Fact]
    public void Long_forms_set_timeouts_formats_and_health_settings()
    {
        var pipeline = PipelineYaml.Valid("""
            name: shop
            services:
              - name: api
                path: src/Api
                build: { command: make build, timeout: 20m }
                run: ./api
                health: /healthz
                port: 5080
            checks:
              unit: { command: dotnet test, timeout: 1h30m }
            scans:
              containers: { command: trivy image --format sarif api, timeout: 15m }
              audit: { command: ./audit.sh, format: npm-audit }
            environments:
              staging:
                branch: release/*
                strategy: blue-green
                target: ecs
                tests: [unit, { name: e2e, command: npm run e2e, timeout: 30m }]
                smokeTests: [curl -f $TARGET_URL/healthz]
                health: { path: /ready, timeout: 2m, expectedStatus: 204 }
            """);

        var api = pipeline.Services[0];
        Assert.Equal(new CommandStep { Name = "build", Command = "make build", Timeout = TimeSpan.FromMinutes(20) }, api.Build);
        Assert.Equal(("src/Api", "/healthz", 5080), (api.Path, api.Health, api.Port));
        Assert.Equal(TimeSpan.FromMinutes(90), pipeline.Checks.Steps[0].Timeout);
        Assert.Equal(
            [("containers", ScanReportFormat.Sarif, TimeSpan.FromMinutes(15)), ("audit", ScanReportFormat.NpmAudit, TimeSpan.FromMinutes(10))],
            pipeline.Scans.Scanners.Select(s => (s.Name, s.Format, s.Step!.Timeout)));
        var staging = pipeline.Environments[0];
        Assert.Equal(("release/*", "ecs"), (staging.Branch, staging.Target));
        Assert.Equal(
            [new CommandStep { Name = "unit", Command = "dotnet test", Timeout = TimeSpan.FromMinutes(90) },
             new CommandStep { Name = "e2e", Command = "npm run e2e", Timeout = TimeSpan.FromMinutes(30) }],
            staging.Tests);
        Assert.Equal([new CommandStep { Name = "curl -f $TARGET_URL/healthz", Command = "curl -f $TARGET_URL/healthz" }], staging.SmokeTests);
        Assert.Equal(new HealthCheckDefinition { Path = "/ready", Timeout = TimeSpan.FromMinutes(2), ExpectedStatus = 204 }, staging.Health);
    }

    [Fact]
    public void Names_of_enum_values_are_read_case_insensitively_and_block_can_be_emptied()
    {
        var pipeline = PipelineYaml.Valid("""
            name: shop
            services:
              - name: api
                run: ./api
            scans:
              block: []
            environments:
              dev: { branch: dev, strategy: Blue-Green, health: /ping }
            """);

        Assert.Empty(pipeline.Scans.Block);
        Assert.Equal(DeploymentStrategy.BlueGreen, pipeline.Environments[0].Strategy);
        Assert.Equal("/ping", pipeline.Environments[0].Health.Path);
    }
}
