using System.Text.Json.Serialization;

namespace Serverless.Core.Integrations.Slack;

/// <summary>An incoming-webhook message: Block Kit <paramref name="Blocks"/> plus the <paramref name="Text"/> notifications and old clients show.</summary>
public sealed record SlackMessage(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("blocks")] IReadOnlyList<SlackBlock> Blocks);
