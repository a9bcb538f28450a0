namespace Serverless.Core.Artifacts;

/// <summary>The one place that decides what an artifact name may be, so every store accepts the same names.</summary>
public static class ArtifactNames
{
    public const int MaxLength = 1024;
    public const char Separator = '/';

    /// <summary>Throws an <see cref="ArgumentException"/> naming the problem when <paramref name="name"/> is not a valid artifact name.</summary>
    public static void Validate(string name, string parameterName = "name")
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (Problem(name, allowTrailingSeparator: false) is { } problem)
        {
            throw new ArgumentException($"Artifact name '{name}' is invalid: {problem}.", parameterName);
        }
    }

    /// <summary>As <see cref="Validate"/>, but a prefix may end with '/' and, when <paramref name="allowEmpty"/>, be empty.</summary>
    public static void ValidatePrefix(string prefix, bool allowEmpty, string parameterName = "prefix")
    {
        ArgumentNullException.ThrowIfNull(prefix, parameterName);
        if (prefix.Length == 0)
        {
            if (!allowEmpty)
            {
                throw new ArgumentException("An empty artifact prefix is refused here: it would match every artifact.", parameterName);
            }

            return;
        }

        if (Problem(prefix, allowTrailingSeparator: true) is { } problem)
        {
            throw new ArgumentException($"Artifact prefix '{prefix}' is invalid: {problem}.", parameterName);
        }
    }

    /// <summary>Joins segments with '/', validating the result.</summary>
    public static string Combine(params string[] segments)
    {
        var name = string.Join(Separator, segments);
        Validate(name, nameof(segments));
        return name;
    }

    private static string? Problem(string name, bool allowTrailingSeparator)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "it is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return "use '/' to separate folders, not '\\'";
        }

        if (name[0] == Separator || Path.IsPathRooted(name) || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])))
        {
            return "it must be a relative path";
        }

        if (name.Any(char.IsControl))
        {
            return "it contains control characters";
        }

        var body = allowTrailingSeparator && name[^1] == Separator ? name[..^1] : name;
        foreach (var segment in body.Split(Separator))
        {
            switch (segment)
            {
                case "":
                    return "it has an empty folder name ('//' or a trailing '/')";
                case "." or "..":
                    return "'.' and '..' segments are not allowed";
            }
        }

        return null;
    }
}
