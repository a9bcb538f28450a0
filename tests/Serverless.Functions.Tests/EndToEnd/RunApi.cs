using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing.Local;

namespace Serverless.Functions.Tests.EndToEnd;

/// <summary>What the end-to-end tests do through the host's HTTP surface: push, wait for a run, read a port.</summary>
public static class RunApi
{
    /// <summary>Sends a signed push webhook and returns the run it started.</summary>
    public static async Task<string> PushAsync(HttpClient http, string secret, string repository, string branch, string before, string after, string message)
    {
        using var request = SignedWebhooks.Create("push", SignedWebhooks.Push(repository, branch, before, after, message), secret);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"webhook answered {(int)response.StatusCode}: {body}");
        return body.GetProperty("runId").GetString()!;
    }

    /// <summary>Polls GET /api/runs/{id} until the run has finished; returns its detail.</summary>
    public static async Task<JsonElement> WaitForRunAsync(HttpClient http, string runId)
    {
        JsonElement run = default;
        await Eventually.TrueAsync(async () =>
        {
            run = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
            return run.GetProperty("run").GetProperty("status").GetString() is not ("Running" or "Queued");
        }, $"run {runId} finishes", TimeSpan.FromMinutes(2));
        return run;
    }

    /// <summary>The version the hello-service on an environment's public port says it is.</summary>
    public static async Task<string?> VersionOnPortAsync(int port)
    {
        using var client = new HttpClient();
        var page = await client.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{port}/");
        return page.GetProperty("version").GetString();
    }

    /// <summary>samples/hello-service as files to commit (path → content), without build output.</summary>
    public static Dictionary<string, string> SampleFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.HelloService, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}out{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(RepositoryPaths.HelloService, f), File.ReadAllText);
}
