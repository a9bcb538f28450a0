using System.Security.Cryptography;
using System.Text;

namespace Serverless.Core.Security.Secrets;

internal static class Fingerprints
{
    private const int HexLength = 32;

    /// <summary>128 bits of SHA-256 over rule, file and secret, as lower-case hex: stable, and says nothing about the secret.</summary>
    public static string Of(string ruleId, string file, string secret)
    {
        var input = Encoding.UTF8.GetBytes($"{ruleId}\n{file}\n{secret}");
        return Convert.ToHexStringLower(SHA256.HashData(input))[..HexLength];
    }

    public static bool IsFingerprint(string text) =>
        text.Length == HexLength && text.All(char.IsAsciiHexDigit);
}
