using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Core.Pipelines;

/// <summary>Durations as pipeline.yml writes them: <c>500ms</c>, <c>30s</c>, <c>15m</c>, <c>24h</c>, <c>7d</c>, <c>1h30m</c>.</summary>
public static partial class DurationSyntax
{
    public const string Examples = "500ms, 30s, 15m, 24h or 1h30m";

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var match = Duration().Match(text);
        if (!match.Success || match.Length == 0)
            return false;
        try
        {
            var ticks = checked(Part(match, "d") * TimeSpan.TicksPerDay + Part(match, "h") * TimeSpan.TicksPerHour
                + Part(match, "m") * TimeSpan.TicksPerMinute + Part(match, "s") * TimeSpan.TicksPerSecond
                + Part(match, "ms") * TimeSpan.TicksPerMillisecond);
            value = TimeSpan.FromTicks(ticks);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The shortest text <see cref="TryParse"/> reads back as <paramref name="value"/> (to the millisecond).</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
            return "-" + Format(value.Negate());
        var text = new StringBuilder();
        Append(text, (long)value.TotalDays, "d");
        Append(text, value.Hours, "h");
        Append(text, value.Minutes, "m");
        Append(text, value.Seconds, "s");
        Append(text, value.Milliseconds, "ms");
        return text.Length == 0 ? "0s" : text.ToString();
    }

    private static long Part(Match match, string unit)
    {
        var group = match.Groups[unit];
        return group.Success ? long.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
    }

    private static void Append(StringBuilder text, long amount, string unit)
    {
        if (amount != 0)
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
    }

    [GeneratedRegex(@"^(?:(?<d>\d{1,9})d)?(?:(?<h>\d{1,9})h)?(?:(?<m>\d{1,9})m(?!s))?(?:(?<s>\d{1,9})s)?(?:(?<ms>\d{1,9})ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
