namespace Serverless.Core.Security.Secrets;

internal static class Redaction
{
    private const int ShownChars = 4;

    // Below this length four characters would give away too much of the value.
    private const int MinLengthToShowPrefix = 12;

    public static string Redact(string secret) =>
        secret.Length >= MinLengthToShowPrefix ? secret[..ShownChars] + "…" : "…";
}
