using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Core.Security.Secrets;

/// <summary>One gitignore-style pattern: <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>**</c>, leading <c>/</c> anchors, trailing <c>/</c> for directories, <c>!</c> to re-include.</summary>
internal sealed class GlobPattern
{
    private readonly Regex regex;
    private readonly bool matchesBaseName;

    private GlobPattern(Regex regex, bool matchesBaseName, bool directoryOnly, bool negated)
    {
        this.regex = regex;
        this.matchesBaseName = matchesBaseName;
        DirectoryOnly = directoryOnly;
        Negated = negated;
    }

    public bool DirectoryOnly { get; }

    public bool Negated { get; }

    public static GlobPattern Parse(string line)
    {
        var pattern = line;
        var negated = pattern.StartsWith('!');
        if (negated)
        {
            pattern = pattern[1..];
        }
        else if (pattern.StartsWith("\\!", StringComparison.Ordinal) || pattern.StartsWith("\\#", StringComparison.Ordinal))
        {
            pattern = pattern[1..];
        }

        var directoryOnly = pattern.EndsWith('/');
        pattern = pattern.TrimEnd('/');

        // As git does: a slash anywhere but the end anchors the pattern to the root; otherwise it matches a name at any depth.
        var anchored = pattern.Contains('/');
        pattern = pattern.TrimStart('/');

        var regex = new Regex("^" + Translate(pattern) + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        return new GlobPattern(regex, !anchored, directoryOnly, negated);
    }

    /// <param name="path">Relative to the root, forward slashes, no leading or trailing slash.</param>
    public bool Matches(string path, bool isDirectory)
    {
        if (DirectoryOnly && !isDirectory)
        {
            return false;
        }
        var subject = matchesBaseName ? path[(path.LastIndexOf('/') + 1)..] : path;
        return regex.IsMatch(subject);
    }

    private static string Translate(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    var atSegmentStart = i == 0 || glob[i - 1] == '/';
                    var followedBySlash = i + 2 < glob.Length && glob[i + 2] == '/';
                    if (atSegmentStart && followedBySlash)
                    {
                        regex.Append("(?:.*/)?");
                        i += 2;
                    }
                    else
                    {
                        regex.Append(".*");
                        i++;
                    }
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }
                    var body = glob[(i + 1)..close];
                    if (body.StartsWith('!'))
                    {
                        body = "^" + body[1..];
                    }
                    regex.Append('[').Append(body.Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < glob.Length:
                    regex.Append(Regex.Escape(glob[i + 1].ToString()));
                    i++;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return regex.ToString();
    }
}
