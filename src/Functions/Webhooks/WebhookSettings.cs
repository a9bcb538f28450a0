using Microsoft.Extensions.Configuration;

namespace Serverless.Functions.Webhooks;

/// <summary>The GitHub webhook's secret and the largest body accepted (GitHub caps payloads at 25 MB).</summary>
public sealed record WebhookSettings(string? Secret, long MaxBodyBytes)
{
    public const string SecretSetting = "GITHUB_WEBHOOK_SECRET";
    public const string MaxBodyBytesSetting = "PIPELINES_WEBHOOK_MAX_BYTES";
    public const long DefaultMaxBodyBytes = 25 * 1024 * 1024;

    /// <exception cref="InvalidOperationException">The size limit is set but is not a positive whole number.</exception>
    public static WebhookSettings From(IConfiguration configuration)
    {
        var max = DefaultMaxBodyBytes;
        if (configuration[MaxBodyBytesSetting] is { Length: > 0 } text && (!long.TryParse(text, out max) || max <= 0))
            throw new InvalidOperationException($"{MaxBodyBytesSetting} must be a positive whole number of bytes (was '{text}').");
        return new(configuration[SecretSetting] is { Length: > 0 } secret ? secret : null, max);
    }
}
