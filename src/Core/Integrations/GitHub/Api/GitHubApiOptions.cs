using Microsoft.Extensions.Configuration;

namespace Serverless.Core.Integrations.GitHub;

/// <summary>Where and how <see cref="GitHubApiClient"/> calls the GitHub REST API.</summary>
public sealed record GitHubApiOptions
{
    public const string BaseUrlSetting = "GITHUB_API_URL";
    public const string TokenSetting = "GITHUB_TOKEN";
    public const string ApiVersion = "2022-11-28";
    public const string DefaultUserAgent = "serverless-pipelines";
    public const int DefaultMaxRetryAttempts = 3;
    public static readonly Uri DefaultBaseUrl = new("https://api.github.com");
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>The API root; for GitHub Enterprise Server, <c>https://HOST/api/v3</c>.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>A personal access, GitHub App installation or Actions token, sent as <c>Authorization: Bearer</c>.</summary>
    public string? Token { get; init; }

    /// <summary>GitHub refuses requests without a <c>User-Agent</c> (403).</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Retries after a 5xx, a 429 or a rate-limited 403; zero turns retries off.</summary>
    public int MaxRetryAttempts { get; init; } = DefaultMaxRetryAttempts;

    /// <summary>First backoff when the response gives no <c>Retry-After</c>; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = DefaultRetryBaseDelay;

    /// <summary>A rate limit that asks for a longer wait than this fails at once instead of holding the caller.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = DefaultMaxRetryDelay;

    public bool HasToken => !string.IsNullOrWhiteSpace(Token);

    /// <summary>Reads <c>GITHUB_API_URL</c> and <c>GITHUB_TOKEN</c>; other fields keep their defaults.</summary>
    /// <exception cref="InvalidOperationException">One message naming every bad setting.</exception>
    public static GitHubApiOptions FromConfiguration(IConfiguration configuration)
    {
        var errors = new List<string>();
        var baseUrl = DefaultBaseUrl;
        if (configuration[BaseUrlSetting] is { Length: > 0 } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var parsed)) baseUrl = parsed;
            else errors.Add($"{BaseUrlSetting} must be an absolute http(s) URL (was '{url}').");
        }
        var options = new GitHubApiOptions { BaseUrl = baseUrl, Token = configuration[TokenSetting] };
        errors.AddRange(options.Validate());
        if (errors.Count > 0) throw new InvalidOperationException("GitHub API settings are invalid: " + string.Join(" ", errors.Distinct()));
        return options;
    }

    /// <summary>Every problem with these options, each naming its field; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https"))
            errors.Add($"{BaseUrlSetting} must be an absolute http(s) URL (was '{BaseUrl}').");
        if (string.IsNullOrWhiteSpace(UserAgent)) errors.Add("UserAgent must not be empty: GitHub refuses requests without one.");
        if (Token is { } token && (token.Length == 0 || token.Any(char.IsWhiteSpace)))
            errors.Add($"{TokenSetting} must be a single token without spaces.");
        if (MaxRetryAttempts < 0) errors.Add($"MaxRetryAttempts must be zero or more (was {MaxRetryAttempts}).");
        if (RetryBaseDelay < TimeSpan.Zero) errors.Add($"RetryBaseDelay must not be negative (was {RetryBaseDelay}).");
        if (MaxRetryDelay < TimeSpan.Zero) errors.Add($"MaxRetryDelay must not be negative (was {MaxRetryDelay}).");
        return errors;
    }
}
