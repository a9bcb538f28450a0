using System.Globalization;
using System.Text.RegularExpressions;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary>Percentages written <c>1%</c>, <c>1</c> or <c>0.5%</c>.</summary>
internal static partial class PercentageSyntax
{
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var match = Pattern().Match(text);
        return match.Success && double.TryParse(match.Groups["n"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^\s*(?<n>-?\d{1,9}(?:\.\d{1,6})?)\s*%?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
