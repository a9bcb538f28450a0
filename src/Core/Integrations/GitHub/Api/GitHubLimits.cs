namespace Serverless.Core.Integrations.GitHub;

public static class GitHubLimits
{
    /// <summary>Commit and deployment status descriptions; longer ones get 422 "description is too long".</summary>
    public const int StatusDescriptionLength = 140;

    private const string Ellipsis = "…";

    /// <summary>Cuts <paramref name="text"/> to <paramref name="maxLength"/> characters with an ellipsis, never splitting a surrogate pair.</summary>
    public static string? Truncate(string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength) return text;
        var keep = maxLength - Ellipsis.Length;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
        return string.Concat(text.AsSpan(0, Math.Max(keep, 0)), Ellipsis);
    }
}
