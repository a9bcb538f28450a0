namespace Serverless.Core.Pipelines;

/// <summary>Branch names and the simple globs environments may route by: <c>*</c> within a segment, <c>**</c> across segments.</summary>
public static class BranchPattern
{
    private const string HeadsPrefix = "refs/heads/";
    private const int MaxLength = 255;

    public static bool IsPattern(string branch) => branch.Contains('*');

    /// <summary>The branch a ref names (<c>refs/heads/x</c> or <c>x</c>); null for other refs such as tags.</summary>
    public static string? BranchName(string reference)
    {
        if (reference.StartsWith(HeadsPrefix, StringComparison.Ordinal))
            reference = reference[HeadsPrefix.Length..];
        else if (reference.StartsWith("refs/", StringComparison.Ordinal))
            return null;
        return reference.Length == 0 ? null : reference;
    }

    public static bool Matches(string pattern, string branch)
    {
        // One row of the usual wildcard table: row[j] says whether the pattern read so far matches branch[..j].
        var row = new bool[branch.Length + 1];
        row[0] = true;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*')
            {
                var crossesSegments = i + 1 < pattern.Length && pattern[i + 1] == '*';
                if (crossesSegments)
                    i++;
                for (var j = 1; j <= branch.Length; j++)
                    row[j] |= row[j - 1] && (crossesSegments || branch[j - 1] != '/');
            }
            else
            {
                for (var j = branch.Length; j >= 1; j--)
                    row[j] = row[j - 1] && branch[j - 1] == pattern[i];
                row[0] = false;
            }
        }
        return row[branch.Length];
    }

    /// <summary>Why <paramref name="branch"/> cannot be routed on, or null when it can.</summary>
    public static string? Problem(string branch)
    {
        if (branch.StartsWith("refs/", StringComparison.Ordinal))
            return $"write the branch name without '{(branch.StartsWith(HeadsPrefix, StringComparison.Ordinal) ? HeadsPrefix : "refs/")}' (for example 'main')";
        if (branch.Length > MaxLength)
            return $"a branch name is at most {MaxLength} characters";
        if (branch.Contains("***", StringComparison.Ordinal))
            return "use '*' (within a segment) or '**' (across segments), not '***'";
        if (branch.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '~' or '^' or ':' or '?' or '[' or '\\')
            || branch.Contains("..", StringComparison.Ordinal) || branch.Contains("//", StringComparison.Ordinal)
            || branch.Contains("@{", StringComparison.Ordinal) || branch[0] is '/' or '-' or '.'
            || branch[^1] is '/' or '.' || branch.EndsWith(".lock", StringComparison.Ordinal))
            return $"'{branch}' is not a valid branch name";
        return null;
    }
}
