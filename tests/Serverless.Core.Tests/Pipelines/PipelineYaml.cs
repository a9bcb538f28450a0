using Serverless.Core.Pipelines;

namespace Serverless.Core.Tests.Pipelines;

internal static class PipelineYaml
{
    /// <summary>The example from DESIGN.md §5.1, as users see it.</summary>
    public const string DesignExample = """
        name: incident-assistant
        services:                       # built in parallel (matrix)
          - name: user-service
            path: services/user
            build: dotnet publish -c Release -o out
            test: dotnet test
            run: dotnet out/UserService.dll      # how the local target starts it; reads PORT
            health: /health
        checks:                         # quality gates, run in parallel before builds
          lint: dotnet format --verify-no-changes
          unit: dotnet test
          coverage: { minimum: 80 }
        scans:                          # parallel; each yields SARIF or uses the built-in scanner
          secrets: builtin
          dependencies: npm audit --json
          block: [critical, high]        # fail the gate at these severities
        environments:
          dev:        { branch: dev,     strategy: rolling,    target: local }
          staging:    { branch: staging, strategy: blue-green, approvals: { required: 2, timeout: 24h }, tests: [integration, performance] }
          production: { branch: main,    strategy: canary,     approvals: { required: 3, timeout: 72h, approvers: [team:release] },
                        canary: { steps: [10, 50, 100], interval: 15m, maxErrorRate: 1%, maxLatencyP95: 500ms } }
        notifications: { slack: "%SLACK_WEBHOOK_URL%", pagerduty: "%PAGERDUTY_ROUTING_KEY%" }
        """;

    public static PipelineDefinition Valid(string yaml)
    {
        var result = PipelineParser.Parse(yaml);
        Assert.True(result.Succeeded, result.ToString());
        return result.Definition;
    }

    /// <summary>The errors as a user reads them, one line each.</summary>
    public static string[] Errors(string yaml)
    {
        var result = PipelineParser.Parse(yaml);
        Assert.False(result.Succeeded, "expected errors, but the file parsed");
        Assert.Null(result.Definition);
        return [.. result.Errors.Select(e => e.ToString())];
    }
}
