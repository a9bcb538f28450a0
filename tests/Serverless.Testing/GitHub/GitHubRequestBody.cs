using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Testing.GitHub;

/// <summary>Reads a request body's fields as GitHub validates them, collecting every problem before answering 422.</summary>
internal sealed class GitHubRequestBody(JsonObject root, string resource)
{
    public List<ValidationError> Errors { get; } = [];

    public static GitHubRequestBody Parse(string body, string resource)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw new GitHubReply(400, GitHubResponses.Message("Problems parsing JSON", 400));
        }
        if (node is not JsonObject root) throw new GitHubReply(400, GitHubResponses.Message("Body should be a JSON object", 400));
        return new GitHubRequestBody(root, resource);
    }

    public bool Has(string name) => root.TryGetPropertyValue(name, out var value) && value is not null;

    public string? RequiredString(string name)
    {
        if (!Has(name))
        {
            Errors.Add(new ValidationError(resource, name, "missing_field"));
            return null;
        }
        return OptionalString(name);
    }

    public string? OptionalString(string name)
    {
        if (!Has(name)) return null;
        if (root[name] is JsonValue value && value.TryGetValue<string>(out var text)) return text;
        Errors.Add(new ValidationError(resource, name, "invalid", $"{name} is not a string"));
        return null;
    }

    public string? Enum(string name, IReadOnlyCollection<string> allowed, bool required)
    {
        var value = required ? RequiredString(name) : OptionalString(name);
        if (value is null || allowed.Contains(value)) return value;
        Errors.Add(new ValidationError(resource, name, "invalid", $"{name} is not included in the list ({string.Join(", ", allowed)})"));
        return null;
    }

    public string? LimitedString(string name, int maxLength)
    {
        var value = OptionalString(name);
        if (value is null || value.Length <= maxLength) return value;
        Errors.Add(new ValidationError(resource, name, "custom", $"{name} is too long (maximum is {maxLength} characters)"));
        return null;
    }

    public bool Boolean(string name, bool defaultValue)
    {
        if (!Has(name)) return defaultValue;
        if (root[name] is JsonValue value && value.TryGetValue<bool>(out var flag)) return flag;
        Errors.Add(new ValidationError(resource, name, "invalid", $"{name} is not a boolean"));
        return defaultValue;
    }

    public IReadOnlyList<string>? StringArray(string name)
    {
        if (!Has(name)) return null;
        if (root[name] is JsonArray array && array.All(e => e is JsonValue v && v.TryGetValue<string>(out _)))
            return array.Select(e => e!.GetValue<string>()).ToList();
        Errors.Add(new ValidationError(resource, name, "invalid", $"{name} is not an array of strings"));
        return null;
    }

    public JsonElement? ObjectOrString(string name)
    {
        if (!Has(name)) return null;
        var node = root[name]!;
        if (node is JsonObject || (node is JsonValue v && v.TryGetValue<string>(out _)))
            return JsonSerializer.SerializeToElement(node);
        Errors.Add(new ValidationError(resource, name, "invalid", $"{name} is not an object or a string"));
        return null;
    }

    public void ThrowIfInvalid(string documentationUrl)
    {
        if (Errors.Count > 0) throw new GitHubReply(422, GitHubResponses.ValidationFailed(documentationUrl, [.. Errors]));
    }
}
