using System.Security.Cryptography;
using System.Text;

namespace Serverless.Core.Integrations.GitHub;

/// <summary>
/// The <c>X-Hub-Signature-256</c> check: <c>sha256=</c> followed by the lowercase hex HMAC-SHA256 of the raw body
/// under the webhook secret, compared in constant time.
/// </summary>
public static class GitHubWebhookSignature
{
    public const string Prefix = "sha256=";
    private const int HashLength = 32;

    /// <summary>
    /// True when <paramref name="signatureHeader"/> is the signature of <paramref name="body"/> under
    /// <paramref name="secret"/>; false for a missing, malformed or wrong signature.
    /// </summary>
    /// <exception cref="ArgumentException">The secret is empty: anyone could sign with an empty key.</exception>
    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? signatureHeader)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (signatureHeader is null || !signatureHeader.StartsWith(Prefix, StringComparison.Ordinal)) return false;

        var hex = signatureHeader.AsSpan(Prefix.Length);
        if (hex.Length != HashLength * 2) return false;
        Span<byte> claimed = stackalloc byte[HashLength];
        if (Convert.FromHexString(hex, claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != HashLength)
            return false;

        Span<byte> expected = stackalloc byte[HashLength];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }

    /// <summary>The header value GitHub would send for <paramref name="body"/>: <c>sha256=&lt;hex&gt;</c>.</summary>
    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> hash = stackalloc byte[HashLength];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }
}
