using System.Text.Json;

namespace Serverless.Core.Integrations.GitHub;

/// <summary>A JSON object inside a webhook payload together with its path, so every error names the field.</summary>
internal readonly record struct PayloadNode(JsonElement Element, string Path, string EventName)
{
    public static PayloadNode Root(JsonElement element, string eventName)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new GitHubWebhookFormatException(GitHubWebhookFormatError.InvalidField, "$",
                $"The {eventName} payload must be a JSON object, not {Describe(element.ValueKind)}.");
        return new PayloadNode(element, "", eventName);
    }

    public PayloadNode Object(string name) =>
        OptionalObject(name) ?? throw Missing(name);

    public PayloadNode? OptionalObject(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Object) throw Invalid(name, "an object", value);
        return new PayloadNode(value, PathOf(name), EventName);
    }

    public string String(string name) => OptionalString(name) ?? throw Missing(name);

    public string? OptionalString(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String) throw Invalid(name, "a string", value);
        return value.GetString();
    }

    public bool Boolean(string name) => OptionalBoolean(name) ?? throw Missing(name);

    public bool? OptionalBoolean(string name)
    {
        if (!TryGet(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(name, "true or false", value),
        };
    }

    public long Int64(string name)
    {
        if (!TryGet(name, out var value)) throw Missing(name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number)) throw Invalid(name, "an integer", value);
        return number;
    }

    public int Int32(string name)
    {
        var number = Int64(name);
        if (number is < int.MinValue or > int.MaxValue) throw Invalid(name, "a 32-bit integer");
        return (int)number;
    }

    public int ArrayLength(string name)
    {
        if (!TryGet(name, out var value)) throw Missing(name);
        if (value.ValueKind != JsonValueKind.Array) throw Invalid(name, "an array", value);
        return value.GetArrayLength();
    }

    public DateTimeOffset Timestamp(string name)
    {
        if (!TryGet(name, out var value)) throw Missing(name);
        if (value.ValueKind != JsonValueKind.String || !value.TryGetDateTimeOffset(out var timestamp))
            throw Invalid(name, "an ISO 8601 timestamp", value);
        return timestamp;
    }

    /// <summary>A full 40-character lowercase hex commit SHA, as GitHub writes them; anything else never reaches git.</summary>
    public string Sha(string name)
    {
        var sha = String(name);
        if (!GitSha.IsFull(sha)) throw Invalid(name, "a 40-character lowercase hex commit SHA");
        return sha;
    }

    private bool TryGet(string name, out JsonElement value) =>
        Element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private string PathOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private GitHubWebhookFormatException Missing(string name) =>
        new(GitHubWebhookFormatError.MissingField, PathOf(name), $"The {EventName} payload has no '{PathOf(name)}' field.");

    private GitHubWebhookFormatException Invalid(string name, string expected, JsonElement? actual = null) =>
        new(GitHubWebhookFormatError.InvalidField, PathOf(name),
            $"The {EventName} payload's '{PathOf(name)}' field must be {expected}"
            + (actual is { } a && a.ValueKind != JsonValueKind.String ? $", not {Describe(a.ValueKind)}." : "."));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
