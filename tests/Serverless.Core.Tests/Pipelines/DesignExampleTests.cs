using System.Text.Json;
using Serverless.Core.Pipelines;
using Serverless.Core.Security;

namespace Serverless.Core.Tests.Pipelines;

public sealed class DesignExampleTests
{
    private readonly PipelineDefinition pipeline = PipelineYaml.Valid(PipelineYaml.DesignExample);

    [Fact]
    public void Service_keeps_its_commands_and_gets_default_timeouts()
    {
        Assert.Equal("incident-assistant", pipeline.Name);
        var service = Assert.Single(pipeline.Services);
        Assert.Equal("user-service", service.Name);
        Assert.Equal("services/user", service.Path);
        Assert.Equal(new CommandStep { Name = "build", Command = "dotnet publish -c Release -o out", Timeout = TimeSpan.FromMinutes(10) }, service.Build);
        Assert.Equal(new CommandStep { Name = "test", Command = "dotnet test", Timeout = TimeSpan.FromMinutes(10) }, service.Test);
        Assert.Equal("dotnet out/UserService.dll", service.Run);
        Assert.Equal("/health", service.Health);
        Assert.Null(service.Port);
    }

    [Fact]
    public void Checks_are_named_steps_and_coverage_keeps_its_minimum()
    {
        Assert.Equal(
            [new CommandStep { Name = "lint", Command = "dotnet format --verify-no-changes" }, new CommandStep { Name = "unit", Command = "dotnet test" }],
            pipeline.Checks.Steps);
        Assert.Equal(80, pipeline.Checks.Coverage?.Minimum);
    }

    [Fact]
    public void Scans_use_the_builtin_secret_scanner_and_npm_audit()
    {
        Assert.Collection(pipeline.Scans.Scanners,
            secrets =>
            {
                Assert.Equal("secrets", secrets.Name);
                Assert.True(secrets.IsBuiltin);
                Assert.Null(secrets.Step);
            },
            dependencies =>
            {
                Assert.Equal("dependencies", dependencies.Name);
                Assert.False(dependencies.IsBuiltin);
                Assert.Equal(new CommandStep { Name = "dependencies", Command = "npm audit --json" }, dependencies.Step);
                Assert.Equal(ScanReportFormat.NpmAudit, dependencies.Format);
            });
        Assert.Equal([Severity.Critical, Severity.High], pipeline.Scans.Block);
    }

    [Fact]
    public void Dev_deploys_rolling_to_local_without_approvals()
    {
        var dev = pipeline.Environments[0];
        Assert.Equal(("dev", "dev", DeploymentStrategy.Rolling, "local"), (dev.Name, dev.Branch, dev.Strategy, dev.Target));
        Assert.Null(dev.Approvals);
        Assert.Null(dev.Canary);
        Assert.Empty(dev.Tests);
        Assert.Empty(dev.SmokeTests);
        Assert.Equal(new HealthCheckDefinition { Path = null, Timeout = TimeSpan.FromMinutes(5), ExpectedStatus = 200 }, dev.Health);
    }

    [Fact]
    public void Staging_is_blue_green_behind_two_approvals_and_runs_its_tests_as_commands()
    {
        var staging = pipeline.Environments[1];
        Assert.Equal(("staging", "staging", DeploymentStrategy.BlueGreen, "local"), (staging.Name, staging.Branch, staging.Strategy, staging.Target));
        Assert.Equal(2, staging.Approvals?.Required);
        Assert.Equal(TimeSpan.FromHours(24), staging.Approvals?.Timeout);
        Assert.Empty(staging.Approvals!.Approvers);
        Assert.Null(staging.Approvals.Remind);
        Assert.Equal(
            [new CommandStep { Name = "integration", Command = "integration" }, new CommandStep { Name = "performance", Command = "performance" }],
            staging.Tests);
        Assert.Null(staging.Canary);
    }

    [Fact]
    public void Production_is_a_canary_behind_three_approvals_from_the_release_team()
    {
        var production = pipeline.Environments[2];
        Assert.Equal(("production", "main", DeploymentStrategy.Canary), (production.Name, production.Branch, production.Strategy));
        Assert.Equal(3, production.Approvals?.Required);
        Assert.Equal(TimeSpan.FromHours(72), production.Approvals?.Timeout);
        Assert.Equal(["team:release"], production.Approvals!.Approvers);
        Assert.Equal(["release"], production.Approvals.Teams);
        Assert.Empty(production.Approvals.Users);
        var canary = production.Canary!;
        Assert.Equal([10, 50, 100], canary.Steps);
        Assert.Equal(TimeSpan.FromMinutes(15), canary.Interval);
        Assert.Equal(1, canary.MaxErrorRate);
        Assert.Equal(TimeSpan.FromMilliseconds(500), canary.MaxLatencyP95);
    }

    [Fact]
    public void Notifications_keep_setting_references_as_written()
    {
        Assert.Equal(new NotificationsDefinition { Slack = "%SLACK_WEBHOOK_URL%", PagerDuty = "%PAGERDUTY_ROUTING_KEY%" }, pipeline.Notifications);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Survives_a_json_round_trip_as_an_orchestration_input(bool webDefaults)
    {
        var options = webDefaults ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : JsonSerializerOptions.Default;
        var json = JsonSerializer.Serialize(pipeline, options);
        var copy = JsonSerializer.Deserialize<PipelineDefinition>(json, options)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy, options));
        Assert.Contains("\"BlueGreen\"", json, StringComparison.Ordinal);
        Assert.Equal(pipeline.Environments[2].Canary!.MaxLatencyP95, copy.Environments[2].Canary!.MaxLatencyP95);
        Assert.Equal("staging", copy.EnvironmentForBranch("staging")?.Name);
    }

    [Fact]
    public void Parse_result_survives_a_json_round_trip()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var failed = PipelineParser.Parse("name: x\n");
        var copy = JsonSerializer.Deserialize<PipelineParseResult>(JsonSerializer.Serialize(failed, options), options)!;

        Assert.False(copy.Succeeded);
        Assert.Equal(failed.Errors, copy.Errors);
    }
}
