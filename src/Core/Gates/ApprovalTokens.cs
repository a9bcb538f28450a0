using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Serverless.Core.Gates;

/// <summary>
/// HMAC-SHA256 tokens for approval links: <c>base64url(payload).base64url(mac)</c>, the payload binding approver,
/// run, environment, decision and expiry. A token for another run or environment is invalid, not merely refused.
/// </summary>
public sealed class ApprovalTokens
{
    public const string KeySetting = "PIPELINES_APPROVAL_SIGNING_KEY";
    public const string KeyFileName = "approval-signing.key";
    private const int GeneratedKeyBytes = 32;

    private readonly byte[] key;

    public ApprovalTokens(byte[] key)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(key.Length, 16, nameof(key));
        this.key = key;
    }

    /// <summary>The setting's text as the key when set; otherwise a random key kept in <paramref name="dataDirectory"/>.</summary>
    public static ApprovalTokens FromSettings(string? setting, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(setting))
        {
            return new ApprovalTokens(Encoding.UTF8.GetBytes(setting));
        }
        var path = Path.Combine(dataDirectory, KeyFileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedKeyBytes)));
        }
        return new ApprovalTokens(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    public string Create(ApprovalLink link)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(link.Approver, link.RunId, link.Environment, link.Choice, link.ExpiresAt.ToUnixTimeSeconds()));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    public ApprovalTokenCheck Verify(string token, string runId, string environment, DateTimeOffset now)
    {
        var invalid = new ApprovalTokenCheck(ApprovalTokenStatus.Invalid);
        var parts = token.Split('.');
        if (parts.Length != 2 || !TryDecode(parts[0], out var payload) || !TryDecode(parts[1], out var mac))
        {
            return invalid;
        }
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), mac))
        {
            return invalid;
        }
        Payload? claims;
        try
        {
            claims = JsonSerializer.Deserialize<Payload>(payload);
        }
        catch (JsonException)
        {
            return invalid;
        }
        if (claims is null || claims.Run != runId || !string.Equals(claims.Env, environment, StringComparison.OrdinalIgnoreCase))
        {
            return invalid;
        }
        var link = new ApprovalLink(claims.Who, claims.Run, claims.Env, claims.Choice, DateTimeOffset.FromUnixTimeSeconds(claims.Exp));
        return now >= link.ExpiresAt ? new ApprovalTokenCheck(ApprovalTokenStatus.Expired) : new ApprovalTokenCheck(ApprovalTokenStatus.Valid, link);
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private sealed record Payload(string Who, string Run, string Env, ApprovalChoice Choice, long Exp);
}
