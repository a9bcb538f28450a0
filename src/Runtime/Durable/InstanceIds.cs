namespace Serverless.Runtime.Durable;

/// <summary>The rules for instance ids: they appear in URLs, blob names and queue messages.</summary>
public static class InstanceIds
{
    public const int MaxLength = 256;

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong with the id.</summary>
    public static void Validate(string instanceId)
    {
        if (string.IsNullOrWhiteSpace(instanceId))
            throw new ArgumentException("The instance id must not be empty.", nameof(instanceId));
        if (instanceId.Length > MaxLength)
            throw new ArgumentException($"The instance id is {instanceId.Length} characters; the limit is {MaxLength}.", nameof(instanceId));
        if (instanceId[0] == '@')
            throw new ArgumentException("The instance id must not start with '@' (reserved for entities).", nameof(instanceId));
        foreach (var c in instanceId)
            if (char.IsControl(c) || c is '/' or '\\' or '#' or '?')
                throw new ArgumentException($"The instance id contains '{(char.IsControl(c) ? $"\\u{(int)c:x4}" : c)}', which is not allowed (no '/', '\\\\', '#', '?' or control characters).", nameof(instanceId));
    }
}
