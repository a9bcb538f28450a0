namespace Serverless.Runtime.Hosting.Management;

/// <summary>
/// Settings of the Durable Functions HTTP management API (<c>/runtime/webhooks/durabletask</c>). The hub and connection
/// names appear in every link the API hands out, as <c>taskHub=</c> and <c>connection=</c>; requests that name another
/// hub or connection are refused, because this host serves exactly one.
/// </summary>
public sealed class DurableManagementApiOptions
{
    public const string DefaultHubName = "DurableFunctionsHub";
    public const string DefaultConnectionName = "Storage";
    public const int MinHubNameLength = 3;
    public const int MaxHubNameLength = 45;

    /// <summary>The task hub name (host.json <c>extensions.durableTask.hubName</c>). Default <see cref="DefaultHubName"/>.</summary>
    public string HubName { get; set; } = DefaultHubName;

    /// <summary>The storage connection name. Default <see cref="DefaultConnectionName"/>.</summary>
    public string ConnectionName { get; set; } = DefaultConnectionName;

    /// <summary>
    /// The Durable Functions system key, added to links as <c>code=</c> so that whoever holds a link can use it.
    /// Null: links carry no key. Checking keys is the job of an <see cref="IManagementApiAuthorizer"/>.
    /// </summary>
    public string? SystemKey { get; set; }

    /// <summary>Every invalid setting, in one list; empty when all are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IsValidHubName(HubName))
            errors.Add($"HubName must be {MinHubNameLength}-{MaxHubNameLength} letters or digits starting with a letter, as Durable Functions requires (was '{HubName}').");
        if (string.IsNullOrWhiteSpace(ConnectionName))
            errors.Add("ConnectionName must not be empty.");
        if (SystemKey is not null && string.IsNullOrWhiteSpace(SystemKey))
            errors.Add("SystemKey must be null (no key) or a non-empty key.");
        return errors;
    }

    private static bool IsValidHubName(string? name) =>
        name is { Length: >= MinHubNameLength and <= MaxHubNameLength }
        && char.IsAsciiLetter(name[0])
        && name.All(char.IsAsciiLetterOrDigit);
}
