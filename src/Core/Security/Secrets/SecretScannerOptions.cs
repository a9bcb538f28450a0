namespace Serverless.Core.Security.Secrets;

/// <summary>Settings of the built-in secret scanner. Defaults suit a typical repository.</summary>
public sealed class SecretScannerOptions
{
    public const string DefaultAllowlistFileName = ".secretsignore";
    public const long DefaultMaxFileBytes = 1024 * 1024;
    public const double DefaultMinGenericSecretEntropy = 3.5;
    public const int DefaultMinGenericSecretLength = 16;

    /// <summary>Allowlist file, relative to the scanned root. Missing is fine: nothing is allowlisted.</summary>
    public string AllowlistFileName { get; init; } = DefaultAllowlistFileName;

    /// <summary>Larger files are skipped (generated bundles, data dumps).</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Shannon entropy, in bits per character, a generic assignment's value needs to count as a secret.</summary>
    public double MinGenericSecretEntropy { get; init; } = DefaultMinGenericSecretEntropy;

    public int MinGenericSecretLength { get; init; } = DefaultMinGenericSecretLength;

    /// <summary>Ids of built-in rules not to run.</summary>
    public IReadOnlyCollection<string> DisabledRules { get; init; } = [];

    internal IReadOnlyList<SecretRule> EnabledRules =>
        SecretRules.All.Where(rule => !DisabledRules.Contains(rule.Id, StringComparer.Ordinal)).ToArray();

    /// <summary>Throws one <see cref="ArgumentException"/> naming every bad field.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(AllowlistFileName))
        {
            errors.Add($"{nameof(AllowlistFileName)} must not be empty");
        }
        else if (Path.IsPathRooted(AllowlistFileName) || AllowlistFileName.Split('/', '\\').Contains(".."))
        {
            errors.Add($"{nameof(AllowlistFileName)} must be a path inside the scanned directory, not '{AllowlistFileName}'");
        }
        if (MaxFileBytes <= 0)
        {
            errors.Add($"{nameof(MaxFileBytes)} must be positive, not {MaxFileBytes}");
        }
        if (double.IsNaN(MinGenericSecretEntropy) || MinGenericSecretEntropy < 0 || MinGenericSecretEntropy > 16)
        {
            errors.Add($"{nameof(MinGenericSecretEntropy)} must be between 0 and 16 bits per character, not {MinGenericSecretEntropy}");
        }
        if (MinGenericSecretLength < 1)
        {
            errors.Add($"{nameof(MinGenericSecretLength)} must be at least 1, not {MinGenericSecretLength}");
        }
        var unknown = DisabledRules.Where(id => SecretRules.All.All(rule => rule.Id != id)).ToArray();
        if (unknown.Length > 0)
        {
            errors.Add($"{nameof(DisabledRules)} names unknown rules: {string.Join(", ", unknown)} (known: {string.Join(", ", SecretRules.All.Select(rule => rule.Id))})");
        }
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid secret scanner options: " + string.Join("; ", errors) + ".");
        }
    }
}
