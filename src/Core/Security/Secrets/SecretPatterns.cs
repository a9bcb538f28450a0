using System.Text.RegularExpressions;

namespace Serverless.Core.Security.Secrets;

internal static partial class SecretPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Za-z0-9])", Options)]
    internal static partial Regex AwsAccessKeyId();

    [GeneratedRegex(
        @"(?i:aws[_\-.]?secret[_\-.]?(?:access[_\-.]?)?key|secret[_\-.]?access[_\-.]?key)[""']?\s*(?::=|=>|=|:)\s*[""']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
        Options)]
    internal static partial Regex AwsSecretAccessKey();

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])",
        Options)]
    internal static partial Regex GitHubToken();

    // The body allows escaped newlines ("\n") because keys are often pasted into JSON or YAML strings.
    [GeneratedRegex(
        @"(?<secret>-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\s\\:,.\-]{64,20000}?-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----)",
        Options)]
    internal static partial Regex PrivateKey();

    [GeneratedRegex(
        @"(?<secret>https://hooks\.slack\.com/services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{20,32})(?![A-Za-z0-9])",
        Options)]
    internal static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<secret>xox[baprs]-[0-9]{6,}-[A-Za-z0-9-]{10,})(?![A-Za-z0-9-])", Options)]
    internal static partial Regex SlackToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])(?<secret>AIza[0-9A-Za-z_\-]{35})(?![0-9A-Za-z_\-])", Options)]
    internal static partial Regex GoogleApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>sk_live_[0-9A-Za-z]{24,99})(?![A-Za-z0-9_])", Options)]
    internal static partial Regex StripeLiveKey();

    // Matching starts at the keyword so the engine can jump between candidates. Quoted values after a secret-looking
    // name in code, config and YAML; unquoted ones only in KEY=value lines (.env files, shell), checked by the
    // lookbehind, where an unquoted value is the norm rather than a variable or a call.
    [GeneratedRegex(
        @"(?i:password|passwd|secret|token|api[_\-]?key)(?:"
        + @"[A-Za-z0-9_.\-]*[""']?[ \t]*(?::=|=>|=|:)[ \t]*(?<quote>[""'])(?<secret>[^""'\r\n]{1,512})\k<quote>"
        + @"|[A-Za-z0-9_]*=(?<=^[ \t]*(?:export[ \t]+)?[A-Za-z0-9_]+=)(?<secret>[^\s""'#]{1,512}))",
        Options | RegexOptions.Multiline)]
    internal static partial Regex GenericAssignment();
}
