using System.Text.Json.Serialization;

namespace Serverless.Core.Integrations.Slack;

/// <summary>A link button (the element <c>type</c> is always <c>button</c>).</summary>
public sealed record SlackButton(
    [property: JsonIgnore] SlackPlainText Text,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("style"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Style = null,
    [property: JsonPropertyName("action_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ActionId = null)
{
    public const string Primary = "primary";
    public const string Danger = "danger";

    [JsonPropertyName("type"), JsonPropertyOrder(-1)]
    public string Type => "button";

    // Declared as the base type so the serializer writes the text object's "type".
    [JsonInclude, JsonPropertyName("text"), JsonPropertyOrder(-1)]
    private SlackTextObject SerializedText => Text;
}
