using System.Text.RegularExpressions;

namespace Serverless.Core.Security.Secrets;

/// <summary>
/// The parsed <c>.secretsignore</c>. Each line is one of: a gitignore-style path pattern (skip those files),
/// <c>path:line</c> (silence findings on that line), or a finding's fingerprint (silence that finding wherever it is).
/// Blank lines and lines starting with <c>#</c> are ignored.
/// </summary>
internal sealed partial class SecretAllowlist
{
    private readonly List<GlobPattern> patterns = [];
    private readonly HashSet<(string File, int Line)> lines = [];
    private readonly HashSet<string> fingerprints = new(StringComparer.Ordinal);

    public static SecretAllowlist Empty { get; } = new();

    public static SecretAllowlist Parse(string text)
    {
        var allowlist = new SecretAllowlist();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ', '\t');
            if (line.TrimStart().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (Fingerprints.IsFingerprint(line.Trim()))
            {
                allowlist.fingerprints.Add(line.Trim().ToLowerInvariant());
            }
            else if (PathAndLine().Match(line.Trim()) is { Success: true } match)
            {
                allowlist.lines.Add((NormalizePath(match.Groups["path"].Value), int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                allowlist.patterns.Add(GlobPattern.Parse(line));
            }
        }
        return allowlist;
    }

    /// <summary>Whether a file or directory is excluded from scanning; the last matching pattern wins, as in gitignore.</summary>
    public bool IsIgnored(string path, bool isDirectory)
    {
        var ignored = false;
        foreach (var pattern in patterns)
        {
            if (pattern.Negated == ignored && pattern.Matches(path, isDirectory))
            {
                ignored = !pattern.Negated;
            }
        }
        return ignored;
    }

    public bool Silences(SecretFinding finding) =>
        fingerprints.Contains(finding.Fingerprint) || lines.Contains((finding.File, finding.Line));

    private static string NormalizePath(string path)
    {
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }
        return normalized.TrimStart('/');
    }

    [GeneratedRegex(@"^(?<path>[^*?\[\]:]+):(?<line>[1-9][0-9]{0,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex PathAndLine();
}
