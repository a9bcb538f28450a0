namespace Serverless.Core.Integrations.Local.Target;

/// <summary>Environment, service and version names become folder and artifact names, so they are kept plain.</summary>
internal static class DeploymentNames
{
    public const int MaxLength = 100;

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxLength
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static void Validate(string? name, string field, string parameterName)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"{field} '{name}' is invalid: use 1 to {MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit.",
                parameterName);
        }
    }
}
