using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// A step's history events are stored as one row: their JSON joined by newlines (compact JSON never contains a raw
/// newline; one inside a string is escaped). One insert per step rather than one per event.
/// </summary>
internal static class HistoryChunk
{
    public static string? Join(IReadOnlyList<HistoryEvent> events) =>
        events.Count == 0 ? null : string.Join('\n', events.Select(HistoryJson.Serialize));

    public static void Read(string chunk, List<HistoryEvent> into)
    {
        foreach (var line in chunk.AsSpan().Split('\n'))
            into.Add(HistoryJson.Deserialize(chunk[line]));
    }

    public static List<HistoryEvent> Read(IEnumerable<string> chunks)
    {
        var events = new List<HistoryEvent>();
        foreach (var chunk in chunks) Read(chunk, events);
        return events;
    }
}
