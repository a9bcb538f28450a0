using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>How stored payloads and times are shown: JSON stays JSON, anything else is shown as the raw string.</summary>
internal static class JsonPayloads
{
    public static JsonNode? Parse(string? stored)
    {
        if (stored is null) return null;
        var trimmed = stored.Trim();
        if (trimmed.Length == 0) return JsonValue.Create("");
        try
        {
            return JsonNode.Parse(trimmed);
        }
        catch (JsonException)
        {
            return JsonValue.Create(trimmed);
        }
    }

    /// <summary>Instance times: whole seconds, UTC (<c>2018-02-28T05:18:49Z</c>).</summary>
    public static string StatusTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>History times: full precision without trailing zeros, UTC (<c>2018-02-28T05:18:53.891081Z</c>).</summary>
    public static string HistoryTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
