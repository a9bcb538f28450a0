using System.Net;
using System.Text;
using System.Text.Json;

namespace Serverless.Core.Integrations.GitHub;

/// <summary>Turns an error response (JSON with <c>message</c>, or the plain text some edges send) into a <see cref="GitHubApiException"/>.</summary>
internal static class GitHubErrorResponse
{
    private const int MaxPlainTextLength = 300;

    public static GitHubApiException ToException(HttpStatusCode status, byte[] body, string? reasonPhrase, string? token)
    {
        var (message, errors, documentationUrl) = Read(body, reasonPhrase);
        return new GitHubApiException(status, Scrub(message, token), errors.Select(e => e with { Message = ScrubNullable(e.Message, token) }).ToList(), documentationUrl);
    }

    private static (string Message, IReadOnlyList<GitHubApiError> Errors, string? DocumentationUrl) Read(byte[] body, string? reasonPhrase)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                return (message.GetString()!, ReadErrors(root), StringOrNull(root, "documentation_url"));
        }
        catch (JsonException)
        {
        }
        var text = Encoding.UTF8.GetString(body).Trim();
        if (text.Length == 0) return (reasonPhrase ?? "(no message)", [], null);
        return (text.Length > MaxPlainTextLength ? text[..MaxPlainTextLength] + "…" : text, [], null);
    }

    private static List<GitHubApiError> ReadErrors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array) return [];
        return errors.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object
                ? new GitHubApiError(StringOrNull(e, "resource"), StringOrNull(e, "field"), StringOrNull(e, "code"), StringOrNull(e, "message"))
                : new GitHubApiError(null, null, null, e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()))
            .ToList();
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Scrub(string text, string? token) =>
        string.IsNullOrEmpty(token) ? text : text.Replace(token, "***", StringComparison.Ordinal);

    private static string? ScrubNullable(string? text, string? token) => text is null ? null : Scrub(text, token);
}
