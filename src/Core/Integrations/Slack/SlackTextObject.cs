using System.Text.Json.Serialization;

namespace Serverless.Core.Integrations.Slack;

/// <summary>A Block Kit text object.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SlackPlainText), "plain_text")]
[JsonDerivedType(typeof(SlackMarkdownText), "mrkdwn")]
public abstract record SlackTextObject([property: JsonPropertyName("text")] string Text);

/// <summary>Shown literally; <paramref name="Emoji"/> turns <c>:shortcodes:</c> into emoji.</summary>
public sealed record SlackPlainText(string Text, [property: JsonPropertyName("emoji")] bool Emoji = true) : SlackTextObject(Text);

/// <summary>Slack's mrkdwn: callers escape user text with <see cref="SlackText.Escape"/>.</summary>
public sealed record SlackMarkdownText(string Text) : SlackTextObject(Text);
