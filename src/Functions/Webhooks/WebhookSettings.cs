using Microsoft.Extensions.Configuration;

namespace Serverless.Functions.Webhooks;

/// <summary>The GitHub webhook's secret and the largest body accepted (GitHub caps payloads at 25 MB).</summary>
public sealed record WebhookSettings(string? Secret, long MaxBodyBytes)
{
    public const string SecretSetting = "GITHUB_WEBHOOK_SECRET";
    public const long DefaultMaxBodyBytes = 25 * 1024 * 1024;

    public static WebhookSettings From(IConfiguration configuration) =>
        new(configuration[SecretSetting] is { Length: > 0 } secret ? secret : null,
            long.TryParse(configuration["PIPELINES_WEBHOOK_MAX_BYTES"], out var max) && max > 0 ? max : DefaultMaxBodyBytes);
}
