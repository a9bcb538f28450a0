using System.Text;
using System.Text.Json;

namespace Serverless.Runtime.Durable;

/// <summary>Turns inputs and outputs into the JSON strings kept in history, and back.</summary>
public sealed class DataConverter(JsonSerializerOptions options, int maxPayloadBytes)
{
    public static JsonSerializerOptions DefaultSerializerOptions { get; } = new(JsonSerializerDefaults.Web);

    public int MaxPayloadBytes { get; } = maxPayloadBytes;

    /// <summary>Serializes <paramref name="value"/>; null stays null. Throws <see cref="PayloadTooLargeException"/> over the limit.</summary>
    public string? Serialize(object? value, string what)
    {
        if (value is null) return null;
        var json = JsonSerializer.Serialize(value, value.GetType(), options);
        CheckSize(json, what);
        return json;
    }

    public void CheckSize(string? json, string what)
    {
        if (json is null || json.Length <= MaxPayloadBytes / 3) return;
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > MaxPayloadBytes) throw new PayloadTooLargeException(what, bytes, MaxPayloadBytes);
    }

    public object? Deserialize(string? json, Type type) =>
        json is null ? null : JsonSerializer.Deserialize(json, type, options);

    public T? Deserialize<T>(string? json) =>
        json is null ? default : JsonSerializer.Deserialize<T>(json, options);
}
