namespace Serverless.Core.Integrations.Local.Runner;

internal static class CommitShas
{
    /// <summary>A full commit id (40 hex digits, or 64 for SHA-256 repositories) in lower case; abbreviations are refused.</summary>
    public static string Normalize(string commitSha, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(commitSha, parameterName);
        if (commitSha.Length is not (40 or 64) || !commitSha.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"'{commitSha}' is not a full commit id (40 or 64 hexadecimal digits).", parameterName);
        }

        return commitSha.ToLowerInvariant();
    }
}
