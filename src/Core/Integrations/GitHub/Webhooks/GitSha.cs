namespace Serverless.Core.Integrations.GitHub;

internal static class GitSha
{
    public const int Length = 40;

    public static bool IsFull(string? value) =>
        value is { Length: Length } && value.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;
}
