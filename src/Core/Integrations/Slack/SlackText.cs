using System.Text;

namespace Serverless.Core.Integrations.Slack;

/// <summary>Escaping and length limits for text sent to Slack.</summary>
public static class SlackText
{
    private const string Ellipsis = "…";

    /// <summary>
    /// Escapes the three characters Slack's mrkdwn gives meaning to (&amp;, &lt;, &gt;), so user text such as a commit
    /// message cannot form links or mentions.
    /// </summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// <see cref="Escape"/>d text of at most <paramref name="maxLength"/> characters; when cut, it ends in an ellipsis
    /// and never splits an escape or a surrogate pair.
    /// </summary>
    public static string EscapeAndFit(string text, int maxLength)
    {
        var escaped = Escape(text);
        return escaped.Length <= maxLength ? escaped : Fit(text, maxLength, escape: true);
    }

    /// <summary>Plain text (no escaping, as plain_text objects take it) of at most <paramref name="maxLength"/> characters.</summary>
    public static string FitPlain(string text, int maxLength) =>
        text.Length <= maxLength ? text : Fit(text, maxLength, escape: false);

    /// <summary>The first line of <paramref name="text"/>, trimmed.</summary>
    public static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? text : text[..end]).Trim();
    }

    private static string Fit(string text, int maxLength, bool escape)
    {
        var budget = maxLength - Ellipsis.Length;
        var result = new StringBuilder(maxLength);
        foreach (var rune in text.EnumerateRunes())
        {
            var piece = escape ? EscapeRune(rune) : rune.ToString();
            if (result.Length + piece.Length > budget) break;
            result.Append(piece);
        }
        return result.Append(Ellipsis).ToString();
    }

    private static string EscapeRune(Rune rune) => rune.Value switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        _ => rune.ToString(),
    };
}
