using System.Net;

namespace Serverless.Core.Integrations.GitHub;

/// <summary>One entry of a 422 response's <c>errors</c> array.</summary>
public sealed record GitHubApiError(string? Resource, string? Field, string? Code, string? Message);

/// <summary>GitHub answered with an error that retrying will not fix (or kept failing after the retries).</summary>
public sealed class GitHubApiException : Exception
{
    public GitHubApiException(HttpStatusCode statusCode, string apiMessage, IReadOnlyList<GitHubApiError>? errors = null, string? documentationUrl = null)
        : base(Describe(statusCode, apiMessage, errors ?? []))
    {
        StatusCode = statusCode;
        ApiMessage = apiMessage;
        Errors = errors ?? [];
        DocumentationUrl = documentationUrl;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The response's <c>message</c>, e.g. <c>Bad credentials</c> or <c>Validation Failed</c>.</summary>
    public string ApiMessage { get; }

    public IReadOnlyList<GitHubApiError> Errors { get; }

    public string? DocumentationUrl { get; }

    private static string Describe(HttpStatusCode statusCode, string apiMessage, IReadOnlyList<GitHubApiError> errors)
    {
        var details = errors.Select(e => e.Message ?? $"{e.Resource}.{e.Field} {e.Code}").ToList();
        var text = $"GitHub API answered {(int)statusCode} {apiMessage}";
        return details.Count == 0 ? text + "." : $"{text}: {string.Join("; ", details)}.";
    }
}
