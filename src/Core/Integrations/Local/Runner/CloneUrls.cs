using System.Text.RegularExpressions;

namespace Serverless.Core.Integrations.Local.Runner;

/// <summary>Keeps credentials embedded in clone URLs (<c>https://x-access-token:…@github.com/…</c>) out of messages.</summary>
public static partial class CloneUrls
{
    /// <summary>The URL without its user-info part; other forms (paths, <c>git@host:repo</c>) unchanged.</summary>
    public static string Redact(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.UserInfo) && !uri.IsFile
            ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString()
            : UserInfo().Replace(url, "://");
    }

    /// <summary>Removes <paramref name="url"/> and any <c>scheme://user:password@</c> user-info from text such as git's stderr.</summary>
    public static string Scrub(string text, string url)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!string.IsNullOrEmpty(url))
        {
            text = text.Replace(url, Redact(url), StringComparison.Ordinal);
        }

        return UserInfo().Replace(text, "://");
    }

    [GeneratedRegex(@"://[^/@\s]+@")]
    private static partial Regex UserInfo();
}
