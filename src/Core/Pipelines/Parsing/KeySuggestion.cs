namespace Serverless.Core.Pipelines.Parsing;

/// <summary>"did you mean" for misspelt keys: the closest allowed key, ignoring case, '-' and '_'.</summary>
internal static class KeySuggestion
{
    public static string UnknownKey(string key, IReadOnlyList<string> allowedKeys) =>
        Closest(key, allowedKeys) is { } suggestion
            ? $"unknown key; did you mean '{suggestion}'?"
            : $"unknown key; expected one of: {string.Join(", ", allowedKeys)}";

    public static string? Closest(string key, IEnumerable<string> candidates)
    {
        var normalized = Normalize(key);
        if (normalized.Length > 64)
            return null;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(normalized, Normalize(candidate));
            if (distance < bestDistance)
                (best, bestDistance) = (candidate, distance);
        }
        var tolerance = normalized.Length <= 4 ? 1 : normalized.Length <= 8 ? 2 : 3;
        return bestDistance <= tolerance ? best : null;
    }

    private static string Normalize(string key) => key.Replace("-", "").Replace("_", "").ToLowerInvariant();

    /// <summary>Optimal string alignment distance: edits, with a swap of neighbours counting as one.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
