using System.Text.Json;

namespace Serverless.Testing.Slack;

/// <summary>
/// The Block Kit checks Slack applies to a message's <c>blocks</c>: known block types, required fields, text object
/// types, and the length and count limits. Returns the first problem found, or null.
/// </summary>
internal static class SlackBlockRules
{
    public const int MaxBlocks = 50;
    private static readonly HashSet<string> UncheckedBlockTypes = ["rich_text", "input", "file", "video", "markdown"];

    public static string? Check(JsonElement blocks)
    {
        var count = blocks.GetArrayLength();
        if (count > MaxBlocks) return $"no more than {MaxBlocks} items allowed [json-pointer:/blocks]";
        var blockIds = new HashSet<string>();
        var actionIds = new HashSet<string>();
        var index = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            var error = CheckBlock(block, $"/blocks/{index}", blockIds, actionIds);
            if (error is not null) return error;
            index++;
        }
        return null;
    }

    private static string? CheckBlock(JsonElement block, string at, HashSet<string> blockIds, HashSet<string> actionIds)
    {
        if (block.ValueKind != JsonValueKind.Object) return $"must be an object [json-pointer:{at}]";
        if (OptionalString(block, "block_id", 255, at) is { } idError) return idError;
        if (block.TryGetProperty("block_id", out var blockId) && !blockIds.Add(blockId.GetString()!)) return $"duplicate block_id [json-pointer:{at}/block_id]";

        var type = block.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type switch
        {
            "header" => TextObject(block, "text", at, 150, plainOnly: true, required: true),
            "section" => Section(block, at, actionIds),
            "divider" => null,
            "context" => Context(block, at),
            "actions" => Actions(block, at, actionIds),
            "image" => Image(block, at),
            null => $"missing required field: type [json-pointer:{at}]",
            _ when UncheckedBlockTypes.Contains(type) => null,
            _ => $"unsupported type: {type} [json-pointer:{at}/type]",
        };
    }

    private static string? Section(JsonElement block, string at, HashSet<string> actionIds)
    {
        var hasText = block.TryGetProperty("text", out _);
        var hasFields = block.TryGetProperty("fields", out var fields);
        if (!hasText && !hasFields) return $"must provide either text or fields [json-pointer:{at}]";
        if (hasText && TextObject(block, "text", at, 3000, plainOnly: false, required: true) is { } textError) return textError;
        if (hasFields)
        {
            if (fields.ValueKind != JsonValueKind.Array || fields.GetArrayLength() is 0 or > 10)
                return $"fields must be an array of 1 to 10 items [json-pointer:{at}/fields]";
            var i = 0;
            foreach (var field in fields.EnumerateArray())
            {
                if (TextValue(field, $"{at}/fields/{i++}", 2000, plainOnly: false) is { } fieldError) return fieldError;
            }
        }
        if (block.TryGetProperty("accessory", out var accessory) && accessory.TryGetProperty("type", out var type) && type.GetString() == "button")
            return Button(accessory, $"{at}/accessory", actionIds);
        return null;
    }

    private static string? Context(JsonElement block, string at)
    {
        if (!block.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array || elements.GetArrayLength() is 0 or > 10)
            return $"elements must be an array of 1 to 10 items [json-pointer:{at}/elements]";
        var i = 0;
        foreach (var element in elements.EnumerateArray())
        {
            var path = $"{at}/elements/{i++}";
            var error = element.TryGetProperty("type", out var type) && type.GetString() == "image"
                ? Image(element, path)
                : TextValue(element, path, 3000, plainOnly: false);
            if (error is not null) return error;
        }
        return null;
    }

    private static string? Actions(JsonElement block, string at, HashSet<string> actionIds)
    {
        if (!block.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array || elements.GetArrayLength() is 0 or > 25)
            return $"elements must be an array of 1 to 25 items [json-pointer:{at}/elements]";
        var i = 0;
        foreach (var element in elements.EnumerateArray())
        {
            var path = $"{at}/elements/{i++}";
            if (!element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                return $"missing required field: type [json-pointer:{path}]";
            if (type.GetString() == "button" && Button(element, path, actionIds) is { } error) return error;
        }
        return null;
    }

    private static string? Button(JsonElement button, string at, HashSet<string> actionIds)
    {
        if (TextObject(button, "text", at, 75, plainOnly: true, required: true) is { } textError) return textError;
        if ((OptionalString(button, "url", 3000, at) ?? OptionalString(button, "value", 2000, at) ?? OptionalString(button, "action_id", 255, at)) is { } error)
            return error;
        if (button.TryGetProperty("action_id", out var actionId) && !actionIds.Add(actionId.GetString()!))
            return $"duplicate action_id [json-pointer:{at}/action_id]";
        if (button.TryGetProperty("style", out var style) && style.GetString() is not ("primary" or "danger"))
            return $"must be one of: primary, danger [json-pointer:{at}/style]";
        return null;
    }

    private static string? Image(JsonElement image, string at)
    {
        foreach (var (name, max) in new[] { ("image_url", 3000), ("alt_text", 2000) })
        {
            if (!image.TryGetProperty(name, out _)) return $"missing required field: {name} [json-pointer:{at}]";
            if (OptionalString(image, name, max, at) is { } error) return error;
        }
        return null;
    }

    private static string? TextObject(JsonElement parent, string name, string at, int maxLength, bool plainOnly, bool required)
    {
        if (!parent.TryGetProperty(name, out var text)) return required ? $"missing required field: {name} [json-pointer:{at}]" : null;
        return TextValue(text, $"{at}/{name}", maxLength, plainOnly);
    }

    private static string? TextValue(JsonElement text, string at, int maxLength, bool plainOnly)
    {
        if (text.ValueKind != JsonValueKind.Object) return $"must be a text object [json-pointer:{at}]";
        var type = text.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type is not ("plain_text" or "mrkdwn")) return $"must be a valid text object type [json-pointer:{at}/type]";
        if (plainOnly && type != "plain_text") return $"must be plain_text [json-pointer:{at}/type]";
        if (!text.TryGetProperty("text", out var value) || value.ValueKind != JsonValueKind.String) return $"missing required field: text [json-pointer:{at}]";
        var length = value.GetString()!.Length;
        if (length == 0) return $"must be more than 0 characters [json-pointer:{at}/text]";
        if (length > maxLength) return $"must be less than {maxLength + 1} characters [json-pointer:{at}/text]";
        if (text.TryGetProperty("emoji", out _) && type != "plain_text") return $"emoji is only allowed on plain_text [json-pointer:{at}/emoji]";
        return null;
    }

    private static string? OptionalString(JsonElement parent, string name, int maxLength, string at)
    {
        if (!parent.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String) return $"must be a string [json-pointer:{at}/{name}]";
        var length = value.GetString()!.Length;
        return length is 0 || length > maxLength ? $"must be 1 to {maxLength} characters [json-pointer:{at}/{name}]" : null;
    }
}
