using System.Text.Json.Serialization;

namespace Serverless.Core.Integrations.Slack;

/// <summary>A Block Kit layout block.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SlackHeaderBlock), "header")]
[JsonDerivedType(typeof(SlackSectionBlock), "section")]
[JsonDerivedType(typeof(SlackContextBlock), "context")]
[JsonDerivedType(typeof(SlackActionsBlock), "actions")]
[JsonDerivedType(typeof(SlackDividerBlock), "divider")]
public abstract record SlackBlock;

/// <summary>Large bold plain text, at most <see cref="SlackLimits.HeaderText"/> characters.</summary>
public sealed record SlackHeaderBlock([property: JsonIgnore] SlackPlainText Text) : SlackBlock
{
    // Declared as the base type so the serializer writes the text object's "type".
    [JsonInclude, JsonPropertyName("text")]
    private SlackTextObject SerializedText => Text;
}

/// <summary>Text (≤ <see cref="SlackLimits.SectionText"/>) and/or up to ten two-column fields (each ≤ <see cref="SlackLimits.SectionFieldText"/>).</summary>
public sealed record SlackSectionBlock(
    [property: JsonPropertyName("text"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SlackTextObject? Text,
    [property: JsonPropertyName("fields"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SlackTextObject>? Fields = null) : SlackBlock;

/// <summary>Small grey text, up to <see cref="SlackLimits.ContextElements"/> elements.</summary>
public sealed record SlackContextBlock([property: JsonPropertyName("elements")] IReadOnlyList<SlackTextObject> Elements) : SlackBlock;

public sealed record SlackActionsBlock([property: JsonPropertyName("elements")] IReadOnlyList<SlackButton> Elements) : SlackBlock;

public sealed record SlackDividerBlock : SlackBlock;
