using Microsoft.Extensions.Configuration;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Pipelines;

/// <summary>Where pipelines keep their files and how runs link back to this host.</summary>
public sealed record PipelineSettings(string WorkspacesDirectory, string ReleasesDirectory, Uri PublicBaseUrl)
{
    public const string PublicUrlSetting = "PIPELINES_PUBLIC_URL";

    public static PipelineSettings From(IConfiguration configuration, FunctionsHostOptions host)
    {
        var publicUrl = configuration[PublicUrlSetting] is { Length: > 0 } url ? new Uri(url.TrimEnd('/') + "/") : new Uri($"http://localhost:{host.Port}/");
        return new PipelineSettings(
            Path.Combine(host.DataDirectory, "workspaces"),
            Path.Combine(host.DataDirectory, "releases"),
            publicUrl);
    }

    /// <summary>The run API's URL for a run (needs the function key).</summary>
    public Uri RunUrl(string runId) => new(PublicBaseUrl, $"api/runs/{Uri.EscapeDataString(runId)}");

    /// <summary>The run's page on the dashboard: what people follow from GitHub and Slack.</summary>
    public Uri RunPageUrl(string runId) => new(PublicBaseUrl, $"#/runs/{Uri.EscapeDataString(runId)}");

    public string WorkspaceFor(string runId) => Path.Combine(WorkspacesDirectory, runId);
}
