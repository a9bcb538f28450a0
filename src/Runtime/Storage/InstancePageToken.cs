using System.Globalization;
using System.Text;

namespace Serverless.Runtime.Storage;

/// <summary>The continuation token of an instance query: the (CreatedAt, InstanceId) of the last instance returned.</summary>
internal readonly record struct InstancePageToken(long CreatedTicks, string InstanceId)
{
    public static string Format(InstanceRecord last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{last.InstanceId}"));

    public static InstancePageToken? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
                return new InstancePageToken(ticks, text[(bar + 1)..]);
        }
        catch (FormatException)
        {
        }
        throw new ArgumentException("The continuation token is not one this store issued.", nameof(token));
    }

    public static bool IsBefore(InstanceRecord record, InstancePageToken token)
    {
        var ticks = record.CreatedAt.UtcTicks;
        return ticks < token.CreatedTicks || (ticks == token.CreatedTicks && string.CompareOrdinal(record.InstanceId, token.InstanceId) < 0);
    }

    public static bool IsAfter(InstanceRecord record, InstancePageToken token)
    {
        var ticks = record.CreatedAt.UtcTicks;
        return ticks > token.CreatedTicks || (ticks == token.CreatedTicks && string.CompareOrdinal(record.InstanceId, token.InstanceId) > 0);
    }
}
