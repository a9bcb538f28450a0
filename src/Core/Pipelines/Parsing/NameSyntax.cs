using System.Text.RegularExpressions;

namespace Serverless.Core.Pipelines.Parsing;

internal static partial class NameSyntax
{
    public const string Rule = "use letters, digits, '-', '_' and '.', starting with a letter or digit, at most 63 characters";

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
